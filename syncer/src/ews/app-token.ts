import http from 'node:http';
import https from 'node:https';
import type { OAuthSettings } from '../settings/types';
import { EwsFailure } from './errors';

/**
 * App-only access tokens from the identity platform's v2 token endpoint (client-credentials grant),
 * cached until shortly before they expire and shared by every mailbox of a run. The secret is
 * sent only to the token endpoint and never appears in an error.
 */
export class AppTokenSource {
  private current?: { token: string; expiresAt: number; lifetimeMs: number };
  private pending?: Promise<string>;
  /** Tokens fetched so far (each refresh counts). */
  fetched = 0;

  constructor(
    readonly oauth: OAuthSettings,
    private readonly secret: string,
    private readonly options: { tlsVerify: boolean; timeoutMs?: number; now?: () => number } = { tlsVerify: true },
  ) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /**
   * A token valid for a while yet: refreshed when less than a tenth of its lifetime (at most five
   * minutes) is left, so a request never leaves with a token about to lapse.
   */
  async token(): Promise<string> {
    const c = this.current;
    if (c && this.now() < c.expiresAt - Math.min(300_000, c.lifetimeMs / 10)) return c.token;
    return this.refresh();
  }

  /** Drops the cached token when the server refused it, so the next token() fetches a new one (concurrent callers share that fetch). */
  invalidate(token: string): void {
    if (this.current?.token === token) this.current = undefined;
  }

  private refresh(): Promise<string> {
    if (!this.pending) {
      this.pending = this.fetchToken().finally(() => {
        this.pending = undefined;
      });
    }
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    const { tokenUrl, clientId, scope } = this.oauth;
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: this.secret, scope }).toString();
    let res: { status: number; text: string };
    try {
      res = await postForm(tokenUrl, body, this.options.tlsVerify, this.options.timeoutMs ?? 30_000);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      const code = e.code ?? 'error';
      const where = new URL(tokenUrl).host;
      if (code === 'ETIMEDOUT') throw new EwsFailure('timeout', `no answer from the token endpoint ${where} in time`);
      if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|EPROTO/.test(code)) throw new EwsFailure('tls', `TLS failure: the token endpoint's certificate was not accepted: ${e.message} [${code}]`);
      throw new EwsFailure('unreachable', `host unreachable: cannot reach the token endpoint ${where}: ${e.message} [${code}]`);
    }
    const text = res.text;
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      json = {};
    }
    if (res.status !== 200 || typeof json.access_token !== 'string') {
      const error = typeof json.error === 'string' ? json.error : undefined;
      if (!error) throw new EwsFailure('not-ews', `the token endpoint ${tokenUrl} answered HTTP ${res.status} without an OAuth answer`, undefined, res.status);
      // The first sentence of the description (AADSTS code and reason), without trace ids.
      const description = String(json.error_description ?? '').split(/\s+Trace ID:/)[0].split(this.secret).join('********');
      const kind = error === 'invalid_client' || error === 'unauthorized_client' ? 'unauthorized' : 'other';
      throw new EwsFailure(kind, `token refused: ${error}: ${description}`, error, res.status);
    }
    const lifetimeMs = Math.max(1, Number(json.expires_in) || 3600) * 1000;
    this.current = { token: json.access_token, expiresAt: this.now() + lifetimeMs, lifetimeMs };
    this.fetched += 1;
    return json.access_token;
  }
}

/** POSTs a form and reads the whole answer (any status). */
function postForm(url: string, body: string, tlsVerify: boolean, timeoutMs: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const send = u.protocol === 'https:' ? https.request : http.request;
    const req = send(
      u,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'content-length': Buffer.byteLength(body) },
        ...(u.protocol === 'https:' ? { rejectUnauthorized: tlsVerify } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error('no answer in time'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end(body);
  });
}
