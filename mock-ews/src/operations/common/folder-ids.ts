import { ItemError, schemaFault } from '../../soap/error-catalogue';
import { atLeast } from '../../profiles/versions';
import { NS } from '../../soap/namespaces';
import type { XmlElement } from '../../soap/xml-element';
import { DISTINGUISHED_FOLDER_NAMES } from '../../store/store';
import type { DistinguishedFolderName, Folder } from '../../store/types';
import type { OperationContext } from '../operation';
import { checkId, openMailbox, requireMailbox } from './mailbox-access';

/** The t:FolderId / t:DistinguishedFolderId children of a container element, in request order. */
export function folderIdElements(container: XmlElement | undefined): XmlElement[] {
  return (container?.children ?? []).filter((c) => c.ns === NS.t && (c.local === 'FolderId' || c.local === 'DistinguishedFolderId'));
}

/**
 * Resolves a t:FolderId or t:DistinguishedFolderId to a folder of the request's mailbox, or of a
 * mailbox the acting user holds FullAccess on: a DistinguishedFolderId naming another mailbox
 * (t:Mailbox), or a FolderId of one, is delegate access. Without the permission ErrorAccessDenied;
 * a DistinguishedFolderId naming no mailbox is ErrorNonExistentMailbox.
 */
export function resolveFolderId(ctx: OperationContext, el: XmlElement): Folder {
  if (el.local === 'DistinguishedFolderId') {
    const name = el.attr('Id') ?? '';
    if (!(DISTINGUISHED_FOLDER_NAMES as readonly string[]).includes(name)) {
      // Other distinguished names exist in Exchange (calendar, contacts, …) but this store has none of them.
      throw new ItemError('ErrorFolderNotFound');
    }
    // The Recoverable Items folders joined the schema's enumeration in Exchange 2010 SP1.
    if (name.startsWith('recoverableitems') && !atLeast(ctx.version, 'Exchange2010_SP1')) {
      throw schemaFault(`The 'Id' attribute is invalid - The value '${name}' is invalid according to its datatype 'http://schemas.microsoft.com/exchange/services/2006/types:DistinguishedFolderIdNameType' - The Enumeration constraint failed.`, el.line);
    }
    const other = el.t('Mailbox')?.t('EmailAddress')?.value;
    if (other && other.toLowerCase() !== ctx.mailbox?.smtp.toLowerCase()) {
      // Another mailbox's folder: delegate access, with FullAccess on it.
      const target = ctx.store.mailbox(other);
      if (!target) throw new ItemError('ErrorNonExistentMailbox');
      return ctx.store.distinguishedFolder(openMailbox(ctx, target.id), name as DistinguishedFolderName);
    }
    return ctx.store.distinguishedFolder(requireMailbox(ctx), name as DistinguishedFolderName);
  }
  const id = el.attr('Id');
  const mailbox = checkId(ctx, id, 'folder');
  const folder = ctx.store.folder(mailbox, id!);
  if (!folder) throw new ItemError('ErrorFolderNotFound');
  return folder;
}
