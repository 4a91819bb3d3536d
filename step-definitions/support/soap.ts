import { XMLParser } from 'fast-xml-parser';
import { DEFAULT_PASSWORD, SUPER_USER } from './accounts';
import { defaultRequestVersion } from './default-version';

export const NS = {
  soap: 'http://schemas.xmlsoap.org/soap/envelope/',
  m: 'http://schemas.microsoft.com/exchange/services/2006/messages',
  t: 'http://schemas.microsoft.com/exchange/services/2006/types',
};

export interface SoapPostOptions {
  /** [login, password]; default the super-user. `null` sends no Authorization header. */
  auth?: [string, string] | null;
  headers?: Record<string, string>;
  method?: string;
  /** Send the body in pieces with Transfer-Encoding: chunked and no Content-Length. */
  chunked?: boolean;
}

export interface HttpReply {
  status: number;
  headers: Headers;
  body: string;
  /** The body parsed with namespace prefixes removed; undefined when it is not XML. */
  doc?: unknown;
}

const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (_name, _path, _leaf, isAttribute) => !isAttribute });

export async function postSoap(url: string, xml: string | Uint8Array, options: SoapPostOptions = {}): Promise<HttpReply> {
  const res = await sendSoap(url, xml, options);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text, doc: parseReply(text) };
}

/** Sends SOAP and answers the response unread, for answers that arrive in parts (GetStreamingEvents). */
export function sendSoap(url: string, xml: string | Uint8Array, options: SoapPostOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'text/xml; charset=utf-8', ...options.headers };
  const auth = options.auth === undefined ? [SUPER_USER, DEFAULT_PASSWORD] : options.auth;
  if (auth) headers.Authorization = 'Basic ' + Buffer.from(`${auth[0]}:${auth[1]}`).toString('base64');
  const body = options.method === 'GET' ? undefined : options.chunked ? inPieces(xml) : xml;
  return fetch(url, { method: options.method ?? 'POST', headers, body, ...(options.chunked ? { duplex: 'half' } : {}) } as RequestInit);
}

/** A body as a stream of 100-byte pieces: fetch sends a stream chunked, without a Content-Length. */
function inPieces(xml: string | Uint8Array): ReadableStream<Uint8Array> {
  const bytes = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml;
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + 100));
      offset += 100;
    },
  });
}

/** A reply body parsed with namespace prefixes removed; undefined when it is not XML. */
export function parseReply(body: string): unknown {
  if (!body.trimStart().startsWith('<')) return undefined;
  try {
    return parser.parse(body);
  } catch {
    return undefined;
  }
}

/**
 * The ConnectingSID child the default version has: SmtpAddress exists from Exchange 2010,
 * PrimarySmtpAddress from 2007 SP1 (what ews-javascript-api writes there too); 2007 RTM knows only
 * PrincipalName and SID, and the fixtures' UPNs are their SMTP addresses.
 */
function connectingForm(version: string | null): 'SmtpAddress' | 'PrimarySmtpAddress' | 'PrincipalName' {
  if (version === 'Exchange2007') return 'PrincipalName';
  return version === 'Exchange2007_SP1' ? 'PrimarySmtpAddress' : 'SmtpAddress';
}

/** A SOAP 1.1 envelope with the usual EWS headers; `prefixes` lets a test use unusual prefixes. */
export function envelope(body: string, opts: { version?: string | null; impersonate?: string; header?: string; prefixes?: { soap?: string; m?: string; t?: string } } = {}): string {
  const p = { soap: 'soap', m: 'm', t: 't', ...opts.prefixes };
  const version = opts.version === undefined ? defaultRequestVersion() : opts.version;
  const headerParts: string[] = [];
  if (version !== null) headerParts.push(`<${p.t}:RequestServerVersion Version="${version}"/>`);
  if (opts.impersonate) {
    const form = opts.version === undefined ? connectingForm(version) : 'SmtpAddress';
    headerParts.push(`<${p.t}:ExchangeImpersonation><${p.t}:ConnectingSID><${p.t}:${form}>${opts.impersonate}</${p.t}:${form}></${p.t}:ConnectingSID></${p.t}:ExchangeImpersonation>`);
  }
  if (opts.header) headerParts.push(opts.header);
  return (
    `<?xml version="1.0" encoding="utf-8"?>` +
    `<${p.soap}:Envelope xmlns:${p.soap}="${NS.soap}" xmlns:${p.m}="${NS.m}" xmlns:${p.t}="${NS.t}">` +
    `<${p.soap}:Header>${headerParts.join('')}</${p.soap}:Header>` +
    `<${p.soap}:Body>${body}</${p.soap}:Body></${p.soap}:Envelope>`
  );
}

/** All elements with this local name anywhere under `node` (parsed with prefixes removed). */
export function findAll(node: unknown, local: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    for (const [k, v] of Object.entries(n as Record<string, unknown>)) {
      if (k === local) (Array.isArray(v) ? v : [v]).forEach((x) => out.push(typeof x === 'object' && x ? (x as Record<string, unknown>) : { '#text': x }));
      walk(v);
    }
  };
  walk(node);
  return out;
}

/** Text of an element found by findAll. */
export function textOf(el: Record<string, unknown> | undefined): string | undefined {
  if (!el) return undefined;
  const t = el['#text'];
  return t === undefined ? '' : String(Array.isArray(t) ? t[0] : t);
}
