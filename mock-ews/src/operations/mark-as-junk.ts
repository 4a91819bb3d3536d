import { idElement, ResponseMessages } from '../soap/response-writer';
import { ownerOf } from './common/mailbox-access';
import { itemIdElements, resolveItemId } from './common/item-ids';
import { booleanAttribute } from './common/schema-values';
import type { Operation } from './operation';

/**
 * MarkAsJunk (Exchange 2013 on): with MoveItem="true" a message marked junk moves to Junk Email and
 * one marked not junk to the Inbox, answered with its MovedItemId (a moved item has a new id);
 * with MoveItem="false" it stays where it is. The sender lists Outlook keeps are not modelled.
 */
export const markAsJunk: Operation = {
  name: 'MarkAsJunk',
  since: 'Exchange2013',
  async handle(ctx) {
    const req = ctx.request;
    const junk = booleanAttribute(req, 'IsJunk');
    const move = booleanAttribute(req, 'MoveItem');
    const ids = itemIdElements(req.m('ItemIds'), 'MarkAsJunk', 'ItemIds');
    const out = new ResponseMessages(ctx.body, 'MarkAsJunk');
    for (const idEl of ids) {
      await out.add((message) => {
        const item = resolveItemId(ctx, idEl);
        if (!move) return;
        const mailbox = ownerOf(ctx, item);
        const target = ctx.store.distinguishedFolder(mailbox, junk ? 'junkemail' : 'inbox');
        idElement(message, 'm:MovedItemId', ctx.store.moveItem(mailbox, item, target));
      });
    }
  },
};
