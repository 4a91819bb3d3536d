import type { ServerResponse } from 'node:http';
import { TextDecoder } from 'node:util';
import { EwsFault, ERROR_CATALOGUE, ResponseCode } from '../soap/error-catalogue';
import { parseEnvelope } from '../soap/envelope';
import { NS } from '../soap/namespaces';
import { faultEnvelope, ResponseMessages, startEnvelope } from '../soap/response-writer';
import type { XmlElement } from '../soap/xml-element';
import type { ExchangeRecord } from '../server/ews-endpoint';
import type { MockState } from '../server/state';
import { Fault, RequestFacts, stageOf } from './faults';
import { challenges } from '../auth/authenticate';
import { diagnostics } from '../auth/tokens';
import { BodiedRequest, headerOf, reply } from '../server/node-http';

/** Sends the handler's reply; a fault may replace this to mangle or slow the reply. */
export type Sender = (res: ServerResponse, status: number, headers: Record<string, string>, body: Buffer) => void;

export interface Interception {
  /** The fault answered the request itself; the request must not be processed further. */
  answered: boolean;
  /** How to send the reply when the fault only changes its delivery. */
  send?: Sender;
}

/** Writes the reply as it is. */
export const plainSend: Sender = reply;

const lenient = new TextDecoder('utf-8');

/**
 * The faults of one EWS request, decided at two points (faults.ts `stageOf`): `onArrival` before
 * authentication, `onRequest` once the envelope is parsed, before the version gate and
 * impersonation. A request takes at most one fault, and each fault is considered at one point
 * only, so a probability is drawn once per request.
 */
export class RequestFaults {
  private taken = false;
  /** Whether the request names its account before authentication (Basic). */
  private accountKnown = false;

  constructor(
    private readonly state: MockState,
    private readonly record: ExchangeRecord,
    private readonly req: BodiedRequest,
    private readonly res: ServerResponse,
  ) {}

  onArrival(): Interception | undefined {
    if (this.state.faults.size === 0) return undefined;
    const account = claimedAccount(this.state, this.req);
    this.accountKnown = account !== undefined;
    const facts: RequestFacts = { account, operation: peekOperation(this.req) };
    return this.apply(facts, (f) => stageOf(f, this.accountKnown) === 'arrival');
  }

  /** `own` is the caller's own mailbox, the scope of a request without impersonation. */
  onRequest(operation: XmlElement, impersonation: XmlElement | undefined, own: string | undefined): Interception | undefined {
    if (this.taken || this.state.faults.size === 0) return undefined;
    const mailbox = impersonation ? connectingTarget(this.state, impersonation) : own;
    const facts: RequestFacts = { account: this.record.account, operation: operation.local, mailbox };
    return this.apply(facts, (f) => stageOf(f, this.accountKnown) === 'request', operation);
  }

  private apply(facts: RequestFacts, eligible: (f: Fault) => boolean, operation?: XmlElement): Interception | undefined {
    const fault = this.state.faults.take(facts, eligible);
    if (!fault) return undefined;
    this.taken = true;
    const { record } = this;
    record.fault = fault.kind;
    // What the fault was matched on, for the journal, when the request got no further.
    record.account ??= facts.account;
    record.operation ??= facts.operation;
    record.mailbox ??= facts.mailbox;
    this.state.log.info({ fault }, 'injecting a fault');
    return inject(this.state, record, this.req, this.res, fault, operation);
  }
}

/** The account a request names before it is authenticated: the Basic user name, as an account's SMTP address when known. */
function claimedAccount(state: MockState, req: BodiedRequest): string | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(headerOf(req, 'authorization') ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const login = colon < 0 ? decoded : decoded.slice(0, colon);
  return state.store.accountByLogon(login)?.smtp ?? login;
}

/** The operation an unauthenticated request asks for, when its body parses (only read while faults are active). */
function peekOperation(req: BodiedRequest): string | undefined {
  if (!Buffer.isBuffer(req.body) || req.body.length === 0) return undefined;
  try {
    return parseEnvelope(lenient.decode(req.body)).operation.local;
  } catch {
    return undefined;
  }
}

/**
 * The mailbox ConnectingSID names, whether or not it exists or may be impersonated: a fault scoped
 * by mailbox hits the requests aimed at it even when impersonation is then refused.
 */
function connectingTarget(state: MockState, header: XmlElement): string | undefined {
  const id = header.t('ConnectingSID')?.children.find((c) => c.ns === NS.t);
  const value = id?.value?.trim();
  if (!id || !value) return undefined;
  if (id.local === 'PrimarySmtpAddress' || id.local === 'SmtpAddress') return state.store.mailbox(value)?.smtp ?? value;
  const lower = value.toLowerCase();
  for (const account of state.store.accounts.values()) {
    const match = id.local === 'SID' ? account.sid.toLowerCase() === lower : account.upn.toLowerCase() === lower;
    if (match) return account.smtp;
  }
  return value;
}

