import type { BodiedRequest } from '../server/node-http';
import type { ExchangeRecord } from '../server/ews-endpoint';
import { OPERATIONS } from '../operations/registry';
import type { ByteRing, RingSlice } from './byte-ring';

/**
 * The request journal's rules: what is kept of each EWS request (never credentials), how it is
 * filtered, and what counts as unmatched or failed. The records live in MockState.records.
 */

/** Bytes kept of each request and response body; the rest is cut with a note. */
export const JOURNAL_BODY_LIMIT = 256 * 1024;

/** Element and attribute names whose content is a secret: passwords, tokens, signatures. */
const SECRET_WORDS = 'password|passwd|secret|token|credential|assertion|signaturevalue|nonce';
const SECRET_NAME = String.raw`[\w.-]*(?:${SECRET_WORDS})[\w.-]*`;
/**
 * Every secret element or attribute name contains one of the words, so a body without any of them
 * has nothing to redact: one plain scan settles the common case before the two replacing passes.
 */
const SECRET_WORD = new RegExp(SECRET_WORDS, 'i');
const SECRET_HEADER = new RegExp(`^${SECRET_NAME}$`, 'i');
const SECRET_ELEMENT = new RegExp(String.raw`<((?:[\w.-]+:)?${SECRET_NAME})(\s[^>]*)?>([\s\S]*?)</\1\s*>`, 'gi');
const SECRET_ATTRIBUTE = new RegExp(String.raw`(\s(?:[\w.-]+:)?${SECRET_NAME}\s*=\s*)(["'])[^"']*\2`, 'gi');
const AUTH_VALUE = /\b(Basic|Bearer|NTLM|Negotiate)\s+[A-Za-z0-9+/=._~-]{8,}/g;
/** Headers never stored. */
const DROPPED_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

export const REDACTED = '***';

/** Replaces the content of secret elements and attributes and any credential strings. */
export function redactXml(xml: string): string {
  if (!SECRET_WORD.test(xml)) return xml;
  return xml
    .replace(SECRET_ELEMENT, (_m, qname: string, attrs: string | undefined) => `<${qname}${attrs ?? ''}>${REDACTED}</${qname}>`)
    .replace(SECRET_ATTRIBUTE, (_m, lead: string, quote: string) => `${lead}${quote}${REDACTED}${quote}`);
}

/** Header values lose any credential they carry (a token in a custom header, say). */
function redactHeader(name: string, value: string): string {
  if (SECRET_HEADER.test(name)) return REDACTED;
  return value.replace(AUTH_VALUE, (_m, scheme: string) => `${scheme} ${REDACTED}`);
}

