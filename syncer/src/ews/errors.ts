import { ServiceError } from 'ews-javascript-api';
import type { TransportTrace } from './client';

export type FailureKind =
  | 'unauthorized'
  | 'forbidden'
  | 'unreachable'
  | 'tls'
  | 'timeout'
  | 'version'
  | 'not-ews'
  | 'throttled'
  | 'bad-reply'
  | 'impersonation'
  | 'ews'
  | 'other';

/** An EWS call that failed, classified so the syncer can retry, skip or explain it. */
export class EwsFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly responseCode?: string,
    readonly httpStatus?: number,
    /** Server's BackOffMilliseconds hint, when throttled. */
    readonly backOffMs?: number,
    /** A passing failure (a dropped connection, a store failing over) that the same request may not meet again. */
    readonly transient = false,
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.kind === 'throttled' || this.kind === 'timeout' || this.transient;
  }
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNRESET', 'EPIPE', 'ECONNABORTED']);
/** A connection that was open and then dropped: the next attempt opens a new one. */
const DROPPED = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);
/** Web-server and gateway answers that are not EWS's and usually pass (an app pool recycling, a backend failing over). */
const PASSING_STATUSES = new Set([500, 502, 504]);
/** ResponseCodes Exchange gives for a state that passes: retried like throttling, a bounded number of times. */
const TRANSIENT_CODES = new Set(['ErrorInternalServerTransientError', 'ErrorMailboxStoreUnavailable', 'ErrorMailboxMoveInProgress', 'ErrorConnectionFailed']);

const TIMEOUT = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ECONNABORTED_TIMEOUT']);
const VERSION_CODES = new Set(['ErrorInvalidServerVersion', 'ErrorIncorrectSchemaVersion', 'ErrorInvalidRequest']);
const THROTTLE_CODES = new Set(['ErrorServerBusy', 'ErrorExceededConnectionCount', 'ErrorExceededSubscriptionCount', 'ErrorExceededFindCountLimit', 'ErrorTimeoutExpired']);
/** Throttling that Exchange also answers per item (ResponseClass="Error" in a 200). */
const THROTTLE_CODES_FOR_ITEMS = new Set(['ErrorServerBusy', 'ErrorTimeoutExpired']);

/** Whether a ResponseCode (also a per-item one) names a passing failure worth asking again for. */
export function isTransientCode(code: string | undefined): boolean {
  return code !== undefined && (TRANSIENT_CODES.has(code) || THROTTLE_CODES_FOR_ITEMS.has(code));
}
const IMPERSONATION_CODES = new Set([
  'ErrorImpersonateUserDenied',
  'ErrorImpersonationDenied',
  'ErrorNonExistentMailbox',
  'ErrorInvalidExchangeImpersonationHeaderData',
  'ErrorImpersonationFailed',
]);

function isTlsCode(code: string | undefined, message: string): boolean {
  if (code && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL|EPROTO/.test(code)) return true;
  return /certificate|self[- ]signed|SSL routines|wrong version number|TLS/i.test(message);
}

function responseCodeName(value: unknown): string | undefined {
  if (typeof value === 'number') return (ServiceError as unknown as Record<number, string>)[value];
  if (typeof value === 'string' && value) return value;
  return undefined;
}

function backOffFrom(err: Record<string, unknown>, message: string): number | undefined {
  const details = err.ErrorDetails as { get?: (k: string) => unknown; containsKey?: (k: string) => boolean } | undefined;
  if (details?.containsKey?.('BackOffMilliseconds')) {
    const n = Number(details.get!('BackOffMilliseconds'));
    if (Number.isFinite(n) && n >= 0) return n;
  }
  const m = /backoff time (\d+) ms|BackOffMilliseconds\D{0,5}(\d+)/i.exec(message);
  return m ? Number(m[1] ?? m[2]) : undefined;
}

/**
 * Classifies whatever ews-javascript-api rejected with (SoapFaultDetails, ServiceResponseException,
 * a raw XHR error, …), using the transport trace for what the client does not keep.
 */
