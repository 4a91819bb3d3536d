import { el, ResponseMessages } from '../soap/response-writer';
import { attachmentIdElements, resolveAnyAttachmentId } from './common/attachment-ids';
import { attachedItem, isAttachedMessage } from './common/attached-messages';
import { readAttachmentShape } from './common/shapes';
import { itemWriter, writeFileAttachment, writeItemAttachment } from './common/write-item';
import type { Operation } from './operation';

/**
 * GetAttachment: one ResponseMessage per t:AttachmentId (errors: common/attachment-ids.ts) with the
 * file and its base64 Content, or the attached message as a t:ItemAttachment holding its t:Message:
 * all its properties (its own attachments listed under ids GetAttachment takes too), and its MIME
 * content, body type and additional properties as the AttachmentShape asks.
 */
export const getAttachment: Operation = {
  name: 'GetAttachment',
  since: 'Exchange2007',
  async handle(ctx) {
    const ids = attachmentIdElements(ctx.request);
    const writeAttached = itemWriter(ctx, readAttachmentShape(ctx.request.m('AttachmentShape')), 'get', true);
    const out = new ResponseMessages(ctx.body, 'GetAttachment');
    for (const idEl of ids) {
      await out.add(async (message) => {
        const { item, attachment } = await resolveAnyAttachmentId(ctx, idEl.attr('Id')!);
        const list = el(message, 'm:Attachments');
        if (!isAttachedMessage(attachment)) return writeFileAttachment(list, ctx, attachment, true);
        await writeAttached(writeItemAttachment(list, ctx, attachment), await attachedItem(item, attachment));
      });
    }
  },
};
