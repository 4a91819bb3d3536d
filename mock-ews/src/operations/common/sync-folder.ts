import { ItemError } from '../../soap/error-catalogue';
import { el, leaf, Xml } from '../../soap/response-writer';
import type { XmlElement } from '../../soap/xml-element';
import type { Folder } from '../../store/types';
import type { OperationContext } from '../operation';
import { resolveFolderId } from './folder-ids';

/**
 * Resolves the SyncFolderId of a sync operation. A folder that cannot be found is reported as
 * ErrorSyncFolderNotFound, the code Exchange uses for sync roots; other id errors stay as they are.
 */
export function resolveSyncFolder(ctx: OperationContext, idEl: XmlElement): Folder {
  try {
    return resolveFolderId(ctx, idEl);
  } catch (err) {
    if (err instanceof ItemError && err.code === 'ErrorFolderNotFound') throw new ItemError('ErrorSyncFolderNotFound');
    throw err;
  }
}

/**
 * What a sync's error message still carries after its ResponseCode, as Exchange writes it: an empty
 * SyncState and IncludesLast…InRange true (exchangelib reads both before it looks at the code).
 */
export function emptySyncAnswer(includesLast: 'm:IncludesLastItemInRange' | 'm:IncludesLastFolderInRange'): (message: Xml) => void {
  return (message) => {
    el(message, 'm:SyncState');
    leaf(message, includesLast, true);
  };
}
