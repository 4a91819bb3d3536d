import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/**
 * The EWS path works on Node's own request and response objects, so a plain EWS POST never touches
 * Express (server/ews-listener.ts). These helpers are the few Express conveniences that path used;
 * Express's objects are Node's underneath, so the routes served by Express use them too.
 */

/** A request with its body read: a Buffer on the EWS path. */
export type BodiedRequest = IncomingMessage & { body?: unknown; originalUrl?: string };

/** A header's value; a repeated one joined with ", " as the HTTP spec reads it. */
export function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** http or https, from the connection (no proxy is trusted, as in the Express app). */
export function requestOrigin(req: IncomingMessage): string {
  const tls = (req.socket as { encrypted?: boolean }).encrypted === true;
  return `${tls ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;
}

/** The Host header without its port ("[::1]" keeps its brackets); empty when there is none. */
export function requestHostname(req: IncomingMessage): string {
  const host = req.headers.host ?? '';
  const from = host.startsWith('[') ? host.indexOf(']') + 1 : 0;
  const colon = host.indexOf(':', from);
  return colon < 0 ? host : host.slice(0, colon);
}

/** The path the client asked for (before any router mount stripped a prefix). */
export function requestPath(req: BodiedRequest): string {
  return req.originalUrl ?? req.url ?? '/';
}

/** Sends a whole answer with its Content-Length; headers set earlier with setHeader are kept. */
export function reply(res: ServerResponse, status: number, headers: OutgoingHttpHeaders, body: string | Buffer): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...headers, 'Content-Length': bytes.length });
  res.end(bytes);
}
