import { el, idElement, Xml } from '../../soap/response-writer';
import { incompleteContent, ItemError } from '../../soap/error-catalogue';
import { NS } from '../../soap/namespaces';
import type { XmlElement } from '../../soap/xml-element';
import { StoreError } from '../../store/store';
import type { Folder } from '../../store/types';
import { folderIdElements } from './folder-ids';

/** The folder ids of a required container (FolderIds, ParentFolderId, ToFolderId); none is a schema violation. */
export function requiredFolderIds(request: XmlElement, container: string): XmlElement[] {
  const ids = folderIdElements(request.m(container));
  if (ids.length === 0) {
    throw incompleteContent(request, container, NS.m);
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
