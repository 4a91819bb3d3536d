import { el, ResponseMessages } from '../soap/response-writer';
import { ownerOf } from './common/mailbox-access';
import { incompleteContent, ItemError, schemaFault } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import type { AttachmentData, Item } from '../store/types';
import { attachmentElementName } from './common/attached-messages';
import { composeAttachment } from './common/new-message';
import { itemOfId } from './common/item-ids';
import { AttachmentInput, readFileAttachment, readItemAttachment } from './common/message-fields';
import type { Operation } from './operation';

/**
 * CreateAttachment: adds file attachments and attached messages (t:ItemAttachment with a t:Message)
 * to an item, all in one new version of it, and answers one ResponseMessage per attachment with its
 * AttachmentId, RootItemId and the item's new RootItemChangeKey (clients send the item on with that
 * key). An unusable ParentItemId answers every message with its error; an attached item that is not
 * a message (this store holds only mail) is refused on its own.
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
    const inputs: AttachmentInput[] = attachmentEls.map((a) => {
      if (a.local === 'FileAttachment') return readFileAttachment(a);
      if (a.local === 'ItemAttachment') return readItemAttachment(a);
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
    // Each attachment composed on its own: one that cannot be is answered with its error, the rest are
    // stored. With an unusable parent every attachment answers the parent's error, uncomposed.
    const composed: (AttachmentData | ItemError)[] = [];
    for (const input of inputs) {
      if (failure) {
        composed.push(failure);
        continue;
      }
      try {
        composed.push(await composeAttachment(ownerOf(ctx, parent!), input, new Date()));
      } catch (err) {
        if (!(err instanceof ItemError)) throw err;
        composed.push(err);
      }
    }
    const accepted = composed.filter((a): a is AttachmentData => !(a instanceof ItemError));
    const added = parent && accepted.length > 0 ? ctx.store.addAttachments(ownerOf(ctx, parent), parent, accepted) : [];

    const out = new ResponseMessages(ctx.body, 'CreateAttachment');
    let next = 0;
    for (const result of composed) {
      await out.add((message) => {
        if (result instanceof ItemError) throw result;
        const attachment = added[next++];
        const entry = el(el(message, 'm:Attachments'), attachmentElementName(attachment));
        el(entry, 't:AttachmentId', { Id: attachment.id, RootItemId: parent!.id, RootItemChangeKey: parent!.changeKey });
      });
    }
  },
};
