import { ItemError } from '../soap/error-catalogue';
import { ResponseMessages } from '../soap/response-writer';
import { resolveFolderId } from './common/folder-ids';
import { requiredFolderIds, storeChange, writeFolderIdAnswer } from './common/folder-writes';
import type { Operation } from './operation';

/**
 * MoveFolder: each folder moves under ToFolderId, keeping its id (a folder's id does not change
 * when it moves; an item's does). A distinguished folder is ErrorMoveDistinguishedFolder; a move
 * into the folder itself or below it is ErrorMoveCopyFailed; a sibling of the same name there is
 * ErrorFolderExists.
 */
export const moveFolder: Operation = {
  name: 'MoveFolder',
  since: 'Exchange2007',
  async handle(ctx) {
    const req = ctx.request;
    const [toEl] = requiredFolderIds(req, 'ToFolderId');
    const ids = requiredFolderIds(req, 'FolderIds');
    const out = new ResponseMessages(ctx.body, 'MoveFolder');
    for (const idEl of ids) {
      await out.add((message) => {
        const target = resolveFolderId(ctx, toEl);
        const folder = resolveFolderId(ctx, idEl);
        if (folder.distinguished) throw new ItemError('ErrorMoveDistinguishedFolder');
        storeChange(() => ctx.store.moveFolder(ctx.mailbox!, folder, target.id), { conflict: 'ErrorFolderExists', invalid: 'ErrorMoveCopyFailed' });
        writeFolderIdAnswer(message, folder);
      });
    }
  },
};
