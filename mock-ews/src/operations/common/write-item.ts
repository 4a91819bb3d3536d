import { createHash } from 'node:crypto';
import { el, leaf, Xml, idElement } from '../../soap/response-writer';
import { atLeast } from '../../profiles/versions';
import { itemMime } from '../../mime/item-mime';
import type { SchemaVersion } from '../../profiles/versions';
import { contentLength } from '../../store/on-demand';
import type { Address, Attachment, Item, Mailbox } from '../../store/types';
import type { OperationContext } from '../operation';
import { Shape } from './shapes';
import { bodyAs, cutToKb, safeHtml } from './body-text';
import { ewsDate } from './schema-values';
import { isAttachedMessage } from './attached-messages';
import { wantsTransportHeaders, writeItemExtended } from './extended-properties';
import { conversationTopic, displayList, hasAttachments, isFromMe, ITEM_SHAPES, ItemContext } from './item-properties';

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
  /** The writers of the properties in `props` this version and context have, in schema order. */
  steps: Step[];
  /** An attached message (GetAttachment): it has no ItemId and no folder of its own. */
  attached: boolean;
}

/** What a property's writer reads about the item it writes. */
interface ItemFacts {
  item: Item;
  data: Item['data'];
  mailbox: Mailbox;
  ctx: OperationContext;
  shape: Shape;
  headers?: Iterable<[string, string]>;
  /** PR_TRANSPORT_MESSAGE_HEADERS of a received message, when the shape asks for it. */
  transportHeaders?: string;
}

type Step = (m: Xml, f: ItemFacts) => void;

/** The plan step for the shape's ExtendedFieldURIs, which have no FieldURI of their own. */
const EXTENDED = 'extended';

const since2010 = (p: Pick<ItemPlan, 'version'>) => atLeast(p.version, 'Exchange2010');

/**
 * A message's properties in the order of the EWS schema (ItemType's elements, then MessageType's),
 * each under the FieldURI that asks for it; `when` narrows one to schema versions or contexts.
 * A plan keeps only the writers its shape wants: a page of IdOnly summaries used to test some fifty
 * FieldURIs per item.
 */
