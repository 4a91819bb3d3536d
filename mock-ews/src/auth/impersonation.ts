import type { Store } from '../store/store';
import type { Account, ImpersonationGrant, Mailbox } from '../store/types';
import type { XmlElement } from '../soap/xml-element';
import { NS } from '../soap/namespaces';
import { EwsFault } from '../soap/error-catalogue';

const ID_FORMS = ['PrincipalName', 'SID', 'PrimarySmtpAddress', 'SmtpAddress'] as const;

/**
 * Resolves ExchangeImpersonation/ConnectingSID to the target mailbox and checks the caller's
 * grants. Throws the fault Exchange sends when the header is malformed, the mailbox is unknown or
 * the caller may not impersonate it.
 */
export function resolveImpersonation(store: Store, caller: Account, header: XmlElement): Mailbox {
  const sid = header.t('ConnectingSID');
  const given = sid ? sid.children.filter((c) => c.ns === NS.t && (ID_FORMS as readonly string[]).includes(c.local)) : [];
  if (!sid || given.length !== 1 || sid.children.length !== 1 || !given[0].value) {
    throw new EwsFault('ErrorInvalidExchangeImpersonationHeaderData');
  }
  const form = given[0].local as (typeof ID_FORMS)[number];
  const value = given[0].value;
  const mailbox = findTarget(store, form, value);
  if (!mailbox) throw new EwsFault('ErrorNonExistentMailbox');
  if (!mayImpersonate(store.grants, caller, mailbox)) throw new EwsFault('ErrorImpersonateUserDenied');
  return mailbox;
}

function findTarget(store: Store, form: (typeof ID_FORMS)[number], value: string): Mailbox | undefined {
  if (form === 'PrimarySmtpAddress' || form === 'SmtpAddress') return store.mailbox(value);
  const lower = value.toLowerCase();
  for (const account of store.accounts.values()) {
    const match = form === 'SID' ? account.sid.toLowerCase() === lower : account.upn.toLowerCase() === lower;
    if (match && account.mailboxId) return store.mailboxes.get(account.mailboxId);
  }
  return undefined;
}

/** True when one of the caller's grants covers the target mailbox. */
export function mayImpersonate(grants: readonly ImpersonationGrant[], caller: Account, target: Mailbox): boolean {
  const smtp = target.smtp.toLowerCase();
  const domain = smtp.slice(smtp.indexOf('@') + 1);
  return grants.some((g) => {
    if (g.account.toLowerCase() !== caller.smtp.toLowerCase()) return false;
    switch (g.scope.kind) {
      case 'all':
        return true;
      case 'domains':
        return g.scope.domains.some((d) => d.toLowerCase() === domain);
      case 'mailboxes':
        return g.scope.mailboxes.some((m) => m.toLowerCase() === smtp);
    }
  });
}
