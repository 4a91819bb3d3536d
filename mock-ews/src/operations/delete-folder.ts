import { ResponseMessages } from '../soap/response-writer';
import { ownerOf } from './common/mailbox-access';
import { resolveFolderId } from './common/folder-ids';
import { requiredFolderIds, storeChange } from './common/folder-writes';
import { deleteType } from './common/schema-values';
import type { Operation } from './operation';

/**
 * DeleteFolder: the folder goes with its items and subfolders (HardDelete, SoftDelete), or moves
 * under Deleted Items (MoveToDeletedItems; deleted when it is there already). A distinguished folder
 * is ErrorDeleteDistinguishedFolder.
 */
export const deleteFolder: Operation = {
  name: 'DeleteFolder',
  since: 'Exchange2007',
  async handle(ctx) {
    const req = ctx.request;
    const type = deleteType(req);
    const ids = requiredFolderIds(req, 'FolderIds');
    const out = new ResponseMessages(ctx.body, 'DeleteFolder');
    for (const idEl of ids) {
      await out.add(() => {
        const folder = resolveFolderId(ctx, idEl);
        const mailbox = ownerOf(ctx, folder);
        const deletedItems = ctx.store.distinguishedFolder(mailbox, 'deleteditems');
        const toDeletedItems = type === 'MoveToDeletedItems' && !folder.distinguished && folder.parentId !== deletedItems.id;
        storeChange(() => (toDeletedItems ? ctx.store.moveFolder(mailbox, folder, deletedItems.id) : ctx.store.deleteFolder(mailbox, folder)), {
          conflict: 'ErrorFolderExists',
          invalid: 'ErrorDeleteDistinguishedFolder',
        });
      });
    }
  },
};
