import { createHash, randomBytes } from 'node:crypto';
import { oofReply } from './auto-reply';
import { isInternalAddress } from './organisation';
import { OutboundLog } from './outbound';
import { changeKey, decodeId, encodeId } from './ids';
import { bodyLength, contentLength, placeAttachment } from './on-demand';
import { StoredItem } from './stored-item';
import { MAILBOX_RIGHTS, type MailboxRight } from './mailbox-rights';
import type { ConfigurationContent, UserConfiguration } from './user-configurations';
import { applyInboxRules, type InboxRule } from './inbox-rules';
import type {
  Account,
  AppRegistration,
  Attachment,
  AttachmentData,
  DistinguishedFolderName,
  DistributionList,
  Folder,
  FolderChange,
  FolderChangeType,
  ImpersonationGrant,
  Item,
  ItemChange,
  ItemChangeType,
  ItemOrigin,
  Mailbox,
  MessageData,
  Subscription,
  ThrottlingPolicy,
} from './types';

/** Thrown by store operations when an argument names nothing or breaks a store rule. */
export class StoreError extends Error {
  constructor(
    readonly reason: 'not-found' | 'conflict' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

/** Folders every mailbox has, with their display names and parents. */
const DISTINGUISHED: readonly { name: DistinguishedFolderName; displayName: string; parent: DistinguishedFolderName | null; folderClass: string }[] = [
  { name: 'root', displayName: 'Root', parent: null, folderClass: '' },
  { name: 'msgfolderroot', displayName: 'Top of Information Store', parent: 'root', folderClass: 'IPF.Note' },
  { name: 'inbox', displayName: 'Inbox', parent: 'msgfolderroot', folderClass: 'IPF.Note' },
  { name: 'sentitems', displayName: 'Sent Items', parent: 'msgfolderroot', folderClass: 'IPF.Note' },
  { name: 'drafts', displayName: 'Drafts', parent: 'msgfolderroot', folderClass: 'IPF.Note' },
  { name: 'deleteditems', displayName: 'Deleted Items', parent: 'msgfolderroot', folderClass: 'IPF.Note' },
  { name: 'junkemail', displayName: 'Junk Email', parent: 'msgfolderroot', folderClass: 'IPF.Note' },
  { name: 'outbox', displayName: 'Outbox', parent: 'msgfolderroot', folderClass: 'IPF.Note' },
  { name: 'calendar', displayName: 'Calendar', parent: 'msgfolderroot', folderClass: 'IPF.Appointment' },
  { name: 'contacts', displayName: 'Contacts', parent: 'msgfolderroot', folderClass: 'IPF.Contact' },
  { name: 'tasks', displayName: 'Tasks', parent: 'msgfolderroot', folderClass: 'IPF.Task' },
  { name: 'notes', displayName: 'Notes', parent: 'msgfolderroot', folderClass: 'IPF.StickyNote' },
  { name: 'journal', displayName: 'Journal', parent: 'msgfolderroot', folderClass: 'IPF.Journal' },
  // Outside the message folders, as in Exchange 2010 on: where soft-deleted items go (Deletions).
  // Last in the list, so the ids of the folders above stay what they were before these existed.
  { name: 'recoverableitemsroot', displayName: 'Recoverable Items', parent: 'root', folderClass: '' },
  { name: 'recoverableitemsdeletions', displayName: 'Deletions', parent: 'recoverableitemsroot', folderClass: '' },
  { name: 'recoverableitemsversions', displayName: 'Versions', parent: 'recoverableitemsroot', folderClass: '' },
  { name: 'recoverableitemspurges', displayName: 'Purges', parent: 'recoverableitemsroot', folderClass: '' },
];

export const DISTINGUISHED_FOLDER_NAMES: readonly DistinguishedFolderName[] = DISTINGUISHED.map((d) => d.name);

/**
 * The mailbox store: accounts, mailboxes, folders, items and their change journals. It knows
 * nothing of SOAP; operations, the scenario loader and the admin API all go through it.
 */
export class Store {
  readonly accounts = new Map<string, Account>();
  readonly mailboxes = new Map<string, Mailbox>();
  private readonly mailboxBySmtp = new Map<string, string>();
  grants: ImpersonationGrant[] = [];
  /** App registrations that may ask the token endpoint for app-only tokens. */
  apps: AppRegistration[] = [];
  /** Throttling policies from the scenario (enforced by mock-ews/src/throttling). */
  throttling: ThrottlingPolicy[] = [];
  domains: string[] = [];
  /** Mail sent to recipients with no mailbox here (outbound.ts). */
  readonly outbound = new OutboundLog();
  /** Distribution lists of the directory, by lower-case address (distribution-lists.ts). */
  readonly distributionLists = new Map<string, DistributionList>();
  /**
   * Mailbox permissions, by mailbox id: for each account (lower-case smtp) the rights it holds on
   * that mailbox (mailbox-rights.ts) — FullAccess to open its folders and items as a delegate,
   * SendAs and SendOnBehalf to send from its address.
   */
  readonly mailboxRights = new Map<string, Map<string, Set<MailboxRight>>>();
  /** Notification subscriptions (Subscribe), by SubscriptionId. */
  readonly subscriptions = new Map<string, Subscription>();
  /** Called after each journalled change while subscriptions exist (streaming notifications listen). */
  readonly changeListeners = new Set<() => void>();
  /** Monotonic sequence shared by every journal, so positions never repeat. */
  private seq = 0;
  /** Key that signs sync states, so a client cannot forge or alter one; new for every store. */
  readonly secret: Buffer = randomBytes(32);
  private nextLocal = 0;

  // ---- accounts and mailboxes ----

  addAccount(account: Account): Account {
    const key = account.smtp.toLowerCase();
    if (this.accounts.has(key)) throw new StoreError('conflict', `account ${account.smtp} already exists`);
    this.accounts.set(key, account);
    return account;
  }

  account(smtp: string): Account | undefined {
    return this.accounts.get(smtp.toLowerCase());
  }

  /** Finds an account by any of the names a client may log on with: SMTP, UPN, DOMAIN\user or bare user. */
  accountByLogon(login: string): Account | undefined {
    const l = login.toLowerCase();
    for (const a of this.accounts.values()) {
      if (a.smtp.toLowerCase() === l || a.upn.toLowerCase() === l || a.logonName.toLowerCase() === l) return a;
    }
    const bare = [...this.accounts.values()].filter((a) => a.logonName.toLowerCase().split('\\')[1] === l);
    return bare.length === 1 ? bare[0] : undefined;
  }

  addMailbox(smtp: string, displayName: string): Mailbox {
    const key = smtp.toLowerCase();
    if (this.mailboxBySmtp.has(key)) throw new StoreError('conflict', `mailbox ${smtp} already exists`);
    // Derived from the address, so a scenario loaded again gives the same EWS ids.
    const id = createHash('sha256').update(key).digest('hex').slice(0, 16);
    const mailbox: Mailbox = {
      id,
      smtp,
      displayName,
      legacyDn: `/o=MockEWS/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=${id}-${smtp.split('@')[0]}`,
      folders: new Map(),
      distinguished: new Map(),
      items: new Map(),
      hierarchy: [],
    };
    this.mailboxes.set(id, mailbox);
    this.mailboxBySmtp.set(key, id);
    for (const d of DISTINGUISHED) {
      const parentId = d.parent ? mailbox.distinguished.get(d.parent)! : null;
      const folder = this.newFolder(mailbox, parentId, d.displayName, d.folderClass);
      folder.distinguished = d.name;
      mailbox.distinguished.set(d.name, folder.id);
    }
    return mailbox;
  }

  mailbox(smtp: string): Mailbox | undefined {
    const id = this.mailboxBySmtp.get(smtp.toLowerCase());
    return id ? this.mailboxes.get(id) : undefined;
  }

  /** Replaces every mailbox right at once (the admin API's PUT /mailbox-permissions). */
  replaceMailboxRights(rights: readonly { mailbox: Mailbox; user: string; right: MailboxRight }[]): void {
    this.mailboxRights.clear();
    for (const r of rights) this.grantMailboxRight(r.mailbox, r.user, r.right);
  }

  /** Gives the account `user` a right on `mailbox`. */
  grantMailboxRight(mailbox: Mailbox, user: string, right: MailboxRight): void {
    let users = this.mailboxRights.get(mailbox.id);
    if (!users) this.mailboxRights.set(mailbox.id, (users = new Map()));
    let rights = users.get(user.toLowerCase());
    if (!rights) users.set(user.toLowerCase(), (rights = new Set()));
    rights.add(right);
  }

  /**
   * Who holds which rights on `mailbox`: the accounts by their address as the directory writes it,
   * sorted, each with its rights in MAILBOX_RIGHTS order.
   */
  mailboxRightHolders(mailbox: Mailbox): { user: string; rights: MailboxRight[] }[] {
    return [...(this.mailboxRights.get(mailbox.id) ?? [])]
      .map(([u, rights]) => ({ user: this.account(u)?.smtp ?? u, rights: MAILBOX_RIGHTS.filter((r) => rights.has(r)) }))
      .sort((a, b) => (a.user < b.user ? -1 : a.user > b.user ? 1 : 0));
  }

  /** Takes every right on every mailbox from the account `user` (its account is going). */
  revokeMailboxRights(user: string): void {
    for (const users of this.mailboxRights.values()) users.delete(user.toLowerCase());
  }

  /** Whether `account` holds `right` on `mailbox`. */
  holdsMailboxRight(account: Account, mailbox: Mailbox, right: MailboxRight): boolean {
    return this.mailboxRights.get(mailbox.id)?.get(account.smtp.toLowerCase())?.has(right) ?? false;
  }

  distributionList(smtp: string): DistributionList | undefined {
    return this.distributionLists.get(smtp.toLowerCase());
  }

  removeMailbox(smtp: string): void {
    const mailbox = this.mailbox(smtp);
    if (!mailbox) throw new StoreError('not-found', `no mailbox ${smtp}`);
    this.mailboxes.delete(mailbox.id);
    this.mailboxBySmtp.delete(smtp.toLowerCase());
    for (const a of this.accounts.values()) if (a.mailboxId === mailbox.id) a.mailboxId = undefined;
    this.mailboxRights.delete(mailbox.id);
    // As a deleted recipient leaves every group that had it.
    const gone = smtp.toLowerCase();
    for (const list of this.distributionLists.values()) list.members = list.members.filter((m) => m.toLowerCase() !== gone);
  }

  // ---- folders ----

  distinguishedFolder(mailbox: Mailbox, name: DistinguishedFolderName): Folder {
    return mailbox.folders.get(mailbox.distinguished.get(name)!)!;
  }

  /** The mailbox an opaque id points at, or undefined when the id is not well formed. */
  mailboxOfId(id: string): Mailbox | undefined {
    const decoded = decodeId(id);
    return decoded ? this.mailboxes.get(decoded.mailboxId) : undefined;
  }

  createFolder(mailbox: Mailbox, parentId: string, displayName: string, folderClass = 'IPF.Note'): Folder {
    const parent = mailbox.folders.get(parentId);
    if (!parent) throw new StoreError('not-found', `no parent folder ${parentId}`);
    if (this.childByName(mailbox, parent, displayName)) {
      throw new StoreError('conflict', `a folder named "${displayName}" already exists under "${parent.displayName}"`);
    }
    return this.newFolder(mailbox, parentId, displayName, folderClass);
  }

  childByName(mailbox: Mailbox, parent: Folder, displayName: string): Folder | undefined {
    const lower = displayName.toLowerCase();
    return parent.childIds.map((id) => mailbox.folders.get(id)!).find((f) => f.displayName.toLowerCase() === lower);
  }

  /** Finds a folder by a path of display names from msgfolderroot, e.g. "Inbox/Projects". */
  folderByPath(mailbox: Mailbox, path: string): Folder | undefined {
    let folder: Folder | undefined = this.distinguishedFolder(mailbox, 'msgfolderroot');
    for (const part of path.split('/').filter(Boolean)) {
      folder = folder && this.childByName(mailbox, folder, part);
    }
    return folder;
  }

  renameFolder(mailbox: Mailbox, folder: Folder, displayName: string): void {
    if (folder.distinguished) throw new StoreError('invalid', `the distinguished folder ${folder.distinguished} cannot be renamed`);
    const parent = mailbox.folders.get(folder.parentId!)!;
    const clash = this.childByName(mailbox, parent, displayName);
    if (clash && clash !== folder) throw new StoreError('conflict', `a folder named "${displayName}" already exists under "${parent.displayName}"`);
    folder.displayName = displayName;
    this.touchFolder(mailbox, folder);
  }

  moveFolder(mailbox: Mailbox, folder: Folder, newParentId: string): void {
    if (folder.distinguished) throw new StoreError('invalid', `the distinguished folder ${folder.distinguished} cannot be moved`);
    const target = mailbox.folders.get(newParentId);
    if (!target) throw new StoreError('not-found', `no folder ${newParentId}`);
    for (let f: Folder | undefined = target; f; f = f.parentId ? mailbox.folders.get(f.parentId) : undefined) {
      if (f === folder) throw new StoreError('invalid', 'a folder cannot be moved into itself');
    }
    const clash = this.childByName(mailbox, target, folder.displayName);
    if (clash && clash !== folder) throw new StoreError('conflict', `a folder named "${folder.displayName}" already exists under "${target.displayName}"`);
    const old = mailbox.folders.get(folder.parentId!)!;
    old.childIds = old.childIds.filter((id) => id !== folder.id);
    target.childIds.push(folder.id);
    folder.parentId = target.id;
    this.touchFolder(mailbox, folder, old.id);
  }

  /**
   * Copies a folder under `newParentId` with its items and subfolders, all under new ids; the
   * original stays. Copying a folder into itself or below it is refused, as is a name taken there.
   */
  copyFolder(mailbox: Mailbox, folder: Folder, newParentId: string): Folder {
    const target = mailbox.folders.get(newParentId);
    if (!target) throw new StoreError('not-found', `no folder ${newParentId}`);
    for (let f: Folder | undefined = target; f; f = f.parentId ? mailbox.folders.get(f.parentId) : undefined) {
      if (f === folder) throw new StoreError('invalid', 'a folder cannot be copied into itself');
    }
    if (this.childByName(mailbox, target, folder.displayName)) {
      throw new StoreError('conflict', `a folder named "${folder.displayName}" already exists under "${target.displayName}"`);
    }
    const copy = this.newFolder(mailbox, target.id, folder.displayName, folder.folderClass);
    for (const item of [...folder.items.values()]) this.copyItem(mailbox, item, copy);
    for (const childId of [...folder.childIds]) this.copyFolder(mailbox, mailbox.folders.get(childId)!, copy.id);
    return copy;
  }

  deleteFolder(mailbox: Mailbox, folder: Folder): void {
    if (folder.distinguished) throw new StoreError('invalid', `the distinguished folder ${folder.distinguished} cannot be deleted`);
    for (const childId of [...folder.childIds]) this.deleteFolder(mailbox, mailbox.folders.get(childId)!);
    for (const item of [...folder.items.values()]) this.deleteItem(mailbox, item);
    const parent = mailbox.folders.get(folder.parentId!)!;
    parent.childIds = parent.childIds.filter((id) => id !== folder.id);
    mailbox.folders.delete(folder.id);
    this.journalFolder(mailbox, 'delete', folder.id, folder.parentId);
  }

  /** Folders under `folder`, depth-first, in creation order. */
  descendants(mailbox: Mailbox, folder: Folder): Folder[] {
    const out: Folder[] = [];
    for (const id of folder.childIds) {
      const child = mailbox.folders.get(id)!;
      out.push(child, ...this.descendants(mailbox, child));
    }
    return out;
  }

  private newFolder(mailbox: Mailbox, parentId: string | null, displayName: string, folderClass: string): Folder {
    const id = encodeId('folder', mailbox.id, `f${++this.nextLocal}`);
    const folder: Folder = {
      id,
      changeKey: changeKey(id, 1),
      version: 1,
      mailboxId: mailbox.id,
      parentId,
      displayName,
      folderClass,
      items: new Map(),
      journal: [],
      childIds: [],
    };
    mailbox.folders.set(id, folder);
    if (parentId) mailbox.folders.get(parentId)!.childIds.push(id);
    this.journalFolder(mailbox, 'create', id, parentId);
    return folder;
  }

  /** A folder changed; `movedFrom` is the parent it left when the change is a move. */
  private touchFolder(mailbox: Mailbox, folder: Folder, movedFrom?: string): void {
    folder.version++;
    folder.changeKey = changeKey(folder.id, folder.version);
    this.journalFolder(mailbox, 'update', folder.id, folder.parentId, movedFrom);
  }

  private journalFolder(mailbox: Mailbox, type: FolderChangeType, folderId: string, parentId: string | null, oldParentId?: string): void {
    const change: FolderChange = { seq: ++this.seq, type, folderId, parentId };
    if (oldParentId !== undefined) change.oldParentId = oldParentId;
    if (this.subscriptions.size > 0) change.at = Date.now();
    mailbox.hierarchy.push(change);
    this.announce();
  }

  // ---- items ----

  /**
   * A message arriving as new mail (transport delivery): what NewMailEvent notifications report.
   * The mailbox's Inbox rules run on it (inbox-rules.ts); the item returned is where it ended up
   * (the one delivered, already deleted, when a rule deleted it for good).
   * A mailbox out of office answers its sender (auto-reply.ts); a reply to a mailbox of this store
   * is delivered to its Inbox, one to anyone else goes to the outbound log.
   */
  deliverItem(mailbox: Mailbox, folder: Folder, data: MessageData, created = new Date()): Item {
    let item = this.addItem(mailbox, folder, data, created, { newMail: true });
    // Inbox rules run on mail arriving in the Inbox; the message may end elsewhere, or nowhere.
    if (mailbox.rules?.length && folder.id === mailbox.distinguished.get('inbox')) item = applyInboxRules(this, mailbox, item, created) ?? item;
    const reply = oofReply(this, mailbox, data, created);
    if (reply) {
      const address = reply.to[0].address;
      const to = this.mailbox(address);
      if (to) this.deliverItem(to, this.distinguishedFolder(to, 'inbox'), reply, created);
      // A sender of the organisation with no mailbox gets nothing: the reply has nowhere to go.
      else if (!isInternalAddress(this, address)) this.outbound.add(mailbox.smtp, [address], reply, 'auto-reply', created);
    }
    return item;
  }

  addItem(mailbox: Mailbox, folder: Folder, data: MessageData, created = new Date(), origin?: ItemOrigin): Item {
    const id = encodeId('item', mailbox.id, `i${++this.nextLocal}`);
    const item = new StoredItem(id, mailbox.id, folder.id, data, created);
    if (data.attachments.length > 0) item.attachments = data.attachments.map((a, i) => placeAttachment(a, encodeId('attachment', mailbox.id, `${id}#${i}`), created));
    item.size = estimateSize(data);
    folder.items.set(id, item);
    mailbox.items.set(id, item);
    this.journalItem(folder, 'create', id, origin);
    return item;
  }

  /** Finds an item; undefined when missing or not in this mailbox. */
  item(mailbox: Mailbox, id: string): Item | undefined {
    return mailbox.items.get(id);
  }

  folder(mailbox: Mailbox, id: string): Folder | undefined {
    return mailbox.folders.get(id);
  }

  attachment(mailbox: Mailbox, attachmentId: string): { item: Item; attachment: Attachment } | undefined {
    const decoded = decodeId(attachmentId, 'attachment');
    if (!decoded || decoded.mailboxId !== mailbox.id) return undefined;
    const itemId = decoded.local.slice(0, decoded.local.lastIndexOf('#'));
    const item = mailbox.items.get(itemId);
    const attachment = item?.attachments.find((a) => a.id === attachmentId);
    return item && attachment ? { item, attachment } : undefined;
  }

  /** Changes flags or categories; a read-flag-only change is journalled as such, as Exchange does. */
  updateItem(mailbox: Mailbox, item: Item, patch: Partial<Pick<MessageData, 'isRead' | 'categories' | 'subject' | 'importance' | 'body' | 'to' | 'cc' | 'bcc'>>): Item {
    const onlyRead = Object.keys(patch).every((k) => k === 'isRead');
    if (onlyRead && patch.isRead === item.data.isRead) return item;
    // A field the MIME form shows changed: the raw message it came as no longer matches, so its MIME
    // is composed from the fields from now on (as Exchange composes it from the item's properties).
    const mimeShows = MIME_FIELDS.some((k) => k in patch);
    this.changeItem(mailbox, item, mimeShows ? { ...patch, rawMime: undefined } : patch, onlyRead ? 'readflag' : 'update');
    return item;
  }

  /**
   * Adds file attachments to an item (CreateAttachment) in one new version of it. The MIME form is
   * built from the fields from now on: a raw message it was created from no longer matches.
   */
  addAttachments(mailbox: Mailbox, item: Item, list: AttachmentData[]): Attachment[] {
    const now = new Date();
    // Numbered on from the store's counter, so an id is never reused after a DeleteAttachment.
    const added = list.map((a) => placeAttachment(a, encodeId('attachment', mailbox.id, `${item.id}#${++this.nextLocal}`), now));
    item.attachments = [...item.attachments, ...added];
    this.changeItem(mailbox, item, { attachments: [...item.data.attachments, ...list], rawMime: undefined }, 'update', now);
    return added;
  }

  /**
   * Overwrites an item with another message (UploadItems with CreateAction Update): the same id in
   * the same folder, a new version, its attachments those of the new message.
   */
  replaceItem(mailbox: Mailbox, item: Item, data: MessageData): Item {
    const now = new Date();
    item.attachments = data.attachments.map((a) => placeAttachment(a, encodeId('attachment', mailbox.id, `${item.id}#${++this.nextLocal}`), now));
    this.changeItem(mailbox, item, data, 'update', now);
    return item;
  }

  /** Replaces a mailbox's Inbox rules at once (UpdateInboxRules applies all its operations or none); `rules` in priority order. */
  setInboxRules(mailbox: Mailbox, rules: InboxRule[]): void {
    if (rules.length === 0) delete mailbox.rules;
    else mailbox.rules = rules;
  }

  /** A new rule id, unique in the store (Exchange's are short base64 strings too). */
  newRuleId(mailbox: Mailbox): string {
    return Buffer.from(`${mailbox.id}:r${++this.nextLocal}`).toString('base64');
  }

  /** A new user configuration object on `folder` (CreateUserConfiguration); the caller checked the name is free. */
  createConfiguration(mailbox: Mailbox, folder: Folder, name: string, content: ConfigurationContent): UserConfiguration {
    const id = encodeId('item', mailbox.id, `c${++this.nextLocal}`);
    const created: UserConfiguration = { name, id, changeKey: changeKey(id, 1), version: 1, dictionary: content.dictionary ?? [], xmlData: content.xmlData, binaryData: content.binaryData };
    (folder.configurations ??= new Map()).set(name.toLowerCase(), created);
    return created;
  }

  /**
   * UpdateUserConfiguration: each part the request gives — the dictionary, the XML data, the binary
   * data — replaces that part whole (a client sends the whole dictionary, so a key it removed goes);
   * a part left out stays. A new version either way.
   */
  updateConfiguration(c: UserConfiguration, content: ConfigurationContent): UserConfiguration {
    if (content.dictionary) c.dictionary = content.dictionary;
    if (content.xmlData) c.xmlData = content.xmlData;
    if (content.binaryData) c.binaryData = content.binaryData;
    c.version++;
    c.changeKey = changeKey(c.id, c.version);
    return c;
  }

  deleteConfiguration(folder: Folder, c: UserConfiguration): void {
    folder.configurations?.delete(c.name.toLowerCase());
    if (folder.configurations?.size === 0) delete folder.configurations;
  }

  /** Removes one attachment (DeleteAttachment); item.attachments and data.attachments stay parallel. */
  removeAttachment(mailbox: Mailbox, item: Item, attachmentId: string): void {
    const index = item.attachments.findIndex((a) => a.id === attachmentId);
    if (index < 0) return;
    item.attachments = item.attachments.filter((_, i) => i !== index);
    this.changeItem(mailbox, item, { attachments: item.data.attachments.filter((_, i) => i !== index), rawMime: undefined }, 'update');
  }

  /** A new version of an item: its fields patched, a new ChangeKey, journalled as `type`. */
  private changeItem(mailbox: Mailbox, item: Item, patch: Partial<MessageData>, type: ItemChangeType, when = new Date()): void {
    item.data = { ...item.data, ...patch };
    item.version++;
    // Which version last changed each field, so UpdateItem can count conflicts against a stale ChangeKey.
    item.fieldVersions = { ...item.fieldVersions };
    for (const k of Object.keys(patch) as (keyof MessageData)[]) item.fieldVersions[k] = item.version;
    item.changeKey = changeKey(item.id, item.version);
    item.lastModified = when;
    if (patch.attachments) item.size = estimateSize(item.data);
    this.journalItem(mailbox.folders.get(item.folderId)!, type, item.id);
  }

  deleteItem(mailbox: Mailbox, item: Item): void {
    const folder = mailbox.folders.get(item.folderId)!;
    folder.items.delete(item.id);
    mailbox.items.delete(item.id);
    this.journalItem(folder, 'delete', item.id);
  }

  /** Moves an item; like Exchange, the moved item gets a new id. */
  moveItem(mailbox: Mailbox, item: Item, target: Folder): Item {
    if (target.id === item.folderId) return item;
    const source = mailbox.folders.get(item.folderId)!;
    const from = { itemId: item.id, folderId: source.id };
    this.deleteItem(mailbox, item);
    const removed = source.journal[source.journal.length - 1];
    const moved = this.addItem(mailbox, target, item.data, item.dateTimeCreated, { movedFrom: from });
    // Both halves of a move name the other, so a subscription on either folder reports one MovedEvent.
    if (removed.event) removed.event.movedTo = { itemId: moved.id, folderId: target.id };
    return keepConversation(moved, item);
  }

  /**
   * A soft delete: the item leaves its folder as a deletion (a DeletedEvent, not a move) and is kept
   * in Recoverable Items\Deletions under a new id. One already there is deleted for good.
   */
  softDeleteItem(mailbox: Mailbox, item: Item): Item | undefined {
    const deletions = this.distinguishedFolder(mailbox, 'recoverableitemsdeletions');
    this.deleteItem(mailbox, item);
    if (item.folderId === deletions.id) return undefined;
    return keepConversation(this.addItem(mailbox, deletions, item.data, item.dateTimeCreated), item);
  }

  copyItem(mailbox: Mailbox, item: Item, target: Folder, targetMailbox: Mailbox = mailbox): Item {
    const origin = targetMailbox === mailbox ? { copiedFrom: { itemId: item.id, folderId: item.folderId } } : undefined;
    return keepConversation(this.addItem(targetMailbox, target, item.data, new Date(), origin), item);
  }

  /**
   * Journals an item change. What notifications need (time, origin) is kept only once a
   * subscription exists: a million generated items carry no event data nobody can ask for.
   */
  private journalItem(folder: Folder, type: ItemChangeType, itemId: string, origin?: ItemOrigin): void {
    const change: ItemChange = { seq: ++this.seq, type, itemId };
    if (this.subscriptions.size > 0) change.event = { at: Date.now(), ...origin };
    folder.journal.push(change);
    this.announce();
  }

  /** Tells the change listeners something changed (a journalled change, a subscription ended). */
  announce(): void {
    for (const listener of this.changeListeners) listener();
  }

  /** The newest journal position; a sync state at this position has nothing more to report. */
  get position(): number {
    return this.seq;
  }

  /** Item ids this folder journalled as created at or after position `after` (exclusive), to find what a sync missed. */
  itemExisted(folder: Folder, itemId: string, before: number): boolean {
    return folder.journal.some((c) => c.itemId === itemId && c.type === 'create' && c.seq <= before);
  }
}

export { normaliseTopic } from './stored-item';

function estimateSize(data: MessageData): number {
  if (data.rawMime) return data.rawMime.length;
  const body = bodyLength(data.body);
  const attachments = data.attachments.reduce((n, a) => n + Math.ceil(contentLength(a) * 1.37), 0);
  return 1024 + Buffer.byteLength(data.subject) + body + attachments;
}

/** A moved, copied or soft-deleted message stays in its conversation, under its first topic. */
function keepConversation(to: Item, from: Item): Item {
  to.conversationId = from.conversationId;
  to.conversationSubject = from.conversationSubject;
  return to;
}

/** Fields a message's MIME form shows: changing one makes a raw message the item came as stale. */
const MIME_FIELDS: readonly (keyof MessageData)[] = ['subject', 'importance', 'body', 'to', 'cc', 'bcc', 'from', 'sender', 'replyTo', 'inReplyTo', 'references', 'internetMessageId'];
