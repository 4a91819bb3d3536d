import type { Address, MessageData } from '../store/types';
import type { GeneratorSpec } from './schema';
import { OnDemandAttachment, OnDemandBody } from '../store/on-demand';

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
  const lists = new AddressLists();
  const idPrefix = `<gen-${spec.seed}-${folderKey}-`;
  for (let i = 0; i < spec.count; i++) yield generateOne(spec, owner, idPrefix, outgoing, i, until, lists);
}

/**
 * Generated messages share their (frozen) address and empty lists: a million messages would
 * otherwise hold millions of identical small arrays. Nothing changes a message's lists in place;
 * updates replace them.
 */
class AddressLists {
  private readonly single = new Map<Address, Address[]>();
  readonly none = freeze<never>([]);

  of(a: Address): Address[] {
    let list = this.single.get(a);
    if (!list) {
      list = freeze([a]);
      this.single.set(a, list);
    }
    return list;
  }
}

const freeze = <T>(xs: T[]): T[] => Object.freeze(xs) as T[];

function generateOne(spec: GeneratorSpec, owner: Address, idPrefix: string, outgoing: boolean, i: number, until: number, lists: AddressLists): MessageData {
  const seed = spec.seed * 1_000_003 + i;
  const rnd = prng(seed);
  const when = new Date(until - (spec.count - 1 - i) * spec.spacingMinutes * 60_000);
  // join() makes one flat string where a template literal leaves a chain of string pieces, and a
  // million messages keep their subject and Message-ID for good.
  const subject = [rnd() < 0.1 ? pick(rnd, INTL) : pick(rnd, TOPICS), ' #', i + 1].join('');
  const other = pick(rnd, SENDERS);
  // The body is rebuilt from the seed when a request reads it; here only its length is needed, and
  // its draws are made so that the ones after it come out as always.
  const textLength = drawWords(rnd, spec.bodySize);
  const html = rnd() < spec.htmlRate;
  const withAttachment = rnd() < spec.attachmentRate;
  return {
    subject,
    from: outgoing ? owner : other,
    to: lists.of(outgoing ? other : owner),
    cc: rnd() < 0.2 ? lists.of(pick(rnd, SENDERS)) : lists.none,
    bcc: lists.none,
    replyTo: lists.none,
    dateTimeSent: new Date(when.getTime() - 60_000),
    dateTimeReceived: when,
    internetMessageId: [idPrefix, i, '@mock-ews.test>'].join(''),
    importance: rnd() < 0.1 ? 'High' : rnd() < 0.05 ? 'Low' : 'Normal',
    isRead: rnd() < spec.readRate,
    isDraft: false,
    categories: lists.none,
    body: new GeneratedBody(seed, spec.bodySize, html, textLength),
    attachments: withAttachment ? [new GeneratedAttachment(`document-${i + 1}.pdf`, spec.attachmentSize, spec.seed + i)] : lists.none,
    headers: lists.none,
    itemClass: 'IPM.Note',
  };
}

/** One element drawn from `xs` (a module-level function: no closure per generated message). */
function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)];
}

/** Draws words until the body reaches `bodySize`; returns the text's length, collecting the words when asked. */
function drawWords(rnd: () => number, bodySize: number, words?: string[]): number {
  let length = 0;
  while (length < bodySize) {
    const w = WORDS[Math.floor(rnd() * WORDS.length)];
    words?.push(w);
    length += w.length + 1;
  }
  return length - 1;
}

const htmlOf = (text: string) => `<html><body><p>${text}</p></body></html>`;

/** A generated message's body, rebuilt from its seed on every read: a million bodies are never held. */
class GeneratedBody extends OnDemandBody {
  override readonly length: number;

  constructor(
    private readonly seed: number,
    private readonly bodySize: number,
    private readonly isHtml: boolean,
    textLength: number,
  ) {
    super();
    this.length = textLength + (isHtml ? htmlOf('').length + textLength : 0);
  }

  override get text(): string {
    const rnd = prng(this.seed);
    // The subject (two draws) and the sender (one) come before the words.
    rnd();
    rnd();
    rnd();
    const words: string[] = [];
    drawWords(rnd, this.bodySize, words);
    return words.join(' ');
  }

  override get html(): string | undefined {
    return this.isHtml ? htmlOf(this.text) : undefined;
  }
}

/** A generated attachment whose bytes are rebuilt from the seed on every read. */
class GeneratedAttachment extends OnDemandAttachment {
  override readonly contentType = 'application/pdf';

  constructor(
    override readonly name: string,
    override readonly size: number,
    private readonly seed: number,
  ) {
    super();
  }

  override get content(): Buffer {
    return syntheticBytes(this.size, this.seed);
  }
}

/** Deterministic filler bytes of a given size. */
export function syntheticBytes(size: number, seed: number): Buffer {
  const rnd = prng(seed);
  const buf = Buffer.alloc(size);
  for (let i = 0; i < size; i++) buf[i] = Math.floor(rnd() * 256);
  return buf;
}
