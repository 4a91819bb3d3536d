import { timingSafeEqual } from 'node:crypto';
import express, { NextFunction, Request, Response, Router } from 'express';
import type { MockState } from '../server/state';
import { AdminError } from './errors';
import { openApiDocument } from './openapi';
import { contentRoutes } from './routes/content';
import { diagnosticRoutes } from './routes/diagnostics';
import { directoryRoutes } from './routes/directory';
import { distributionListRoutes } from './routes/distribution-lists';
import { faultRoutes } from './routes/faults';
import { identityRoutes } from './routes/identity';
import { itemRoutes } from './routes/items';
import { outboundRoutes } from './routes/outbound';
import { requestRoutes } from './routes/requests';
import { serverRoutes } from './routes/server';
import { subscriptionRoutes } from './routes/subscriptions';
import { inspectorRoutes } from './ui/routes';
import { tokenRoutes } from '../auth/token-route';

export const ADMIN_PREFIX = '/__admin';
/** The inspector keeps the token in this cookie, since a browser cannot add a Bearer header to links. */
export const TOKEN_COOKIE = 'mock_ews_admin';

export interface AdminOptions {
  /** When set, every admin route needs `Authorization: Bearer <token>` (or the inspector's cookie). */
  token?: string;
}

/** The admin API and the inspector, to be mounted at /__admin. */
export function createAdminRouter(state: MockState, options: AdminOptions = {}): Router {
  const router = Router({ caseSensitive: true });
  if (options.token) router.use(requireToken(options.token));
  router.get('/openapi.json', (req, res) => {
    res.json(openApiDocument(`${req.protocol}://${req.get('host')}${ADMIN_PREFIX}`));
  });
  router.use(serverRoutes(state));
  router.use(directoryRoutes(state));
  router.use(distributionListRoutes(state));
  router.use(contentRoutes(state));
  router.use(itemRoutes(state));
  router.use(faultRoutes(state));
  router.use(requestRoutes(state));
  router.use(outboundRoutes(state));
  router.use(subscriptionRoutes(state));
  router.use(diagnosticRoutes(state));
  router.use(tokenRoutes(state));
  router.use(identityRoutes(state));
  router.use('/ui', inspectorRoutes(state));
  router.use((req, _res, next) => next(new AdminError(404, `no admin route ${req.method} ${ADMIN_PREFIX}${req.path}`)));
  router.use(adminErrors(state));
  return router;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function requireToken(token: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if ((bearer && same(bearer, token)) || same(cookieToken(req) ?? '', token)) return next();
    // Opening the inspector once with ?token= stores the token in a same-site cookie.
    const query = typeof req.query.token === 'string' ? req.query.token : undefined;
    if (req.method === 'GET' && req.path.startsWith('/ui') && query && same(query, token)) {
      res.cookie(TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: ADMIN_PREFIX });
      res.redirect(303, `${ADMIN_PREFIX}${req.path}`);
      return;
    }
    res.set('WWW-Authenticate', 'Bearer realm="mock-ews admin"');
    next(new AdminError(401, 'the admin API needs Authorization: Bearer <token>', 'Authorization'));
  };
}

function adminErrors(state: MockState) {
  return (err: Error & { status?: number; type?: string }, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    let e: AdminError;
    if (err instanceof AdminError) e = err;
    else if (err.type === 'entity.parse.failed') e = new AdminError(400, `body: not valid JSON (${err.message})`, 'body');
    else if (err.type === 'entity.too.large') e = new AdminError(400, 'body: larger than the admin API accepts', 'body');
    else {
      state.log.error({ err, path: req.path }, 'admin API error');
      state.errors.push({ error: err, record: { at: new Date(), status: 500, durationMs: 0, operation: `admin ${req.method} ${req.path}` } });
      res.status(500).json({ error: `internal error: ${err.message}` });
      return;
    }
    res.status(e.status).json(e.field ? { error: e.message, field: e.field } : { error: e.message });
  };
}

/** A stand-alone app serving only the admin API, for `adminPort`. */
export function createAdminApp(state: MockState, options: AdminOptions = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(ADMIN_PREFIX, createAdminRouter(state, options));
  return app;
}
