import { ItemError } from '../../soap/error-catalogue';
import type { XmlElement } from '../../soap/xml-element';
import type { Mailbox } from '../../store/types';
import type { OperationContext } from '../operation';
import { openMailbox, requireMailbox } from './mailbox-access';

/** The mailbox GetInboxRules and UpdateInboxRules act on: MailboxSmtpAddress when given (one the request may open), else the request's own. */
export function rulesMailbox(ctx: OperationContext, req: XmlElement): Mailbox {
  const address = req.m('MailboxSmtpAddress')?.text.trim();
  if (!address) return requireMailbox(ctx);
  const target = ctx.store.mailbox(address);
  if (!target) throw new ItemError('ErrorNonExistentMailbox');
  return openMailbox(ctx, target.id);
}
