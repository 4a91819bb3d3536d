import express, { Request } from 'express';
import { AdminError } from '../errors';

/** Body parsers of the admin API: JSON for most routes, raw bytes where a document is uploaded. */
export const jsonParser = express.json({ limit: '25mb', type: ['application/json', 'application/*+json'] });
export const rawParser = (types: string[]) => express.raw({ limit: '25mb', type: types });

/** The parsed JSON body; a body in another format is refused with 415, none means `{}`. */
export function jsonBody(req: Request): unknown {
  const length = Number(req.headers['content-length'] ?? 0);
  const chunked = req.headers['transfer-encoding'] !== undefined;
  if ((length > 0 || chunked) && !req.is('application/json') && !req.is('application/*+json')) {
    throw new AdminError(415, `body: expected application/json, got ${req.headers['content-type'] ?? 'no Content-Type'}`, 'body');
  }
  return req.body ?? {};
}
