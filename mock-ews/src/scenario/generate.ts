import type { Address, MessageData } from '../store/types';
import type { GeneratorSpec } from './schema';

/** A small seeded PRNG (mulberry32): the same seed gives the same mailbox on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = ['Quarterly report', 'Team offsite', 'Invoice', 'Project kickoff', 'Budget review', 'Release notes', 'Customer feedback', 'Weekly sync', 'Contract renewal', 'Security update', 'Hiring plan', 'Travel booking'];
const INTL = ['Grüße aus München', 'Résumé de la réunion', 'Встреча в понедельник', '会議の議事録', 'Ñandú report', 'Αναφορά προόδου'];
const SENDERS: Address[] = [
  { name: 'Nina Partner', address: 'nina@partner.test' },
  { name: 'Otto Vendor', address: 'otto@vendor.test' },
  { name: 'Petra Customer', address: 'petra@customer.test' },
  { name: 'Quinn Supplier', address: 'quinn@supplier.test' },
  { name: 'Rita Agency', address: 'rita@agency.test' },
];
const WORDS = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua'.split(' ');

/**
 * Makes `spec.count` messages deterministically from the seed. Message `i` is the same whatever
 * `count` is, so a bigger mailbox extends a smaller one.
 */
export function* generateMessages(spec: GeneratorSpec, owner: Address, folderKey: string, outgoing: boolean): Generator<MessageData> {
  const until = new Date(spec.until).getTime();
  for (let i = 0; i < spec.count; i++) yield generateOne(spec, owner, folderKey, outgoing, i, until);
}

function generateOne(spec: GeneratorSpec, owner: Address, folderKey: string, outgoing: boolean, i: number, until: number): MessageData {
  const rnd = prng(spec.seed * 1_000_003 + i);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const when = new Date(until - (spec.count - 1 - i) * spec.spacingMinutes * 60_000);
  const subject = rnd() < 0.1 ? `${pick(INTL)} #${i + 1}` : `${pick(TOPICS)} #${i + 1}`;
  const other = pick(SENDERS);
  const words: string[] = [];
  let length = 0;
  while (length < spec.bodySize) {
    const w = pick(WORDS);
    words.push(w);
    length += w.length + 1;
  }
  const text = words.join(' ');
  const html = rnd() < spec.htmlRate;
  const withAttachment = rnd() < spec.attachmentRate;
  return {
    subject,
    from: outgoing ? owner : other,
    to: outgoing ? [other] : [owner],
    cc: rnd() < 0.2 ? [pick(SENDERS)] : [],
    bcc: [],
    replyTo: [],
    dateTimeSent: new Date(when.getTime() - 60_000),
    dateTimeReceived: when,
    internetMessageId: `<gen-${spec.seed}-${folderKey}-${i}@mock-ews.test>`,
    importance: rnd() < 0.1 ? 'High' : rnd() < 0.05 ? 'Low' : 'Normal',
    isRead: rnd() < spec.readRate,
    isDraft: false,
    categories: [],
    body: html ? { html: `<html><body><p>${text}</p></body></html>`, text } : { text },
    attachments: withAttachment
      ? [{ name: `document-${i + 1}.pdf`, contentType: 'application/pdf', content: syntheticBytes(spec.attachmentSize, spec.seed + i) }]
      : [],
    headers: [],
    itemClass: 'IPM.Note',
  };
}

/** Deterministic filler bytes of a given size. */
export function syntheticBytes(size: number, seed: number): Buffer {
  const rnd = prng(seed);
  const buf = Buffer.alloc(size);
  for (let i = 0; i < size; i++) buf[i] = Math.floor(rnd() * 256);
  return buf;
}
