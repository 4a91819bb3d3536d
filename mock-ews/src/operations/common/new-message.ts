import { randomUUID } from 'node:crypto';
import { ItemError } from '../../soap/error-catalogue';
import { messageFromMime } from '../../mime/derive';
import { messageMime } from '../../mime/compose';
import type { AttachmentData, Mailbox, MessageData } from '../../store/types';
import { ATTACHED_MESSAGE_TYPE } from './attached-messages';
import type { AttachmentInput, MessageInput } from './message-fields';

/**
 * A message a client writes (CreateItem, or a message it attaches): read from its MIME when it
 * gives one, else a blank message of the mailbox; the fields it sets win. Attached messages are
 * composed into their MIME form here, as the store keeps them.
 */
export async function newMessage(mailbox: Mailbox, input: MessageInput, now: Date): Promise<MessageData> {
  const { attachments, ...fields } = input.fields;
  const base: MessageData = input.mime ? await messageFromMime(input.mime, { dateTimeReceived: now }) : blankMessage(mailbox, now);
  const data: MessageData = { ...base, ...definedOnly(fields) };
  if (attachments) data.attachments = await composeAttachments(mailbox, attachments, now);
  return data;
}

/** Attachments as the store keeps them, in request order. */
async function composeAttachments(mailbox: Mailbox, inputs: AttachmentInput[], now: Date): Promise<AttachmentData[]> {
  const out: AttachmentData[] = [];
  for (const a of inputs) out.push(await composeAttachment(mailbox, a, now));
  return out;
}

/** One attachment as the store keeps it: a file as given, an attached message composed into MIME. */
export async function composeAttachment(mailbox: Mailbox, a: AttachmentInput, now: Date): Promise<AttachmentData> {
  if ('content' in a) return a;
  // The store holds e-mail messages only, attached or not.
  if (!a.message) throw new ItemError('ErrorInvalidRequest', `Item attachments of type ${a.kind ?? '(none)'} are not supported by this server; only messages can be attached.`);
  const message = await newMessage(mailbox, a.message, now);
  return { name: a.name, contentType: ATTACHED_MESSAGE_TYPE, content: await messageMime(message), isInline: a.isInline };
}

function blankMessage(mailbox: Mailbox, now: Date): MessageData {
  return {
    subject: '',
    to: [],
    cc: [],
    bcc: [],
    replyTo: [],
    dateTimeSent: now,
    dateTimeReceived: now,
    internetMessageId: `<${randomUUID()}@${mailbox.smtp.split('@')[1] ?? 'localhost'}>`,
    importance: 'Normal',
    isRead: true,
    isDraft: true,
    categories: [],
    body: {},
    attachments: [],
    headers: [],
    itemClass: 'IPM.Note',
  };
}

export function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