const MESSAGE_PROPERTIES: readonly { uri: string; when?: (p: Pick<ItemPlan, 'version' | 'context'>) => boolean; write: Step }[] = [
  {
    uri: 'item:ParentFolderId',
    write: (m, f) => {
      const folder = f.mailbox.folders.get(f.item.folderId)!;
      idElement(m, 't:ParentFolderId', folder);
    },
  },
  { uri: 'item:ItemClass', write: (m, f) => leaf(m, 't:ItemClass', f.data.itemClass) },
  // An empty subject is written as an empty element, as Exchange does.
  { uri: 'item:Subject', write: (m, f) => leaf(m, 't:Subject', f.data.subject) },
  { uri: 'item:Sensitivity', write: (m) => leaf(m, 't:Sensitivity', 'Normal') },
  { uri: 'item:Body', write: (m, f) => writeBody(m, 't:Body', f.data.body, f.shape, f.ctx) },
  {
    uri: 'item:Attachments',
    write: (m, f) => {
      if (f.item.attachments.length === 0) return;
      const list = el(m, 't:Attachments');
      for (const a of f.item.attachments) {
        if (isAttachedMessage(a)) writeItemAttachment(list, f.ctx, a);
        else writeFileAttachment(list, f.ctx, a, false);
      }
    },
  },
  { uri: 'item:DateTimeReceived', write: (m, f) => leaf(m, 't:DateTimeReceived', ewsDate(f.data.dateTimeReceived)) },
  { uri: 'item:Size', write: (m, f) => leaf(m, 't:Size', f.item.size) },
  {
    uri: 'item:Categories',
    write: (m, f) => {
      if (f.data.categories.length === 0) return;
      const cats = el(m, 't:Categories');
      for (const c of f.data.categories) leaf(cats, 't:String', c);
    },
  },
  { uri: 'item:Importance', write: (m, f) => leaf(m, 't:Importance', f.data.importance) },
  { uri: 'item:InReplyTo', write: (m, f) => leaf(m, 't:InReplyTo', f.data.inReplyTo || undefined) },
  { uri: 'item:IsSubmitted', write: (m) => leaf(m, 't:IsSubmitted', false) },
  { uri: 'item:IsDraft', write: (m, f) => leaf(m, 't:IsDraft', f.data.isDraft) },
  { uri: 'item:IsFromMe', write: (m, f) => leaf(m, 't:IsFromMe', isFromMe(f.item, f.mailbox)) },
  { uri: 'item:IsResend', write: (m) => leaf(m, 't:IsResend', false) },
  { uri: 'item:IsUnmodified', write: (m, f) => leaf(m, 't:IsUnmodified', !f.data.isDraft && f.item.version === 1) },
  { uri: 'item:InternetMessageHeaders', write: (m, f) => void (f.headers && writeHeaders(m, f.headers)) },
  { uri: 'item:DateTimeSent', write: (m, f) => leaf(m, 't:DateTimeSent', ewsDate(f.data.dateTimeSent)) },
  { uri: 'item:DateTimeCreated', write: (m, f) => leaf(m, 't:DateTimeCreated', ewsDate(f.item.dateTimeCreated)) },
  { uri: 'item:ReminderIsSet', write: (m) => leaf(m, 't:ReminderIsSet', false) },
  { uri: 'item:ReminderMinutesBeforeStart', write: (m) => leaf(m, 't:ReminderMinutesBeforeStart', 0) },
  { uri: 'item:DisplayCc', write: (m, f) => leaf(m, 't:DisplayCc', displayList(f.data.cc)) },
  { uri: 'item:DisplayTo', write: (m, f) => leaf(m, 't:DisplayTo', displayList(f.data.to)) },
  { uri: 'item:HasAttachments', write: (m, f) => leaf(m, 't:HasAttachments', hasAttachments(f.item)) },
  // t:ExtendedProperty, one per ExtendedFieldURI of the shape the item has (extended-properties.ts).
  { uri: EXTENDED, write: (m, f) => writeItemExtended(m, f.shape.extended, f.item, f.mailbox, f.transportHeaders) },
  { uri: 'item:Culture', write: (m) => leaf(m, 't:Culture', 'en-US') },
  { uri: 'item:EffectiveRights', write: (m, f) => writeEffectiveRights(m, f.ctx) },
  { uri: 'item:LastModifiedName', write: (m, f) => leaf(m, 't:LastModifiedName', f.mailbox.displayName) },
  { uri: 'item:LastModifiedTime', write: (m, f) => leaf(m, 't:LastModifiedTime', ewsDate(f.item.lastModified)) },
  { uri: 'item:IsAssociated', write: (m) => leaf(m, 't:IsAssociated', false) },
  { uri: 'item:ConversationId', when: since2010, write: (m, f) => el(m, 't:ConversationId', { Id: f.item.conversationId }) },
  { uri: 'item:UniqueBody', when: (p) => since2010(p) && p.context === 'get', write: (m, f) => writeBody(m, 't:UniqueBody', f.data.body, { ...f.shape, bodyType: 'HTML' }, f.ctx) },

  {
    uri: 'message:Sender',
    write: (m, f) => {
      const sender = f.data.sender ?? f.data.from;
      if (sender) writeSingle(m, 't:Sender', sender, f.ctx);
    },
  },
  { uri: 'message:ToRecipients', write: (m, f) => writeList(m, 't:ToRecipients', f.data.to, f.ctx) },
  { uri: 'message:CcRecipients', write: (m, f) => writeList(m, 't:CcRecipients', f.data.cc, f.ctx) },
  { uri: 'message:BccRecipients', write: (m, f) => writeList(m, 't:BccRecipients', f.data.bcc, f.ctx) },
  { uri: 'message:IsReadReceiptRequested', write: (m) => leaf(m, 't:IsReadReceiptRequested', false) },
  { uri: 'message:IsDeliveryReceiptRequested', write: (m) => leaf(m, 't:IsDeliveryReceiptRequested', false) },
  { uri: 'message:ConversationIndex', write: (m, f) => leaf(m, 't:ConversationIndex', conversationIndex(f.item)) },
  { uri: 'message:ConversationTopic', write: (m, f) => leaf(m, 't:ConversationTopic', conversationTopic(f.item.conversationSubject)) },
  { uri: 'message:From', write: (m, f) => void (f.data.from && writeSingle(m, 't:From', f.data.from, f.ctx)) },
  { uri: 'message:InternetMessageId', write: (m, f) => leaf(m, 't:InternetMessageId', f.data.internetMessageId || undefined) },
  { uri: 'message:IsRead', write: (m, f) => leaf(m, 't:IsRead', f.data.isRead) },
  { uri: 'message:IsResponseRequested', write: (m) => leaf(m, 't:IsResponseRequested', false) },
  { uri: 'message:References', write: (m, f) => leaf(m, 't:References', f.data.references || undefined) },
  { uri: 'message:ReplyTo', write: (m, f) => writeList(m, 't:ReplyTo', f.data.replyTo, f.ctx) },
  { uri: 'message:ReceivedBy', write: (m, f) => void (wasReceived(f.item, f.mailbox) && writeSingle(m, 't:ReceivedBy', owner(f.mailbox), f.ctx)) },
  {
    uri: 'message:ReceivedRepresenting',
    write: (m, f) => void (wasReceived(f.item, f.mailbox) && writeSingle(m, 't:ReceivedRepresenting', owner(f.mailbox), f.ctx)),
  },
];

