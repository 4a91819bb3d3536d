import { incompleteContent, ItemError, schemaFault } from '../../soap/error-catalogue';
import { NS } from '../../soap/namespaces';
import type { XmlElement } from '../../soap/xml-element';
import { decodeId, encodeId } from '../../store/ids';
import type { Attachment, Item, Mailbox } from '../../store/types';
import type { OperationContext } from '../operation';
import { checkId } from './mailbox-access';
import { nestedAttachment } from './attached-messages';

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

/**
 * As resolveAttachmentId, and also an attachment inside an attached message (GetAttachment): its
 * id is the attached message's id with `/index` appended for each level. A path that names
 * nothing is ErrorInvalidAttachmentId.
 */
export async function resolveAnyAttachmentId(ctx: OperationContext, id: string): Promise<{ mailbox: Mailbox; item: Item; attachment: Attachment }> {
  const mailbox = checkId(ctx, id, 'attachment');
  const local = decodeId(id, 'attachment')!.local;
  const hash = local.lastIndexOf('#');
  const [top, ...path] = local.slice(hash + 1).split('/');
  if (path.length === 0) return resolveAttachmentId(ctx, id);
  const { item, attachment } = resolveAttachmentId(ctx, encodeId('attachment', mailbox.id, `${local.slice(0, hash)}#${top}`));
  const nested = path.every((p) => /^\d+$/.test(p)) ? await nestedAttachment(attachment, path.map(Number)) : undefined;
  if (!nested) throw new ItemError('ErrorInvalidAttachmentId');
  return { mailbox, item, attachment: nested };
}
