import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Express, Request, Response } from 'express';
import { handleEws } from './ews-endpoint';
import type { MockState } from './state';

/** The EWS endpoint's path; IIS matches it case-insensitively, and so do the routes. */
export const EWS_ROUTE = /^\/ews\/exchange\.asmx$/i;

/**
 * The server's request listener. A plain EWS POST — a Content-Length within the limit, no
 * Content-Encoding — goes straight to the EWS handler; everything else (the admin API,
 * Autodiscover, other methods, compressed or chunked or oversized bodies) goes through Express.
 * Taking Express's router, body parser and res.send off that path cut a FindItem's CPU from 719 to
 * 602 µs (docs/BENCHMARKS.md, figure 1), and nothing they do matters for such a request.
 */
export function ewsListener(app: Express, state: MockState, bodyLimit: number, onError: (err: unknown, req: Request, res: Response) => void): RequestListener {
  return (req, res) => {
    if (!isPlainEwsPost(req, bodyLimit)) return void app(req, res);
    const { request, response } = asExpress(app, req, res);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
    });
    req.on('end', () => {
      request.body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
      handleEws(state, request, response).catch((err: unknown) => onError(err, request, response));
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

/** What Express's app.handle sets up before routing, so req.get(), res.set() and the rest work. */
function asExpress(app: Express, req: IncomingMessage, res: ServerResponse): { request: Request; response: Response } {
  const request = req as Request;
  const response = res as Response;
  request.res = response;
  response.req = request;
  Object.setPrototypeOf(req, app.request);
  Object.setPrototypeOf(res, app.response);
  response.locals = Object.create(null) as Response['locals'];
  res.setHeader('X-Powered-By', 'mock-ews');
  return { request, response };
}
