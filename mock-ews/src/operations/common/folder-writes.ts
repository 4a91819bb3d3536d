import { el, idElement, ResponseMessages, Xml } from '../../soap/response-writer';
import { incompleteContent, ItemError } from '../../soap/error-catalogue';
import { NS } from '../../soap/namespaces';
import type { XmlElement } from '../../soap/xml-element';
import { StoreError } from '../../store/store';
import type { Folder } from '../../store/types';
import type { OperationContext } from '../operation';
import { folderIdElements, resolveFolderId } from './folder-ids';

/** The folder ids of a required container (FolderIds, ParentFolderId, ToFolderId); none is a schema violation. */
export function requiredFolderIds(request: XmlElement, container: string): XmlElement[] {
  const el = request.m(container);
  const ids = folderIdElements(el);
  if (ids.length === 0) {
    // An empty container is the container's own incomplete content; a missing one, its parent's.
    throw el ? incompleteContent(el, 'FolderId, DistinguishedFolderId', NS.t) : incompleteContent(request, container, NS.m);
  }
  return ids;
}

/** `<m:Folders><t:Folder><t:FolderId …/></t:Folder></m:Folders>`: how folder writes answer. */
export function writeFolderIdAnswer(message: Xml, folder: Folder, kind = 'Folder'): void {
  idElement(el(el(message, 'm:Folders'), `t:${kind}`), 't:FolderId', folder);
}

/** Runs a store change, answering its refusals with the codes Exchange uses for them. */
export function storeChange<T>(change: () => T, codes: { conflict?: 'ErrorFolderExists'; invalid: 'ErrorDeleteDistinguishedFolder' | 'ErrorMoveDistinguishedFolder' | 'ErrorMoveCopyFailed' | 'ErrorInvalidPropertySet' }): T {
  try {
    return change();
  } catch (err) {
    if (!(err instanceof StoreError)) throw err;
    if (err.reason === 'conflict' && codes.conflict) throw new ItemError(codes.conflict);
    if (err.reason === 'not-found') throw new ItemError('ErrorFolderNotFound');
    throw new ItemError(codes.invalid);
  }
}

/**
 * MoveFolder and CopyFolder: each of FolderIds goes under ToFolderId through `transfer`, which
 * answers the folder to name in the reply (the moved one, or the copy).
 */
export async function transferFolders(ctx: OperationContext, operation: 'MoveFolder' | 'CopyFolder', transfer: (folder: Folder, target: Folder) => Folder): Promise<void> {
  const [toEl] = requiredFolderIds(ctx.request, 'ToFolderId');
  const ids = requiredFolderIds(ctx.request, 'FolderIds');
  const out = new ResponseMessages(ctx.body, operation);
  for (const idEl of ids) {
    await out.add((message) => {
      const target = resolveFolderId(ctx, toEl);
      const folder = resolveFolderId(ctx, idEl);
      // Folders stay in their mailbox; a delegate may open both, but not carry one across.
      if (folder.mailboxId !== target.mailboxId) throw new ItemError('ErrorCrossMailboxMoveCopy');
      writeFolderIdAnswer(message, storeChange(() => transfer(folder, target), { conflict: 'ErrorFolderExists', invalid: 'ErrorMoveCopyFailed' }));
    });
  }
}
