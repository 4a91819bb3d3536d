import { Router } from 'express';
import { z } from 'zod';
import type { MockState } from '../../server/state';
import type { AppRegistration } from '../../store/types';
import { issuedTokens } from '../../auth/token-endpoint';
import { notFound, parseBody } from '../errors';
import { jsonBody, jsonParser } from './body';
import { queryText } from '../views';

/**
 * The identity side of the scenario, as a test needs it: the app registrations (a short token
 * lifetime makes a client refresh within a test), what the token endpoint issued (to count a
 * client's refreshes) and whether a login and password are right (a harness that turns
 * credentials into Bearer tokens on the Online profile). Secrets never leave: no client secret,
 * no password and no token string is in any answer.
 */

const appPatch = z
  .object({
    displayName: z.string().min(1).optional(),
    roles: z.array(z.string().min(1)).optional(),
    // The scenario file's bounds (scenario/schema.ts).
    tokenLifetimeSeconds: z.number().int().min(1).max(86_400).optional(),
  })
  .strict();

const credentials = z.object({ login: z.string().min(1), password: z.string() }).strict();

function appView(app: AppRegistration) {
  return { clientId: app.clientId, displayName: app.displayName ?? null, roles: [...app.roles], tokenLifetimeSeconds: app.tokenLifetimeSeconds };
}

function findApp(state: MockState, clientId: string): AppRegistration {
  // The identity platform compares client ids without regard to case.
  const app = state.store.apps.find((a) => a.clientId.toLowerCase() === clientId.toLowerCase());
  if (!app) throw notFound(`app registration ${clientId}`, 'clientId');
  return app;
}

export function identityRoutes(state: MockState): Router {
  const router = Router();

  router.get('/apps', (_req, res) => {
    res.json(state.store.apps.map(appView));
  });

  router.get('/apps/:clientId', (req, res) => {
    res.json(appView(findApp(state, String(req.params.clientId))));
  });

  // Applies to tokens issued from now on; tokens already out keep the expiry they were signed with.
  router.patch('/apps/:clientId', jsonParser, (req, res) => {
    const app = findApp(state, String(req.params.clientId));
    const patch = parseBody(appPatch, jsonBody(req));
    if (patch.displayName !== undefined) app.displayName = patch.displayName;
    if (patch.roles !== undefined) app.roles = [...patch.roles];
    if (patch.tokenLifetimeSeconds !== undefined) app.tokenLifetimeSeconds = patch.tokenLifetimeSeconds;
    res.json(appView(app));
  });

  // Oldest first; the token strings are not kept, only who got one, for what and until when.
  router.get('/tokens/issued', (req, res) => {
    const clientId = queryText(req.query, 'clientId')?.toLowerCase();
    const tokens = issuedTokens(state)
      .map((t, i) => ({ n: i + 1, ...t }))
      .filter((t) => clientId === undefined || t.clientId.toLowerCase() === clientId)
      .map((t) => ({
        n: t.n,
        clientId: t.clientId,
        audience: t.audience,
        issuedAt: t.issuedAt.toISOString(),
        expiresAt: t.expiresAt.toISOString(),
        lifetimeSeconds: Math.round((t.expiresAt.getTime() - t.issuedAt.getTime()) / 1000),
      }));
    res.json({ total: tokens.length, tokens });
  });

  // Answers whether the pair would sign in, as Basic authentication would decide, and as whom.
  router.post('/credentials/check', jsonParser, (req, res) => {
    const { login, password } = parseBody(credentials, jsonBody(req));
    const account = state.store.accountByLogon(login);
    if (!account) throw notFound(`account ${login}`, 'login');
    res.json({ account: account.smtp, valid: account.password === password });
  });
  return router;
}
