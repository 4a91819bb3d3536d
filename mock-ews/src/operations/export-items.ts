import { idElement, leaf, ResponseMessages } from '../soap/response-writer';
import { itemIdElements, resolveItemId } from './common/item-ids';
import { exportData } from '../mime/export-data';
import type { Operation } from './operation';

/**
 * ExportItems (Exchange 2010 SP1 on): each item as opaque Data a client keeps and gives back to
 * UploadItems (mime/export-data.ts), with its ItemId. An item that cannot be found fails alone.
 */
export const exportItems: Operation = {
  name: 'ExportItems',
  since: 'Exchange2010_SP1',
  async handle(ctx) {
    const ids = itemIdElements(ctx.request.m('ItemIds'), 'ExportItems', 'ItemIds');
    const out = new ResponseMessages(ctx.body, 'ExportItems');
    for (const idEl of ids) {
      await out.add(async (message) => {
        const item = resolveItemId(ctx, idEl);
        const data = await exportData(item);
        idElement(message, 'm:ItemId', item);
        leaf(message, 'm:Data', data);
      });
    }
  },
};

