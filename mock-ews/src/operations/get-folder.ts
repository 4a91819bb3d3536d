import { el, ResponseMessages } from '../soap/response-writer';
import { schemaFault } from '../soap/error-catalogue';
import { folderIdElements, resolveFolderId } from './common/folder-ids';
import { readShape } from './common/shapes';
import { writeFolder } from './common/write-folder';
import { ownerOf } from './common/mailbox-access';
import type { Operation } from './operation';

/** GetFolder: one ResponseMessage per requested folder id, in request order. */
export const getFolder: Operation = {
  name: 'GetFolder',
  since: 'Exchange2007',
  async handle(ctx) {
    const shape = readShape(ctx.request.m('FolderShape'), 'FolderShape');
    const ids = folderIdElements(ctx.request.m('FolderIds'));
    if (ids.length === 0) throw schemaFault(`The element 'GetFolder' has incomplete content. List of possible elements expected: 'FolderIds'.`, ctx.request.line);
    const out = new ResponseMessages(ctx.body, 'GetFolder');
    for (const idEl of ids) {
      await out.add((message) => {
        const folder = resolveFolderId(ctx, idEl);
        writeFolder(el(message, 'm:Folders'), ownerOf(ctx, folder), folder, shape, ctx.profile);
      });
    }
  },
};
