import { createHash } from 'node:crypto';
import { simpleParser, AddressObject, EmailAddress } from 'mailparser';
import type { Address, Importance, MessageData } from '../store/types';
import { domainOf } from '../store/organisation';

/** Derives a message's fields from its raw MIME; the raw bytes are kept as they came. */
export async function messageFromMime(raw: Buffer, overrides: Partial<MessageData> = {}): Promise<MessageData> {
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  // A message without a Date was sent when it arrived (or was made); one without a Message-ID gets
  // one, as Exchange stamps it — derived from the bytes, so reading the same MIME twice gives the same.
  const date = parsed.date ?? overrides.dateTimeReceived ?? new Date(0);
  // mailparser folds Importance, X-Priority and X-MSMail-Priority into one "priority" header.
  const priority = String(parsed.headers.get('priority') ?? '').toLowerCase();
  const importance: Importance = priority === 'high' ? 'High' : priority === 'low' ? 'Low' : 'Normal';
  return {
    subject: parsed.subject ?? '',
    from: first(parsed.from),
    sender: first(parsed.headers.get('sender') as AddressObject | undefined),
    to: list(parsed.to),
    cc: list(parsed.cc),
    bcc: list(parsed.bcc),
    replyTo: list(parsed.replyTo),
    dateTimeSent: date,
    dateTimeReceived: date,
    internetMessageId: parsed.messageId ?? `<${createHash('sha1').update(raw).digest('hex').slice(0, 32)}@${senderDomain(first(parsed.from)?.address)}>`,
    inReplyTo: parsed.inReplyTo,
    references: Array.isArray(parsed.references) ? parsed.references.join(' ') : parsed.references,
    importance,
    isRead: false,
    isDraft: false,
    categories: [],
    body: { html: parsed.html === false ? undefined : parsed.html, text: parsed.text },
    attachments: parsed.attachments.map((a) => ({
      name: a.filename ?? 'attachment',
      contentType: a.contentType,
      content: a.content,
      isInline: a.contentDisposition === 'inline' && Boolean(a.contentId),
      contentId: a.contentId?.replace(/^<|>$/g, ''),
    })),
    headers: [],
    itemClass: 'IPM.Note',
    rawMime: raw,
    ...overrides,
  };
}

function flatten(v: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  if (!v) return [];
  const objs = Array.isArray(v) ? v : [v];
  const out: EmailAddress[] = [];
  const walk = (list: EmailAddress[]) => {
    for (const e of list) {
      if (e.group) walk(e.group);
      else if (e.address) out.push(e);
    }
  };
  for (const o of objs) walk(o.value ?? []);
  return out;
}

function list(v: AddressObject | AddressObject[] | undefined): Address[] {
  return flatten(v).map((e) => (e.name ? { name: e.name, address: e.address! } : { address: e.address! }));
}

function first(v: AddressObject | AddressObject[] | undefined): Address | undefined {
  return list(v)[0];
}

/** The domain a generated Message-ID names: the sender's, or localhost without one. */
function senderDomain(address: string | undefined): string {
  return address?.includes('@') ? domainOf(address) || 'localhost' : 'localhost';
}
