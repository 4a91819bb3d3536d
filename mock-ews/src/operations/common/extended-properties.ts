import { createHash } from 'node:crypto';
import { el, leaf, Xml } from '../../soap/response-writer';
import type { XmlElement } from '../../soap/xml-element';
import { ItemError, schemaFault } from '../../soap/error-catalogue';
import type { Folder, Item, Mailbox, MessageData } from '../../store/types';
import { decodeId } from '../../store/ids';
import { ewsDate } from './schema-values';
import { FieldAccessor, hasAttachments, IMPORTANCE_RANK, isFromMe, ValueKind } from './item-properties';

/**
 * MAPI properties named by t:ExtendedFieldURI — what clients that speak MAPI underneath (DavMail,
 * Outlook-minded integrations) read, sort and filter on, and what integrations set to mark items as
 * their own. Some are derived from what the store keeps (message flags, size, delivery time…) and
 * are read-only here; any other property a client sets (CreateItem, UpdateItem) is kept with the
 * item as it was written and answered back. A property an item does not have is left out of it, as
 * Exchange leaves out a property that is not set; it sorts as missing and matches no restriction.
 */

type MapiType = 'Integer' | 'SystemTime' | 'Boolean' | 'String' | 'StringArray' | 'Binary';

/** Every value of the schema's MapiPropertyTypeType, with the kind it compares as in sorts and restrictions. */
const TYPE_KINDS: Readonly<Record<string, ValueKind>> = {
  ApplicationTime: 'int',
  Integer: 'int',
  Short: 'int',
  Long: 'int',
  Double: 'int',
  Float: 'int',
  Currency: 'int',
  Error: 'int',
  SystemTime: 'date',
  Boolean: 'bool',
  String: 'string',
  Binary: 'string',
  CLSID: 'string',
  Null: 'string',
  Object: 'string',
  ApplicationTimeArray: 'strings',
  BinaryArray: 'strings',
  CLSIDArray: 'strings',
  CurrencyArray: 'strings',
  DoubleArray: 'strings',
  FloatArray: 'strings',
  IntegerArray: 'strings',
  LongArray: 'strings',
  ObjectArray: 'strings',
  ShortArray: 'strings',
  StringArray: 'strings',
  SystemTimeArray: 'strings',
};

interface ItemProperty {
  type: MapiType;
  get(item: Item, mailbox: Mailbox): string | Date | boolean | number | string[] | undefined;
  /** For the few a client may write: the message fields a value sets (undefined: cleared). */
  set?(value: string | readonly string[] | undefined): Partial<MessageData>;
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
  return Number(/\d+$/.exec(decodeId(item.id, 'item')?.local ?? '')?.[0] ?? 0);
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
  // The categories, as MAPI clients (DavMail's IMAP keywords) read and write them.
  ['PublicStrings:Keywords', { type: 'StringArray', get: (i) => (i.data.categories.length ? i.data.categories : undefined), set: (v) => ({ categories: v === undefined ? [] : [...v] }) }],
]);

const FOLDER_TAGS: ReadonlyMap<number, FolderProperty> = new Map<number, FolderProperty>([
  [0x3001, { type: 'String', get: (f) => f.displayName }], // PidTagDisplayName
  [0x3602, { type: 'Integer', get: (f) => f.items.size }], // PidTagContentCount
  [0x3603, { type: 'Integer', get: (f) => [...f.items.values()].filter((i) => !i.data.isRead).length }], // PidTagContentUnreadCount
  [0x360a, { type: 'Boolean', get: (f) => f.childIds.length > 0 }], // PidTagSubfolders
  [0x3613, { type: 'String', get: (f) => f.folderClass || undefined }], // PidTagContainerClass
]);

function tagOf(uri: XmlElement): number | undefined {
  const raw = uri.attr('PropertyTag');
  if (raw === undefined) return undefined;
  const n = /^0x/i.test(raw) ? parseInt(raw.slice(2), 16) : Number(raw);
  return Number.isInteger(n) ? n : undefined;
}

/**
 * A t:ExtendedFieldURI as the schema has it: PropertyType is required and one of MapiPropertyTypeType's
 * values. A violation is the schema fault Exchange answers, before anything is read or changed.
 */
export function checkExtendedFieldUri(uri: XmlElement): void {
  const type = uri.attr('PropertyType');
  if (type === undefined) throw schemaFault("The required attribute 'PropertyType' is missing.", uri.line);
  if (!(type in TYPE_KINDS)) {
    throw schemaFault(
      `The 'PropertyType' attribute is invalid - The value '${type}' is invalid according to its datatype 'http://schemas.microsoft.com/exchange/services/2006/types:MapiPropertyTypeType' - The Enumeration constraint failed.`,
      uri.line,
    );
  }
}

