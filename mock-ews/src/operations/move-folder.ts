import { ItemError } from '../soap/error-catalogue';
import { ownerOf } from './common/mailbox-access';
import { transferFolders } from './common/folder-writes';
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
  handle: (ctx) =>
    transferFolders(ctx, 'MoveFolder', (folder, target) => {
      if (folder.distinguished) throw new ItemError('ErrorMoveDistinguishedFolder');
      ctx.store.moveFolder(ownerOf(ctx, folder), folder, target.id);
      return folder;
    }),
};
