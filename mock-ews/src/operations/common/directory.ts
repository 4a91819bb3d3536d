import { mayImpersonate } from '../../auth/impersonation';
import { domainOf } from '../../store/organisation';
import type { Store } from '../../store/store';
import type { Account, DistributionList, Mailbox } from '../../store/types';

/** A mail-enabled directory entry: a mailbox and, unless it is a shared mailbox, its owner. */
export interface DirectoryEntry {
  mailbox: Mailbox;
  account?: Account;
}

/**
 * The directory a request may see. The mock's rule (documented in docs/SCENARIOS.md): the acting
 * user — the impersonated one when the request impersonates, else the caller — sees the mailboxes
 * of its own domain, its own mailbox, and every mailbox its impersonation grants cover. Nothing
 * else is revealed, so one organisation's domain never leaks another's users.
 */
export function visibleDirectory(store: Store, actor: Account): DirectoryEntry[] {
  const owners = new Map<string, Account>();
  for (const account of store.accounts.values()) if (account.mailboxId) owners.set(account.mailboxId, account);
  const domain = domainOf(actor.smtp);
  const out: DirectoryEntry[] = [];
  for (const mailbox of store.mailboxes.values()) {
    const account = owners.get(mailbox.id);
    const visible = mailbox.id === actor.mailboxId || domainOf(mailbox.smtp) === domain || mayImpersonate(store.grants, actor, mailbox, account);
    if (visible) out.push({ mailbox, account });
  }
  return out;
}

/**
 * The distribution lists a request may see: those of the acting user's domain. A list has no
 * impersonation grants of its own, so the domain rule is the whole of it.
 */
export function visibleLists(store: Store, actor: Account): DistributionList[] {
  const domain = domainOf(actor.smtp);
  return [...store.distributionLists.values()].filter((list) => domainOf(list.smtp) === domain);
}

/** The account a request acts as: the owner of the impersonated mailbox, or the caller. */
export function actingAccount(store: Store, caller: Account, mailbox: Mailbox | undefined, impersonating: boolean): Account {
  if (!impersonating || !mailbox) return caller;
  for (const account of store.accounts.values()) if (account.mailboxId === mailbox.id) return account;
  return caller;
}
