import { el, ResponseMessages } from '../soap/response-writer';
import { ownerOf } from './common/mailbox-access';
import { ItemError, schemaFault } from '../soap/error-catalogue';
import { folderIdElements, resolveFolderId } from './common/folder-ids';
import { readShape } from './common/shapes';
import { writeFolder } from './common/write-folder';
import { readIndexedPage } from './common/paging';
import type { Operation } from './operation';
import { listedFolders } from './common/recoverable-items';

/** FindFolder: Shallow (children) or Deep (all descendants) under each parent, with indexed paging. */
export const findFolder: Operation = {
  name: 'FindFolder',
  since: 'Exchange2007',
  async handle(ctx) {
    const traversal = ctx.request.attr('Traversal');
    if (traversal !== 'Shallow' && traversal !== 'Deep' && traversal !== 'SoftDeleted') {
      throw schemaFault(
        traversal === undefined
          ? "The required attribute 'Traversal' is missing."
          : `The 'Traversal' attribute is invalid - The value '${traversal}' is invalid according to its datatype 'http://schemas.microsoft.com/exchange/services/2006/types:FolderQueryTraversalType' - The Enumeration constraint failed.`,
        ctx.request.line,
      );
    }
    const shape = readShape(ctx.request.m('FolderShape'), 'FolderShape');
    const page = readIndexedPage(ctx.request.m('IndexedPageFolderView'));
    const parents = folderIdElements(ctx.request.m('ParentFolderIds'));
    if (parents.length === 0) throw schemaFault("The element 'FindFolder' has incomplete content. List of possible elements expected: 'ParentFolderIds'.", ctx.request.line);
    const out = new ResponseMessages(ctx.body, 'FindFolder');
    for (const idEl of parents) {
      await out.add((message) => {
        const parent = resolveFolderId(ctx, idEl);
        const mailbox = ownerOf(ctx, parent);
        if (traversal === 'SoftDeleted') throw new ItemError('ErrorInvalidOperation', 'SoftDeleted traversal is not supported for folders in this mailbox.');
        const under = traversal === 'Deep' ? ctx.store.descendants(mailbox, parent) : parent.childIds.map((id) => mailbox.folders.get(id)!);
        const all = listedFolders(ctx.profile, ctx.store, mailbox, under);
        const slice = page.apply(all.length);
        const root = el(message, 'm:RootFolder', {
          IndexedPagingOffset: slice.nextOffset,
          TotalItemsInView: all.length,
          IncludesLastItemInRange: slice.includesLast,
        });
        const folders = el(root, 't:Folders');
        for (const f of all.slice(slice.start, slice.end)) writeFolder(folders, mailbox, f, shape, ctx.profile);
      });
    }
  },
};
