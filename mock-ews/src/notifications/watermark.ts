import type { Store } from '../store/store';

const PREFIX = 'mock-ews watermark ';

/** A watermark: an opaque position in the store's change journals (base64, like Exchange's). */
export function encodeWatermark(seq: number): string {
  return Buffer.from(PREFIX + seq, 'latin1').toString('base64');
}

/** The journal position a watermark names; undefined when it is not one of ours or lies ahead of the store. */
export function decodeWatermark(store: Store, text: string | undefined): number | undefined {
  if (!text || !/^[A-Za-z0-9+/]+={0,2}$/.test(text.trim())) return undefined;
  const decoded = Buffer.from(text.trim(), 'base64').toString('latin1');
  if (!decoded.startsWith(PREFIX)) return undefined;
  const seq = Number(decoded.slice(PREFIX.length));
  return Number.isSafeInteger(seq) && seq >= 0 && seq <= store.position ? seq : undefined;
}
