import express, { NextFunction, Request, Response } from 'express';
import type { RequestListener, ServerResponse } from 'node:http';
import { reply } from './node-http';
import { handleEws } from './ews-endpoint';
import { EWS_ROUTE, ewsListener } from './ews-listener';
import { authenticate, sendUnauthorized } from '../auth/authenticate';
import { autodiscoverRoutes } from '../autodiscover/routes';
import { tokenEndpointRoutes } from '../auth/token-endpoint';
import { schemaDocRoutes } from '../autodiscover/schema-docs';
import { faultEnvelope } from '../soap/response-writer';
import { EwsFault } from '../soap/error-catalogue';
import type { MockState } from './state';
import { ADMIN_PREFIX, AdminOptions, createAdminRouter } from '../admin/router';

/** Largest request body accepted; Exchange's default maxRequestLength is in this range. */
export const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;

export interface AppOptions {
  bodyLimit?: number;
  admin?: AdminOptions | false;
}

/** The server's request listener: the Express app, with plain EWS POSTs taken straight to the handler. */
export function createListener(state: MockState, options: AppOptions = {}): RequestListener {
  return ewsListener(createApp(state, options), state, options.bodyLimit ?? DEFAULT_BODY_LIMIT, (err, res) => answerError(state, err as Error, res));
}

function createApp(state: MockState, options: AppOptions = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Exchange sends no ETag on EWS or Autodiscover answers; hashing every response cost ~2 % of the CPU.
  app.set('etag', false);
  app.set('case sensitive routing', false);
  app.use((_req, res, next) => {
    res.set('X-Powered-By', 'mock-ews');
    next();
  });

  // The admin API on the same port, unless it is disabled or moved to its own port.
  if (options.admin) app.use(ADMIN_PREFIX, createAdminRouter(state, options.admin));

  const raw = express.raw({ type: () => true, limit: options.bodyLimit ?? DEFAULT_BODY_LIMIT });
  app.post(EWS_ROUTE, raw, (req, res, next) => {
    handleEws(state, req, res).catch(next);
  });
  app.all(EWS_ROUTE, (req, res) => {
    // IIS authenticates before the handler runs: NTLM clients may start the handshake with a GET.
    const auth = authenticate(state, req);
    if (!auth.ok) return sendUnauthorized(res, auth);
    res.status(405).set('Allow', 'POST').set('Content-Type', 'text/xml; charset=utf-8')
      .send(faultEnvelope(new EwsFault('ErrorInvalidRequest', 'The EWS endpoint accepts POST requests only.')));
  });
  app.use(schemaDocRoutes(state));
  // The identity platform's token endpoint (client credentials), with the mock as the authority.
  app.use(tokenEndpointRoutes(state));
  app.use(autodiscoverRoutes(state));

  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    answerError(state, err, res);
  });
  return app;
}

const XML = { 'Content-Type': 'text/xml; charset=utf-8' };

/** The answer to an error no handler caught: 413 for an oversized body, else a logged 500 fault. */
function answerError(state: MockState, err: Error & { status?: number; type?: string }, res: ServerResponse): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (err.type === 'entity.too.large' || err.status === 413) {
    reply(res, 413, XML, faultEnvelope(new EwsFault('ErrorInvalidRequest', 'The request body is larger than the server accepts.')));
    return;
  }
  state.log.error({ err }, 'unhandled error');
  state.errors.push({ error: err, record: { at: new Date(), status: 500, durationMs: 0 } });
  reply(res, 500, XML, faultEnvelope(new EwsFault('ErrorInternalServerError')));
}
