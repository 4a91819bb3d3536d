import type { Account } from '../store/types';
import type { AuthScheme } from '../profiles/profiles';
import type { TokenClaims } from './tokens';

/** Who a request authenticated as, and how. */
export interface Principal {
  /**
   * The account; for an app-only OAuth token a service principal that exists only for the
   * request (smtp = the application id, no mailbox).
   */
  account: Account;
  scheme: AuthScheme;
  /** The validated token of a Bearer request. */
  token?: TokenClaims;
  /** True for app-only tokens (application permission full_access_as_app). */
  appOnly: boolean;
}

/** The service principal of an application, as an account without a mailbox. */
export function appPrincipalAccount(appId: string, displayName = 'Application'): Account {
  return { smtp: appId, password: '', displayName, sid: `S-1-5-21-0-0-0-${appId.replace(/\D/g, '').slice(0, 9) || '0'}`, upn: appId, logonName: `APP\\${appId}` };
}
