import type { InboxRule } from './inbox-rules';
import type { UserConfiguration } from './user-configurations';
import type { OOF_AUDIENCES, OOF_STATES } from './out-of-office';
/** Protocol-neutral data of the mailbox store. Nothing here knows about SOAP or XML. */

export interface Address {
  name?: string;
  address: string;
}

export type Importance = 'Low' | 'Normal' | 'High';

export interface AttachmentData {
  name: string;
  contentType: string;
  content: Buffer;
  isInline?: boolean;
  contentId?: string;
}

export interface Attachment extends AttachmentData {
  /** Opaque AttachmentId. */
  id: string;
  lastModified: Date;
}

/** The fields of a message as a store user gives them; everything else is derived. */
export interface MessageData {
  subject: string;
  from?: Address;
  sender?: Address;
  to: Address[];
  cc: Address[];
  bcc: Address[];
  replyTo: Address[];
  dateTimeSent: Date;
  dateTimeReceived: Date;
  internetMessageId: string;
  inReplyTo?: string;
  references?: string;
  importance: Importance;
  isRead: boolean;
  isDraft: boolean;
  categories: string[];
  body: { html?: string; text?: string };
  attachments: AttachmentData[];
  /** Extra internet headers (name, value) besides the ones derived from the fields above. */
  headers: [string, string][];
  itemClass: string;
  /**
   * MAPI properties a client set by ExtendedFieldURI (CreateItem, UpdateItem), by a key naming the
   * property and its type (operations/common/extended-properties.ts): values as written on the wire.
   */
  extended?: Readonly<Record<string, string | readonly string[]>>;
  /** The raw RFC 822 message when the message came as MIME; composed from the fields otherwise. */
  rawMime?: Buffer;
}

export interface Item {
  /** Opaque ItemId; changes when the item moves to another folder. */
  id: string;
  changeKey: string;
  /** Bumped on every update; the ChangeKey is derived from it. */
  version: number;
  mailboxId: string;
  folderId: string;
  dateTimeCreated: Date;
  lastModified: Date;
  conversationId: string;
  /** The subject the message was created with: its conversation's topic, whatever edits follow. */
  conversationSubject: string;
  data: MessageData;
  attachments: Attachment[];
  size: number;
  /** The item version that last changed each field (fields never updated are absent). */
  fieldVersions?: Partial<Record<keyof MessageData, number>>;
}

export type DistinguishedFolderName =
  | 'root'
  | 'msgfolderroot'
  | 'inbox'
  | 'sentitems'
  | 'drafts'
  | 'deleteditems'
  | 'junkemail'
  | 'outbox'
  | 'calendar'
  | 'contacts'
  | 'tasks'
  | 'notes'
  | 'journal'
  | 'recoverableitemsroot'
  | 'recoverableitemsdeletions'
  | 'recoverableitemsversions'
  | 'recoverableitemspurges';

export type ItemChangeType = 'create' | 'update' | 'delete' | 'readflag';

export interface ItemChange {
  seq: number;
  type: ItemChangeType;
  itemId: string;
  /** What notifications say about the change; set only once a subscription exists (store.ts). */
  event?: ChangeEvent;
}

/** Where an item came from or went, for notifications (MovedEvent, CopiedEvent, NewMailEvent). */
export interface ItemOrigin {
  /** Delivered as new mail, rather than saved or filed by a client. */
  newMail?: true;
  movedFrom?: { itemId: string; folderId: string };
  copiedFrom?: { itemId: string; folderId: string };
}

export interface ChangeEvent extends ItemOrigin {
  /** When the change happened (ms since the epoch). */
  at: number;
  /** For the delete half of a move: where the item went. */
  movedTo?: { itemId: string; folderId: string };
}

export type FolderChangeType = 'create' | 'update' | 'delete';

export interface FolderChange {
  /** When the change happened; set only once a subscription exists (store.ts). */
  at?: number;
  seq: number;
  type: FolderChangeType;
  folderId: string;
  /** The folder's parent after the change (before it, for a delete): lets a hierarchy sync tell what was in its subtree. */
  parentId: string | null;
  /** For a move: the parent it left (notifications report a MovedEvent naming both). */
  oldParentId?: string;
}

export interface Folder {
  id: string;
  changeKey: string;
  version: number;
  mailboxId: string;
  /** Null for the root of the mailbox. */
  parentId: string | null;
  distinguished?: DistinguishedFolderName;
  displayName: string;
  folderClass: string;
  /** Items currently in the folder, by id. */
  items: Map<string, Item>;
  /** Append-only change journal; SyncFolderItems states are positions in it. */
  journal: ItemChange[];
  /** Ids of child folders. */
  childIds: string[];
  /** User configuration objects kept on the folder, by lower-cased name (store/user-configurations.ts). */
  configurations?: Map<string, UserConfiguration>;
}

