import type { Item, MessageData } from '../store/types';
import { messageMime } from './compose';

/**
 * The MIME form of an item version, composed once and kept while it is asked for. Composition
 * with nodemailer costs far more than writing the rest of a GetItem answer, and a client reading
 * the same items again (a resync, a retried batch) would pay it every time.
 *
 * Entries are keyed by ItemId and ChangeKey, which change whenever the message does. An entry
 * also remembers the MessageData it was composed from and is used only for that same object, so a
 * different store (another scenario loaded in the same process) can never be served another
 * store's bytes under a colliding id. The least recently used entries go first once the total
 * passes the byte budget.
 */

/** What is kept per item version: the bytes, and forms derived from them on first use. */
interface Entry {
  data: MessageData;
  mime: Buffer;
  base64?: string;
  headers?: [string, string][];
  headerText?: string;
  bytes: number;
}

export const MIME_CACHE_BYTES = 64 * 1024 * 1024;

export class MimeCache {
  private readonly entries = new Map<string, Entry>();
  private total = 0;

  constructor(private readonly budget = MIME_CACHE_BYTES) {}

  /** Bytes held now (for tests and diagnostics). */
  get size(): number {
    return this.total;
  }

  /** The item's RFC 822 bytes. */
  async mime(item: Item): Promise<Buffer> {
    return (await this.entry(item)).mime;
  }

  /** The item's MIME, base64-encoded for t:MimeContent. */
  async base64(item: Item): Promise<string> {
    const e = await this.entry(item);
    if (e.base64 === undefined) {
      e.base64 = e.mime.toString('base64');
      this.grow(e, e.base64.length);
    }
    return e.base64;
  }

  /** The header block as it stands in the MIME, line breaks and folding kept, up to the empty line. */
  async headerText(item: Item): Promise<string> {
    const e = await this.entry(item);
    if (e.headerText === undefined) {
      const text = e.mime.toString('utf8');
      const end = text.search(/\r?\n\r?\n/);
      e.headerText = end < 0 ? text : text.slice(0, end + (text[end] === '\r' ? 2 : 1));
      this.grow(e, e.headerText.length);
    }
    return e.headerText;
  }

  /** The header block as (name, value) pairs, folded lines unfolded, in order. */
  async headers(item: Item): Promise<[string, string][]> {
    const e = await this.entry(item);
    if (e.headers === undefined) {
      e.headers = headerLines(e.mime);
      let chars = 0;
      for (const [n, v] of e.headers) chars += n.length + v.length;
      this.grow(e, chars);
    }
    return e.headers;
  }

  private async entry(item: Item): Promise<Entry> {
    const key = `${item.id} ${item.changeKey}`;
    const hit = this.entries.get(key);
    if (hit && hit.data === item.data) {
      // Map order is the recency order: move the entry to the end.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const data = item.data;
    const mime = await messageMime(data);
    const entry: Entry = { data, mime, bytes: 0 };
    const previous = this.entries.get(key);
    if (previous) this.drop(key, previous);
    this.entries.set(key, entry);
    // A message that came as MIME is its own bytes: only what is derived from them is counted.
    this.grow(entry, data.rawMime === mime ? 0 : mime.length);
    return entry;
  }

  private grow(entry: Entry, bytes: number): void {
    entry.bytes += bytes;
    this.total += bytes;
    for (const [key, e] of this.entries) {
      if (this.total <= this.budget || e === entry) break;
      this.drop(key, e);
    }
  }

  private drop(key: string, e: Entry): void {
    this.entries.delete(key);
    this.total -= e.bytes;
  }
}

/** Header lines of a MIME message up to the first empty line, continuation lines unfolded. */
function headerLines(mime: Buffer): [string, string][] {
  const text = mime.toString('utf8');
  const end = text.search(/\r?\n\r?\n/);
  const block = (end < 0 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const out: [string, string][] = [];
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    out.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
  }
  return out;
}

/** The process-wide cache the EWS operations use. */
export const itemMime = new MimeCache();
