import { el, ResponseMessages, idElement } from '../../soap/response-writer';
import { incompleteContent } from '../../soap/error-catalogue';
import { NS } from '../../soap/namespaces';
import type { OperationContext } from '../operation';
import { folderIdElements, resolveFolderId } from './folder-ids';
import { itemIdElements, resolveItemId } from './item-ids';
import { ownerOf } from './mailbox-access';
import { booleanValue, requireSchemaFor } from './schema-values';

/**
 * MoveItem and CopyItem share their request and answer: ToFolderId, ItemIds and (from Exchange
 * 2010 SP1) ReturnNewItemIds; each item's message carries its new ItemId unless that was turned off.
 * The target folder must be one the request may open (its own mailbox's, or a delegate's with
 * FullAccess): another is ErrorAccessDenied for every item. Between two mailboxes the item is
 * copied (and for a move removed from its source), and, as Exchange does, no new ItemId is returned.
 */
export async function moveOrCopy(ctx: OperationContext, op: 'MoveItem' | 'CopyItem'): Promise<void> {
  const req = ctx.request;
  const toEl = folderIdElements(req.m('ToFolderId'))[0];
  if (!toEl) throw incompleteContent({ local: op, ns: NS.m, line: req.line }, 'ToFolderId', NS.m);
  const ids = itemIdElements(req.m('ItemIds'), op, 'ItemIds');
  const returnEl = req.m('ReturnNewItemIds');
  let returnIds = true;
  if (returnEl) {
    requireSchemaFor(ctx, returnEl, 'Exchange2010_SP1');
    returnIds = booleanValue(returnEl);
  }
  const out = new ResponseMessages(ctx.body, op);
  for (const idEl of ids) {
    await out.add((message) => {
      const target = resolveFolderId(ctx, toEl);
      const item = resolveItemId(ctx, idEl);
      const from = ownerOf(ctx, item);
      const to = ownerOf(ctx, target);
      const items = el(message, 'm:Items');
      if (from !== to) {
        ctx.store.copyItem(from, item, target, to);
        if (op === 'MoveItem') ctx.store.deleteItem(from, item);
        return;
      }
      const result = op === 'MoveItem' ? ctx.store.moveItem(from, item, target) : ctx.store.copyItem(from, item, target);
      if (returnIds) idElement(el(items, 't:Message'), 't:ItemId', result);
    });
  }
}
