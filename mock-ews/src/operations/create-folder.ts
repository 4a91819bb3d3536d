import { ResponseMessages } from '../soap/response-writer';
import { ownerOf } from './common/mailbox-access';
import { incompleteContent, ItemError } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import { resolveFolderId } from './common/folder-ids';
import { requiredFolderIds, storeChange, writeFolderIdAnswer } from './common/folder-writes';
import type { Operation } from './operation';

/** The folder kinds CreateFolder takes and the FolderClass each gets when the request names none. */
const KINDS: Record<string, string> = { Folder: 'IPF.Note', CalendarFolder: 'IPF.Appointment', ContactsFolder: 'IPF.Contact', TasksFolder: 'IPF.Task' };

/**
 * CreateFolder: one new folder per t:Folder (or calendar, contacts, tasks folder) under
 * ParentFolderId, answered with its FolderId. A sibling of the same name (ignoring case) is
 * ErrorFolderExists; search folders are not held by this store.
 */
export const createFolder: Operation = {
  name: 'CreateFolder',
  since: 'Exchange2007',
  async handle(ctx) {
    const req = ctx.request;
    const [parentEl] = requiredFolderIds(req, 'ParentFolderId');
    const list = req.m('Folders');
    const folders = (list?.children ?? []).filter((c) => c.ns === NS.t);
    if (folders.length === 0) {
      throw list ? incompleteContent(list, 'Folder', NS.t) : incompleteContent(req, 'Folders', NS.m);
    }
    const out = new ResponseMessages(ctx.body, 'CreateFolder');
    for (const f of folders) {
      await out.add((message) => {
        if (!(f.local in KINDS)) throw new ItemError('ErrorInvalidRequest', `Folders of type ${f.local} are not supported by this server.`);
        const name = f.t('DisplayName')?.text;
        if (!name) throw new ItemError('ErrorInvalidRequest', 'A new folder needs a DisplayName.');
        const parent = resolveFolderId(ctx, parentEl);
        const folderClass = f.t('FolderClass')?.text || KINDS[f.local];
        const folder = storeChange(() => ctx.store.createFolder(ownerOf(ctx, parent), parent.id, name, folderClass), { conflict: 'ErrorFolderExists', invalid: 'ErrorInvalidPropertySet' });
        writeFolderIdAnswer(message, folder, f.local);
      });
    }
  },
};
