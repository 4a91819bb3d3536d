import { createHash } from 'node:crypto';

/**
 * Opaque ids. Real Exchange ids are base64 blobs that embed the mailbox; these do too, so the
 * mock can tell a malformed id from one that belongs to another mailbox.
 */
export type IdKind = 'item' | 'folder' | 'attachment';

const TAGS: Record<IdKind, string> = { item: 'AAMk', folder: 'AQMk', attachment: 'AAMkAtt' };
const SEP = '\u001f';

export interface DecodedId {
  kind: IdKind;
  mailboxId: string;
  local: string;
}

export function encodeId(kind: IdKind, mailboxId: string, local: string): string {
  return Buffer.from([TAGS[kind], mailboxId, local].join(SEP), 'utf8').toString('base64');
}

/** Decodes an id; undefined when it is not one of ours or not of the expected kind. */
export function decodeId(id: string, kind?: IdKind): DecodedId | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(id)) return undefined;
  const parts = Buffer.from(id, 'base64').toString('utf8').split(SEP);
  if (parts.length !== 3 || parts.some((p) => p === '')) return undefined;
  const found = (Object.keys(TAGS) as IdKind[]).find((k) => TAGS[k] === parts[0]);
  if (!found || (kind && found !== kind)) return undefined;
  return { kind: found, mailboxId: parts[1], local: parts[2] };
}

export function changeKey(id: string, version: number): string {
  const digest = createHash('sha1').update(`${id}:${version}`).digest();
  return Buffer.concat([Buffer.from([0x09, 0, 0, 0, 0x16, 0, 0, 0]), digest]).toString('base64');
}

/** A stable, opaque id derived from text (conversation ids, SIDs). */
export function hashId(text: string, bytes = 16): string {
  return createHash('sha256').update(text).digest().subarray(0, bytes).toString('base64');
}
