import type { Store } from './store';

/** The organisation's domains: the scenario's, else those of its accounts. */
function organisationDomains(store: Store): Set<string> {
  return new Set(store.domains.length > 0 ? store.domains : [...store.accounts.values()].map((a) => domainOf(a.smtp)));
}

/** True when `address` is in one of the organisation's domains (mail to it never leaves). */
export function isInternalAddress(store: Store, address: string): boolean {
  return organisationDomains(store).has(domainOf(address));
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}
