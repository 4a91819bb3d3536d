import { isInternalAddress } from './organisation';
import type { Store } from './store';
import type { Mailbox } from './types';

/** Where mail to a set of addresses ends up once every list among them is expanded. */
export interface Expansion {
  /** The mailboxes of this store, each once. */
  mailboxes: Mailbox[];
  /** Addresses outside the organisation (members of lists, or recipients themselves), each once, as written. */
  external: string[];
  /** Addresses in the organisation's domains that name no mailbox or list: undeliverable. */
  unknown: string[];
}

/**
 * Expands recipients as transport does: a list becomes its members, nested lists too (a list met
 * again is not expanded twice, so a loop of lists ends); each mailbox and outside address once.
 */
export function expandRecipients(store: Store, addresses: readonly string[]): Expansion {
  const out: Expansion = { mailboxes: [], external: [], unknown: [] };
  const seen = new Set<string>();
  const visit = (address: string) => {
    const key = address.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    const list = store.distributionList(key);
    if (list) return list.members.forEach(visit);
    const mailbox = store.mailbox(key);
    if (mailbox) out.mailboxes.push(mailbox);
    else (isInternalAddress(store, key) ? out.unknown : out.external).push(address);
  };
  addresses.forEach(visit);
  return out;
}
