import { ResponseMessages } from '../soap/response-writer';
import { ownerOf } from './common/mailbox-access';
import { incompleteContent, ItemError, schemaFault } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import { folderIdElements, resolveFolderId } from './common/folder-ids';
import { storeChange, writeFolderIdAnswer } from './common/folder-writes';
import type { Operation } from './operation';

/** What each kind of change answers when it names a property this store cannot change. */
const REFUSALS = { SetFolderField: 'ErrorInvalidPropertySet', DeleteFolderField: 'ErrorInvalidPropertyDelete', AppendToFolderField: 'ErrorInvalidPropertyAppend' } as const;

/**
 * UpdateFolder: renames folders (SetFolderField folder:DisplayName), one ResponseMessage per
 * t:FolderChange with the folder's new ChangeKey. Other properties cannot be changed here; a
 * distinguished folder keeps its name (ErrorInvalidPropertySet); a sibling of the new name is
 * ErrorFolderExists.
 */
export const updateFolder: Operation = {
  name: 'UpdateFolder',
  since: 'Exchange2007',
  async handle(ctx) {
    const req = ctx.request;
    const changes = (req.m('FolderChanges')?.children ?? []).filter((c) => c.ns === NS.t && c.local === 'FolderChange');
    if (changes.length === 0) {
      throw incompleteContent(req, 'FolderChanges', NS.m);
    }
    // Read up front: a schema violation in any change fails the request before anything is renamed.
    const parsed = changes.map((change) => {
      const idEl = folderIdElements(change)[0];
      const updates = (change.t('Updates')?.children ?? []).filter((u) => u.ns === NS.t);
      if (!idEl || updates.length === 0) {
        throw incompleteContent(change, idEl ? 'Updates' : 'FolderId, DistinguishedFolderId', NS.t);
      }
      return { idEl, updates };
    });
    const out = new ResponseMessages(ctx.body, 'UpdateFolder');
    for (const { idEl, updates } of parsed) {
      await out.add((message) => {
        const folder = resolveFolderId(ctx, idEl);
        let name: string | undefined;
        for (const u of updates) {
          const refusal = REFUSALS[u.local as keyof typeof REFUSALS];
          if (!refusal) throw schemaFault(`The element 'Updates' in namespace '${NS.t}' has invalid child element '${u.local}' in namespace '${u.ns}'.`, u.line);
          const uri = u.t('FieldURI')?.attr('FieldURI');
          const value = u.t('Folder')?.t('DisplayName')?.text;
          if (u.local !== 'SetFolderField' || uri !== 'folder:DisplayName' || !value) throw new ItemError(refusal);
          name = value;
        }
        if (folder.distinguished) throw new ItemError('ErrorInvalidPropertySet');
        const renamed = name!;
        storeChange(() => ctx.store.renameFolder(ownerOf(ctx, folder), folder, renamed), { conflict: 'ErrorFolderExists', invalid: 'ErrorInvalidPropertySet' });
        writeFolderIdAnswer(message, folder);
      });
    }
  },
};
