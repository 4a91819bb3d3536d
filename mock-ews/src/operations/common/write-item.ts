import { createHash } from 'node:crypto';
import { el, leaf, Xml } from '../../soap/response-writer';
import { atLeast } from '../../profiles/versions';
import { itemMime } from '../../mime/item-mime';
import type { SchemaVersion } from '../../profiles/versions';
import { contentLength } from '../../store/on-demand';
import type { Address, Attachment, Item, Mailbox } from '../../store/types';
import type { OperationContext } from '../operation';
import { Shape } from './shapes';
import { bodyAs } from './body-text';
import { conversationTopic, displayList, hasAttachments, isFromMe, ITEM_SHAPES, ItemContext } from './item-properties';

/** xs:dateTime as Exchange writes it: UTC, whole seconds. */
export function ewsDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** True when the shape asks for the property in this context. */
export function includes(shape: Shape, uri: string, context: ItemContext): boolean {
  if (shape.additional.has(uri)) return true;
  const member = ITEM_SHAPES[uri];
  if (!member) return false;
  if (shape.base === 'AllProperties') return member.all.includes(context);
  return shape.base === 'Default' && member.default.includes(context);
}

/** What a shape writes, decided once per request rather than once per item. */
interface ItemPlan {
  context: ItemContext;
  version: SchemaVersion;
  /** FieldURIs to write: the shape's members for the context, plus AdditionalProperties. */
  props: Set<string>;
  mime: boolean;
  v2010: boolean;
}

/** The plan of each Shape (operations read one Shape per request). */
const PLANS = new WeakMap<Shape, ItemPlan>();

function planFor(shape: Shape, context: ItemContext, version: SchemaVersion): ItemPlan {
  const cached = PLANS.get(shape);
  if (cached && cached.context === context && cached.version === version) return cached;
  const props = new Set<string>();
  for (const uri of Object.keys(ITEM_SHAPES)) if (includes(shape, uri, context)) props.add(uri);
  for (const uri of shape.additional) props.add(uri);
  const mime = (shape.includeMimeContent || shape.additional.has('item:MimeContent')) && context === 'get';
  const plan = { context, version, props, mime, v2010: atLeast(version, 'Exchange2010') };
  PLANS.set(shape, plan);
  return plan;
}

/**
 * Writes a t:Message with the properties the shape asks for, in the order of the EWS schema
 * (ItemType's elements, then MessageType's). `context` says whether the shape is a FindItem
 * summary ('find') or a full GetItem answer ('get', the default); SyncFolderItems passes either.
 * Properties a requested schema version does not have are left out.
 *
 * Only MIME content and Internet headers need the item's MIME, which may take a wait; without
 * them the item is written at once and nothing is returned, so a page of summaries costs no
 * promise per item. Callers await the result when there is one.
 */
export function writeItem(parent: Xml, ctx: OperationContext, item: Item, shape: Shape, context: ItemContext = 'get'): Promise<void> | undefined {
  const plan = planFor(shape, context, ctx.version);
  const headers = plan.props.has('item:InternetMessageHeaders');
  if (!plan.mime && !headers) {
    writeMessage(parent, ctx, item, shape, plan);
    return undefined;
  }
  return (async () => {
    const mime = plan.mime ? await itemMime.base64(item) : undefined;
    const headerList = headers ? await itemMime.headers(item) : undefined;
    writeMessage(parent, ctx, item, shape, plan, mime, headerList);
  })();
}

