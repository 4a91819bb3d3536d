import { createHash } from 'node:crypto';
import { el, leaf, Xml } from '../../soap/response-writer';
import type { XmlElement } from '../../soap/xml-element';
import type { Folder, Item, Mailbox } from '../../store/types';
import { FieldAccessor, hasAttachments, IMPORTANCE_RANK, isFromMe, ValueKind } from './item-properties';

/**
 * MAPI properties asked for by t:ExtendedFieldURI — what clients that speak MAPI underneath (DavMail,
 * Outlook-minded integrations) read, sort and filter on: the ones the store can answer from what it
 * keeps, by property tag or by property set and name. A property the store does not have is left out
 * of an item, as Exchange leaves out a property that is not set; it sorts as missing and matches no
 * restriction.
 */

type MapiType = 'Integer' | 'SystemTime' | 'Boolean' | 'String' | 'StringArray' | 'Binary';

interface ItemProperty {
  type: MapiType;
  get(item: Item, mailbox: Mailbox): string | Date | boolean | number | string[] | undefined;
}

interface FolderProperty {
  type: MapiType;
  get(folder: Folder, mailbox: Mailbox): string | boolean | number | undefined;
}

const MSGFLAG_READ = 0x1;
const MSGFLAG_UNSENT = 0x8;
const MSGFLAG_HASATTACH = 0x10;
const MSGFLAG_FROMME = 0x20;

/** The number in an item id's local part (`i42`): store-wide and increasing, so new mail numbers higher, as IMAP UIDs do. */
function articleNumber(item: Item): number {
  const local = Buffer.from(item.id, 'base64').toString('utf8').split('\u001f').pop() ?? '';
  return Number(/\d+$/.exec(local)?.[0] ?? 0);
}

/** A binary key derived from the item id: stable for the item, different for every item. */
function binaryKey(item: Item, kind: string): string {
  return createHash('sha1').update(`${kind}:${item.id}`).digest('base64');
}

/** By property tag (PidTag… in MS-OXPROPS). */
const ITEM_TAGS: ReadonlyMap<number, ItemProperty> = new Map<number, ItemProperty>([
  [0x0017, { type: 'Integer', get: (i) => IMPORTANCE_RANK[i.data.importance] }], // PidTagImportance
  [0x001a, { type: 'String', get: (i) => i.data.itemClass }], // PidTagMessageClass
  [0x0037, { type: 'String', get: (i) => i.data.subject }], // PidTagSubject
  [0x0e06, { type: 'SystemTime', get: (i) => i.data.dateTimeReceived }], // PidTagMessageDeliveryTime
  [
    0x0e07, // PidTagMessageFlags
    {
      type: 'Integer',
      get: (i, m) => (i.data.isRead ? MSGFLAG_READ : 0) | (i.data.isDraft ? MSGFLAG_UNSENT : 0) | (hasAttachments(i) ? MSGFLAG_HASATTACH : 0) | (isFromMe(i, m) ? MSGFLAG_FROMME : 0),
    },
  ],
  [0x0e08, { type: 'Integer', get: (i) => i.size }], // PidTagMessageSize
  [0x0e1b, { type: 'Boolean', get: (i) => hasAttachments(i) }], // PidTagHasAttachments
  [0x0e23, { type: 'Integer', get: (i) => articleNumber(i) }], // PidTagInternetArticleNumber
  [0x0ff9, { type: 'Binary', get: (i) => binaryKey(i, 'record') }], // PidTagRecordKey
  [0x0fff, { type: 'Binary', get: (i) => binaryKey(i, 'entry') }], // PidTagEntryId
  [0x1035, { type: 'String', get: (i) => i.data.internetMessageId || undefined }], // PidTagInternetMessageId
  [0x1039, { type: 'String', get: (i) => i.data.references || undefined }], // PidTagInternetReferences
  [0x1042, { type: 'String', get: (i) => i.data.inReplyTo || undefined }], // PidTagInReplyToId
  [0x10f3, { type: 'String', get: (i) => `${articleNumber(i)}.EML` }], // PidTagUrlCompName: unique in its folder
  [0x3007, { type: 'SystemTime', get: (i) => i.dateTimeCreated }], // PidTagCreationTime
  [0x3008, { type: 'SystemTime', get: (i) => i.lastModified }], // PidTagLastModificationTime
  [0x0039, { type: 'SystemTime', get: (i) => i.data.dateTimeSent }], // PidTagClientSubmitTime
]);

