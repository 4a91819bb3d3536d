import { ResponseMessages } from '../soap/response-writer';
import { ownerOf } from './common/mailbox-access';
import { resolveFolderId } from './common/folder-ids';
import { requiredFolderIds } from './common/folder-writes';
import { booleanValue } from './common/schema-values';
import { incompleteContent } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import type { XmlElement } from '../soap/xml-element';
import type { Operation } from './operation';

/**
 * MarkAllItemsAsRead (Exchange 2013 on): sets the read flag of every item of each folder to
 * ReadFlag; each change is journalled as a read-flag change (SyncFolderItems ReadFlagChange,
 * notifications ModifiedEvent). Read receipts are not sent by this server, so
 * SuppressReadReceipts only has to be there.
 */
export const markAllItemsAsRead: Operation = {
  name: 'MarkAllItemsAsRead',
  since: 'Exchange2013',
  async handle(ctx) {
    const req = ctx.request;
    const read = booleanValue(requiredChild(req, 'ReadFlag'));
    booleanValue(requiredChild(req, 'SuppressReadReceipts'));
    const ids = requiredFolderIds(req, 'FolderIds');
    const out = new ResponseMessages(ctx.body, 'MarkAllItemsAsRead');
    for (const idEl of ids) {
      await out.add(() => {
        const folder = resolveFolderId(ctx, idEl);
        for (const item of [...folder.items.values()]) ctx.store.updateItem(ownerOf(ctx, folder), item, { isRead: read });
      });
    }
  },
};

/** A required child of the request, in the messages namespace. */
function requiredChild(req: XmlElement, name: string): XmlElement {
  const el = req.m(name);
  if (!el) throw incompleteContent(req, name, NS.m);
  return el;
}
