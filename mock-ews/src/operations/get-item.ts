import { el, ResponseMessages } from '../soap/response-writer';
import { incompleteContent, ItemError, schemaFault } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import { checkId } from './common/mailbox-access';
import { readItemShape } from './common/item-shape';
import { writeItem } from './common/write-item';
import type { Operation } from './operation';

const ID_ELEMENTS = ['ItemId', 'OccurrenceItemId', 'RecurringMasterItemId'];

/**
 * GetItem: one ResponseMessage per requested id, in request order. A ChangeKey is not checked on
 * reads (Exchange ignores a stale one); a malformed id is ErrorInvalidIdMalformed, another
 * mailbox's id ErrorAccessDenied, a deleted item ErrorItemNotFound.
 */
export const getItem: Operation = {
  name: 'GetItem',
  since: 'Exchange2007',
  async handle(ctx) {
    const { shape } = readItemShape(ctx.request.m('ItemShape'), ctx, 'get');
    const container = ctx.request.m('ItemIds');
    const ids = (container?.children ?? []).filter((c) => c.ns === NS.t && ID_ELEMENTS.includes(c.local));
    if (!container || ids.length === 0) {
      throw incompleteContent({ local: 'GetItem', ns: NS.m, line: ctx.request.line }, 'ItemIds', NS.m);
    }
    for (const idEl of ids) {
      if (idEl.local === 'ItemId' && idEl.attr('Id') === undefined) throw schemaFault("The required attribute 'Id' is missing.", idEl.line);
    }
    const out = new ResponseMessages(ctx.body, 'GetItem');
    for (const idEl of ids) {
      await out.add(async (message) => {
        // Occurrences belong to calendar items, which this store does not hold.
        if (idEl.local !== 'ItemId') throw new ItemError('ErrorItemNotFound');
        const id = idEl.attr('Id')!;
        const mailbox = checkId(ctx, id, 'item');
        const item = ctx.store.item(mailbox, id);
        if (!item) throw new ItemError('ErrorItemNotFound');
        await writeItem(el(message, 'm:Items'), ctx, item, shape, 'get');
      });
    }
  },
};
