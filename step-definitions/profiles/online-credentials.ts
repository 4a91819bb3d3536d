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
import { issueToken, ONLINE_AUDIENCE } from '../../mock-ews/src/auth/tokens';
import { tokenSecret } from '../../mock-ews/src/auth/authenticate';
import { SUPER_USER } from '../support/accounts';

/** The super-user's app registration in the default scenario (fixtures/scenarios/default.yaml). */
export const SUPER_USER_APP_ID = '8a4e2f10-0000-4000-8000-000000e75ec5';

/** A Bearer token standing for `login`/`password` on an Online mock, or undefined where Basic stays. */
export function onlineBearer(mock: RunningMock, login: string, password: string, impersonating: boolean): string | undefined {
  if (!mock.state.profile.online) return undefined;
  const account = mock.state.store.accountByLogon(login);
  if (!account || account.password !== password) return undefined;
  const common = { audience: ONLINE_AUDIENCE, secret: tokenSecret() };
  if (impersonating && account.smtp.toLowerCase() === SUPER_USER) return issueToken({ ...common, app: SUPER_USER_APP_ID });
  return issueToken({ ...common, account: account.smtp });
}

/** Whether a raw SOAP request impersonates (an ExchangeImpersonation header, any prefix). */
export function impersonates(xml: string): boolean {
  return /<(\w+:)?ExchangeImpersonation[\s>]/.test(xml);
}

/**
 * ews-javascript-api credentials for an Online mock that pick the token when each request is
 * prepared, so a step may set ImpersonatedUserId after creating the service. Undefined when the
 * mock is not Online or the credentials are wrong (then Basic goes out and is refused).
 */
export function onlineCredentials(mock: RunningMock, login: string, password: string, svc: ews.ExchangeService): ews.ExchangeCredentials | undefined {
  if (!onlineBearer(mock, login, password, false)) return undefined;
  const creds = new ews.OAuthCredentials('pending', true);
  creds.PrepareWebRequest = (request) => {
    request.headers = { ...request.headers, Authorization: '' };
    request.headers['Authorization'] = `Bearer ${onlineBearer(mock, login, password, Boolean(svc.ImpersonatedUserId))}`;
  };
  return creds;
}
