import { ResponseMessages } from '../soap/response-writer';
import { ownerOf } from './common/mailbox-access';
import { resolveFolderId } from './common/folder-ids';
import { requiredFolderIds, storeChange } from './common/folder-writes';
import { booleanAttribute, deleteType } from './common/schema-values';
import { disposeItem } from './common/dispose-item';
import type { Operation } from './operation';

/**
 * EmptyFolder (Exchange 2010 SP1 on): disposes of every item of each folder by its DeleteType
 * (common/dispose-item.ts), and removes its subfolders when DeleteSubFolders is true —
 * MoveToDeletedItems moves them into Deleted Items instead (emptying Deleted Items itself deletes).
 */
export const emptyFolder: Operation = {
  name: 'EmptyFolder',
  since: 'Exchange2010_SP1',
  async handle(ctx) {
    const req = ctx.request;
    const type = deleteType(req);
    const subfolders = booleanAttribute(req, 'DeleteSubFolders');
    const ids = requiredFolderIds(req, 'FolderIds');
    const out = new ResponseMessages(ctx.body, 'EmptyFolder');
    for (const idEl of ids) {
      await out.add(() => {
        const folder = resolveFolderId(ctx, idEl);
        const mailbox = ownerOf(ctx, folder);
        const deletedItems = ctx.store.distinguishedFolder(mailbox, 'deleteditems');
        const move = type === 'MoveToDeletedItems' && folder.id !== deletedItems.id;
        for (const item of [...folder.items.values()]) disposeItem(ctx.store, mailbox, item, type);
        if (!subfolders) return;
        for (const childId of [...folder.childIds]) {
          const child = mailbox.folders.get(childId)!;
          // A distinguished folder below this one (Inbox under the root) stays where it is.
          if (child.distinguished) continue;
          storeChange(() => (move ? ctx.store.moveFolder(mailbox, child, deletedItems.id) : ctx.store.deleteFolder(mailbox, child)), {
            conflict: 'ErrorFolderExists',
            invalid: 'ErrorMoveCopyFailed',
          });
        }
      });
    }
  },
};