export function classify(err: unknown, trace: TransportTrace = {}): EwsFailure {
  if (err instanceof EwsFailure) return err;
  // A failure before the request left (e.g. the token endpoint refused the app), which the client wraps vaguely.
  if (trace.failure) return trace.failure;
  const e = (err ?? {}) as Record<string, unknown>;
  const message = String(e.message ?? e.Message ?? e.FaultString ?? err ?? '');
  const code = responseCodeName(e.ResponseCode ?? e.ErrorCode ?? (e.Response as Record<string, unknown> | undefined)?.ErrorCode);
  const status = typeof e.HttpStatusCode === 'number' && e.HttpStatusCode !== 200 ? e.HttpStatusCode : trace.status;
  const transportCode = trace.errorCode ?? (typeof e.code === 'string' ? e.code : undefined);
  const where = status ? ` (HTTP ${status})` : '';

  if (status === undefined && transportCode) {
    const detail = trace.errorMessage ?? message;
    if (/wrong version number|packet length too long|unknown protocol/i.test(detail)) {
      return new EwsFailure('tls', `TLS failure: the server does not speak TLS on this port [${transportCode}]; if it serves plain http, use an http:// URL`);
    }
    if (isTlsCode(transportCode, detail)) {
      return new EwsFailure('tls', `TLS failure: the server's certificate was not accepted: ${detail} [${transportCode}]`);
    }
    if (transportCode === 'ECONNRESET' && /socket hang up/i.test(detail)) {
      return new EwsFailure(
        'unreachable',
        `the server closed the connection without answering [${transportCode}]; if the port serves https, use an https:// URL`,
        undefined,
        undefined,
        undefined,
        true,
      );
    }
    if (transportCode === 'ECONNABORTED' && /timeout/i.test(trace.errorMessage ?? message)) {
      return new EwsFailure('timeout', `no answer from the server in time: ${trace.errorMessage ?? message}`);
    }
    if (TIMEOUT.has(transportCode)) return new EwsFailure('timeout', `no answer from the server in time [${transportCode}]`);
    if (UNREACHABLE.has(transportCode)) {
      const dropped = DROPPED.has(transportCode);
      const text = dropped ? `the server dropped the connection: ${trace.errorMessage ?? message} [${transportCode}]` : `host unreachable: ${trace.errorMessage ?? message} [${transportCode}]`;
      return new EwsFailure('unreachable', text, undefined, undefined, undefined, dropped);
    }
  }
  if (status === undefined && isTlsCode(undefined, message) && !code) return new EwsFailure('tls', `TLS failure: ${message}`);
  if (status === 401) return new EwsFailure('unauthorized', `the server refused the login or password (HTTP 401)`, code, 401);
  if (status === 403) return new EwsFailure('forbidden', `the server refused access (HTTP 403)`, code, 403);
  if (status === 503 || status === 429) return new EwsFailure('throttled', `the server is busy${where}`, code, status, backOffFrom(e, message) ?? trace.retryAfterMs);
  if (code && code !== 'ErrorInternalServerError' || (code === 'ErrorInternalServerError' && /ServerBusy/i.test(message))) {
    const name = code === 'ErrorInternalServerError' ? 'ErrorServerBusy' : code;
    const text = `${name}: ${message || 'no message'}${where}`;
    if (THROTTLE_CODES.has(name)) return new EwsFailure('throttled', text, name, status, backOffFrom(e, message));
    if (VERSION_CODES.has(name) && (status === 500 || status === undefined)) return new EwsFailure('version', text, name, status);
    if (IMPERSONATION_CODES.has(name)) return new EwsFailure('impersonation', text, name, status);
    return new EwsFailure('ews', text, name, status, undefined, TRANSIENT_CODES.has(name));
  }
  if (status !== undefined && status !== 200 && status !== 500) {
    return new EwsFailure('not-ews', `the server answered HTTP ${status}, not an EWS response`, undefined, status, undefined, PASSING_STATUSES.has(status));
  }
  const contentType = trace.contentType ?? '';
  const body = trace.bodyStart ?? '';
  if (trace.status !== undefined && (!/xml/i.test(contentType) || !/Envelope/.test(body))) {
    const text = `the server answered HTTP ${trace.status} with ${contentType || 'no content type'}, not a SOAP envelope`;
    return new EwsFailure('not-ews', text, undefined, trace.status, undefined, PASSING_STATUSES.has(trace.status));
  }
  if (trace.status === 200 && !code) {
    // A 200 that starts as SOAP but the client could not read: cut short or garbled on the way.
    return new EwsFailure('bad-reply', `the server's reply could not be read (HTTP 200, not well-formed XML): ${message || 'no detail'}`, undefined, 200, undefined, true);
  }
  return new EwsFailure('other', message || 'unknown error', code, status);
}
