import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Express } from 'express';
import { handleEws } from './ews-endpoint';
import type { BodiedRequest } from './node-http';
import type { MockState } from './state';

/** The EWS endpoint's path; IIS matches it case-insensitively, and so do the routes. */
export const EWS_ROUTE = /^\/ews\/exchange\.asmx$/i;

/**
 * The server's request listener. A plain EWS POST — a Content-Length within the limit, no
 * Content-Encoding — goes straight to the EWS handler with Node's own request and response
 * objects; everything else (the admin API, Autodiscover, other methods, compressed or chunked or
 * oversized bodies) goes through Express. Express's router, body parser and res.send cost a
 * FindItem 117 µs of CPU (docs/BENCHMARKS.md, figure 1), and nothing they do matters for such a
 * request.
 */
export function ewsListener(app: Express, state: MockState, bodyLimit: number, onError: (err: unknown, res: ServerResponse) => void): RequestListener {
  return (req, res) => {
    if (!isPlainEwsPost(req, bodyLimit)) return void app(req, res);
    res.setHeader('X-Powered-By', 'mock-ews');
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
    });
    req.on('end', () => {
      const request: BodiedRequest = req;
      request.body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
      handleEws(state, request, res).catch((err: unknown) => onError(err, res));
    });
    // A client that goes away mid-body gets no answer; there is nothing left to answer.
    req.on('error', () => undefined);
  };
}

function isPlainEwsPost(req: IncomingMessage, bodyLimit: number): boolean {
  if (req.method !== 'POST') return false;
  const url = req.url ?? '';
  const query = url.indexOf('?');
  if (!EWS_ROUTE.test(query < 0 ? url : url.slice(0, query))) return false;
  const length = req.headers['content-length'];
  if (length === undefined || req.headers['content-encoding'] !== undefined) return false;
  return Number(length) <= bodyLimit;
}