export interface Mailbox {
  id: string;
  smtp: string;
  displayName: string;
  /** Legacy Exchange DN, for ResolveNames and ConvertId. */
  legacyDn: string;
  folders: Map<string, Folder>;
  distinguished: Map<DistinguishedFolderName, string>;
  /** Every item in the mailbox, by id. */
  items: Map<string, Item>;
  /** Append-only folder hierarchy journal, for SyncFolderHierarchy. */
  hierarchy: FolderChange[];
  /** Out-of-office settings (SetUserOofSettings); absent until set: disabled, with no replies. */
  oof?: OofSettings;
  /** Inbox rules (UpdateInboxRules) in priority order, run on mail delivered to the Inbox; absent until one is made. */
  rules?: InboxRule[];
}

export interface OofSettings {
  state: (typeof OOF_STATES)[number];
  externalAudience: (typeof OOF_AUDIENCES)[number];
  /** The scheduled window (kept whatever the state, as Exchange does). */
  start: Date;
  end: Date;
  internalReply: string;
  externalReply: string;
}

/** A distribution list of the directory: mail to it goes to its members (nested lists expanded). */
export interface DistributionList {
  smtp: string;
  displayName: string;
  /** Member addresses as the scenario lists them: mailboxes, other lists or outside addresses. */
  members: string[];
}

export interface Account {
  smtp: string;
  password: string;
  displayName: string;
  sid: string;
  /** User principal name, e.g. alice@acme.test. */
  upn: string;
  /** Down-level logon name, e.g. ACME\alice. */
  logonName: string;
  /** Id of the account's own mailbox, if it has one. */
  mailboxId?: string;
  department?: string;
  /** When its password expires (GetPasswordExpirationDate); never when absent. */
  passwordExpires?: Date;
}

export type GrantScope =
  | { kind: 'all' }
  | { kind: 'domains'; domains: string[] }
  | { kind: 'mailboxes'; mailboxes: string[] };

/**
 * What a grant gives. ApplicationImpersonation is the RBAC role (2010–2019; on 2007 it stands for
 * both 2007 rights); the two ms-Exch-EPI rights are Exchange 2007's; "Application EWS.AccessAsApp"
 * is Exchange Online's RBAC for Applications assignment to an app id.
 */
/** An application registered in the tenant: client credentials for the token endpoint (auth/token-endpoint.ts). */
export interface AppRegistration {
  clientId: string;
  secret: string;
  displayName?: string;
  /** Application permissions, e.g. full_access_as_app. */
  roles: string[];
  tokenLifetimeSeconds: number;
}

export type GrantRight = 'ApplicationImpersonation' | 'ms-Exch-EPI-Impersonation' | 'ms-Exch-EPI-May-Impersonate' | 'Application EWS.AccessAsApp';

export interface ImpersonationGrant {
  /** SMTP address of the account that may impersonate (an application id for app grants). */
  account: string;
  scope: GrantScope;
  /** Default ApplicationImpersonation. */
  right?: GrantRight;
  /**
   * A management scope's recipient filter (OPATH subset, e.g. "Department -eq 'Sales'"): the grant
   * covers only mailboxes inside `scope` that also match it.
   */
  recipientFilter?: string;
}

/**
 * An EWS throttling policy (the parts the mock enforces). Without `account` it is the default
 * policy; an account's own policy wins over it. Undefined limits fall back to the generation's.
 */
export interface ThrottlingPolicy {
  account?: string;
  /** Requests of one budget owner in flight at once (EWSMaxConcurrency); 0 = unlimited. */
  concurrentConnections?: number;
  /** SyncFolderItems/SyncFolderHierarchy in flight at once; 0 = unlimited. */
  concurrentSyncCalls?: number;
  /** Items one FindItem page may hold (EWSFindCountLimit); 0 = unlimited. */
  findCountLimit?: number;
  /** Request-rate budget: at most `requests` per `perSeconds` (a token bucket). */
  rate?: { requests: number; perSeconds: number };
}

/** A notification subscription (Subscribe): which changes of a mailbox it reports, and to whom. */
export interface Subscription {
  id: string;
  /** Pull subscriptions are read with GetEvents, streaming ones with GetStreamingEvents; push ones post to `url`. */
  kind: 'pull' | 'streaming' | 'push';
  /** Push: where notifications are posted. */
  url?: string;
  mailboxId: string;
  /** The account that subscribed: only it may read the events. */
  owner: string;
  /** The folders it watches; undefined for every folder of the mailbox (SubscribeToAllFolders). */
  folderIds?: string[];
  /** NotificationEventType names it reports. */
  eventTypes: string[];
  /** Minutes without a GetEvents call after which it expires (pull subscriptions). */
  timeoutMinutes: number;
  /** When it was made or last read (ms since the epoch). */
  lastUsed: number;
  expired: boolean;
  /** Streaming and push: the journal position reported so far. */
  position?: number;
  /** Streaming: GetStreamingEvents connections open now (a subscription being read does not expire). */
  connections?: number;
}
