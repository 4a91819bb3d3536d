import { el, leaf, Xml, idElement } from '../../soap/response-writer';
import type { Folder, Mailbox } from '../../store/types';
import { Shape, wants } from './shapes';
import { writeFolderExtended } from './extended-properties';
import { showsRecoverableItems } from './recoverable-items';
import type { Profile } from '../../profiles/profiles';

/** The element a folder of each class is written as; calendar and contacts folders have no UnreadCount. */
const ELEMENTS: Readonly<Record<string, { name: string; unread: boolean }>> = {
  'IPF.Appointment': { name: 't:CalendarFolder', unread: false },
  'IPF.Contact': { name: 't:ContactsFolder', unread: false },
  'IPF.Task': { name: 't:TasksFolder', unread: true },
};

/**
 * Writes a folder (t:Folder, or t:CalendarFolder… by its class) with the properties the shape asks
 * for, in schema order. A generation without Recoverable Items does not count it among the root's
 * children (recoverable-items.ts).
 */
export function writeFolder(parent: Xml, mailbox: Mailbox, folder: Folder, shape: Shape, profile: Profile): void {
  const kind = ELEMENTS[folder.folderClass] ?? { name: 't:Folder', unread: true };
  const f = el(parent, kind.name);
  idElement(f, 't:FolderId', folder);
  if (folder.parentId && wants(shape, 'folder:ParentFolderId', false)) {
    const p = mailbox.folders.get(folder.parentId)!;
    idElement(f, 't:ParentFolderId', p);
  }
  if (wants(shape, 'folder:FolderClass', false)) leaf(f, 't:FolderClass', folder.folderClass || undefined);
  if (wants(shape, 'folder:DisplayName', true)) leaf(f, 't:DisplayName', folder.displayName);
  if (wants(shape, 'folder:TotalCount', true)) leaf(f, 't:TotalCount', folder.items.size);
  if (wants(shape, 'folder:ChildFolderCount', true)) {
    const hidden = showsRecoverableItems(profile) ? undefined : mailbox.distinguished.get('recoverableitemsroot');
    leaf(f, 't:ChildFolderCount', hidden ? folder.childIds.filter((id) => id !== hidden).length : folder.childIds.length);
  }
  writeFolderExtended(f, shape.extended, folder, mailbox);
  if (kind.unread && wants(shape, 'folder:UnreadCount', true)) {
    let unread = 0;
    for (const item of folder.items.values()) if (!item.data.isRead) unread++;
    leaf(f, 't:UnreadCount', unread);
  }
}
