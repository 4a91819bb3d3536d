import { ResponseMessages } from '../soap/response-writer';
import { ownerOf, sendingIdentity } from './common/mailbox-access';
import { ItemError } from '../soap/error-catalogue';
import { folderIdElements, resolveFolderId } from './common/folder-ids';
import { itemIdElements, resolveItemId, versionOfChangeKey } from './common/item-ids';
import { asSentBy, bouncedStoredOriginal, sendStored } from './common/deliver';
import { booleanAttribute } from './common/schema-values';
import type { Operation } from './operation';

/**
 * SendItem: sends messages already in the store, typically drafts a client saved and then gave
 * attachments (CreateItem SaveOnly, CreateAttachment, SendItem: how the EWS Managed API and
 * ews-javascript-api send a new message with attachments). Each is delivered to recipients with a
 * mailbox here and leaves its folder; SaveItemToFolder="true" keeps the sent copy in Sent Items or
 * in SavedItemFolderId. A ChangeKey older than the item's is ErrorIrresolvableConflict.
 */
export const sendItem: Operation = {
  name: 'SendItem',
  since: 'Exchange2007',
  async handle(ctx) {
    const req = ctx.request;
    const save = booleanAttribute(req, 'SaveItemToFolder');
    const ids = itemIdElements(req.m('ItemIds'), 'SendItem', 'ItemIds');
    const savedFolderEl = folderIdElements(req.m('SavedItemFolderId'))[0];
    const out = new ResponseMessages(ctx.body, 'SendItem');
    for (const idEl of ids) {
      await out.add(async () => {
        if (!save && savedFolderEl) throw new ItemError('ErrorInvalidSendItemSaveSettings');
        const item = resolveItemId(ctx, idEl);
        if (versionOfChangeKey(item, idEl.attr('ChangeKey')) < item.version) throw new ItemError('ErrorIrresolvableConflict');
        const mailbox = ownerOf(ctx, item);
        const who = sendingIdentity(ctx, mailbox, item.data.from);
        const bounced = await bouncedStoredOriginal(ctx.store, mailbox, item, asSentBy(item.data, who));
        const saveIn = save ? (savedFolderEl ? resolveFolderId(ctx, savedFolderEl) : ctx.store.distinguishedFolder(mailbox, 'sentitems')) : undefined;
        sendStored(ctx.store, mailbox, item, who, saveIn, bounced);
      });
    }
  },
};
