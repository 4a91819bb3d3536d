import { notMailboxOwner } from '../../soap/client-fault';
import { EwsFault, incompleteContent } from '../../soap/error-catalogue';
import { NS } from '../../soap/namespaces';
import type { XmlElement } from '../../soap/xml-element';
import type { Mailbox } from '../../store/types';
import type { OperationContext } from '../operation';

/** What GetUserOofSettings and SetUserOofSettings share: the mailbox the request names, and reply texts. */

/**
 * The mailbox named by the request's t:Mailbox/t:Address, which must be the caller's own or the
 * impersonated one. An address with no mailbox is ErrorNonExistentMailbox; anyone else's mailbox is
 * refused as Exchange's OOF service refuses it, with a soap:Client fault naming both SIDs (MS-OXWOOF
 * 3.1.4.1), whatever rights the caller has there.
 */
export function oofMailbox(ctx: OperationContext): Mailbox {
  const mailboxEl = ctx.request.t('Mailbox');
  if (!mailboxEl) throw incompleteContent(ctx.request, 'Mailbox', NS.t);
  const address = mailboxEl.t('Address')?.value?.trim();
  if (!address) throw incompleteContent(mailboxEl, 'Address', NS.t);
  const mailbox = ctx.mailbox;
  if (mailbox && address.toLowerCase() === mailbox.smtp.toLowerCase()) return mailbox;
  const target = ctx.store.mailbox(address);
  if (!target) throw new EwsFault('ErrorNonExistentMailbox');
  // A caller with no mailbox of its own (a service account not impersonating) owns none either.
  const user = (mailbox && ctx.store.account(mailbox.smtp)) ?? ctx.caller;
  throw notMailboxOwner(user.sid, ctx.store.account(target.smtp)?.sid ?? target.id);
}

/** The text of an InternalReply / ExternalReply (its t:Message), '' when absent. */
export function replyText(el: XmlElement | undefined): string {
  return el?.t('Message')?.value ?? '';
}
