import { el, ResponseMessages } from '../soap/response-writer';
import { incompleteContent, ItemError, schemaFault } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import type { AttachmentData, Item } from '../store/types';
import { itemOfId } from './common/item-ids';
import { readFileAttachment } from './common/message-fields';
import type { Operation } from './operation';

/**
 * CreateAttachment: adds file attachments to an item, all in one new version of it, and answers one
 * ResponseMessage per attachment with its AttachmentId, RootItemId and the item's new
 * RootItemChangeKey (clients send the item on with that key). An unusable ParentItemId answers every
 * message with its error; item attachments (attached messages) are not held by this store and are
 * refused one by one.
 */
export const createAttachment: Operation = {
  name: 'CreateAttachment',
  since: 'Exchange2007',
  async handle(ctx) {
    const req = ctx.request;
    const parentEl = req.m('ParentItemId');
    if (!parentEl) throw incompleteContent(req, 'ParentItemId', NS.m);
    const list = req.m('Attachments');
    const attachmentEls = (list?.children ?? []).filter((c) => c.ns === NS.t);
    if (!list || attachmentEls.length === 0) throw incompleteContent({ local: 'Attachments', ns: NS.m, line: (list ?? req).line }, 'ItemAttachment, FileAttachment', NS.t);
    // Read up front: a schema violation in any attachment fails the request before anything is stored.
    const inputs: (AttachmentData | undefined)[] = attachmentEls.map((a) => {
      if (a.local === 'FileAttachment') return readFileAttachment(a);
      if (a.local === 'ItemAttachment') return undefined;
      throw schemaFault(`The element 'Attachments' in namespace '${NS.m}' has invalid child element '${a.local}' in namespace '${a.ns}'. List of possible elements expected: 'ItemAttachment, FileAttachment' in namespace '${NS.t}'.`, a.line);
    });

    let parent: Item | undefined;
    let failure: ItemError | undefined;
    try {
      parent = itemOfId(ctx, parentEl.attr('Id'));
    } catch (err) {
      if (!(err instanceof ItemError)) throw err;
      failure = err;
    }
    const files = inputs.filter((a): a is AttachmentData => a !== undefined);
    const added = parent && files.length > 0 ? ctx.store.addAttachments(ctx.mailbox!, parent, files) : [];

    const out = new ResponseMessages(ctx.body, 'CreateAttachment');
    let next = 0;
    for (const input of inputs) {
      await out.add((message) => {
        if (failure) throw failure;
        if (!input) throw new ItemError('ErrorInvalidRequest', 'Item attachments are not supported by this server.');
        const attachment = added[next++];
        const file = el(el(message, 'm:Attachments'), 't:FileAttachment');
        el(file, 't:AttachmentId', { Id: attachment.id, RootItemId: parent!.id, RootItemChangeKey: parent!.changeKey });
      });
    }
  },
};
