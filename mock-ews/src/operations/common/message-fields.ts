import { incompleteContent } from '../../soap/error-catalogue';
import { NS } from '../../soap/namespaces';
import type { XmlElement } from '../../soap/xml-element';
import type { Address, AttachmentData, Importance, MessageData } from '../../store/types';
import { base64Value, booleanValue, enumValue } from './schema-values';
import type { AttachedMessageInput } from './attached-messages';
import { extendedUpdate, readExtendedProperty } from './extended-properties';

/** Message fields a client may write (CreateItem items, UpdateItem SetItemField/AppendToItemField). */
export type WritableFields = Partial<Pick<MessageData, 'subject' | 'body' | 'to' | 'cc' | 'bcc' | 'from' | 'sender' | 'replyTo' | 'isRead' | 'importance' | 'categories' | 'internetMessageId' | 'extended' | 'itemClass' | 'inReplyTo' | 'references'>> & {
  /** Files and attached messages in request order (new-message.ts composes the messages). */
  attachments?: AttachmentInput[];
};

export type AttachmentInput = AttachmentData | AttachedMessageInput;

export interface MessageInput {
  fields: WritableFields;
  /** The raw RFC 822 message from t:MimeContent. */
  mime?: Buffer;
  /** PR_MESSAGE_FLAGS (0x0E07) from an ExtendedProperty: how importers mark items read / not draft. */
  messageFlags?: number;
}

const IMPORTANCE = ['Low', 'Normal', 'High'] as const;
const BODY_TYPES = ['HTML', 'Text'] as const;
const PR_MESSAGE_FLAGS = 0x0e07;

/** Reads t:Mailbox (Name, EmailAddress); an address is required to deliver or display it. */
export function readAddress(mailbox: XmlElement): Address {
  const address = mailbox.t('EmailAddress')?.value;
  if (!address) throw incompleteContent({ local: 'Mailbox', ns: NS.t, line: mailbox.line }, 'EmailAddress', NS.t);
  const name = mailbox.t('Name')?.value;
  return name ? { name, address } : { address };
}

export function readRecipients(list: XmlElement): Address[] {
  return list.all('Mailbox').map(readAddress);
}

/** Reads a t:FileAttachment (CreateItem's inline attachments, CreateAttachment); Content must be base64. */
export function readFileAttachment(a: XmlElement): AttachmentData {
  const contentEl = a.t('Content');
  const content = contentEl ? base64Value(contentEl, a) : Buffer.alloc(0);
  const contentId = a.t('ContentId')?.value;
  return {
    name: a.t('Name')?.value ?? 'attachment',
    contentType: a.t('ContentType')?.value ?? 'application/octet-stream',
    content,
    isInline: a.t('IsInline') ? booleanValue(a.t('IsInline')!) : false,
    ...(contentId ? { contentId } : {}),
  };
}

/** The local names of ItemAttachmentType's own elements; any other child is the attached item. */
const ATTACHMENT_ELEMENTS = new Set(['AttachmentId', 'Name', 'ContentType', 'ContentId', 'ContentLocation', 'Size', 'LastModifiedTime', 'IsInline']);

/** Reads a t:ItemAttachment; its t:Message is read as CreateItem reads one. */
export function readItemAttachment(a: XmlElement): AttachedMessageInput {
  const item = a.children.find((c) => c.ns === NS.t && !ATTACHMENT_ELEMENTS.has(c.local));
  return {
    name: a.t('Name')?.value ?? item?.t('Subject')?.value ?? 'Untitled',
    isInline: a.t('IsInline') ? booleanValue(a.t('IsInline')!) : false,
    ...(item ? { kind: item.local } : {}),
    ...(item?.local === 'Message' ? { message: readMessage(item) } : {}),
  };
}

/** Reads the t:FileAttachment and t:ItemAttachment children of an attachment list, in order. */
export function readAttachments(list: XmlElement): AttachmentInput[] {
  const out: AttachmentInput[] = [];
  for (const a of list.children) {
    if (a.ns !== NS.t) continue;
    if (a.local === 'FileAttachment') out.push(readFileAttachment(a));
    else if (a.local === 'ItemAttachment') out.push(readItemAttachment(a));
  }
  return out;
}

/** Reads one property element of a t:Message into the fields it sets. */
export function readProperty(prop: XmlElement, into: WritableFields): void {
  switch (prop.local) {
    case 'ItemClass':
      // A class of the client's (IPM.Note.MyApp, a reply template's): kept and answered as given.
      into.itemClass = prop.text.trim() || 'IPM.Note';
      break;
    case 'Subject':
      into.subject = prop.text;
      break;
    case 'Body': {
      const type = enumValue(prop.attr('BodyType'), BODY_TYPES, 'BodyTypeType', { el: prop, attribute: 'BodyType' });
      into.body = type === 'HTML' ? { html: prop.text } : { text: prop.text };
      break;
    }
    case 'Categories':
      into.categories = prop.all('String').map((s) => s.text);
      break;
    case 'Importance':
      into.importance = enumValue(prop.text.trim(), IMPORTANCE, 'ImportanceChoicesType', { el: prop }) as Importance;
      break;
    case 'ToRecipients':
      into.to = readRecipients(prop);
      break;
    case 'CcRecipients':
      into.cc = readRecipients(prop);
      break;
    case 'BccRecipients':
      into.bcc = readRecipients(prop);
      break;
    case 'ReplyTo':
      into.replyTo = readRecipients(prop);
      break;
    case 'From':
    case 'Sender': {
      const mb = prop.t('Mailbox');
      if (mb) into[prop.local === 'From' ? 'from' : 'sender'] = readAddress(mb);
      break;
    }
    case 'IsRead':
      into.isRead = booleanValue(prop);
      break;
    case 'InternetMessageId':
      into.internetMessageId = prop.text.trim();
      break;
    case 'InReplyTo':
      into.inReplyTo = prop.text.trim() || undefined;
      break;
    case 'References':
      into.references = prop.text.trim() || undefined;
      break;
    case 'Attachments':
      into.attachments = readAttachments(prop);
      break;
    default:
      // Other properties of the schema (reminders, flags, …) are accepted and not stored.
      break;
  }
}

/** Reads a t:Message of CreateItem. */
export function readMessage(message: XmlElement): MessageInput {
  const input: MessageInput = { fields: {} };
  for (const prop of message.children) {
    if (prop.ns !== NS.t) continue;
    if (prop.local === 'MimeContent') {
      input.mime = base64Value(prop);
    } else if (prop.local === 'ExtendedProperty') {
      const uri = prop.t('ExtendedFieldURI');
      const tag = uri?.attr('PropertyTag');
      const value = prop.t('Value')?.value;
      // PR_MESSAGE_FLAGS is how importers mark a message read or sent; other properties are kept.
      if (tag !== undefined && Number(tag) === PR_MESSAGE_FLAGS) {
        if (value !== undefined && /^\d+$/.test(value)) input.messageFlags = Number(value);
        continue;
      }
      const read = readExtendedProperty(prop);
      // A derived property the store cannot set is ignored here, as the schema allows sending it.
      if (read) Object.assign(input.fields, extendedUpdate(read.uri, read.value, input.fields.extended));
    } else {
      readProperty(prop, input.fields);
    }
  }
  return input;
}
