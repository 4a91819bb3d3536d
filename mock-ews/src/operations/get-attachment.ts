import { el, ResponseMessages } from '../soap/response-writer';
import { attachmentIdElements, resolveAttachmentId } from './common/attachment-ids';
import { writeFileAttachment } from './common/write-item';
import type { Operation } from './operation';

/**
 * GetAttachment: one ResponseMessage per t:AttachmentId with the file and its base64 Content
 * (errors: common/attachment-ids.ts). AttachmentShape only matters for item attachments, which
 * this store does not hold.
 */
export const getAttachment: Operation = {
  name: 'GetAttachment',
  since: 'Exchange2007',
  async handle(ctx) {
    const ids = attachmentIdElements(ctx.request);
    const out = new ResponseMessages(ctx.body, 'GetAttachment');
    for (const idEl of ids) {
      await out.add((message) => {
        const { attachment } = resolveAttachmentId(ctx, idEl.attr('Id')!);
        writeFileAttachment(el(message, 'm:Attachments'), ctx, attachment, true);
      });
    }
  },
};