/**
 * Plans by what decides them: each request parses a Shape of its own, and building a plan (some
 * sixty FieldURIs looked up) cost a FindItem page more than building this key. Bounded: a client
 * sending ever-new AdditionalProperties sets only refills it.
 */
const PLANS = new Map<string, ItemPlan>();
const MAX_PLANS = 512;

function planFor(shape: Shape, context: ItemContext, version: SchemaVersion, attached = false): ItemPlan {
  const key = `${shape.base}|${shape.includeMimeContent}|${context}|${version}|${attached}|${shape.extended.length > 0}|${[...shape.additional].join(' ')}`;
  const cached = PLANS.get(key);
  if (cached) return cached;
  const props = new Set<string>();
  for (const uri of Object.keys(ITEM_SHAPES)) if (includes(shape, uri, context)) props.add(uri);
  for (const uri of shape.additional) props.add(uri);
  if (attached) props.delete('item:ParentFolderId');
  if (shape.extended.length > 0) props.add(EXTENDED);
  const mime = (shape.includeMimeContent || shape.additional.has('item:MimeContent')) && context === 'get';
  const steps = MESSAGE_PROPERTIES.filter((p) => props.has(p.uri) && (p.when?.({ version, context }) ?? true)).map((p) => p.write);
  const plan = { context, version, props, mime, steps, attached };
  if (PLANS.size >= MAX_PLANS) PLANS.clear();
  PLANS.set(key, plan);
  return plan;
}

/**
 * Writes a t:Message with the properties the shape asks for, in the order of the EWS schema.
 * `context` says whether the shape is a FindItem summary ('find') or a full GetItem answer ('get',
 * the default); SyncFolderItems passes either. Properties a requested schema version does not
 * have are left out.
 *
 * Only MIME content and Internet headers need the item's MIME, which may take a wait; without
 * them the item is written at once and nothing is returned, so a page of summaries costs no
 * promise per item. Callers await the result when there is one.
 */
export function writeItem(parent: Xml, ctx: OperationContext, item: Item, shape: Shape, context: ItemContext = 'get'): Promise<void> | undefined {
  return itemWriter(ctx, shape, context)(parent, item);
}

/** writeItem for many items of one request: the shape's plan is looked up once, not per item. */
export function itemWriter(ctx: OperationContext, shape: Shape, context: ItemContext, attached = false): (parent: Xml, item: Item) => Promise<void> | undefined {
  const plan = planFor(shape, context, ctx.version, attached);
  const headers = plan.props.has('item:InternetMessageHeaders');
  const transport = wantsTransportHeaders(shape.extended);
  if (!plan.mime && !headers && !transport) {
    return (parent, item) => {
      writeMessage(parent, ctx, item, shape, plan);
      return undefined;
    };
  }
  return async (parent, item) => {
    const mime = plan.mime ? await itemMime.base64(item) : undefined;
    const headerList = headers ? await itemMime.headers(item) : undefined;
    // Only a message that came through transport has transport headers: not drafts, sent or attached ones.
    const received = transport && !attached && wasReceived(item, ctx.store.mailboxes.get(item.mailboxId)!);
    const transportHeaders = received ? await itemMime.headerText(item) : undefined;
    writeMessage(parent, ctx, item, shape, plan, mime, headerList, transportHeaders);
  };
}

