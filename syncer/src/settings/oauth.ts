import { isHostName } from './server';
import { AuthMethod, DEFAULT_AUTHORITY, OAuthSettings, ONLINE_SCOPE, RawSettings } from './types';
import type { ExchangeGeneration } from './versions';

/** Settings fields of an app registration (auth: oauth); the secret is clientSecret / clientSecretEnv. */
export const OAUTH_FIELDS = ['tenant', 'clientId', 'clientSecret', 'clientSecretEnv', 'authority'];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Generations whose EWS takes OAuth: Exchange Online, and 2016/2019 with hybrid modern authentication. */
export const OAUTH_GENERATIONS = ['2016', '2019', 'Exchange Online'];

interface Checks {
  auth: AuthMethod;
  enabled: boolean;
  generation?: ExchangeGeneration;
  endpoint: string;
  str: (field: string) => string | undefined;
  add: (field: string, rule: string, message: string) => void;
}

/**
 * The resource an app-only token must name: Exchange Online's for the Online generation, the
 * server's own origin on premises (its hybrid modern authentication registers that URL).
 */
export function scopeFor(generation: ExchangeGeneration | undefined, endpoint: string): string {
  if (!generation || generation.label === 'Exchange Online' || !endpoint) return ONLINE_SCOPE;
  return `${new URL(endpoint).origin}/.default`;
}

/**
 * Checks tenant, clientId and authority with auth oauth (the client secret is checked with the
 * password rules); with basic or ntlm these fields must stay empty.
 */
export function validateOAuth(raw: RawSettings, c: Checks): OAuthSettings | undefined {
  const given = (field: string) => raw[field] !== undefined && raw[field] !== null && raw[field] !== '';
  if (c.auth !== 'oauth') {
    for (const field of ['tenant', 'clientId', 'authority']) {
      if (given(field)) c.add(field, 'not-used', `${field} is used only with auth oauth`);
    }
    return undefined;
  }
  if (c.generation && !OAUTH_GENERATIONS.includes(c.generation.label)) {
    c.add('auth', 'version', `auth oauth needs version ${OAUTH_GENERATIONS.join(', ')} (EWS takes OAuth tokens from Exchange 2016 on); version "${c.generation.label}" takes basic or ntlm`);
  }
  const tenant = c.str('tenant') ?? '';
  if (!tenant) {
    if (c.enabled) c.add('tenant', 'required', 'tenant is required with auth oauth (the directory id or a domain of the tenant)');
  } else if (!GUID.test(tenant) && !(isHostName(tenant) && tenant.includes('.'))) {
    c.add('tenant', 'format', `tenant "${tenant}" must be a directory (tenant) id such as 7d1f1a3e-0000-4000-8000-00000000ec57 or a domain such as contoso.onmicrosoft.com`);
  }
  const clientId = c.str('clientId') ?? '';
  if (!clientId) {
    if (c.enabled) c.add('clientId', 'required', 'clientId is required with auth oauth (the application (client) id of the app registration)');
  } else if (!GUID.test(clientId)) {
    c.add('clientId', 'format', `clientId "${clientId}" must be an application (client) id, a GUID such as 8a4e2f10-0000-4000-8000-000000e75ec5`);
  }
  let authority = DEFAULT_AUTHORITY;
  const authorityValue = c.str('authority');
  if (authorityValue) {
    let url: URL | undefined;
    try {
      url = new URL(authorityValue);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) {
      c.add('authority', 'format', `authority "${authorityValue}" must be an http(s) URL such as ${DEFAULT_AUTHORITY}`);
    } else {
      authority = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    }
  }
  if (!tenant || !clientId) return undefined;
  return {
    tenant,
    clientId,
    authority,
    tokenUrl: `${authority}/${encodeURIComponent(tenant)}/oauth2/v2.0/token`,
    scope: scopeFor(c.generation, c.endpoint),
  };
}
