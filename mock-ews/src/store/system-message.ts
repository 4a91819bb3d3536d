import { randomUUID } from 'node:crypto';
import { domainOf } from './organisation';
import type { Address, AttachmentData, MessageData } from './types';

/**
 * A message the server writes itself in answer to one it delivered (automatic replies,
 * non-delivery reports): unread, in reply to the original, marked as automatic so nothing answers
 * it in turn.
 */
export function systemMessage(m: {
  from: Address;
  to: Address;
  subject: string;
  body: MessageData['body'];
  original: MessageData;
  headers: [string, string][];
  itemClass: string;
  now: Date;
  /** Attached to it: a non-delivery report's original message. */
  attachments?: AttachmentData[];
}): MessageData {
  return {
    subject: m.subject,
    from: m.from,
    to: [m.to],
    cc: [],
    bcc: [],
    replyTo: [],
    dateTimeSent: m.now,
    dateTimeReceived: m.now,
    internetMessageId: `<${randomUUID()}@${domainOf(m.from.address) || 'localhost'}>`,
    inReplyTo: m.original.internetMessageId || undefined,
    references: m.original.internetMessageId || undefined,
    importance: 'Normal',
    isRead: false,
    isDraft: false,
    categories: [],
    body: m.body,
    attachments: m.attachments ?? [],
    headers: [['Auto-Submitted', 'auto-replied'], ...m.headers],
    itemClass: m.itemClass,
  };
}
