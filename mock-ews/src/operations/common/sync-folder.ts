import { ItemError } from '../../soap/error-catalogue';
import type { XmlElement } from '../../soap/xml-element';
import type { Folder } from '../../store/types';
import type { OperationContext } from '../operation';
import { resolveFolderId } from './folder-ids';

/**
 * Resolves the SyncFolderId of a sync operation. A folder that cannot be found is reported as
 * ErrorSyncFolderNotFound, the code Exchange uses for sync roots; other id errors stay as they are.
 */
export function resolveSyncFolder(ctx: OperationContext, el: XmlElement): Folder {
  try {
    return resolveFolderId(ctx, el);
  } catch (err) {
    if (err instanceof ItemError && err.code === 'ErrorFolderNotFound') throw new ItemError('ErrorSyncFolderNotFound');
    throw err;
  }
}
