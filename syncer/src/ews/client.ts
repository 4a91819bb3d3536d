import { XhrApi } from '@ewsjs/xhr';
import {
  ConnectingIdType,
  ExchangeService,
  ExchangeVersion,
  ImpersonatedUserId,
  OAuthCredentials,
  Uri,
  WebCredentials,
} from 'ews-javascript-api';
import { XMLValidator } from 'fast-xml-parser';
import type { AuthMethod, Settings } from '../settings/types';
import type { ExchangeGeneration } from '../settings/versions';
import { AppTokenSource } from './app-token';
import { EwsFailure } from './errors';

/** What the last HTTP exchange looked like, kept for diagnosing failures the client reports vaguely. */
export interface TransportTrace {
  status?: number;
  contentType?: string;
  /** The start of the response body. */
  bodyStart?: string;
  /** Node/axios error code of a failed connection, e.g. ECONNREFUSED or DEPTH_ZERO_SELF_SIGNED_CERT. */
  errorCode?: string;
  errorMessage?: string;
  /** A failure before the request was sent (the token endpoint refused), reported as it is. */
  failure?: EwsFailure;
  /** The Retry-After header of the answer, when it gave one. */
  retryAfterMs?: number;
}

type XhrOptions = Parameters<XhrApi['xhr']>[0];
type XhrResult = Awaited<ReturnType<XhrApi['xhr']>>;

/**
 * XhrApi that remembers the last response or transport error and adds a request timeout; with an
 * app token source it sends a current Bearer token on every request and, when the server refuses
 * a token as expired or invalid, fetches a new one and sends the request once more.
 */
class TracingXhrApi extends XhrApi {
  last: TransportTrace = {};
  tokens?: AppTokenSource;

  override async xhr(options: XhrOptions): Promise<XhrResult> {
    if (!this.tokens) return this.traced(options);
    const token = await this.bearer(options);
    try {
      return await this.traced(options);
    } catch (err) {
      if (!refusedToken(err)) throw err;
      this.tokens.invalidate(token);
      await this.bearer(options);
      return this.traced(options);
    }
  }

  private async bearer(options: XhrOptions): Promise<string> {
    try {
      const token = await this.tokens!.token();
      options.headers = { ...options.headers, Authorization: `Bearer ${token}` };
      return token;
    } catch (err) {
      this.last = { failure: err instanceof EwsFailure ? err : new EwsFailure('other', String(err)) };
      throw err;
    }
  }

  private async traced(options: XhrOptions): Promise<XhrResult> {
    this.last = {};
    try {
      const res = await super.xhr(options);
      this.remember(res);
      return res;
    } catch (err) {
      this.remember(err);
      throw unreadableFault(err) ?? err;
    }
  }

  private remember(r: unknown): void {
    const x = r as { status?: number; headers?: Record<string, unknown>; responseText?: unknown; code?: string; message?: string; cause?: { code?: string } };
    const text = typeof x.responseText === 'string' ? x.responseText : '';
    this.last = {
      status: typeof x.status === 'number' ? x.status : undefined,
      contentType: x.headers ? String(x.headers['content-type'] ?? '') : undefined,
      bodyStart: text.slice(0, 400),
      errorCode: x.code ?? x.cause?.code,
      errorMessage: x.message,
      retryAfterMs: retryAfter(x.headers?.['retry-after']),
    };
  }
}

/** Retry-After in seconds (the form IIS sends with a 503), as milliseconds. */
function retryAfter(value: unknown): number | undefined {
  const seconds = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
  return seconds === undefined ? undefined : seconds * 1000;
}

/**
 * ews-javascript-api parses the body of every HTTP 500 as a SOAP fault; a body that is not one (an
 * IIS error page, a cut-off reply) makes it throw inside a promise callback, so its call never
 * settles and the process meets an unhandled rejection. Such an answer is handed over as a plain
 * transport error instead; the trace keeps the status and body for classify().
 */
function unreadableFault(err: unknown): Error | undefined {
  const x = err as { status?: unknown; responseText?: unknown };
  if (x?.status !== 500) return undefined;
  const text = typeof x.responseText === 'string' ? x.responseText : '';
  if (/<(\w+:)?Fault[\s>]/.test(text) && XMLValidator.validate(text) === true) return undefined;
  return new Error('HTTP 500 with a body that is not a SOAP fault');
}

/** A 401 that refuses the Bearer token itself (expired, bad signature), which a new token may cure. */
function refusedToken(err: unknown): boolean {
  const x = err as { status?: number; headers?: Record<string, unknown> };
  if (x?.status !== 401 || !x.headers) return false;
  const diagnostics = String(x.headers['x-ms-diagnostics'] ?? '');
  const challenge = String(x.headers['www-authenticate'] ?? '');
  return /invalid_token/.test(diagnostics) || /error="invalid_token"/.test(challenge);
}

export interface ConnectionParams {
  endpoint: string;
  generation: ExchangeGeneration;
  login: string;
  /** The password (basic, ntlm); unused with oauth, whose secret lives in the token source. */
  password: string;
  tlsVerify: boolean;
  /** Default basic. */
  auth?: AuthMethod;
  /** App-only tokens, with auth oauth. */
  tokens?: AppTokenSource;
  /** Per HTTP request; a stalled server must not hold a mailbox forever. */
  timeoutMs?: number;
}

export interface EwsConnection {
  service: ExchangeService;
  transport: () => TransportTrace;
}

/** The authentication part of the connection parameters; one token source serves a whole run. */
export function connectionAuth(settings: Settings): Pick<ConnectionParams, 'auth' | 'tokens'> {
  if (settings.auth !== 'oauth' || !settings.oauth) return { auth: settings.auth };
  return { auth: 'oauth', tokens: new AppTokenSource(settings.oauth, settings.password, { tlsVerify: settings.tlsVerify }) };
}

/**
 * An ExchangeService for the super-user, impersonating `mailbox` when given. ews-javascript-api
 * writes an SMTP ConnectingSID as PrimarySmtpAddress for 2007 SP1 and SmtpAddress for newer
 * versions; 2007 RTM gets PrincipalName. With oauth the app has no mailbox of its own: every
 * request impersonates one and names it in X-AnchorMailbox, as Exchange Online requires.
 */
export function connect(params: ConnectionParams, mailbox?: string): EwsConnection {
  const xhr = new TracingXhrApi({ rejectUnauthorized: params.tlsVerify, timeout: params.timeoutMs ?? 60_000 });
  const version = ExchangeVersion[params.generation.clientVersion as keyof typeof ExchangeVersion] as ExchangeVersion;
  const service = new ExchangeService(version);
  service.XHRApi = xhr;
  service.Exchange2007CompatibilityMode = params.generation.exchange2007CompatibilityMode;
  if (params.auth === 'oauth' && params.tokens) {
    // The token here is a placeholder the client requires; TracingXhrApi sends a current one.
    service.Credentials = new OAuthCredentials('pending', true);
    xhr.tokens = params.tokens;
  } else if (params.auth === 'ntlm') {
    xhr.useNtlmAuthentication(params.login, params.password);
    service.Credentials = new WebCredentials(params.login, params.password);
  } else {
    service.Credentials = new WebCredentials(params.login, params.password);
  }
  service.Url = new Uri(params.endpoint);
  if (mailbox) {
    service.ImpersonatedUserId = new ImpersonatedUserId(ConnectingIdType[params.generation.impersonateBy], mailbox);
    if (params.auth === 'oauth') service.HttpHeaders.Add('X-AnchorMailbox', mailbox);
  }
  return { service, transport: () => xhr.last };
}
