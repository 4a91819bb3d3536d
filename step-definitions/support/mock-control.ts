/**
 * Changes made to the mock's mailboxes "by someone else" during a protocol scenario: mail arriving,
 * folders created, renamed or deleted in another client. All through the mock's admin API, as a
 * test of another project would make them.
 */
import { randomUUID } from 'node:crypto';
import type { RunningMock } from '../../mock-ews/src/server/start';
import type { FolderInfo, ItemSummary } from '../../mock-ews/src/client/admin-client';

/** A folder by distinguished name (inbox, sentitems, …) or by a path of display names ("Inbox/Projects"). */
export async function folderOf(mock: RunningMock, smtp: string, name: string): Promise<FolderInfo> {
  return mock.admin.folder(smtp, name, { limit: 0 });
}

/** The items of a folder in the order the mailbox holds them. */
export async function itemsIn(mock: RunningMock, smtp: string, folder: string): Promise<ItemSummary[]> {
  return mock.admin.allItems(smtp, { folder });
}

/** Puts a new unread message into a folder, as transport delivery would. */
export async function deliverMessage(mock: RunningMock, smtp: string, folder: string, subject: string, received = new Date()): Promise<ItemSummary> {
  return mock.admin.deliver(smtp, folder, {
    subject,
    from: { name: 'Outside Sender', address: 'sender@outside.test' },
    to: [smtp],
    received: received.toISOString(),
    sent: received.toISOString(),
    messageId: `<${randomUUID()}@outside.test>`,
    text: `${subject}\r\n`,
  });
}

/** Removes a message for good (no trip through Deleted Items), as a purge in another client would. */
export async function deleteMessage(mock: RunningMock, smtp: string, folder: string, subject: string): Promise<void> {
  const [item] = (await mock.admin.items(smtp, { folder, subject, limit: 1 })).items;
  if (!item) throw new Error(`no message "${subject}" in ${smtp} ${folder}`);
  await mock.admin.deleteItem(smtp, item.id, 'HardDelete');
}

export async function createFolder(mock: RunningMock, smtp: string, parent: string, name: string): Promise<FolderInfo> {
  return mock.admin.createFolder(smtp, name, (await folderOf(mock, smtp, parent)).id);
}

export async function renameFolder(mock: RunningMock, smtp: string, path: string, name: string): Promise<void> {
  await mock.admin.updateFolder(smtp, path, { displayName: name });
}

export async function moveFolder(mock: RunningMock, smtp: string, path: string, parent: string): Promise<void> {
  await mock.admin.updateFolder(smtp, path, { parent: (await folderOf(mock, smtp, parent)).id });
}

/** Removes a folder and everything under it for good. */
export async function deleteFolder(mock: RunningMock, smtp: string, path: string): Promise<void> {
  await mock.admin.deleteFolder(smtp, path, 'HardDelete');
}
