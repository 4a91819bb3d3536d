import { syntheticBytes } from '../scenario/generate';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Address, Mailbox, MessageData } from '../store/types';
import { messageFromMime } from '../mime/derive';
import { AdminError, parseBody } from './errors';

/** A message to deliver, given as fields (JSON). Everything but the fields given is defaulted. */
const email = z.string().trim().regex(/^[^\s@]+@[^\s@]+$/, 'must be an email address');
const address = z.union([email, z.object({ name: z.string().optional(), address: email }).strict()]);
const date = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date-time');

export const messageInputSchema = z
  .object({
    subject: z.string().default(''),
    from: address.optional(),
    to: z.array(address).optional(),
    cc: z.array(address).default([]),
    bcc: z.array(address).default([]),
    /** Plain-text body; at least one of text and html is usual. */
    text: z.string().optional(),
    html: z.string().optional(),
    /** Delivery time; now when omitted. */
    received: date.optional(),
    sent: date.optional(),
    messageId: z.string().optional(),
    importance: z.enum(['Low', 'Normal', 'High']).default('Normal'),
    isRead: z.boolean().default(false),
    categories: z.array(z.string()).default([]),
    headers: z.record(z.string(), z.string()).default({}),
    attachments: z
      .array(
        z
          .object({
            name: z.string().min(1),
            contentType: z.string().default('application/octet-stream'),
            content: z.string().optional(),
            base64: z.string().regex(/^[A-Za-z0-9+/\s]*={0,2}\s*$/, 'must be base64').optional(),
            /** That many synthetic bytes, as in scenario files: a large attachment without sending it. */
            size: z.number().int().min(0).max(64 * 1024 * 1024).optional(),
          })
          .strict()
          .refine((a) => [a.content, a.base64, a.size].filter((v) => v !== undefined).length === 1, 'give exactly one of content, base64 or size'),
      )
      .default([]),
  })
  .strict();

const toAddress = (a: z.infer<typeof address>): Address => (typeof a === 'string' ? { address: a } : a);

/** A message from JSON fields, addressed to the mailbox's owner unless `to` says otherwise. */
export function messageFromFields(body: unknown, mailbox: Mailbox): MessageData {
  const m = parseBody(messageInputSchema, body ?? {});
  const received = m.received ? new Date(m.received) : new Date();
  return {
    subject: m.subject,
    from: m.from ? toAddress(m.from) : undefined,
    to: m.to ? m.to.map(toAddress) : [{ name: mailbox.displayName, address: mailbox.smtp }],
    cc: m.cc.map(toAddress),
    bcc: m.bcc.map(toAddress),
    replyTo: [],
    dateTimeSent: m.sent ? new Date(m.sent) : new Date(received.getTime() - 1000),
    dateTimeReceived: received,
    internetMessageId: m.messageId ?? `<${randomUUID()}@mock-ews.test>`,
    importance: m.importance,
    isRead: m.isRead,
    isDraft: false,
    categories: m.categories,
    body: { text: m.text ?? (m.html === undefined ? '' : undefined), html: m.html },
    attachments: m.attachments.map((a, i) => ({
      name: a.name,
      contentType: a.contentType,
      content: a.content !== undefined ? Buffer.from(a.content, 'utf8') : a.base64 !== undefined ? Buffer.from(a.base64, 'base64') : syntheticBytes(a.size!, i + 1),
    })),
    headers: Object.entries(m.headers),
    itemClass: 'IPM.Note',
  };
}

/** A message from raw RFC 822 bytes; received now, as a newly delivered message is. */
export async function messageFromRaw(raw: Buffer): Promise<MessageData> {
  const text = raw.toString('latin1');
  // A message needs a header section: at least one "Name: value" line before the first blank line.
  if (raw.length === 0 || !/^[!-9;-~]+:/.test(text)) throw new AdminError(400, 'body: not an RFC 822 message (no header lines)', 'body');
  return messageFromMime(raw, { dateTimeReceived: new Date() });
}
