import { incompleteContent, ItemError, schemaFault } from '../../soap/error-catalogue';
import { NS } from '../../soap/namespaces';
import type { XmlElement } from '../../soap/xml-element';
import { decodeId } from '../../store/ids';
import type { Attachment, Item, Mailbox } from '../../store/types';
import type { OperationContext } from '../operation';
import { checkId } from './mailbox-access';

/** The t:AttachmentId elements of m:AttachmentIds (GetAttachment, DeleteAttachment); none, or one without Id, is a schema violation. */
export function attachmentIdElements(request: XmlElement): XmlElement[] {
  const container = request.m('AttachmentIds');
  const ids = (container?.children ?? []).filter((c) => c.ns === NS.t && c.local === 'AttachmentId');
  if (!container || ids.length === 0) {
    throw incompleteContent(request, 'AttachmentIds', NS.m);
  }
  for (const idEl of ids) {
    if (idEl.attr('Id') === undefined) throw schemaFault("The required attribute 'Id' is missing.", idEl.line);
  }
  return ids;
}

/**
 * The attachment an AttachmentId names, with the item holding it. A malformed id is
 * ErrorInvalidIdMalformed and another mailbox's ErrorAccessDenied; when the item is gone the
 * answer is ErrorItemNotFound, and an id naming no attachment of an existing item is
 * ErrorInvalidAttachmentId.
 */
export function resolveAttachmentId(ctx: OperationContext, id: string): { mailbox: Mailbox; item: Item; attachment: Attachment } {
  const mailbox = checkId(ctx, id, 'attachment');
  const found = ctx.store.attachment(mailbox, id);
  if (!found) {
    const local = decodeId(id, 'attachment')!.local;
    const itemId = local.slice(0, local.lastIndexOf('#'));
    throw new ItemError(ctx.store.item(mailbox, itemId) ? 'ErrorInvalidAttachmentId' : 'ErrorItemNotFound');
  }
  return { mailbox, ...found };
}
