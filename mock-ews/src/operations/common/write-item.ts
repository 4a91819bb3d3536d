import { createHash } from 'node:crypto';
import { el, leaf, Xml } from '../../soap/response-writer';
import { atLeast } from '../../profiles/versions';
import { messageMime } from '../../mime/compose';
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

/**
 * Writes a t:Message with the properties the shape asks for, in the order of the EWS schema
 * (ItemType's elements, then MessageType's). `context` says whether the shape is a FindItem
 * summary ('find') or a full GetItem answer ('get', the default); SyncFolderItems passes either.
 * Properties a requested schema version does not have are left out.
 */
export async function writeItem(parent: Xml, ctx: OperationContext, item: Item, shape: Shape, context: ItemContext = 'get'): Promise<void> {
  const mailbox = ctx.store.mailboxes.get(item.mailboxId)!;
  const data = item.data;
  const v2010 = atLeast(ctx.version, 'Exchange2010');
  const want = (uri: string) => includes(shape, uri, context);
  const m = el(parent, 't:Message');

  if ((shape.includeMimeContent || shape.additional.has('item:MimeContent')) && context === 'get') {
    const mime = await messageMime(data);
    el(m, 't:MimeContent', { CharacterSet: 'UTF-8' }).txt(mime.toString('base64'));
  }
  el(m, 't:ItemId', { Id: item.id, ChangeKey: item.changeKey });
  if (want('item:ParentFolderId')) {
    const folder = mailbox.folders.get(item.folderId)!;
    el(m, 't:ParentFolderId', { Id: folder.id, ChangeKey: folder.changeKey });
  }
  if (want('item:ItemClass')) leaf(m, 't:ItemClass', data.itemClass);
  // An empty subject is written as an empty element, as Exchange does.
  if (want('item:Subject')) leaf(m, 't:Subject', data.subject);
  if (want('item:Sensitivity')) leaf(m, 't:Sensitivity', 'Normal');
  if (want('item:Body')) writeBody(m, 't:Body', data.body, shape.bodyType, ctx);
  if (want('item:Attachments') && item.attachments.length > 0) {
    const list = el(m, 't:Attachments');
    for (const a of item.attachments) writeFileAttachment(list, ctx, a, false);
  }
  if (want('item:DateTimeReceived')) leaf(m, 't:DateTimeReceived', ewsDate(data.dateTimeReceived));
  if (want('item:Size')) leaf(m, 't:Size', item.size);
  if (want('item:Categories') && data.categories.length > 0) {
    const cats = el(m, 't:Categories');
    for (const c of data.categories) leaf(cats, 't:String', c);
  }
  if (want('item:Importance')) leaf(m, 't:Importance', data.importance);
  if (want('item:InReplyTo')) leaf(m, 't:InReplyTo', data.inReplyTo || undefined);
  if (want('item:IsSubmitted')) leaf(m, 't:IsSubmitted', false);
  if (want('item:IsDraft')) leaf(m, 't:IsDraft', data.isDraft);
  if (want('item:IsFromMe')) leaf(m, 't:IsFromMe', isFromMe(item, mailbox));
  if (want('item:IsResend')) leaf(m, 't:IsResend', false);
  if (want('item:IsUnmodified')) leaf(m, 't:IsUnmodified', !data.isDraft && item.version === 1);
  if (want('item:InternetMessageHeaders')) await writeHeaders(m, item);
  if (want('item:DateTimeSent')) leaf(m, 't:DateTimeSent', ewsDate(data.dateTimeSent));
  if (want('item:DateTimeCreated')) leaf(m, 't:DateTimeCreated', ewsDate(item.dateTimeCreated));
  if (want('item:ReminderIsSet')) leaf(m, 't:ReminderIsSet', false);
  if (want('item:ReminderMinutesBeforeStart')) leaf(m, 't:ReminderMinutesBeforeStart', 0);
  if (want('item:DisplayCc')) leaf(m, 't:DisplayCc', displayList(data.cc));
  if (want('item:DisplayTo')) leaf(m, 't:DisplayTo', displayList(data.to));
  if (want('item:HasAttachments')) leaf(m, 't:HasAttachments', hasAttachments(item));
  if (want('item:Culture')) leaf(m, 't:Culture', 'en-US');
  if (want('item:EffectiveRights')) writeEffectiveRights(m, ctx);
  if (want('item:LastModifiedName')) leaf(m, 't:LastModifiedName', mailbox.displayName);
  if (want('item:LastModifiedTime')) leaf(m, 't:LastModifiedTime', ewsDate(item.lastModified));
  if (want('item:IsAssociated')) leaf(m, 't:IsAssociated', false);
  if (v2010 && want('item:ConversationId')) el(m, 't:ConversationId', { Id: item.conversationId });
  if (v2010 && want('item:UniqueBody') && context === 'get') writeBody(m, 't:UniqueBody', data.body, 'HTML', ctx);

  if (want('message:Sender') && (data.sender ?? data.from)) writeSingle(m, 't:Sender', data.sender ?? data.from!, ctx);
  if (want('message:ToRecipients')) writeList(m, 't:ToRecipients', data.to, ctx);
  if (want('message:CcRecipients')) writeList(m, 't:CcRecipients', data.cc, ctx);
  if (want('message:BccRecipients')) writeList(m, 't:BccRecipients', data.bcc, ctx);
  if (want('message:IsReadReceiptRequested')) leaf(m, 't:IsReadReceiptRequested', false);
  if (want('message:IsDeliveryReceiptRequested')) leaf(m, 't:IsDeliveryReceiptRequested', false);
  if (want('message:ConversationIndex')) leaf(m, 't:ConversationIndex', conversationIndex(item));
  if (want('message:ConversationTopic')) leaf(m, 't:ConversationTopic', conversationTopic(data.subject));
  if (want('message:From') && data.from) writeSingle(m, 't:From', data.from, ctx);
  if (want('message:InternetMessageId')) leaf(m, 't:InternetMessageId', data.internetMessageId || undefined);
  if (want('message:IsRead')) leaf(m, 't:IsRead', data.isRead);
  if (want('message:IsResponseRequested')) leaf(m, 't:IsResponseRequested', false);
  if (want('message:References')) leaf(m, 't:References', data.references || undefined);
  if (want('message:ReplyTo')) writeList(m, 't:ReplyTo', data.replyTo, ctx);
  if (wasReceived(item, mailbox)) {
    const owner: Address = { name: mailbox.displayName, address: mailbox.smtp };
    if (want('message:ReceivedBy')) writeSingle(m, 't:ReceivedBy', owner, ctx);
    if (want('message:ReceivedRepresenting')) writeSingle(m, 't:ReceivedRepresenting', owner, ctx);
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
 * Size, LastModifiedTime and IsInline are Exchange 2010 additions to the schema.
 */
export function writeFileAttachment(parent: Xml, ctx: OperationContext, a: Attachment, withContent: boolean): void {
  const f = el(parent, 't:FileAttachment');
  el(f, 't:AttachmentId', { Id: a.id });
  leaf(f, 't:Name', a.name);
  leaf(f, 't:ContentType', a.contentType);
  leaf(f, 't:ContentId', a.contentId || undefined);
  if (atLeast(ctx.version, 'Exchange2010')) {
    leaf(f, 't:Size', a.content.length);
    leaf(f, 't:LastModifiedTime', ewsDate(a.lastModified));
    leaf(f, 't:IsInline', Boolean(a.isInline));
  }
  leaf(f, 't:IsContactPhoto', false);
  if (withContent) leaf(f, 't:Content', a.content.toString('base64'));
}

/** The header block of the message's MIME form, one t:InternetMessageHeader per header line. */
async function writeHeaders(parent: Xml, item: Item): Promise<void> {
  const mime = await messageMime(item.data);
  const text = mime.toString('utf8');
  const end = text.search(/\r?\n\r?\n/);
  const block = (end < 0 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const headers = el(parent, 't:InternetMessageHeaders');
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    el(headers, 't:InternetMessageHeader', { HeaderName: line.slice(0, colon) }).txt(line.slice(colon + 1).trim());
  }
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
