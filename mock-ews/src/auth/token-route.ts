import { Router } from 'express';
import { z } from 'zod';
import type { MockState } from '../server/state';
import { parseBody } from '../admin/errors';
import { jsonBody, jsonParser } from '../admin/routes/body';
import { AdminError } from '../admin/errors';
import { tokenSecret } from './authenticate';
import { issueToken, ONLINE_AUDIENCE } from './tokens';

const tokenInput = z
  .object({
    /** Delegated token for this account; omit for an app-only token. */
    account: z.string().min(1).optional(),
    app: z.string().min(1).optional(),
    roles: z.array(z.string().min(1)).optional(),
    scopes: z.array(z.string().min(1)).optional(),
    /** Default: Exchange Online's resource on the ExchangeOnline profile, this server's URL otherwise. */
    audience: z.string().min(1).optional(),
    lifetimeSeconds: z.number().int().min(-86_400).max(86_400).optional(),
  })
  .strict();

/** POST /__admin/tokens: issues a signed test OAuth token this mock (and any with the same secret) accepts. */
export function tokenRoutes(state: MockState): Router {
  const router = Router();
  router.post('/tokens', jsonParser, (req, res) => {
    const input = parseBody(tokenInput, jsonBody(req));
    if (input.account && !state.store.accountByLogon(input.account)) throw new AdminError(404, `account: no account ${input.account}`, 'account');
    const audience = input.audience ?? (state.profile.online ? ONLINE_AUDIENCE : `${req.protocol}://${req.get('host')}`);
    const token = issueToken({ ...input, audience, secret: tokenSecret() });
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
    res.status(201).json({ token_type: 'Bearer', access_token: token, expires_on: claims.exp, claims });
  });
  return router;
}
