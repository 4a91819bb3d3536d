import { el, ResponseMessages } from '../soap/response-writer';
import { ItemError, schemaFault } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import { decodeId } from '../store/ids';
import { checkId } from './common/mailbox-access';
import { writeFileAttachment } from './common/write-item';
import type { Operation } from './operation';

/**
 * GetAttachment: one ResponseMessage per t:AttachmentId with the file and its base64 Content.
 * A malformed id is ErrorInvalidIdMalformed and another mailbox's ErrorAccessDenied; when the
 * message holding the attachment is gone the answer is ErrorItemNotFound, and an id naming no
 * attachment of an existing message is ErrorInvalidAttachmentId. AttachmentShape only matters for
 * item attachments, which this store does not hold.
 */
export const getAttachment: Operation = {
  name: 'GetAttachment',
  since: 'Exchange2007',
  async handle(ctx) {
    const container = ctx.request.m('AttachmentIds');
    const ids = (container?.children ?? []).filter((c) => c.ns === NS.t && c.local === 'AttachmentId');
    if (!container || ids.length === 0) {
      throw schemaFault(`The element 'GetAttachment' in namespace '${NS.m}' has incomplete content. List of possible elements expected: 'AttachmentIds' in namespace '${NS.m}'.`, ctx.request.line);
    }
    for (const idEl of ids) {
      if (idEl.attr('Id') === undefined) throw schemaFault("The required attribute 'Id' is missing.", idEl.line);
    }
    const out = new ResponseMessages(ctx.body, 'GetAttachment');
    for (const idEl of ids) {
      await out.add((message) => {
        const id = idEl.attr('Id')!;
        const mailbox = checkId(ctx, id, 'attachment');
        const found = ctx.store.attachment(mailbox, id);
        if (!found) {
          const local = decodeId(id, 'attachment')!.local;
          const itemId = local.slice(0, local.lastIndexOf('#'));
          throw new ItemError(ctx.store.item(mailbox, itemId) ? 'ErrorInvalidAttachmentId' : 'ErrorItemNotFound');
        }
        writeFileAttachment(el(message, 'm:Attachments'), ctx, found.attachment, true);
      });
    }
  },
};
