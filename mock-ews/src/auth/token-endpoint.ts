import { randomUUID } from 'node:crypto';
import express, { Request, Response, Router } from 'express';
import type { AppRegistration } from '../store/types';
import type { MockState } from '../server/state';
import { tokenSecret } from './authenticate';
import { EXCHANGE_APP_ID, issueToken, MOCK_TENANT_ID, ONLINE_AUDIENCE } from './tokens';

/**
 * The Microsoft identity platform's v2 token endpoint, client-credentials grant only:
 * POST /{tenant}/oauth2/v2.0/token with grant_type=client_credentials, client_id, client_secret and
 * scope=<resource>/.default. Apps are the scenario's `apps:`; the answer is a signed test token of
 * this mock (auth/tokens.ts). Errors are JSON shaped as the identity platform writes them
 * (error, error_description starting with an AADSTS code, error_codes, trace and correlation ids).
 */

/** One token the endpoint issued, kept so tests can see refreshes. */
export interface IssuedToken {
  clientId: string;
  audience: string;
  issuedAt: Date;
  expiresAt: Date;
}

/** The tokens this mock's endpoint issued since the last reset, oldest first. */
export function issuedTokens(state: MockState): IssuedToken[] {
  return state.issuedTokens;
}

type ErrorName = 'invalid_request' | 'invalid_client' | 'unauthorized_client' | 'invalid_scope' | 'invalid_resource' | 'unsupported_grant_type';

class TokenError extends Error {
  constructor(
    readonly status: number,
    readonly error: ErrorName,
    readonly code: number,
    description: string,
  ) {
    super(description);
  }
}

function sendError(res: Response, e: TokenError): void {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  res
    .status(e.status)
    .set('Cache-Control', 'no-store, no-cache')
    .json({
      error: e.error,
      error_description: `AADSTS${e.code}: ${e.message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [e.code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${e.code}`,
    });
}

/** A tenant is named by its id or by one of its verified domains (here: the scenario's domains). */
function knownTenant(state: MockState, tenant: string): boolean {
  const t = tenant.toLowerCase();
  return t === MOCK_TENANT_ID || state.store.domains.includes(t);
}

/**
 * The Exchange resource a `.default` scope names: Exchange Online's, Exchange's application id, or
 * this server's own URL (what hybrid modern authentication registers for an on-premises server).
 * The identity platform does not know which server the token is for: EWS checks the audience.
 */
function audienceFor(req: Request, resource: string): string | undefined {
  const r = resource.replace(/\/+$/, '').toLowerCase();
  const origin = `${req.protocol}://${req.get('host') ?? 'localhost'}`.toLowerCase();
  return [ONLINE_AUDIENCE, 'https://outlook.office.com', EXCHANGE_APP_ID, origin].includes(r) ? r : undefined;
}

function grant(state: MockState, req: Request, tenant: string, form: Record<string, unknown>): { app: AppRegistration; token: string; lifetime: number } {
  const field = (name: string): string | undefined => (typeof form[name] === 'string' && form[name] !== '' ? (form[name] as string) : undefined);
  if (!knownTenant(state, tenant)) {
    throw new TokenError(400, 'invalid_request', 90002, `Tenant '${tenant}' not found. Check that the tenant id or domain is right and that the request went to the right cloud.`);
  }
  const grantType = field('grant_type');
  if (!grantType) throw new TokenError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'grant_type'.");
  if (grantType !== 'client_credentials') {
    throw new TokenError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'; this endpoint issues app-only tokens (client_credentials).`);
  }
  const clientId = field('client_id');
  if (!clientId) throw new TokenError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'client_id'.");
  const app = state.store.apps.find((a) => a.clientId.toLowerCase() === clientId.toLowerCase());
  if (!app) {
    throw new TokenError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant}'. The app may not be registered or consented to in this tenant, or the request went to the wrong tenant.`,
    );
  }
  const secret = field('client_secret');
  if (!secret) throw new TokenError(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
  if (secret !== app.secret) {
    throw new TokenError(401, 'invalid_client', 7000215, `Invalid client secret provided for app '${app.clientId}'. Send the secret's value, not its id.`);
  }
  const scope = field('scope');
  if (!scope) throw new TokenError(400, 'invalid_scope', 90014, "The required field 'scope' is missing from the request.");
  const scopes = scope.split(/\s+/).filter(Boolean);
  if (scopes.length !== 1 || !scopes[0].endsWith('/.default')) {
    throw new TokenError(400, 'invalid_scope', 1002012, `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
  }
  const resource = scopes[0].slice(0, -'/.default'.length);
  const audience = audienceFor(req, resource);
  if (!audience) {
    throw new TokenError(400, 'invalid_resource', 500011, `The resource principal named ${resource} was not found in the tenant named ${tenant}: this tenant issues tokens for Exchange only.`);
  }
  const lifetime = app.tokenLifetimeSeconds;
  const token = issueToken({ app: app.clientId, roles: app.roles, audience, lifetimeSeconds: lifetime, secret: tokenSecret() });
  const now = new Date();
  issuedTokens(state).push({ clientId: app.clientId, audience, issuedAt: now, expiresAt: new Date(now.getTime() + lifetime * 1000) });
  return { app, token, lifetime };
}

/** Routes of the token endpoint, mounted at the server's root (the authority is the mock's base URL). */
export function tokenEndpointRoutes(state: MockState): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '64kb', type: () => true });
  router.post('/:tenant/oauth2/v2.0/token', form, (req, res) => {
    try {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const { token, lifetime } = grant(state, req, String(req.params.tenant), body);
      res.set('Cache-Control', 'no-store, no-cache').json({ token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: token });
    } catch (err) {
      if (err instanceof TokenError) return sendError(res, err);
      throw err;
    }
  });
  return router;
}
