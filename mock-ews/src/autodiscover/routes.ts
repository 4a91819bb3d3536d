import express, { Request, Response, Router } from 'express';
import type { MockState } from '../server/state';
import { authenticate, sendUnauthorized } from '../auth/authenticate';
import { poxAnswer, poxError } from './pox';
import { soapAnswer } from './soap';

const POX_PATH = /^\/autodiscover\/autodiscover\.xml$/i;
const SOAP_PATH = /^\/autodiscover\/autodiscover\.svc$/i;

function origin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/**
 * The headers Exchange puts on every Autodiscover answer (401s included), from which clients
 * learn which endpoints exist before they authenticate.
 */
function discoveryHeaders(state: MockState, res: Response): void {
  if (state.profile.soapAutodiscover) res.set('X-SOAP-Enabled', 'True');
  if (state.profile.authSchemes.includes('Bearer')) res.set('X-OAuth-Enabled', 'True');
}

function text(req: Request): string {
  return Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
}

/** POX autodiscover.xml on every profile, SOAP autodiscover.svc from Exchange 2010 on. */
export function autodiscoverRoutes(state: MockState, options: { bodyLimit?: number } = {}): Router {
  const router = Router({ caseSensitive: false });
  const raw = express.raw({ type: () => true, limit: options.bodyLimit ?? 1024 * 1024 });

  router.all(POX_PATH, raw, (req, res) => {
    discoveryHeaders(state, res);
    const auth = authenticate(state, req);
    if (!auth.ok) return sendUnauthorized(res, auth);
    res.set('Content-Type', 'text/xml; charset=utf-8');
    if (req.method !== 'POST') return void res.status(200).send(poxError(600, 'Invalid Request'));
    res.status(200).send(poxAnswer(state.store, state.profile, text(req), origin(req)));
  });

  router.all(SOAP_PATH, raw, (req, res) => {
    // Exchange 2007 has no SOAP Autodiscover: IIS answers 404.
    if (!state.profile.soapAutodiscover) return void res.status(404).set('Content-Type', 'text/html').send('404 - File or directory not found.');
    discoveryHeaders(state, res);
    const auth = authenticate(state, req);
    if (!auth.ok) return sendUnauthorized(res, auth);
    if (req.method !== 'POST') return void res.status(405).set('Allow', 'POST').send('');
    const answer = soapAnswer(state.store, state.profile, text(req), origin(req));
    res.status(answer.status).set('Content-Type', answer.contentType).send(answer.body);
  });
  return router;
}
