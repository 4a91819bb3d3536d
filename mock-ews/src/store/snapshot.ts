import { createHash } from 'node:crypto';
import type { Store } from './store';
import type { Mailbox } from './types';

/**
 * Deterministic serialisation of the store's state, so tests can prove a request changed nothing:
 * Maps become key-sorted entry lists, object keys are sorted, Buffers become their length and
 * SHA-256, Dates ISO strings. Two snapshots are equal exactly when every account, grant, folder, item (fields,
 * attachments, change keys) and journal entry is equal.
 */
export function canonical(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  // Binary content (MIME, attachments) by length and digest: as exact as the bytes, far smaller.
  if (Buffer.isBuffer(value)) return { $buffer: value.length, sha256: bufferDigest(value) };
  if (value instanceof Date) return { $date: Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString() };
  if (value instanceof Map) {
    return { $map: [...value.entries()].map(([k, v]) => [String(k), canonical(v)] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) };
  }
  if (value instanceof Set) return { $set: [...value].map(canonical).map((v) => JSON.stringify(v)).sort() };
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v);
    }
    return out;
  }
  return value;
}

// The store never writes into a Buffer it holds (a changed attachment or MIME is a new Buffer), so a
// digest can be kept per Buffer: repeated snapshots then cost no re-hashing of attachments.
const digests = new WeakMap<Buffer, string>();

function bufferDigest(buffer: Buffer): string {
  let digest = digests.get(buffer);
  if (digest === undefined) {
    digest = createHash('sha256').update(buffer).digest('base64');
    digests.set(buffer, digest);
  }
  return digest;
}

/** One mailbox's folders, items and journals as canonical JSON text. */
export function snapshotMailbox(mailbox: Mailbox): string {
  return JSON.stringify(canonical(mailbox));
}

/** The whole store (accounts, mailbox permissions, grants, domains, every mailbox, the journal position) as canonical JSON text. */
export function snapshotStore(store: Store): string {
  return JSON.stringify(
    canonical({
      position: store.position,
      domains: store.domains,
      accounts: store.accounts,
      mailboxRights: store.mailboxRights,
      grants: store.grants,
      mailboxes: [...store.mailboxes.values()].sort((a, b) => a.smtp.localeCompare(b.smtp)).map((m) => ({ smtp: m.smtp, state: canonical(m) })),
    }),
  );
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** SHA-256 of the store snapshot: equal hashes mean a byte-for-byte equal store. */
export function storeHash(store: Store): string {
  return sha256(snapshotStore(store));
}

/**
 * The store's hash and every mailbox's, as storeHash and mailboxHash give them, serialising each
 * mailbox once: the store snapshot holds the mailbox snapshots verbatim, so it is put together from
 * them (canonical() is idempotent, and its key order is accounts, domains, grants, mailboxRights, mailboxes, position).
 */
export function storeDigest(store: Store): { digest: string; mailboxes: Record<string, string> } {
  const boxes = [...store.mailboxes.values()].sort((a, b) => a.smtp.localeCompare(b.smtp));
  const texts = boxes.map(snapshotMailbox);
  const mailboxes: Record<string, string> = {};
  boxes.forEach((m, i) => (mailboxes[m.smtp] = sha256(texts[i])));
  const head = JSON.stringify(canonical({ accounts: store.accounts, domains: store.domains, grants: store.grants, mailboxRights: store.mailboxRights }));
  const list = boxes.map((m, i) => `{"smtp":${JSON.stringify(m.smtp)},"state":${texts[i]}}`).join(',');
  return { digest: sha256(`${head.slice(0, -1)},"mailboxes":[${list}],"position":${JSON.stringify(store.position)}}`), mailboxes };
}

/** SHA-256 of one mailbox's snapshot. */
export function mailboxHash(mailbox: Mailbox): string {
  return sha256(snapshotMailbox(mailbox));
}
