import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * Test OAuth tokens: JWTs signed with HS256 by the mock itself (no identity provider is called).
 * They carry the claims Exchange reads from Entra ID tokens: `aud`, `exp`/`nbf`, `appid`,
 * `roles` (application permissions, e.g. full_access_as_app) or `scp` (delegated, e.g.
 * EWS.AccessAsUser.All) and, for delegated tokens, the user's `upn`.
 */

/** Signing key every mock uses unless configured otherwise, so a CLI-issued token works against any mock. */
export const DEFAULT_TOKEN_SECRET = 'mock-ews test signing key: not a secret';
/** The tenant every test token names. */
export const MOCK_TENANT_ID = '7d1f1a3e-0000-4000-8000-00000000ec57';
/** Exchange Online's resource app id, accepted as an audience everywhere. */
export const EXCHANGE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';
export const ONLINE_AUDIENCE = 'https://outlook.office365.com';

export const APP_ROLE_FULL_ACCESS = 'full_access_as_app';
export const DELEGATED_SCOPE = 'EWS.AccessAsUser.All';

export interface TokenClaims {
  aud: string;
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  tid: string;
  appid: string;
  app_displayname?: string;
  roles?: string[];
  scp?: string;
  upn?: string;
  oid?: string;
}

export interface IssueOptions {
  /** Delegated token for this account (SMTP/UPN); omit for an app-only token. */
  account?: string;
  /** Application (client) id; a fixed test id when omitted. */
  app?: string;
  /** Application permissions (app-only tokens); default full_access_as_app when no account is given. */
  roles?: string[];
  /** Delegated scopes; default EWS.AccessAsUser.All when an account is given. */
  scopes?: string[];
  audience?: string;
  /** Seconds from now until expiry; negative issues an already expired token. Default 3600. */
  lifetimeSeconds?: number;
  secret?: string;
  now?: Date;
}

export const DEFAULT_APP_ID = '3f2a5b6c-0000-4000-8000-00000000a991';

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

function sign(input: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(input).digest();
}

/** Issues a signed test token. */
export function issueToken(o: IssueOptions = {}): string {
  const now = Math.floor((o.now ?? new Date()).getTime() / 1000);
  const lifetime = o.lifetimeSeconds ?? 3600;
  const claims: TokenClaims = {
    aud: o.audience ?? ONLINE_AUDIENCE,
    iss: `https://sts.windows.net/${MOCK_TENANT_ID}/`,
    iat: now,
    nbf: Math.min(now, now + lifetime),
    exp: now + lifetime,
    tid: MOCK_TENANT_ID,
    appid: o.app ?? DEFAULT_APP_ID,
    app_displayname: 'mock-ews test application',
    oid: randomUUID(),
  };
  if (o.account) {
    claims.upn = o.account;
    claims.scp = (o.scopes ?? [DELEGATED_SCOPE]).join(' ');
    if (o.roles) claims.roles = o.roles;
  } else {
    claims.roles = o.roles ?? [APP_ROLE_FULL_ACCESS];
  }
  const head = b64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }));
  const body = b64url(JSON.stringify(claims));
  return `${head}.${body}.${b64url(sign(`${head}.${body}`, o.secret ?? DEFAULT_TOKEN_SECRET))}`;
}

/** Why a token was refused, in the terms of Exchange Online's x-ms-diagnostics header. */
export interface TokenRefusal {
  code: number;
  reason: string;
  category: 'invalid_token' | 'invalid_resource' | 'invalid_grant';
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; refusal: TokenRefusal };

export interface VerifyOptions {
  secret?: string;
  /** Audiences this server answers to. */
  audiences: readonly string[];
  /** The URL the request went to, for the audience message. */
  resourceUrl: string;
  now?: Date;
}

const refuse = (code: number, reason: string, category: TokenRefusal['category']): TokenCheck => ({ ok: false, refusal: { code, reason, category } });

/** Checks signature, lifetime, audience and permissions, in the order Exchange reports them. */
export function verifyToken(token: string, o: VerifyOptions): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return refuse(2000001, 'The token is not a well-formed JSON web token.', 'invalid_token');
  let header: { alg?: string };
  let claims: TokenClaims;
  try {
    header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return refuse(2000001, 'The token is not a well-formed JSON web token.', 'invalid_token');
  }
  if (header.alg !== 'HS256') return refuse(2000001, `The token signing algorithm '${String(header.alg)}' is not supported.`, 'invalid_token');
  const expected = sign(`${parts[0]}.${parts[1]}`, o.secret ?? DEFAULT_TOKEN_SECRET);
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return refuse(2000001, 'The token signature is invalid.', 'invalid_token');
  const now = Math.floor((o.now ?? new Date()).getTime() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp <= now) return refuse(2000001, 'The token has expired.', 'invalid_token');
  if (typeof claims.nbf === 'number' && claims.nbf > now + 300) return refuse(2000001, 'The token is not yet valid.', 'invalid_token');
  if (!o.audiences.includes(claims.aud)) {
    return refuse(
      2000003,
      `The audience claim value is invalid for current resource. Audience claim is '${String(claims.aud)}', request url is '${o.resourceUrl}' and resource type is 'Exchange'.`,
      'invalid_resource',
    );
  }
  const roles = Array.isArray(claims.roles) ? claims.roles : [];
  const scopes = typeof claims.scp === 'string' ? claims.scp.split(' ') : [];
  if (!roles.includes(APP_ROLE_FULL_ACCESS) && !scopes.includes(DELEGATED_SCOPE)) {
    return refuse(2000008, 'The token contains no permissions, or permissions can not be understood.', 'invalid_grant');
  }
  return { ok: true, claims };
}

/** An app-only token (application permission) rather than a user's delegated one. */
export function isAppOnly(claims: TokenClaims): boolean {
  return !claims.upn && (claims.roles ?? []).includes(APP_ROLE_FULL_ACCESS);
}

/** The x-ms-diagnostics value for a refusal. */
export function diagnostics(r: TokenRefusal): string {
  return `${r.code};reason="${r.reason}";error_category="${r.category}"`;
}
