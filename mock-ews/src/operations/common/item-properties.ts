import type { Address, Item, Mailbox } from '../../store/types';
import { searchableBody } from './body-text';

/**
 * Message properties by FieldURI: which base shapes include them (Exchange answers FindItem with a
 * summary and GetItem with the full item), and how restrictions and sort orders read them.
 */

/** Where a shape is applied: FindItem (and other summary views) or GetItem. */
export type ItemContext = 'find' | 'get';

export interface ShapeMembership {
  /** In BaseShape Default, per context. */
  default: readonly ItemContext[];
  /** In BaseShape AllProperties, per context. */
  all: readonly ItemContext[];
  /** Streamed or multi-valued complex properties FindItem refuses (ErrorInvalidPropertyForOperation). */
  notInFind?: true;
}

const FIND_GET = ['find', 'get'] as const;
const GET = ['get'] as const;
const NONE = [] as const;

/** Shape membership of every message property the writer knows, keyed by FieldURI. */
export const ITEM_SHAPES: Readonly<Record<string, ShapeMembership>> = {
  'item:MimeContent': { default: NONE, all: NONE, notInFind: true },
  'item:ItemId': { default: FIND_GET, all: FIND_GET },
  'item:ParentFolderId': { default: NONE, all: FIND_GET },
  'item:ItemClass': { default: NONE, all: FIND_GET },
  'item:Subject': { default: FIND_GET, all: FIND_GET },
  'item:Sensitivity': { default: FIND_GET, all: FIND_GET },
  'item:Body': { default: GET, all: GET, notInFind: true },
  'item:Attachments': { default: GET, all: GET, notInFind: true },
  'item:DateTimeReceived': { default: NONE, all: FIND_GET },
  'item:Size': { default: FIND_GET, all: FIND_GET },
  'item:Categories': { default: NONE, all: FIND_GET },
  'item:Importance': { default: NONE, all: FIND_GET },
  'item:InReplyTo': { default: NONE, all: FIND_GET },
  'item:IsSubmitted': { default: NONE, all: FIND_GET },
  'item:IsDraft': { default: NONE, all: FIND_GET },
  'item:IsFromMe': { default: NONE, all: FIND_GET },
  'item:IsResend': { default: NONE, all: FIND_GET },
  'item:IsUnmodified': { default: NONE, all: FIND_GET },
  'item:InternetMessageHeaders': { default: NONE, all: GET, notInFind: true },
  'item:DateTimeSent': { default: FIND_GET, all: FIND_GET },
  'item:DateTimeCreated': { default: FIND_GET, all: FIND_GET },
  'item:ReminderIsSet': { default: NONE, all: FIND_GET },
  'item:ReminderMinutesBeforeStart': { default: NONE, all: FIND_GET },
  'item:DisplayCc': { default: NONE, all: FIND_GET },
  'item:DisplayTo': { default: NONE, all: FIND_GET },
  'item:HasAttachments': { default: FIND_GET, all: FIND_GET },
  'item:Culture': { default: NONE, all: FIND_GET },
  'item:EffectiveRights': { default: NONE, all: FIND_GET },
  'item:LastModifiedName': { default: NONE, all: FIND_GET },
  'item:LastModifiedTime': { default: NONE, all: FIND_GET },
  'item:IsAssociated': { default: FIND_GET, all: FIND_GET },
  'item:ConversationId': { default: NONE, all: FIND_GET },
  // UniqueBody is never part of a base shape: clients ask for it by name.
  'item:UniqueBody': { default: NONE, all: NONE, notInFind: true },
  'message:Sender': { default: NONE, all: FIND_GET },
  'message:ToRecipients': { default: GET, all: GET, notInFind: true },
  'message:CcRecipients': { default: GET, all: GET, notInFind: true },
  'message:BccRecipients': { default: NONE, all: GET, notInFind: true },
  'message:IsReadReceiptRequested': { default: GET, all: FIND_GET },
  'message:IsDeliveryReceiptRequested': { default: FIND_GET, all: FIND_GET },
  'message:ConversationIndex': { default: NONE, all: FIND_GET },
  'message:ConversationTopic': { default: NONE, all: FIND_GET },
  'message:From': { default: FIND_GET, all: FIND_GET },
  'message:InternetMessageId': { default: NONE, all: FIND_GET },
  'message:IsRead': { default: FIND_GET, all: FIND_GET },
  'message:IsResponseRequested': { default: NONE, all: FIND_GET },
  'message:References': { default: NONE, all: FIND_GET },
  'message:ReplyTo': { default: NONE, all: GET, notInFind: true },
  'message:ReceivedBy': { default: NONE, all: FIND_GET },
  'message:ReceivedRepresenting': { default: NONE, all: FIND_GET },
};

