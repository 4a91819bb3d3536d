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
  // Every id of a mailbox starts with the same bytes: their base64 is cached, and only the rest is
  // encoded (a million generated items made this Buffer round trip a visible part of the load).
  const head = idHead(kind, mailboxId);
  if (!head.ascii || !/^[\x00-\x7f]*$/.test(local)) return Buffer.from(head.bytes + local, 'utf8').toString('base64');
  return head.encoded + base64Ascii(head.rest + local);
}

interface IdHead {
  /** `TAG SEP mailbox SEP`, as text. */
  bytes: string;
  /** base64 of the longest prefix of `bytes` whose length is a multiple of 3. */
  encoded: string;
  /** The one or two bytes after that prefix. */
  rest: string;
  /** False when those bytes are not plain ASCII: such ids take the Buffer path. */
  ascii: boolean;
}

const heads = new Map<string, IdHead>();

function idHead(kind: IdKind, mailboxId: string): IdHead {
  const key = kind + SEP + mailboxId;
  let head = heads.get(key);
  if (!head) {
    const bytes = [TAGS[kind], mailboxId, ''].join(SEP);
    const buf = Buffer.from(bytes, 'utf8');
    const cut = buf.length - (buf.length % 3);
    const restBytes = buf.subarray(cut);
    head = { bytes, encoded: buf.subarray(0, cut).toString('base64'), rest: restBytes.toString('latin1'), ascii: restBytes.every((b) => b < 0x80) };
    heads.set(key, head);
  }
  return head;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard padded base64 of an ASCII string, the same as Buffer's. */
function base64Ascii(text: string): string {
  let out = '';
  let i = 0;
  for (; i + 2 < text.length; i += 3) {
    const n = (text.charCodeAt(i) << 16) | (text.charCodeAt(i + 1) << 8) | text.charCodeAt(i + 2);
    out += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
  }
  if (i + 1 === text.length) {
    const n = text.charCodeAt(i) << 16;
    out += B64[n >> 18] + B64[(n >> 12) & 63] + '==';
  } else if (i + 2 === text.length) {
    const n = (text.charCodeAt(i) << 16) | (text.charCodeAt(i + 1) << 8);
    out += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + '=';
  }
  return out;
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