/** Answers, breaks or reshapes the request as the fault says. */
function inject(state: MockState, record: ExchangeRecord, req: BodiedRequest, res: ServerResponse, fault: Fault, operation?: XmlElement): Interception {
  const answer = (status: number, body: string, headers: Record<string, string>): Interception => {
    record.status = status;
    record.responseXml = body;
    record.durationMs = Date.now() - record.at.getTime();
    state.record(record);
    reply(res, status, headers, body);
    return { answered: true };
  };
  const html = { 'Content-Type': 'text/html; charset=utf-8' };
  const xml = { 'Content-Type': 'text/xml; charset=utf-8' };
  switch (fault.kind) {
    case 'http-status':
      switch (fault.status) {
        case 401: {
          // A request that came with a Bearer token is refused for its token, as Exchange Online
          // refuses one that has expired: error="invalid_token" and a diagnostic, so a client that
          // renews tokens knows to.
          const bearer = /^Bearer\s/i.test(headerOf(req, 'authorization') ?? '');
          res.setHeader('WWW-Authenticate', challenges(state.profile, req, bearer ? 'invalid_token' : undefined));
          if (bearer) res.setHeader('x-ms-diagnostics', diagnostics({ code: 2000001, reason: 'The token has expired.', category: 'invalid_token' }));
          return answer(401, '401 - Unauthorized: Access is denied due to invalid credentials.', html);
        }
        case 403:
          return answer(403, '403 - Forbidden: Access is denied.', html);
        case 500:
          return answer(500, '500 - Internal server error.', html);
        case 503:
          return answer(503, '<h1>Service Unavailable</h1>', { ...html, 'Retry-After': '5' });
      }
      break;
    case 'server-busy': {
      const values = fault.backOffMilliseconds === null ? undefined : { values: { BackOffMilliseconds: String(fault.backOffMilliseconds) } };
      const busy = new EwsFault('ErrorServerBusy', undefined, values);
      record.responseCode = busy.code;
      return answer(500, faultEnvelope(busy), xml);
    }
    case 'response-code': {
      const code = fault.code as ResponseCode;
      const shape = fault.shape ?? ERROR_CATALOGUE[code].shapes[0];
      record.responseCode = code;
      if (shape === 'fault') return answer(500, faultEnvelope(new EwsFault(code, fault.message)), xml);
      // An item-shaped code: ResponseClass="Error" in an HTTP 200, one message per item the request names.
      const { doc, body } = startEnvelope(state.profile);
      const out = new ResponseMessages(body, record.operation ?? 'Unknown');
      for (let i = messageCount(operation); i > 0; i--) out.error(code, fault.message);
      return answer(200, doc.end(), xml);
    }
    case 'delay':
      return { answered: false, send: delayedSend(record, fault.ms) };
    case 'connection-reset':
    case 'empty-reply': {
      record.status = 0;
      record.durationMs = Date.now() - record.at.getTime();
      state.record(record);
      const socket = req.socket;
      // A reset sends RST; an empty reply closes the connection cleanly (FIN) before any byte.
      if (fault.kind === 'connection-reset' && typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
      else if (fault.kind === 'connection-reset') socket.destroy();
      else socket.end();
      return { answered: true };
    }
    case 'malformed-xml':
      return { answered: false, send: truncatedSend };
    case 'slow-drip':
      return { answered: false, send: dripSend(fault.chunkBytes, fault.intervalMs) };
  }
  return { answered: false };
}

/**
 * The request element listing what an operation acts on; Exchange answers one ResponseMessage per
 * entry (per id, per parent folder, per change). Operations not listed answer one message.
 */
const REQUESTED_LIST: Readonly<Record<string, string>> = {
  GetItem: 'ItemIds',
  DeleteItem: 'ItemIds',
  MoveItem: 'ItemIds',
  CopyItem: 'ItemIds',
  SendItem: 'ItemIds',
  UpdateItem: 'ItemChanges',
  CreateItem: 'Items',
  GetFolder: 'FolderIds',
  DeleteFolder: 'FolderIds',
  EmptyFolder: 'FolderIds',
  MoveFolder: 'FolderIds',
  CopyFolder: 'FolderIds',
  CreateFolder: 'Folders',
  UpdateFolder: 'FolderChanges',
  FindFolder: 'ParentFolderIds',
  FindItem: 'ParentFolderIds',
  GetAttachment: 'AttachmentIds',
  DeleteAttachment: 'AttachmentIds',
  CreateAttachment: 'Attachments',
  ConvertId: 'SourceIds',
};

function messageCount(operation: XmlElement | undefined): number {
  const listName = operation ? REQUESTED_LIST[operation.local] : undefined;
  const list = listName ? operation!.m(listName) : undefined;
  return Math.max(1, list?.children.length ?? 0);
}

/** Sends the reply `ms` later (the request keeps its throttling budget meanwhile); the journal counts the wait. */
function delayedSend(record: ExchangeRecord, ms: number): Sender {
  return (res, status, headers, body) => {
    record.durationMs += ms;
    setTimeout(() => {
      if (!res.destroyed) plainSend(res, status, headers, body);
    }, ms);
  };
}

/** Sends the first half of the reply, cut inside the markup (not inside a character), with a matching Content-Length. */
const truncatedSend: Sender = (res, status, headers, body) => {
  let cut = Math.max(1, Math.floor(body.length / 2));
  while (cut < body.length - 1 && (body[cut] === 0x3e || (body[cut] & 0xc0) === 0x80)) cut++;
  plainSend(res, status, headers, body.subarray(0, cut));
};

/** Writes the reply a few bytes at a time with pauses; stops if the client goes away. */
function dripSend(chunkBytes: number, intervalMs: number): Sender {
  return (res, status, headers, bytes) => {
    res.writeHead(status, { ...headers, 'Content-Length': bytes.length });
    let offset = 0;
    const next = () => {
      if (res.destroyed) return;
      if (offset >= bytes.length) return void res.end();
      res.write(bytes.subarray(offset, offset + chunkBytes));
      offset += chunkBytes;
      setTimeout(next, intervalMs);
    };
    next();
  };
}
