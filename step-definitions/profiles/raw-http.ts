import http from 'node:http';
import { HttpReply, parseReply } from '../support/soap';

/**
 * Plain node:http requests for what fetch hides: every WWW-Authenticate header separately, and
 * control over which TCP connection a request uses (NTLM binds its handshake to one).
 */
export interface RawReply extends HttpReply {
  /** Header values by lower-case name, each occurrence kept. */
  all: Map<string, string[]>;
}

export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; agent?: http.Agent },
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'POST', headers: options.headers, agent: options.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const all = new Map<string, string[]>();
        const headers = new Headers();
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i].toLowerCase();
          all.set(name, [...(all.get(name) ?? []), res.rawHeaders[i + 1]]);
          headers.append(name, res.rawHeaders[i + 1]);
        }
        resolve({ status: res.statusCode ?? 0, headers, body, doc: parseReply(body), all });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** An agent that keeps exactly one connection, so consecutive requests share it. */
export function oneConnection(): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: 1 });
}
