import { ResponseMessages } from '../soap/response-writer';
import { itemIdElements, resolveItemId } from './common/item-ids';
import { deleteType } from './common/schema-values';
import type { Operation } from './operation';

/**
 * DeleteItem. HardDelete and SoftDelete both take the item out of its folder (the recoverable-items
 * dumpster a soft delete lands in is not visible to EWS folder operations, and not modelled);
 * MoveToDeletedItems moves it into Deleted Items under a new id (or removes it when it is there already).
 */
export const deleteItem: Operation = {
  name: 'DeleteItem',
  since: 'Exchange2007',
  async handle(ctx) {
    const req = ctx.request;
    const type = deleteType(req);
    const ids = itemIdElements(req.m('ItemIds'), 'DeleteItem', 'ItemIds');
    const out = new ResponseMessages(ctx.body, 'DeleteItem');
    for (const idEl of ids) {
      await out.add(() => {
        const item = resolveItemId(ctx, idEl);
        const mailbox = ctx.mailbox!;
        const deletedItems = ctx.store.distinguishedFolder(mailbox, 'deleteditems');
        // Deleting from Deleted Items itself removes the item, as Outlook and OWA do.
        if (type === 'MoveToDeletedItems' && item.folderId !== deletedItems.id) ctx.store.moveItem(mailbox, item, deletedItems);
        else ctx.store.deleteItem(mailbox, item);
      });
    }
  },
};