function writeMessage(parent: Xml, ctx: OperationContext, item: Item, shape: Shape, plan: ItemPlan, mime?: string, headers?: Iterable<[string, string]>): void {
  const mailbox = ctx.store.mailboxes.get(item.mailboxId)!;
  const data = item.data;
  const { context } = plan;
  const v2010 = plan.v2010;
  const want = plan.props;
  const m = el(parent, 't:Message');

  if (mime !== undefined) el(m, 't:MimeContent', { CharacterSet: 'UTF-8' }).verbatim(mime);
  el(m, 't:ItemId', { Id: item.id, ChangeKey: item.changeKey });
  if (want.has('item:ParentFolderId')) {
    const folder = mailbox.folders.get(item.folderId)!;
    el(m, 't:ParentFolderId', { Id: folder.id, ChangeKey: folder.changeKey });
  }
  if (want.has('item:ItemClass')) leaf(m, 't:ItemClass', data.itemClass);
  // An empty subject is written as an empty element, as Exchange does.
  if (want.has('item:Subject')) leaf(m, 't:Subject', data.subject);
  if (want.has('item:Sensitivity')) leaf(m, 't:Sensitivity', 'Normal');
  if (want.has('item:Body')) writeBody(m, 't:Body', data.body, shape.bodyType, ctx);
  if (want.has('item:Attachments') && item.attachments.length > 0) {
    const list = el(m, 't:Attachments');
    for (const a of item.attachments) writeFileAttachment(list, ctx, a, false);
  }
  if (want.has('item:DateTimeReceived')) leaf(m, 't:DateTimeReceived', ewsDate(data.dateTimeReceived));
  if (want.has('item:Size')) leaf(m, 't:Size', item.size);
  if (want.has('item:Categories') && data.categories.length > 0) {
    const cats = el(m, 't:Categories');
    for (const c of data.categories) leaf(cats, 't:String', c);
  }
  if (want.has('item:Importance')) leaf(m, 't:Importance', data.importance);
  if (want.has('item:InReplyTo')) leaf(m, 't:InReplyTo', data.inReplyTo || undefined);
  if (want.has('item:IsSubmitted')) leaf(m, 't:IsSubmitted', false);
  if (want.has('item:IsDraft')) leaf(m, 't:IsDraft', data.isDraft);
  if (want.has('item:IsFromMe')) leaf(m, 't:IsFromMe', isFromMe(item, mailbox));
  if (want.has('item:IsResend')) leaf(m, 't:IsResend', false);
  if (want.has('item:IsUnmodified')) leaf(m, 't:IsUnmodified', !data.isDraft && item.version === 1);
  if (headers) writeHeaders(m, headers);
  if (want.has('item:DateTimeSent')) leaf(m, 't:DateTimeSent', ewsDate(data.dateTimeSent));
  if (want.has('item:DateTimeCreated')) leaf(m, 't:DateTimeCreated', ewsDate(item.dateTimeCreated));
  if (want.has('item:ReminderIsSet')) leaf(m, 't:ReminderIsSet', false);
  if (want.has('item:ReminderMinutesBeforeStart')) leaf(m, 't:ReminderMinutesBeforeStart', 0);
  if (want.has('item:DisplayCc')) leaf(m, 't:DisplayCc', displayList(data.cc));
  if (want.has('item:DisplayTo')) leaf(m, 't:DisplayTo', displayList(data.to));
  if (want.has('item:HasAttachments')) leaf(m, 't:HasAttachments', hasAttachments(item));
  if (want.has('item:Culture')) leaf(m, 't:Culture', 'en-US');
  if (want.has('item:EffectiveRights')) writeEffectiveRights(m, ctx);
  if (want.has('item:LastModifiedName')) leaf(m, 't:LastModifiedName', mailbox.displayName);
  if (want.has('item:LastModifiedTime')) leaf(m, 't:LastModifiedTime', ewsDate(item.lastModified));
  if (want.has('item:IsAssociated')) leaf(m, 't:IsAssociated', false);
  if (v2010 && want.has('item:ConversationId')) el(m, 't:ConversationId', { Id: item.conversationId });
  if (v2010 && want.has('item:UniqueBody') && context === 'get') writeBody(m, 't:UniqueBody', data.body, 'HTML', ctx);

  if (want.has('message:Sender') && (data.sender ?? data.from)) writeSingle(m, 't:Sender', data.sender ?? data.from!, ctx);
  if (want.has('message:ToRecipients')) writeList(m, 't:ToRecipients', data.to, ctx);
  if (want.has('message:CcRecipients')) writeList(m, 't:CcRecipients', data.cc, ctx);
  if (want.has('message:BccRecipients')) writeList(m, 't:BccRecipients', data.bcc, ctx);
  if (want.has('message:IsReadReceiptRequested')) leaf(m, 't:IsReadReceiptRequested', false);
  if (want.has('message:IsDeliveryReceiptRequested')) leaf(m, 't:IsDeliveryReceiptRequested', false);
  if (want.has('message:ConversationIndex')) leaf(m, 't:ConversationIndex', conversationIndex(item));
  if (want.has('message:ConversationTopic')) leaf(m, 't:ConversationTopic', conversationTopic(data.subject));
  if (want.has('message:From') && data.from) writeSingle(m, 't:From', data.from, ctx);
  if (want.has('message:InternetMessageId')) leaf(m, 't:InternetMessageId', data.internetMessageId || undefined);
  if (want.has('message:IsRead')) leaf(m, 't:IsRead', data.isRead);
  if (want.has('message:IsResponseRequested')) leaf(m, 't:IsResponseRequested', false);
  if (want.has('message:References')) leaf(m, 't:References', data.references || undefined);
  if (want.has('message:ReplyTo')) writeList(m, 't:ReplyTo', data.replyTo, ctx);
  const receivedBy = want.has('message:ReceivedBy');
  const representing = want.has('message:ReceivedRepresenting');
  if ((receivedBy || representing) && wasReceived(item, mailbox)) {
    const owner: Address = { name: mailbox.displayName, address: mailbox.smtp };
    if (receivedBy) writeSingle(m, 't:ReceivedBy', owner, ctx);
    if (representing) writeSingle(m, 't:ReceivedRepresenting', owner, ctx);
  }
}

