import { ResponseMessages } from '../soap/response-writer';
import { itemIdElements, resolveItemId } from './common/item-ids';
import { deleteType } from './common/schema-values';
import { disposeItem } from './common/dispose-item';
import { ownerOf } from './common/mailbox-access';
import type { Operation } from './operation';

/**
 * DeleteItem: each item goes as its DeleteType says (common/dispose-item.ts) — HardDelete removes
 * it, SoftDelete keeps it in Recoverable Items\Deletions, MoveToDeletedItems moves it into Deleted
 * Items under a new id.
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
        disposeItem(ctx.store, ownerOf(ctx, item), item, type);
      });
    }
  },
};