/** Named properties, by property set and name. */
const ITEM_NAMES: ReadonlyMap<string, ItemProperty> = new Map<string, ItemProperty>([
  ['PublicStrings:Keywords', { type: 'StringArray', get: (i) => (i.data.categories.length ? i.data.categories : undefined) }],
]);

const FOLDER_TAGS: ReadonlyMap<number, FolderProperty> = new Map<number, FolderProperty>([
  [0x3001, { type: 'String', get: (f) => f.displayName }], // PidTagDisplayName
  [0x3602, { type: 'Integer', get: (f) => f.items.size }], // PidTagContentCount
  [0x3603, { type: 'Integer', get: (f) => [...f.items.values()].filter((i) => !i.data.isRead).length }], // PidTagContentUnreadCount
  [0x360a, { type: 'Boolean', get: (f) => f.childIds.length > 0 }], // PidTagSubfolders
  [0x3613, { type: 'String', get: (f) => f.folderClass || undefined }], // PidTagContainerClass
]);

const KIND: Readonly<Record<MapiType, ValueKind>> = { Integer: 'int', SystemTime: 'date', Boolean: 'bool', String: 'string', StringArray: 'strings', Binary: 'string' };

function tagOf(uri: XmlElement): number | undefined {
  const raw = uri.attr('PropertyTag');
  if (raw === undefined) return undefined;
  const n = /^0x/i.test(raw) ? parseInt(raw.slice(2), 16) : Number(raw);
  return Number.isInteger(n) ? n : undefined;
}

function lookup<T extends { type: MapiType }>(uri: XmlElement, tags: ReadonlyMap<number, T>, names?: ReadonlyMap<string, T>): T | undefined {
  const tag = tagOf(uri);
  const set = uri.attr('DistinguishedPropertySetId') ?? uri.attr('PropertySetId');
  const name = uri.attr('PropertyName') ?? uri.attr('PropertyId');
  const found = tag !== undefined ? tags.get(tag) : set && name ? names?.get(`${set}:${name}`) : undefined;
  // The type is part of a property's identity: the same tag with another type is another property.
  return found && found.type === uri.attr('PropertyType') ? found : undefined;
}

/** The accessor restrictions and sort orders use for an extended property; one the store lacks is always missing. */
export function extendedAccessor(uri: XmlElement): FieldAccessor {
  const p = lookup(uri, ITEM_TAGS, ITEM_NAMES);
  if (!p) return { kind: 'string', sortable: true, get: () => undefined };
  return { kind: KIND[p.type], sortable: p.type !== 'StringArray', get: (i, m) => p.get(i, m) };
}

/** The t:ExtendedProperty elements of an item, for the ExtendedFieldURIs a shape asks for, in its order. */
export function writeItemExtended(parent: Xml, uris: readonly XmlElement[], item: Item, mailbox: Mailbox): void {
  for (const uri of uris) write(parent, uri, lookup(uri, ITEM_TAGS, ITEM_NAMES)?.get(item, mailbox));
}

/** The same for a folder. */
export function writeFolderExtended(parent: Xml, uris: readonly XmlElement[], folder: Folder, mailbox: Mailbox): void {
  for (const uri of uris) write(parent, uri, lookup(uri, FOLDER_TAGS)?.get(folder, mailbox));
}

const URI_ATTRIBUTES = ['DistinguishedPropertySetId', 'PropertySetId', 'PropertyTag', 'PropertyName', 'PropertyId', 'PropertyType'];

function write(parent: Xml, uri: XmlElement, value: string | Date | boolean | number | string[] | undefined): void {
  if (value === undefined) return;
  const prop = el(parent, 't:ExtendedProperty');
  // The path as the client named it.
  const attrs: Record<string, string> = {};
  for (const name of URI_ATTRIBUTES) {
    const v = uri.attr(name);
    if (v !== undefined) attrs[name] = v;
  }
  el(prop, 't:ExtendedFieldURI', attrs);
  if (Array.isArray(value)) {
    const values = el(prop, 't:Values');
    for (const v of value) leaf(values, 't:Value', v);
    return;
  }
  leaf(prop, 't:Value', value instanceof Date ? value.toISOString().replace(/\.\d{3}Z$/, 'Z') : String(value));
}
