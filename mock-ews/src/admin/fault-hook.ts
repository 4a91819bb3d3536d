import type { Request, Response } from 'express';
import { EwsFault, ERROR_CATALOGUE, ResponseCode } from '../soap/error-catalogue';
import { faultEnvelope, ResponseMessages, startEnvelope } from '../soap/response-writer';
import type { ExchangeRecord } from '../server/ews-endpoint';
import type { MockState } from '../server/state';
import type { Fault } from './faults';

/** Sends the handler's reply; a fault may replace this to mangle or slow the reply. */
export type Sender = (res: Response, status: number, headers: Record<string, string>, body: string) => void;

export interface Interception {
  /** The fault answered the request itself; the operation must not run. */
  answered: boolean;
  /** How to send the operation's reply when the fault only changes its delivery. */
  send?: Sender;
}

export const plainSend: Sender = (res, status, headers, body) => {
  res.status(status).set(headers).send(body);
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Called once per EWS request after authentication, parsing and impersonation, so faults can be
 * scoped by operation, mailbox and account. Faults that replace the answer (statuses, codes,
 * broken connections) stop the operation; delay, malformed-xml and slow-drip let it run.
 */
export async function injectFault(state: MockState, record: ExchangeRecord, req: Request, res: Response): Promise<Interception | undefined> {
  const fault = state.faults.take({ operation: record.operation, mailbox: record.mailbox, account: record.account });
  if (!fault) return undefined;
  record.fault = fault.kind;
  state.log.info({ fault }, 'injecting a fault');
  const answer = (status: number, body: string, headers: Record<string, string>) => {
    record.status = status;
    record.responseXml = body;
    record.durationMs = Date.now() - record.at.getTime();
    state.record(record);
    res.status(status).set(headers).send(body);
    return { answered: true };
  };
  const html = { 'Content-Type': 'text/html' };
  const xml = { 'Content-Type': 'text/xml; charset=utf-8' };
  switch (fault.kind) {
    case 'http-status':
      switch (fault.status) {
        case 401:
          res.set('WWW-Authenticate', state.wwwAuthenticate(req));
          return answer(401, '401 - Unauthorized: Access is denied due to invalid credentials.', html);
        case 403:
          return answer(403, '403 - Forbidden: Access is denied.', html);
        case 500:
          return answer(500, '500 - Internal server error.', html);
        case 503:
          return answer(503, '<h1>Service Unavailable</h1>', { ...html, 'Retry-After': '5' });
      }
      break;
    case 'server-busy': {
      const busy = new EwsFault('ErrorServerBusy', undefined, { values: { BackOffMilliseconds: String(fault.backOffMilliseconds) } });
      record.responseCode = busy.code;
      return answer(500, faultEnvelope(busy), xml);
    }
    case 'response-code':
      return answerWithCode(state, record, fault, answer);
    case 'delay':
      await sleep(fault.ms);
      return { answered: false };
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
  return undefined;
}

function answerWithCode(
  state: MockState,
  record: ExchangeRecord,
  fault: Extract<Fault, { kind: 'response-code' }>,
  answer: (status: number, body: string, headers: Record<string, string>) => Interception,
): Interception {
  const code = fault.code as ResponseCode;
  const shape = fault.shape ?? ERROR_CATALOGUE[code].shapes[0];
  record.responseCode = code;
  const xml = { 'Content-Type': 'text/xml; charset=utf-8' };
  if (shape === 'fault') return answer(500, faultEnvelope(new EwsFault(code, fault.message)), xml);
  // An item-shaped code: one ResponseMessage with ResponseClass="Error" in an HTTP 200.
  const { doc, body } = startEnvelope(state.profile);
  new ResponseMessages(body, record.operation ?? 'Unknown').error(code, fault.message);
  return answer(200, doc.end({ prettyPrint: false }), xml);
}

/** Sends the first half of the reply, cut inside the markup, with a matching Content-Length. */
const truncatedSend: Sender = (res, status, headers, body) => {
  let cut = Math.max(1, Math.floor(body.length / 2));
  while (cut < body.length - 1 && body[cut] === '>') cut++;
  res.status(status).set(headers).send(body.slice(0, cut));
};

/** Writes the reply a few bytes at a time with pauses; stops if the client goes away. */
function dripSend(chunkBytes: number, intervalMs: number): Sender {
  return (res, status, headers, body) => {
    const bytes = Buffer.from(body, 'utf8');
    res.status(status).set({ ...headers, 'Content-Length': String(bytes.length) });
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
