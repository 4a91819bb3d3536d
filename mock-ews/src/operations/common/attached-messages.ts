import { messageFromMime } from '../../mime/derive';
import { decodeId, encodeId } from '../../store/ids';
import { placeAttachment } from '../../store/on-demand';
import { conversationIdOf } from '../../store/stored-item';
import type { Attachment, AttachmentData, Item } from '../../store/types';
import type { MessageInput } from './message-fields';

/**
 * Attached messages (EWS item attachments). The store keeps one as an attachment of type
 * message/rfc822 holding the message's MIME — what a mail's MIME carries, so messages imported as
 * MIME, delivered through the admin API or given in a scenario get them too — and EWS shows it as a
 * t:ItemAttachment whose t:Message is read from those bytes.
 */
export const ATTACHED_MESSAGE_TYPE = 'message/rfc822';

export function isAttachedMessage(a: AttachmentData): boolean {
  return a.contentType.toLowerCase().split(';')[0].trim() === ATTACHED_MESSAGE_TYPE;
}

/** The element an attachment is listed as. */
export function attachmentElementName(a: AttachmentData): 't:ItemAttachment' | 't:FileAttachment' {
  return isAttachedMessage(a) ? 't:ItemAttachment' : 't:FileAttachment';
}

/** A t:ItemAttachment of a request, before its message is composed. */
export interface AttachedMessageInput {
  name: string;
  isInline: boolean;
  /** The attached item's fields when it is a t:Message; absent for other kinds of item. */
  message?: MessageInput;
  /** The local name of the attached item's element (Message, CalendarItem, Contact, …), if any. */
  kind?: string;
}

/**
 * The attached message as an item to write (GetAttachment): its fields read from its MIME, placed
 * in the mailbox and folder of the item holding it. It has no ItemId of its own; its own
 * attachments are listed under ids that extend its own (nestedAttachmentId).
 */
export async function attachedItem(holder: Item, attachment: Attachment): Promise<Item> {
  const data = await messageFromMime(attachment.content, { isRead: true });
  return {
    id: attachment.id,
    changeKey: '',
    version: 0,
    mailboxId: holder.mailboxId,
    folderId: holder.folderId,
    dateTimeCreated: attachment.lastModified,
    lastModified: attachment.lastModified,
    conversationId: conversationIdOf(data.subject),
    conversationSubject: data.subject,
    data,
    attachments: data.attachments.map((a, i) => placeAttachment(a, nestedAttachmentId(attachment.id, i), attachment.lastModified)),
    size: attachment.content.length,
  };
}

/** The id of attachment `index` of an attached message: the message's own id with `/index` appended. */
export function nestedAttachmentId(holderId: string, index: number): string {
  const { mailboxId, local } = decodeId(holderId, 'attachment')!;
  return encodeId('attachment', mailboxId, `${local}/${index}`);
}

/**
 * The attachment a path of indexes names inside an attached message, at any depth, read from the
 * MIME of each message on the way; undefined when the path leads nowhere.
 */
export async function nestedAttachment(holder: Attachment, path: number[]): Promise<Attachment | undefined> {
  let current = holder;
  for (const index of path) {
    if (!isAttachedMessage(current)) return undefined;
    const next = (await messageFromMime(current.content, { isRead: true })).attachments[index];
    if (!next) return undefined;
    current = placeAttachment(next, nestedAttachmentId(current.id, index), current.lastModified);
  }
  return current;
}