function capped(text: string, limit = JOURNAL_BODY_LIMIT): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}\n<!-- journal: ${text.length - limit} more characters not kept -->`;
}

/**
 * Bytes of responses the journal keeps, newest first: older records keep everything but their
 * response body. Holding more costs every request: with 16 MB or more of response bytes alive
 * (in a ring or as Buffers) a FindItem's CPU rose from ~215 to 360–510 µs, the garbage collector
 * working far harder (docs/BENCHMARKS.md, figure 1); 4 MB still holds the last ~280 FindItem
 * pages or ~55 GetItems of ten messages with their MIME.
 */
export const JOURNAL_RESPONSE_BYTES = 4 * 1024 * 1024;

/** A response sent as bytes goes into the ring as it is; one over the limit is decoded and capped like text. */
function keptResponse(sent: Buffer, ring: ByteRing, limit = JOURNAL_BODY_LIMIT): string | RingSlice {
  return sent.length <= limit && sent.length <= ring.capacity ? ring.put(sent) : capped(sent.toString('utf8'), limit);
}

/** A stored body as text. */
function bodyText(body: string | RingSlice | undefined): string {
  if (body === undefined) return '';
  return typeof body === 'string' ? body : body.text();
}

/** Keeps the request's body and headers (minus credentials) on its journal record; returns the body as text. */
export function captureRequest(record: ExchangeRecord, req: BodiedRequest): string {
  const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
  record.requestXml = raw;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (DROPPED_HEADERS.has(name) || value === undefined) continue;
    headers[name] = redactHeader(name, Array.isArray(value) ? value.join(', ') : value);
  }
  record.headers = headers;
  return raw;
}

/**
 * Caps a record's bodies before it is stored, and redacts the request, where credentials arrive.
 * The response is the mock's own output, holding what the store holds; it is redacted when it
 * is read (recordView), which gives the same text without scanning every reply as it goes out.
 */
export function sanitise(record: ExchangeRecord, ring: ByteRing, sent?: Buffer): void {
  if (record.requestXml !== undefined) record.requestXml = capped(redactXml(record.requestXml));
  if (sent) record.responseXml = keptResponse(sent, ring);
  else if (typeof record.responseXml === 'string') record.responseXml = capped(record.responseXml);
}

/** Characters of bodies held as text (requests; responses the ring does not hold) the whole journal keeps; the oldest records go first. */
export const JOURNAL_TOTAL_LIMIT = 64 * 1024 * 1024;

/** Characters of a record's bodies held as text, as counted against JOURNAL_TOTAL_LIMIT (the ring bounds itself). */
export function bodyChars(r: ExchangeRecord): number {
  return (r.requestXml?.length ?? 0) + (typeof r.responseXml === 'string' ? r.responseXml.length : 0);
}

/** A request no operation handled: unparseable, or naming an operation the mock does not have. */
export function isUnmatched(r: ExchangeRecord): boolean {
  if (r.status === 401 && r.operation === undefined) return false;
  return r.operation === undefined || !OPERATIONS.has(r.operation);
}

/** A request that did not succeed: an HTTP error, no reply at all, or an error ResponseCode. */
export function isFailed(r: ExchangeRecord): boolean {
  return r.status === 0 || r.status >= 400 || (r.responseCode !== undefined && r.responseCode !== 'NoError');
}

export interface JournalFilter {
  /** Only requests journalled after the one with this number (a poller's last seen id). */
  after?: number;
  operation?: string;
  mailbox?: string;
  account?: string;
  failed?: boolean;
  limit?: number;
}

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

/** Matching records, newest first. */
export function queryJournal(records: readonly ExchangeRecord[], f: JournalFilter): ExchangeRecord[] {
  const out: ExchangeRecord[] = [];
  for (let i = records.length - 1; i >= 0 && out.length < (f.limit ?? Infinity); i--) {
    const r = records[i];
    // Numbers only grow, so everything older is at or below `after` too.
    if (f.after !== undefined && (r.id ?? 0) <= f.after) break;
    if (f.operation && !same(r.operation, f.operation)) continue;
    if (f.mailbox && !same(r.mailbox, f.mailbox)) continue;
    if (f.account && !same(r.account, f.account)) continue;
    if (f.failed !== undefined && isFailed(r) !== f.failed) continue;
    out.push(r);
  }
  return out;
}

/** A record as the admin API returns it (JSON-friendly). */
export function recordView(r: ExchangeRecord) {
  return {
    id: r.id,
    at: r.at.toISOString(),
    account: r.account ?? null,
    mailbox: r.mailbox ?? null,
    operation: r.operation ?? null,
    version: r.version ?? null,
    status: r.status,
    responseCode: r.responseCode ?? null,
    durationMs: r.durationMs,
    fault: r.fault ?? null,
    unmatched: isUnmatched(r),
    failed: isFailed(r),
    headers: r.headers ?? {},
    requestXml: r.requestXml ?? '',
    responseXml: redactXml(bodyText(r.responseXml)),
  };
}

export type RecordView = ReturnType<typeof recordView>;

export function journalCounts(records: readonly ExchangeRecord[]) {
  return {
    total: records.length,
    unmatched: records.filter(isUnmatched).length,
    failed: records.filter(isFailed).length,
  };
}