/** item: and message: FieldURIs of the EWS schema (UnindexedFieldURIType) the writer does not answer. */
const OTHER_SCHEMA_URIS = new Set([
  'item:ResponseObjects', 'item:ReminderDueBy', 'item:ReminderNextTime', 'item:WebClientReadFormQueryString',
  'item:WebClientEditFormQueryString', 'item:Flag', 'item:StoreEntryId', 'item:InstanceKey', 'item:NormalizedBody',
  'item:EntityExtractionResult', 'item:PolicyTag', 'item:ArchiveTag', 'item:RetentionDate', 'item:Preview',
  'item:NextPredictedAction', 'item:GroupingAction', 'item:PredictedActionReasons', 'item:IsClutter',
  'item:RightsManagementLicenseData', 'item:BlockStatus', 'item:HasBlockedImages', 'item:TextBody', 'item:IconIndex',
  'item:MimeContentUTF8', 'message:ApprovalRequestData', 'message:VotingInformation', 'message:ReminderMessageData',
]);

/** FieldURI families for other item and folder types; the mock keeps none of their properties. */
const OTHER_FAMILIES = /^(calendar|contacts|distributionlist|postitem|task|meeting|meetingRequest|conversation|folder|persona):[A-Za-z]+$/;

/** True when a FieldURI is a value of the schema's enumeration; anything else fails validation. */
export function isSchemaFieldUri(uri: string): boolean {
  return uri in ITEM_SHAPES || OTHER_SCHEMA_URIS.has(uri) || OTHER_FAMILIES.test(uri);
}

// ---- values for restrictions and sort orders ----

export type ValueKind = 'string' | 'date' | 'bool' | 'int' | 'importance' | 'address' | 'strings';

export interface FieldAccessor {
  kind: ValueKind;
  /** The item's value; undefined when the item does not have the property. */
  get(item: Item, mailbox: Mailbox): string | Date | boolean | number | Address | string[] | undefined;
  /** Usable in SortOrder. */
  sortable: boolean;
  /** A flag kept in one bit field by the store: Exists refuses it (ErrorInvalidPropertyForExists). */
  flag?: true;
}

const nonEmpty = (s: string | undefined) => (s ? s : undefined);

export function displayList(list: Address[]): string {
  return list.map((a) => a.name || a.address).join('; ');
}

export function isFromMe(item: Item, mailbox: Mailbox): boolean {
  return item.data.from?.address.toLowerCase() === mailbox.smtp.toLowerCase();
}

export function hasAttachments(item: Item): boolean {
  return item.attachments.some((a) => !a.isInline);
}

/** Conversation topic: the subject without reply and forward prefixes. */
export function conversationTopic(subject: string): string {
  return subject.replace(/^((re|fw|fwd|aw|wg|sv|vs)\s*:\s*)+/i, '').trim();
}

export const FIELD_ACCESSORS: Readonly<Record<string, FieldAccessor>> = {
  'item:Subject': { kind: 'string', sortable: true, get: (i) => i.data.subject },
  'item:DateTimeReceived': { kind: 'date', sortable: true, get: (i) => i.data.dateTimeReceived },
  'item:DateTimeSent': { kind: 'date', sortable: true, get: (i) => i.data.dateTimeSent },
  'item:DateTimeCreated': { kind: 'date', sortable: true, get: (i) => i.dateTimeCreated },
  'item:LastModifiedTime': { kind: 'date', sortable: true, get: (i) => i.lastModified },
  'item:Importance': { kind: 'importance', sortable: true, get: (i) => i.data.importance },
  'item:Size': { kind: 'int', sortable: true, get: (i) => i.size },
  'item:ItemClass': { kind: 'string', sortable: true, get: (i) => i.data.itemClass },
  'item:HasAttachments': { kind: 'bool', sortable: true, get: (i) => hasAttachments(i) },
  'item:IsDraft': { kind: 'bool', sortable: true, flag: true, get: (i) => i.data.isDraft },
  'item:IsFromMe': { kind: 'bool', sortable: true, flag: true, get: (i, m) => isFromMe(i, m) },
  'item:Categories': { kind: 'strings', sortable: false, get: (i) => (i.data.categories.length ? i.data.categories : undefined) },
  'item:Body': { kind: 'string', sortable: false, get: (i) => nonEmpty(searchableBody(i.data.body)) },
  'item:DisplayTo': { kind: 'string', sortable: true, get: (i) => nonEmpty(displayList(i.data.to)) },
  'item:DisplayCc': { kind: 'string', sortable: true, get: (i) => nonEmpty(displayList(i.data.cc)) },
  'item:InReplyTo': { kind: 'string', sortable: true, get: (i) => nonEmpty(i.data.inReplyTo) },
  'message:IsRead': { kind: 'bool', sortable: true, flag: true, get: (i) => i.data.isRead },
  'message:From': { kind: 'address', sortable: true, get: (i) => i.data.from },
  'message:Sender': { kind: 'address', sortable: true, get: (i) => i.data.sender ?? i.data.from },
  'message:InternetMessageId': { kind: 'string', sortable: true, get: (i) => nonEmpty(i.data.internetMessageId) },
  'message:ConversationTopic': { kind: 'string', sortable: true, get: (i) => nonEmpty(conversationTopic(i.conversationSubject)) },
};

/** Importance compares by rank, as the store keeps it as a number. */
export const IMPORTANCE_RANK: Readonly<Record<string, number>> = { Low: 0, Normal: 1, High: 2 };
