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

/** What the list rules need to know of the directory a list joins. */
export interface ListDirectory {
  /** The scenario allows this address (any, when it declares no domains). */
  inDomains(smtp: string): boolean;
  /** In one of the scenario's declared domains. */
  isInternal(smtp: string): boolean;
  /** An account's or a mailbox's address. */
  isTaken(smtp: string): boolean;
  hasMailbox(smtp: string): boolean;
  isList(smtp: string): boolean;
}

/** A rule a list breaks: the field at fault, and whether it is a clash with something that exists. */
export interface ListRuleBroken {
  field: string;
  message: string;
  conflict: boolean;
}

/**
 * The rules a distribution list follows, whether a scenario file or the admin API declares it: its
 * address is its own and in the scenario's domains; a member there names a mailbox or a list; a
 * list is not its own member. Undefined when the list keeps them all.
 */
export function brokenListRule(list: { smtp: string; members: readonly string[] }, dir: ListDirectory): ListRuleBroken | undefined {
  if (!dir.inDomains(list.smtp)) return { field: 'smtp', message: `${list.smtp} is not in one of the scenario's domains`, conflict: false };
  if (dir.isTaken(list.smtp)) return { field: 'smtp', message: `${list.smtp} is an account's or a mailbox's address`, conflict: true };
  for (const [i, m] of list.members.entries()) {
    if (m.toLowerCase() === list.smtp.toLowerCase()) return { field: `members[${i}]`, message: 'a list cannot be its own member', conflict: false };
    if (dir.isInternal(m) && !dir.hasMailbox(m) && !dir.isList(m)) return { field: `members[${i}]`, message: `${m} is in the scenario's domains but names no mailbox or list`, conflict: false };
  }
  return undefined;
}
