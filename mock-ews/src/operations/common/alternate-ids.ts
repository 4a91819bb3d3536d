import { decodeId, encodeId, IdKind } from '../../store/ids';
import type { Store } from '../../store/store';
import type { Mailbox } from '../../store/types';

/**
 * The id formats of ConvertId. Every format carries the same three facts as the store's own
 * (EWS) ids: whether it names an item or a folder, the mailbox, and the mailbox-local key. So any
 * format converts to any other and back to exactly the id it came from.
 *
 * Layouts (the mock's own; clients treat all of them as opaque):
 * - EwsId: the store id (what every other operation uses).
 * - EntryId: base64 of a MAPI-style entry id: 4 flag bytes (0), a 16-byte provider UID naming the
 *   mailbox, a type byte (1 = folder, 7 = message, as in Exchange store entry ids), then the key.
 * - HexEntryId: the EntryId bytes in upper-case hex (what the availability service uses).
 * - StoreId: base64 of the EntryId bytes followed by an object-class byte (3 = folder, 1 = item).
 * - OwaId: URL-encoded base64 of a marker byte ('R') and the EntryId bytes.
 * - EwsLegacyId: the Exchange 2007 RTM form, which named the mailbox by SMTP address.
 */
export const ID_FORMATS = ['EwsLegacyId', 'EwsId', 'EntryId', 'HexEntryId', 'StoreId', 'OwaId'] as const;
export type IdFormat = (typeof ID_FORMATS)[number];

export function isIdFormat(v: string): v is IdFormat {
  return (ID_FORMATS as readonly string[]).includes(v);
}

/** What an id in any format names. */
export interface IdFacts {
  kind: Exclude<IdKind, 'attachment'>;
  /** The store id of the mailbox the id names; it may name no mailbox of this store. */
  mailboxId: string;
  local: string;
}

const TYPE_BYTE = { folder: 0x01, item: 0x07 } as const;
const CLASS_BYTE = { folder: 0x03, item: 0x01 } as const;
const OWA_MARKER = 0x52;
const LEGACY_TAG = 'LGCY';
const SEP = '\u001f';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Decodes an id given in `format`; undefined when it is not well formed. A well-formed id may name
 * a mailbox the store does not have: callers treat that like any mailbox out of reach.
 */
export function decodeAlternate(store: Store, format: IdFormat, id: string): IdFacts | undefined {
  switch (format) {
    case 'EwsId': {
      const d = decodeId(id);
      if (!d || d.kind === 'attachment') return undefined;
      return { kind: d.kind, mailboxId: d.mailboxId, local: d.local };
    }
    case 'EntryId':
      return BASE64.test(id) ? fromEntryBytes(Buffer.from(id, 'base64')) : undefined;
    case 'HexEntryId':
      return /^([0-9A-Fa-f]{2})+$/.test(id) ? fromEntryBytes(Buffer.from(id, 'hex')) : undefined;
    case 'StoreId': {
      if (!BASE64.test(id)) return undefined;
      const bytes = Buffer.from(id, 'base64');
      const facts = fromEntryBytes(bytes.subarray(0, bytes.length - 1));
      return facts && bytes[bytes.length - 1] === CLASS_BYTE[facts.kind] ? facts : undefined;
    }
    case 'OwaId': {
      let raw: string;
      try {
        raw = decodeURIComponent(id);
      } catch {
        return undefined;
      }
      if (!BASE64.test(raw)) return undefined;
      const bytes = Buffer.from(raw, 'base64');
      return bytes[0] === OWA_MARKER ? fromEntryBytes(bytes.subarray(1)) : undefined;
    }
    case 'EwsLegacyId': {
      if (!BASE64.test(id)) return undefined;
      const parts = Buffer.from(id, 'base64').toString('utf8').split(SEP);
      if (parts.length !== 4 || parts[0] !== LEGACY_TAG || (parts[1] !== 'folder' && parts[1] !== 'item') || !parts[3]) return undefined;
      // Legacy ids name the mailbox by address; an unknown address names no mailbox of this store.
      return { kind: parts[1], mailboxId: store.mailbox(parts[2])?.id ?? `smtp:${parts[2]}`, local: parts[3] };
    }
  }
}

/** Writes the facts of an id of `mailbox` in `format`. */
export function encodeAlternate(format: IdFormat, facts: IdFacts, mailbox: Mailbox): string {
  switch (format) {
    case 'EwsId':
      return encodeId(facts.kind, mailbox.id, facts.local);
    case 'EntryId':
      return entryBytes(facts, mailbox).toString('base64');
    case 'HexEntryId':
      return entryBytes(facts, mailbox).toString('hex').toUpperCase();
    case 'StoreId':
      return Buffer.concat([entryBytes(facts, mailbox), Buffer.from([CLASS_BYTE[facts.kind]])]).toString('base64');
    case 'OwaId':
      return encodeURIComponent(Buffer.concat([Buffer.from([OWA_MARKER]), entryBytes(facts, mailbox)]).toString('base64'));
    case 'EwsLegacyId':
      return Buffer.from([LEGACY_TAG, facts.kind, mailbox.smtp, facts.local].join(SEP), 'utf8').toString('base64');
  }
}

/** The provider UID of a mailbox: its 8-byte store id, then the same bytes inverted. */
function providerUid(mailboxId: string): Buffer | undefined {
  if (!/^[0-9a-f]{16}$/.test(mailboxId)) return undefined;
  const head = Buffer.from(mailboxId, 'hex');
  return Buffer.concat([head, Buffer.from(head.map((b) => b ^ 0xff))]);
}

function entryBytes(facts: IdFacts, mailbox: Mailbox): Buffer {
  const uid = providerUid(mailbox.id);
  // Store mailbox ids are 16 hex digits; anything else would be a store bug, not bad input.
  if (!uid) throw new Error(`mailbox id ${mailbox.id} cannot be written as a provider UID`);
  return Buffer.concat([Buffer.alloc(4), uid, Buffer.from([TYPE_BYTE[facts.kind]]), Buffer.from(facts.local, 'utf8')]);
}

function fromEntryBytes(bytes: Buffer): IdFacts | undefined {
  if (bytes.length < 22 || bytes.readUInt32BE(0) !== 0) return undefined;
  const head = bytes.subarray(4, 12);
  const tail = bytes.subarray(12, 20);
  if (!head.every((b, i) => (b ^ 0xff) === tail[i])) return undefined;
  const kind = bytes[20] === TYPE_BYTE.folder ? 'folder' : bytes[20] === TYPE_BYTE.item ? 'item' : undefined;
  const local = bytes.subarray(21).toString('utf8');
  if (!kind || !/^[fi]\d+$/.test(local)) return undefined;
  return { kind, mailboxId: head.toString('hex'), local };
}
