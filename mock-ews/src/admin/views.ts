import type { Store } from '../store/store';
import type { Address, Folder, Item, Mailbox, OofSettings } from '../store/types';
import { oofSettings } from '../store/out-of-office';
import { AdminError, notFound } from './errors';
import { DISTINGUISHED_FOLDER_NAMES } from '../store/store';

/** Lookups by the names the admin API uses in URLs, and the JSON shapes it answers with. */

export function findMailbox(store: Store, smtp: string): Mailbox {
  const mailbox = store.mailbox(smtp);
  if (!mailbox) throw notFound(`mailbox ${smtp}`, 'smtp');
  return mailbox;
}

/**
 * A folder named by its id, a distinguished name (inbox, sentitems, …) or a path of display names
 * from the top of the mailbox ("Inbox/Projects").
 */
export function findFolder(store: Store, mailbox: Mailbox, ref: string, field = 'folder'): Folder {
  const lower = ref.toLowerCase();
  const distinguished = DISTINGUISHED_FOLDER_NAMES.find((d) => d === lower);
  const folder = distinguished ? store.distinguishedFolder(mailbox, distinguished) : (store.folder(mailbox, ref) ?? store.folderByPath(mailbox, ref));
  if (!folder) throw notFound(`folder "${ref}" in ${mailbox.smtp}`, field);
  return folder;
}

export function findItem(store: Store, mailbox: Mailbox, id: string): Item {
  const item = store.item(mailbox, id);
  if (!item) throw notFound(`item ${id} in ${mailbox.smtp}`, 'id');
  return item;
}

/** Display-name path from the top of the mailbox; empty for the top itself, "/" for the root. */
export function folderPath(mailbox: Mailbox, folder: Folder): string {
  if (folder.distinguished === 'root') return '/';
  const parts: string[] = [];
  for (let f: Folder | undefined = folder; f && f.distinguished !== 'msgfolderroot' && f.distinguished !== 'root'; f = f.parentId ? mailbox.folders.get(f.parentId) : undefined) {
    parts.unshift(f.displayName);
  }
  return parts.join('/');
}

export function folderView(mailbox: Mailbox, folder: Folder) {
  let unread = 0;
  for (const item of folder.items.values()) if (!item.data.isRead) unread++;
  return {
    id: folder.id,
    displayName: folder.displayName,
    path: folderPath(mailbox, folder),
    distinguished: folder.distinguished ?? null,
    parentId: folder.parentId,
    folderClass: folder.folderClass,
    totalCount: folder.items.size,
    unreadCount: unread,
    childFolderCount: folder.childIds.length,
  };
}

/** Folders under the top of the mailbox, depth-first; the top itself first. */
export function mailboxFolders(store: Store, mailbox: Mailbox): Folder[] {
  const top = store.distinguishedFolder(mailbox, 'msgfolderroot');
  return [top, ...store.descendants(mailbox, top)];
}

/** The messages of the folders listed: soft-deleted ones, in Recoverable Items, are not mail to show. */
export function mailboxItemCount(store: Store, mailbox: Mailbox): number {
  return mailboxFolders(store, mailbox).reduce((n, f) => n + f.items.size, 0);
}

export function mailboxView(store: Store, mailbox: Mailbox) {
  const owner = [...store.accounts.values()].find((a) => a.mailboxId === mailbox.id);
  return {
    smtp: mailbox.smtp,
    displayName: mailbox.displayName,
    account: owner?.smtp ?? null,
    itemCount: mailboxItemCount(store, mailbox),
    folders: mailboxFolders(store, mailbox).map((f) => folderView(mailbox, f)),
    outOfOffice: oofView(oofSettings(mailbox)),
  };
}

function oofView(o: OofSettings) {
  return { state: o.state, externalAudience: o.externalAudience, start: o.start.toISOString(), end: o.end.toISOString(), internalReply: o.internalReply, externalReply: o.externalReply };
}

/** An address as the admin API shows it. */
export const addr = (a: Address | undefined) => (a ? { name: a.name ?? null, address: a.address } : null);

export function itemSummary(mailbox: Mailbox, item: Item) {
  const d = item.data;
  return {
    id: item.id,
    changeKey: item.changeKey,
    folderId: item.folderId,
    folder: folderPath(mailbox, mailbox.folders.get(item.folderId)!),
    subject: d.subject,
    from: addr(d.from),
    to: d.to.map(addr),
    dateTimeReceived: d.dateTimeReceived.toISOString(),
    dateTimeSent: d.dateTimeSent.toISOString(),
    isRead: d.isRead,
    hasAttachments: item.attachments.some((a) => !a.isInline),
    size: item.size,
    internetMessageId: d.internetMessageId,
  };
}

export function itemDetail(mailbox: Mailbox, item: Item, mime: Buffer) {
  const d = item.data;
  return {
    ...itemSummary(mailbox, item),
    cc: d.cc.map(addr),
    bcc: d.bcc.map(addr),
    replyTo: d.replyTo.map(addr),
    importance: d.importance,
    categories: d.categories,
    itemClass: d.itemClass,
    body: { text: d.body.text ?? null, html: d.body.html ?? null },
    attachments: item.attachments.map((a) => ({ id: a.id, name: a.name, contentType: a.contentType, size: a.content.length, isInline: Boolean(a.isInline) })),
    // MAPI properties clients set through EWS, by the store's key (set or tag, name or id, type).
    extendedProperties: { ...(d.extended ?? {}) },
    mime: mime.toString('utf8'),
  };
}

/** Reads an optional text query parameter; given twice is refused (Express would make it a list). */
export function queryText(query: Record<string, unknown>, name: string): string | undefined {
  const v = query[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') throw new AdminError(400, `${name}: give it once`, name);
  return v;
}

/** Reads a non-negative integer query parameter. */
export function intParam(value: unknown, field: string, fallback: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new AdminError(400, `${field}: must be an integer from 0 to ${max}`, field);
  return n;
}