/**
 * The store's key for the property a t:ExtendedFieldURI names: its tag, or its property set and id
 * or name, and its type (part of a property's identity: the same tag with another type is another
 * property). Undefined when the path names no property.
 */
export function extendedKey(uri: XmlElement): string | undefined {
  const type = uri.attr('PropertyType');
  if (!type) return undefined;
  const tag = tagOf(uri);
  if (tag !== undefined) return `tag:${tag.toString(16)}:${type}`;
  const set = propertySet(uri);
  if (!set) return undefined;
  const name = uri.attr('PropertyName');
  const id = uri.attr('PropertyId');
  if (name !== undefined) return `${set}:name:${name}:${type}`;
  return id !== undefined ? `${set}:id:${Number(id)}:${type}` : undefined;
}

/** The distinguished property sets by their GUIDs ([MS-OXPROPS] 1.3.2): either way names the same set. */
const PROPERTY_SETS: Readonly<Record<string, string>> = {
  '00062008-0000-0000-c000-000000000046': 'Common',
  '00020329-0000-0000-c000-000000000046': 'PublicStrings',
  '00062004-0000-0000-c000-000000000046': 'Address',
  '00020386-0000-0000-c000-000000000046': 'InternetHeaders',
  '00062002-0000-0000-c000-000000000046': 'Appointment',
  '6ed8da90-450b-101b-98da-00aa003f1305': 'Meeting',
  '0006200a-0000-0000-c000-000000000046': 'Log',
  '41f28f13-83f4-4114-a584-eedb5a6b0bff': 'Sharing',
  '0006200e-0000-0000-c000-000000000046': 'PostRss',
  '00062041-0000-0000-c000-000000000046': 'UnifiedMessaging',
  '00062003-0000-0000-c000-000000000046': 'Task',
};

/** The property set a path names: a distinguished set's name, however given, else the GUID in lower case. */
function propertySet(uri: XmlElement): string | undefined {
  const distinguished = uri.attr('DistinguishedPropertySetId');
  if (distinguished) return distinguished;
  const guid = uri.attr('PropertySetId')?.toLowerCase().replace(/^\{|\}$/g, '');
  return guid ? PROPERTY_SETS[guid] ?? guid : undefined;
}

function derived<T extends { type: MapiType }>(uri: XmlElement, tags: ReadonlyMap<number, T>, names?: ReadonlyMap<string, T>): T | undefined {
  const tag = tagOf(uri);
  const set = propertySet(uri);
  const name = uri.attr('PropertyName');
  const found = tag !== undefined ? tags.get(tag) : set && name ? names?.get(`${set}:${name}`) : undefined;
  return found && found.type === uri.attr('PropertyType') ? found : undefined;
}

/**
 * What setting a property (CreateItem's t:ExtendedProperty, UpdateItem's SetItemField; `undefined`
 * for DeleteItemField) changes: the message field a derived property stands for, else the property
 * kept with the item. Undefined for a derived property clients cannot write (ErrorInvalidPropertySet).
 */
export function extendedUpdate(uri: XmlElement, value: string | readonly string[] | undefined, current: MessageData['extended']): Partial<MessageData> | undefined {
  const p = derived(uri, ITEM_TAGS, ITEM_NAMES);
  if (p) return p.set?.(value);
  const key = extendedKey(uri);
  if (!key) return undefined;
  const { [key]: _old, ...rest } = current ?? {};
  return { extended: value === undefined ? rest : { ...rest, [key]: value } };
}

type Value = string | Date | boolean | number | readonly string[] | undefined;
type ItemReader = (item: Item, mailbox: Mailbox) => Value;

/** Readers by path: a path is resolved once per request, not once per item read or compared. */
const READERS = new WeakMap<XmlElement, ItemReader>();

/** How to read the property a path names off an item: derived, or as a client set it. */
function itemReader(uri: XmlElement): ItemReader {
  let read = READERS.get(uri);
  if (!read) {
    const p = derived(uri, ITEM_TAGS, ITEM_NAMES);
    const key = p ? undefined : extendedKey(uri);
    read = p ? (i, m) => p.get(i, m) : key ? (i) => i.data.extended?.[key] : () => undefined;
    READERS.set(uri, read);
  }
  return read;
}

