import type { Store } from '../store/store';
import type { Account } from '../store/types';

export type AuthResult = { ok: true; account: Account } | { ok: false; reason: string };

/** Checks an `Authorization: Basic …` header against the store's accounts. */
export function checkBasic(store: Store, header: string | undefined): AuthResult {
  if (!header) return { ok: false, reason: 'no credentials' };
  const m = /^Basic\s+(\S+)\s*$/i.exec(header);
  if (!m) return { ok: false, reason: 'unsupported authorization scheme' };
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(m[1])) return { ok: false, reason: 'credentials are not base64' };
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { ok: false, reason: 'credentials have no user:password form' };
  const account = store.accountByLogon(decoded.slice(0, colon));
  // Same answer for unknown user and wrong password: a 401 must not reveal which accounts exist.
  if (!account || account.password !== decoded.slice(colon + 1)) return { ok: false, reason: 'bad user name or password' };
  return { ok: true, account };
}
