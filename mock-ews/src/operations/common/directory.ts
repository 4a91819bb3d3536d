import { mayImpersonate } from '../../auth/impersonation';
import type { Store } from '../../store/store';
import type { Account, Mailbox } from '../../store/types';

/** A mail-enabled directory entry: an account and the mailbox it owns. */
export interface DirectoryEntry {
  account: Account;
  mailbox: Mailbox;
}

/**
 * The directory a request may see. The mock's rule (documented in docs/SCENARIOS.md): the acting
 * user — the impersonated one when the request impersonates, else the caller — sees the mailboxes
 * of its own domain, its own mailbox, and every mailbox its impersonation grants cover. Nothing
 * else is revealed, so a tenant-like domain never leaks another domain's users.
 */
export function visibleDirectory(store: Store, actor: Account): DirectoryEntry[] {
  const domain = domainOf(actor.smtp);
  const out: DirectoryEntry[] = [];
  for (const account of store.accounts.values()) {
    const mailbox = account.mailboxId ? store.mailboxes.get(account.mailboxId) : undefined;
    if (!mailbox) continue;
    const visible = account === actor || domainOf(account.smtp) === domain || mayImpersonate(store.grants, actor, mailbox, account);
    if (visible) out.push({ account, mailbox });
  }
  return out;
}

/** The account a request acts as: the owner of the impersonated mailbox, or the caller. */
export function actingAccount(store: Store, caller: Account, mailbox: Mailbox | undefined, impersonating: boolean): Account {
  if (!impersonating || !mailbox) return caller;
  for (const account of store.accounts.values()) if (account.mailboxId === mailbox.id) return account;
  return caller;
}

function domainOf(smtp: string): string {
  return smtp.slice(smtp.indexOf('@') + 1).toLowerCase();
}