/** The accessor restrictions and sort orders use for an extended property; one an item lacks is missing. */
export function extendedAccessor(uri: XmlElement): FieldAccessor {
  const kind = TYPE_KINDS[uri.attr('PropertyType') ?? ''] ?? 'string';
  const read = itemReader(uri);
  return {
    kind,
    sortable: kind !== 'strings',
    get: (i, m) => {
      const v = read(i, m);
      if (typeof v !== 'string') return v === undefined ? undefined : Array.isArray(v) ? [...v] : (v as string | Date | boolean | number);
      // Values clients set are kept as written: typed here for comparisons.
      if (kind === 'int') return Number(v);
      if (kind === 'date') return new Date(v);
      if (kind === 'bool') return v === 'true' || v === '1';
      return v;
    },
  };
}

/** PidTagTransportMessageHeaders: the header block a received message came with, read from its MIME. */
const TRANSPORT_HEADERS = 0x007d;

function isTransportHeaders(uri: XmlElement): boolean {
  return tagOf(uri) === TRANSPORT_HEADERS && uri.attr('PropertyType') === 'String';
}

/** True when a shape asks for the transport headers, which need the item's MIME (a wait). */
export function wantsTransportHeaders(uris: readonly XmlElement[]): boolean {
  return uris.some(isTransportHeaders);
}

/**
 * The t:ExtendedProperty elements of an item, for the ExtendedFieldURIs a shape asks for, in its
 * order. `transportHeaders` is the received message's header block, when the shape asks for it.
 */
export function writeItemExtended(parent: Xml, uris: readonly XmlElement[], item: Item, mailbox: Mailbox, transportHeaders?: string): void {
  for (const uri of uris) write(parent, uri, isTransportHeaders(uri) ? transportHeaders : itemReader(uri)(item, mailbox));
}

/** The same for a folder (only derived properties: folders keep none of their own). */
export function writeFolderExtended(parent: Xml, uris: readonly XmlElement[], folder: Folder, mailbox: Mailbox): void {
  for (const uri of uris) write(parent, uri, derived(uri, FOLDER_TAGS)?.get(folder, mailbox));
}

const SCALAR_VALUE: Readonly<Record<string, RegExp>> = {
  Integer: /^-?\d+$/,
  Short: /^-?\d+$/,
  Long: /^-?\d+$/,
  Double: /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/,
  Float: /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/,
  Boolean: /^(true|false|1|0)$/,
  Binary: /^[A-Za-z0-9+/]*={0,2}$/,
};

/**
 * Reads a t:ExtendedProperty a client writes: its key and its value (t:Value, or t:Values for an
 * array type). A value that is not of the property's type is ErrorInvalidValueForProperty.
 */
export function readExtendedProperty(prop: XmlElement): { key: string; uri: XmlElement; value: string | readonly string[] } | undefined {
  const uri = prop.t('ExtendedFieldURI');
  if (uri) checkExtendedFieldUri(uri);
  const key = uri && extendedKey(uri);
  if (!uri || !key) return undefined;
  const type = uri.attr('PropertyType')!;
  const many = prop.t('Values');
  const values = many ? many.all('Value').map((v) => v.text) : [prop.t('Value')?.text ?? ''];
  for (const v of values) {
    const base = type.replace(/Array$/, '');
    const ok = base === 'SystemTime' ? !Number.isNaN(Date.parse(v)) : (SCALAR_VALUE[base]?.test(v.trim()) ?? true);
    if (!ok) throw new ItemError('ErrorInvalidValueForProperty');
  }
  return { key, uri, value: type.endsWith('Array') ? values : values[0] };
}

const URI_ATTRIBUTES = ['DistinguishedPropertySetId', 'PropertySetId', 'PropertyTag', 'PropertyName', 'PropertyId', 'PropertyType'];

function write(parent: Xml, uri: XmlElement, value: Value): void {
  if (value === undefined) return;
  const prop = el(parent, 't:ExtendedProperty');
  // The path as the client named it.
  const attrs: Record<string, string> = {};
  for (const name of URI_ATTRIBUTES) {
    const v = uri.attr(name);
    if (v !== undefined) attrs[name] = v;
  }
  el(prop, 't:ExtendedFieldURI', attrs);
  if (typeof value === 'object' && !(value instanceof Date)) {
    const values = el(prop, 't:Values');
    for (const v of value) leaf(values, 't:Value', v);
    return;
  }
  leaf(prop, 't:Value', value instanceof Date ? ewsDate(value) : String(value));
}
