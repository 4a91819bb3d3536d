/**
 * Changes made to the mock's mailboxes "by someone else" during a protocol scenario: mail arriving,
 * folders created, renamed or deleted in another client. Goes through the store until the admin API
 * offers these; keeping it in one module makes that switch a one-file change.
 */
import { randomUUID } from 'node:crypto';
import type { RunningMock } from '../../mock-ews/src/server/start';
import type { Folder, Item, Mailbox } from '../../mock-ews/src/store/types';
import { DISTINGUISHED_FOLDER_NAMES } from '../../mock-ews/src/store/store';

function mailboxOf(mock: RunningMock, smtp: string): Mailbox {
  const m = mock.state.store.mailbox(smtp);
  if (!m) throw new Error(`the mock has no mailbox ${smtp}`);
  return m;
}

/** A folder by distinguished name (inbox, sentitems, …) or by a path of display names ("Inbox/Projects"). */
export function folderOf(mock: RunningMock, smtp: string, name: string): Folder {
  const store = mock.state.store;
  const mailbox = mailboxOf(mock, smtp);
  const folder = (DISTINGUISHED_FOLDER_NAMES as readonly string[]).includes(name)
    ? store.distinguishedFolder(mailbox, name as never)
    : store.folderByPath(mailbox, name);
  if (!folder) throw new Error(`the mock has no folder "${name}" in ${smtp}`);
  return folder;
}

export function itemsIn(mock: RunningMock, smtp: string, folder: string): Item[] {
  return [...folderOf(mock, smtp, folder).items.values()];
}

/** Puts a new unread message into a folder, as transport delivery would. */
export function deliverMessage(mock: RunningMock, smtp: string, folder: string, subject: string, received = new Date()): Item {
  return mock.state.store.addItem(mailboxOf(mock, smtp), folderOf(mock, smtp, folder), {
    subject,
    from: { name: 'Outside Sender', address: 'sender@outside.test' },
    to: [{ address: smtp }],
    cc: [],
    bcc: [],
    replyTo: [],
    dateTimeSent: received,
    dateTimeReceived: received,
    internetMessageId: `<${randomUUID()}@outside.test>`,
    importance: 'Normal',
    isRead: false,
    isDraft: false,
    categories: [],
    body: { text: `${subject}\r\n` },
    attachments: [],
    headers: [],
    itemClass: 'IPM.Note',
  });
}

export function deleteMessage(mock: RunningMock, smtp: string, folder: string, subject: string): void {
  const item = itemsIn(mock, smtp, folder).find((i) => i.data.subject === subject);
  if (!item) throw new Error(`no message "${subject}" in ${smtp} ${folder}`);
  mock.state.store.deleteItem(mailboxOf(mock, smtp), item);
}

export function createFolder(mock: RunningMock, smtp: string, parent: string, name: string): Folder {
  return mock.state.store.createFolder(mailboxOf(mock, smtp), folderOf(mock, smtp, parent).id, name);
}

export function renameFolder(mock: RunningMock, smtp: string, path: string, name: string): void {
  mock.state.store.renameFolder(mailboxOf(mock, smtp), folderOf(mock, smtp, path), name);
}

export function moveFolder(mock: RunningMock, smtp: string, path: string, parent: string): void {
  mock.state.store.moveFolder(mailboxOf(mock, smtp), folderOf(mock, smtp, path), folderOf(mock, smtp, parent).id);
}

export function deleteFolder(mock: RunningMock, smtp: string, path: string): void {
  mock.state.store.deleteFolder(mailboxOf(mock, smtp), folderOf(mock, smtp, path));
}