/** Received mail has a receiving mailbox; drafts, sent and outgoing messages do not. */
function wasReceived(item: Item, mailbox: Mailbox): boolean {
  const outgoing = (['drafts', 'sentitems', 'outbox'] as const).some((name) => mailbox.distinguished.get(name) === item.folderId);
  return !outgoing && !item.data.isDraft && item.data.from !== undefined && !isFromMe(item, mailbox);
}

function writeBody(parent: Xml, name: string, body: { html?: string; text?: string }, requested: Shape['bodyType'], ctx: OperationContext): void {
  const { type, content } = bodyAs(body, requested);
  // IsTruncated arrived with Exchange 2013 (MaximumBodySize); older schemas do not have it.
  el(parent, name, { BodyType: type, IsTruncated: atLeast(ctx.version, 'Exchange2013') ? 'false' : undefined }).txt(content);
}

/** A t:Mailbox: Exchange answers SMTP addresses, and MailboxType from 2007 SP1 on. */
export function writeMailbox(parent: Xml, address: Address, ctx: OperationContext): void {
  const mb = el(parent, 't:Mailbox');
  leaf(mb, 't:Name', address.name || address.address);
  leaf(mb, 't:EmailAddress', address.address);
  leaf(mb, 't:RoutingType', 'SMTP');
  if (atLeast(ctx.version, 'Exchange2007_SP1')) leaf(mb, 't:MailboxType', ctx.store.mailbox(address.address) ? 'Mailbox' : 'OneOff');
}

function writeSingle(parent: Xml, name: string, address: Address, ctx: OperationContext): void {
  writeMailbox(el(parent, name), address, ctx);
}

/** Recipient lists are left out entirely when empty (the schema forbids an empty array). */
function writeList(parent: Xml, name: string, list: Address[], ctx: OperationContext): void {
  if (list.length === 0) return;
  const container = el(parent, name);
  for (const a of list) writeMailbox(container, a, ctx);
}

function writeEffectiveRights(parent: Xml, ctx: OperationContext): void {
  const r = el(parent, 't:EffectiveRights');
  leaf(r, 't:CreateAssociated', false);
  leaf(r, 't:CreateContents', false);
  leaf(r, 't:CreateHierarchy', false);
  leaf(r, 't:Delete', true);
  leaf(r, 't:Modify', true);
  leaf(r, 't:Read', true);
  if (atLeast(ctx.version, 'Exchange2010_SP1')) leaf(r, 't:ViewPrivateItems', true);
}

/**
 * A t:FileAttachment. In item listings it carries metadata only; GetAttachment adds Content.
 * Size, LastModifiedTime, IsInline and IsContactPhoto are Exchange 2010 additions to the schema.
 */
export function writeFileAttachment(parent: Xml, ctx: OperationContext, a: Attachment, withContent: boolean): void {
  const f = el(parent, 't:FileAttachment');
  el(f, 't:AttachmentId', { Id: a.id });
  leaf(f, 't:Name', a.name);
  leaf(f, 't:ContentType', a.contentType);
  leaf(f, 't:ContentId', a.contentId || undefined);
  if (atLeast(ctx.version, 'Exchange2010')) {
    // Known up front for on-demand attachments: the bytes are not produced just to be counted.
    leaf(f, 't:Size', contentLength(a));
    leaf(f, 't:LastModifiedTime', ewsDate(a.lastModified));
    leaf(f, 't:IsInline', Boolean(a.isInline));
    leaf(f, 't:IsContactPhoto', false);
  }
  if (withContent) el(f, 't:Content').verbatim(a.content.toString('base64'));
}

/** The header block of the message's MIME form, one t:InternetMessageHeader per header line. */
function writeHeaders(parent: Xml, headers: Iterable<[string, string]>): void {
  const list = el(parent, 't:InternetMessageHeaders');
  for (const [name, value] of headers) el(list, 't:InternetMessageHeader', { HeaderName: name }).txt(value);
}

/** A conversation index as Outlook builds one: a reserved byte, a time stamp, the conversation GUID. */
function conversationIndex(item: Item): string {
  const header = Buffer.alloc(6);
  const ticks = Math.floor(item.data.dateTimeSent.getTime() / 1000);
  header.writeUInt8(1, 0);
  header.writeUIntBE(ticks % 2 ** 40, 1, 5);
  const guid = createHash('md5').update(item.conversationId).digest();
  return Buffer.concat([header, guid]).toString('base64');
}
