/**
 * Exchange Online refuses Basic, so on the ExchangeOnline profile the harness turns the scenario's
 * credentials into the tokens a real integration would hold: the super-user acting for another
 * mailbox becomes its app registration (app-only, full_access_as_app, narrowed by the scenario's
 * app grant just as the account's grant narrows it on premises); anyone acting as themselves gets
 * a delegated token (EWS.AccessAsUser.All). Wrong credentials stay Basic, which Online answers
 * with 401 as it answers a wrong password.
 */
import * as ews from 'ews-javascript-api';
import type { RunningMock } from '../../mock-ews/src/server/start';
import { AdminApiError } from '../../mock-ews/src/client/admin-client';
import { ONLINE_AUDIENCE } from '../../mock-ews/src/auth/tokens';
import { SUPER_USER } from '../support/accounts';

/** The super-user's app registration in the default scenario (fixtures/scenarios/default.yaml). */
export const SUPER_USER_APP_ID = '8a4e2f10-0000-4000-8000-000000e75ec5';

/** The SMTP address `login`/`password` sign in as on an Online mock; undefined where Basic stays. */
async function onlineAccount(mock: RunningMock, login: string, password: string): Promise<string | undefined> {
  try {
    if (!(await mock.admin.profile()).online) return undefined;
    const check = await mock.admin.checkCredentials(login, password);
    return check.valid ? check.account : undefined;
  } catch (err) {
    // No such login (404), or a mock without its admin API (0): Basic goes out, as before tokens.
    if (err instanceof AdminApiError && (err.status === 404 || err.status === 0)) return undefined;
    throw err;
  }
}

async function tokenFor(mock: RunningMock, account: string, impersonating: boolean): Promise<string> {
  const asApp = impersonating && account.toLowerCase() === SUPER_USER;
  const issued = await mock.admin.issueToken(asApp ? { app: SUPER_USER_APP_ID, audience: ONLINE_AUDIENCE } : { account, audience: ONLINE_AUDIENCE });
  return issued.access_token;
}

/** A Bearer token standing for `login`/`password` on an Online mock, or undefined where Basic stays. */
export async function onlineBearer(mock: RunningMock, login: string, password: string, impersonating: boolean): Promise<string | undefined> {
  const account = await onlineAccount(mock, login, password);
  return account === undefined ? undefined : tokenFor(mock, account, impersonating);
}

/** Whether a raw SOAP request impersonates (an ExchangeImpersonation header, any prefix). */
export function impersonates(xml: string): boolean {
  return /<(\w+:)?ExchangeImpersonation[\s>]/.test(xml);
}

/**
 * ews-javascript-api credentials for an Online mock that pick the token when each request is
 * prepared, so a step may set ImpersonatedUserId after creating the service. Both tokens are
 * issued up front: the client prepares requests synchronously. Undefined when the mock is not
 * Online or the credentials are wrong (then Basic goes out and is refused).
 */
export async function onlineCredentials(mock: RunningMock, login: string, password: string, svc: ews.ExchangeService): Promise<ews.ExchangeCredentials | undefined> {
  const account = await onlineAccount(mock, login, password);
  if (account === undefined) return undefined;
  const [own, impersonating] = await Promise.all([tokenFor(mock, account, false), tokenFor(mock, account, true)]);
  const creds = new ews.OAuthCredentials('pending', true);
  creds.PrepareWebRequest = (request) => {
    request.headers = { ...request.headers, Authorization: '' };
    request.headers['Authorization'] = `Bearer ${svc.ImpersonatedUserId ? impersonating : own}`;
  };
  return creds;
}