function writeMessage(parent: Xml, ctx: OperationContext, item: Item, shape: Shape, plan: ItemPlan, mime?: string, headers?: Iterable<[string, string]>, transportHeaders?: string): void {
  const m = el(parent, 't:Message');
  if (mime !== undefined) el(m, 't:MimeContent', { CharacterSet: 'UTF-8' }).verbatim(mime);
  if (!plan.attached) idElement(m, 't:ItemId', item);
  const { steps } = plan;
  if (steps.length === 0) return;
  const facts: ItemFacts = { item, data: item.data, mailbox: ctx.store.mailboxes.get(item.mailboxId)!, ctx, shape, headers, transportHeaders };
  for (const step of steps) step(m, facts);
}

/** The mailbox as the address mail was received by. */
function owner(mailbox: Mailbox): Address {
  return { name: mailbox.displayName, address: mailbox.smtp };
}

/** Received mail has a receiving mailbox; drafts, sent and outgoing messages do not. */
function wasReceived(item: Item, mailbox: Mailbox): boolean {
  const outgoing = (['drafts', 'sentitems', 'outbox'] as const).some((name) => mailbox.distinguished.get(name) === item.folderId);
  return !outgoing && !item.data.isDraft && item.data.from !== undefined && !isFromMe(item, mailbox);
}

function writeBody(parent: Xml, name: string, body: { html?: string; text?: string }, shape: Pick<Shape, 'bodyType' | 'filterHtml' | 'maxBodyKb'>, ctx: OperationContext): void {
  const { type, content } = bodyAs(body, shape.bodyType);
  const filtered = type === 'HTML' && shape.filterHtml ? safeHtml(content) : content;
  const { text, truncated } = cutToKb(filtered, shape.maxBodyKb);
  // IsTruncated arrived with Exchange 2013 (MaximumBodySize); older schemas do not have it.
  el(parent, name, { BodyType: type, IsTruncated: atLeast(ctx.version, 'Exchange2013') ? String(truncated) : undefined }).txt(text);
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
 * IsContactPhoto is, like Size, LastModifiedTime and IsInline, an Exchange 2010 addition.
 */
export function writeFileAttachment(parent: Xml, ctx: OperationContext, a: Attachment, withContent: boolean): void {
  const f = writeAttachmentHead(el(parent, 't:FileAttachment'), ctx, a);
  if (atLeast(ctx.version, 'Exchange2010')) leaf(f, 't:IsContactPhoto', false);
  if (withContent) el(f, 't:Content').verbatim(a.content.toString('base64'));
}

/**
 * A t:ItemAttachment (an attached message): its metadata in item listings; GetAttachment passes
 * the element returned to the attached item's writer, which adds its t:Message.
 */
export function writeItemAttachment(parent: Xml, ctx: OperationContext, a: Attachment): Xml {
  return writeAttachmentHead(el(parent, 't:ItemAttachment'), ctx, a);
}

/** What every kind of attachment starts with (AttachmentType); Size and the rest from Exchange 2010. */
function writeAttachmentHead(f: Xml, ctx: OperationContext, a: Attachment): Xml {
  el(f, 't:AttachmentId', { Id: a.id });
  leaf(f, 't:Name', a.name);
  leaf(f, 't:ContentType', a.contentType);
  leaf(f, 't:ContentId', a.contentId || undefined);
  if (atLeast(ctx.version, 'Exchange2010')) {
    // Known up front for on-demand attachments: the bytes are not produced just to be counted.
    leaf(f, 't:Size', contentLength(a));
    leaf(f, 't:LastModifiedTime', ewsDate(a.lastModified));
    leaf(f, 't:IsInline', Boolean(a.isInline));
  }
  return f;
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
