/**
 * What the syncer needs from its database. The sync logic talks only to this interface, so another
 * SQL engine can be added by implementing it; SqliteStorage is the embedded default.
 */

export type MailboxState = 'new' | 'in_progress' | 'failed' | 'succeeded';
export type FolderType = 'inbox' | 'other' | 'sent';

/** Settings as stored: the page's fields, the password sealed, and the syncer's options. */
export interface StoredSettings {
  enabled: boolean;
  server: string;
  version: string;
  login: string;
  /** Sealed with the SecretBox; empty when no password is stored. */
  passwordSealed: string;
  domainList: string[];
  options: Record<string, unknown>;
  updatedAt: string;
}

export interface UserInput {
  name: string;
  emails: string[];
}

export interface UserEmailRecord {
  userEmailId: number;
  userId: number;
  userName: string;
  email: string;
}

export interface MailboxRecord {
  id: number;
  email: string;
  server: string;
  userEmailId: number | null;
  active: boolean;
  state: MailboxState;
  changedAt: string;
  lastSyncAt: string | null;
  successCount: number;
  lastError: string | null;
}

export interface FolderRecord {
  id: number;
  mailboxId: number;
  ewsId: string;
  parentEwsId: string | null;
  displayName: string;
  fullName: string;
  type: FolderType;
  syncState: string | null;
  lastSyncAt: string | null;
  active: boolean;
}

export interface FolderInput {
  ewsId: string;
  parentEwsId: string | null;
  displayName: string;
  fullName: string;
  type: FolderType;
}

export interface Address {
  name?: string;
  address: string;
}

export interface AttachmentInput {
  ewsId: string;
  name: string;
  contentType: string;
  size: number;
  /** Absent when the attachment was not downloaded (sync off or over the size limit). */
  content?: Buffer;
  skippedReason?: string;
  /** An inline file (an image the HTML body shows) and the Content-ID the body names it by. */
  isInline?: boolean;
  contentId?: string;
}

/** One email as read from EWS and mapped for storage. */
export interface MappedEmail {
  itemId: string;
  changeKey?: string;
  messageId: string;
  subject: string;
  from?: Address;
  to: Address[];
  cc: Address[];
  bcc: Address[];
  sentAt: string | null;
  receivedAt: string | null;
  createdAt: string | null;
  /** High=1, Normal=0, Low=-1. */
  importance: number;
  conversationId: string | null;
  isRead: boolean;
  hasAttachments: boolean;
  body?: { type: 'html' | 'text'; content: string };
  attachments?: AttachmentInput[];
}

export interface FolderBatch {
  folderId: number;
  mailboxId: number;
  emails: MappedEmail[];
  /** ItemIds the server reported deleted from this folder. */
  deletedItemIds: string[];
  /** Emails already stored in another folder of this mailbox that moved here: link id → new item. */
  moves: { linkId: number; itemId: string; changeKey?: string; isRead: boolean }[];
  /** Saved with the batch, so a sync state never runs ahead of the data it covers. */
  syncState?: string | null;
  lastSyncAt?: string;
}

export interface BatchResult {
  created: number;
  updated: number;
  moved: number;
  deleted: number;
  unchanged: number;
  /** Emails that failed to save: logged and skipped. */
  failed: { itemId: string; error: string }[];
}

export interface LinkRecord {
  linkId: number;
  emailId: number;
  folderId: number;
  folderType: FolderType;
  itemId: string;
  messageId: string;
  /** The server reported this item deleted during the current sync. */
  removed: boolean;
}

export interface PendingBody {
  emailId: number;
  messageId: string;
  mailboxId: number;
  mailboxEmail: string;
  itemId: string;
}

export interface StatusReport {
  mailboxes: {
    id: number;
    email: string;
    server: string;
    active: boolean;
    state: MailboxState;
    changedAt: string;
    lastSyncAt: string | null;
    successCount: number;
    lastError: string | null;
    emails: number;
    folders: { name: string; type: FolderType; emails: number; lastSyncAt: string | null }[];
  }[];
}

export interface DueQuery {
  server: string;
  now: Date;
  /** Failed mailboxes wait this long before a retry. */
  failedRetryAfterMs: number;
  /** A mailbox synced successfully after this is not due yet (the min interval). */
  syncedAfter?: Date;
  limit?: number;
  /** Explicit mailbox ids: synced whatever their wait. */
  ids?: number[];
}

export interface SyncStorage {
  close(): void;

  loadSettings(): StoredSettings | undefined;
  saveSettings(settings: Omit<StoredSettings, 'updatedAt'>): void;

  /** Adds users and their addresses; a user's addresses are replaced by the imported list. */
  importUsers(users: UserInput[]): { users: number; emails: number };
  userEmails(): UserEmailRecord[];

  /** Deactivates active mailboxes of another server; returns how many. */
  deactivateMailboxesOfOtherServers(server: string): number;
  /** Deactivates active mailboxes whose user address no longer exists or no longer matches. */
  deactivateOrphanMailboxes(): number;
  /** Deactivates active mailboxes of this server whose address is in none of these domains; returns how many. */
  deactivateMailboxesOutsideDomains(server: string, domains: string[]): number;
  /** Creates an active mailbox for the address on this server unless one exists; true when created. */
  ensureMailbox(userEmailId: number, email: string, server: string): boolean;
  /**
   * Marks in-progress mailboxes whose state changed before `before` as failed, and releases those
   * whose claiming process is gone (killed run); returns how many.
   */
  resetStuckMailboxes(before: Date, now: Date): number;
  mailbox(id: number): MailboxRecord | undefined;
  mailboxes(): MailboxRecord[];
  /** Active mailboxes due for a sync, longest-waiting first, in-progress ones excluded. */
  dueMailboxes(query: DueQuery): MailboxRecord[];
  /**
   * Atomically moves a mailbox into in_progress; false when another run holds it or, given
   * `seenChangedAt`, when its state changed since it was selected (another run synced it meanwhile),
   * or, given `runStartedAt`, when another run finished syncing it after this run started.
   */
  claimMailbox(id: number, now: Date, seenChangedAt?: string, runStartedAt?: Date): boolean;
  finishMailbox(id: number, outcome: { ok: true } | { ok: false; error: string }, now: Date): void;

  folders(mailboxId: number): FolderRecord[];
  /** Inserts or updates (rename, move, retype) a folder by its EWS id and marks the others of the mailbox inactive. */
  replaceFolders(mailboxId: number, folders: FolderInput[]): FolderRecord[];
  resetFolderSyncState(folderId: number): void;

  /** Links of this mailbox's active folders holding any of these Message-IDs. */
  linksByMessageId(mailboxId: number, messageIds: string[]): LinkRecord[];
  /** ItemIds already stored for a folder. */
  itemIds(folderId: number): Set<string>;
  /** Deletes links marked removed that no move revived; returns how many. */
  purgeRemovedLinks(mailboxId: number): number;
  /** Saves one batch in a transaction; a failing email is skipped, the rest commit. */
  saveBatch(batch: FolderBatch): BatchResult;

  /** Emails of active mailboxes that have no body yet. */
  pendingBodies(limit: number): PendingBody[];
  saveBody(emailId: number, body: { type: 'html' | 'text'; content: string }, attachments: AttachmentInput[]): void;

  status(): StatusReport;
}
