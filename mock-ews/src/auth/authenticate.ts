import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodiedRequest, reply, requestHostname, requestOrigin, requestPath } from '../server/node-http';
import type { Store } from '../store/store';
import type { AuthScheme, Profile } from '../profiles/profiles';
import { checkBasic } from './basic';
import { NtlmHandshakes } from './ntlm-handshake';
import { ntlmMessageType, ServerIdentity } from './ntlm';
import { appPrincipalAccount, Principal } from './principal';
import { DEFAULT_TOKEN_SECRET, diagnostics, EXCHANGE_APP_ID, isAppOnly, ONLINE_AUDIENCE, TokenRefusal, verifyToken } from './tokens';

/** What authentication needs from the running mock (MockState satisfies it). */
export interface AuthHost {
  store: Store;
  profile: Profile;
}

export type AuthOutcome =
  | { ok: true; principal: Principal }
  | { ok: false; reason: string; headers: Record<string, string | string[]> };

/** Per-mock authentication state (NTLM handshakes), kept beside the mock's state object. */
const runtimes = new WeakMap<AuthHost, NtlmHandshakes>();

function handshakes(host: AuthHost): NtlmHandshakes {
  let h = runtimes.get(host);
  if (!h) {
    h = new NtlmHandshakes(() => serverIdentity(host.store));
    runtimes.set(host, h);
  }
  return h;
}

/** The Windows identity the NTLM CHALLENGE names: the scenario's first domain and a server in it. */
function serverIdentity(store: Store): ServerIdentity {
  const dns = store.domains[0] ?? 'mock-ews.test';
  return { netbiosDomain: dns.split('.')[0].toUpperCase().slice(0, 15), netbiosComputer: 'EXCH01', dnsDomain: dns, dnsComputer: `exch01.${dns}` };
}

/** The secret test tokens are signed with: MOCK_EWS_TOKEN_SECRET, else the built-in test key. */
export function tokenSecret(): string {
  return process.env.MOCK_EWS_TOKEN_SECRET || DEFAULT_TOKEN_SECRET;
}

/** Audiences a Bearer token may name: Exchange Online's resource, or the server's own URL on premises. */
export function acceptedAudiences(profile: Profile, req: IncomingMessage): string[] {
  if (profile.online) return [ONLINE_AUDIENCE, 'https://outlook.office.com', EXCHANGE_APP_ID];
  return [requestOrigin(req), EXCHANGE_APP_ID];
}

/** One WWW-Authenticate value per scheme the profile offers, in the order IIS lists them. */
export function challenges(profile: Profile, req: IncomingMessage, bearerError?: string): string[] {
  return profile.authSchemes.map((s) => challengeFor(s, req, bearerError));
}

function challengeFor(scheme: AuthScheme, req: IncomingMessage, bearerError?: string): string {
  switch (scheme) {
    case 'Basic':
      return `Basic realm="${requestHostname(req) || 'localhost'}"`;
    case 'NTLM':
    case 'Negotiate':
      return scheme;
    case 'Bearer':
      return (
        `Bearer client_id="${EXCHANGE_APP_ID}", trusted_issuers="00000001-0000-0000-c000-000000000000@*", ` +
        `token_types="app_asserted_user_v1 service_asserted_app_v1", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"` +
        (bearerError ? `, error="${bearerError}"` : '')
      );
  }
}

/**
 * Authenticates a request with the schemes its profile offers: Basic, NTLM (also inside
 * Negotiate; Kerberos is not emulated) and Bearer. A failure carries the 401's headers.
 */
export function authenticate(host: AuthHost, req: BodiedRequest): AuthOutcome {
  const profile = host.profile;
  const offers = (s: AuthScheme) => profile.authSchemes.includes(s);
  const refuse = (reason: string, extra: Record<string, string> = {}, bearerError?: string): AuthOutcome => ({
    ok: false,
    reason,
    headers: { 'WWW-Authenticate': challenges(profile, req, bearerError), ...extra },
  });
  const header = req.headers.authorization;
  if (!header) {
    // IIS keeps an NTLM-authenticated connection authenticated.
    const bound = offers('NTLM') ? handshakes(host).connectionAccount(host.store, req.socket) : undefined;
    if (bound) return { ok: true, principal: { account: bound, scheme: 'NTLM', appOnly: false } };
    return refuse('no credentials');
  }
  const space = header.indexOf(' ');
  const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
  const value = space < 0 ? '' : header.slice(space + 1).trim();

  if (scheme === 'basic') {
    if (!offers('Basic')) {
      return refuse('Basic authentication is disabled', profile.online ? { 'x-ms-diagnostics': basicRefused() } : {});
    }
    const r = checkBasic(host.store, header);
    return r.ok ? { ok: true, principal: { account: r.account, scheme: 'Basic', appOnly: false } } : refuse(r.reason);
  }

  if (scheme === 'ntlm' || scheme === 'negotiate') {
    const asScheme: AuthScheme = scheme === 'ntlm' ? 'NTLM' : 'Negotiate';
    if (!offers(asScheme)) return refuse(`${asScheme} is not offered`);
    const token = Buffer.from(value, 'base64');
    // A Negotiate token that is not raw NTLMSSP is SPNEGO/Kerberos, which the mock does not speak.
    if (ntlmMessageType(token) === undefined) return refuse(`${asScheme} token is not NTLM`);
    const step = handshakes(host).step(host.store, req.socket, token);
    if (step.kind === 'challenge') return { ok: false, reason: 'NTLM challenge', headers: { 'WWW-Authenticate': `${asScheme} ${step.token}` } };
    if (step.kind === 'failed') return refuse(step.reason);
    return { ok: true, principal: { account: step.account, scheme: asScheme, appOnly: false } };
  }

  if (scheme === 'bearer') {
    if (!offers('Bearer')) return refuse('OAuth is not configured on this server');
    const check = verifyToken(value, { secret: tokenSecret(), audiences: acceptedAudiences(profile, req), resourceUrl: `${requestOrigin(req)}${requestPath(req)}` });
    const tokenRefused = (r: TokenRefusal) => refuse(r.reason, { 'x-ms-diagnostics': diagnostics(r) }, 'invalid_token');
    if (!check.ok) return tokenRefused(check.refusal);
    const claims = check.claims;
    if (isAppOnly(claims)) {
      return { ok: true, principal: { account: appPrincipalAccount(claims.appid, claims.app_displayname), scheme: 'Bearer', token: claims, appOnly: true } };
    }
    const account = claims.upn ? host.store.accountByLogon(claims.upn) : undefined;
    if (!account) return tokenRefused({ code: 2000001, reason: 'The user specified by the user-context in the token does not exist.', category: 'invalid_token' });
    return { ok: true, principal: { account, scheme: 'Bearer', token: claims, appOnly: false } };
  }
  return refuse(`unsupported authorization scheme ${scheme}`);
}

/** Exchange Online's diagnostic for a Basic attempt after Basic authentication was retired. */
function basicRefused(): string {
  return '2000008;reason="Basic authentication is disabled for this tenant; use OAuth.";error_category="invalid_grant"';
}

/** Sends the 401 of a failed authentication, with IIS's plain body. */
export function sendUnauthorized(res: ServerResponse, outcome: Extract<AuthOutcome, { ok: false }>): void {
  reply(res, 401, { ...outcome.headers, 'Content-Type': 'text/html; charset=utf-8' }, '401 - Unauthorized: Access is denied due to invalid credentials.');
}
