import { transferFolders } from './common/folder-writes';
import { ownerOf } from './common/mailbox-access';
import type { Operation } from './operation';

/**
 * CopyFolder: each folder is copied under ToFolderId with its items and subfolders, and the answer
 * names the copy (new ids throughout; the original stays). A distinguished folder copies as an
 * ordinary folder of the same name. A copy into the folder itself or below it is
 * ErrorMoveCopyFailed; a sibling of the same name there is ErrorFolderExists.
 */
export const copyFolder: Operation = {
  name: 'CopyFolder',
  since: 'Exchange2007',
  handle: (ctx) => transferFolders(ctx, 'CopyFolder', (folder, target) => ctx.store.copyFolder(ownerOf(ctx, folder), folder, target.id)),
};
