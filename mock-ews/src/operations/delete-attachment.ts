import { el, ResponseMessages } from '../soap/response-writer';
import { attachmentIdElements, resolveAttachmentId } from './common/attachment-ids';
import type { Operation } from './operation';

/**
 * DeleteAttachment: removes attachments from their items, one ResponseMessage per t:AttachmentId
 * with the item's RootItemId and new RootItemChangeKey (errors: common/attachment-ids.ts).
 */
export const deleteAttachment: Operation = {
  name: 'DeleteAttachment',
  since: 'Exchange2007',
  async handle(ctx) {
    const ids = attachmentIdElements(ctx.request);
    const out = new ResponseMessages(ctx.body, 'DeleteAttachment');
    for (const idEl of ids) {
      await out.add((message) => {
        const id = idEl.attr('Id')!;
        const { mailbox, item } = resolveAttachmentId(ctx, id);
        ctx.store.removeAttachment(mailbox, item, id);
        el(message, 'm:RootItemId', { RootItemId: item.id, RootItemChangeKey: item.changeKey });
      });
    }
  },
};
