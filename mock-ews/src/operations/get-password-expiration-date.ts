import { el, leaf, writeResponseMessage } from '../soap/response-writer';
import { incompleteContent, ItemError } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import { openMailbox } from './common/mailbox-access';
import { ewsDate } from './common/schema-values';
import type { Operation } from './operation';

/**
 * GetPasswordExpirationDate (Exchange 2010 SP1 on): when the password of the account behind
 * MailboxSmtpAddress expires (`passwordExpires` in the scenario file); left out when it never does.
 * The caller may ask for its own account, and for one whose mailbox the request may open
 * (impersonated, or with FullAccess). The response element is itself the response message.
 */
export const getPasswordExpirationDate: Operation = {
  name: 'GetPasswordExpirationDate',
  since: 'Exchange2010_SP1',
  async handle(ctx) {
    const addressEl = ctx.request.m('MailboxSmtpAddress');
    if (!addressEl) throw incompleteContent(ctx.request, 'MailboxSmtpAddress', NS.m);
    const response = el(ctx.body, 'm:GetPasswordExpirationDateResponse', { ResponseClass: 'Success', 'xmlns:m': NS.m, 'xmlns:t': NS.t });
    await writeResponseMessage(response, (message) => {
      const account = ctx.store.account(addressEl.text.trim());
      if (!account) throw new ItemError('ErrorNonExistentMailbox');
      const own = account.smtp.toLowerCase() === ctx.caller.smtp.toLowerCase() || account.mailboxId === ctx.mailbox?.id;
      if (!own) {
        if (!account.mailboxId) throw new ItemError('ErrorAccessDenied');
        openMailbox(ctx, account.mailboxId);
      }
      leaf(message, 'm:PasswordExpirationDate', account.passwordExpires ? ewsDate(account.passwordExpires) : undefined);
    });
  },
};
