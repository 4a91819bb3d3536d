import type { ServerResponse } from 'node:http';
import { isUtf8 } from 'node:buffer';
import { authenticate, sendUnauthorized } from '../auth/authenticate';
import { resolveImpersonation } from '../auth/impersonation';
import { checkHeaderElements } from '../profiles/elements';
import { admit } from '../throttling/budget';
import { ClientFault, clientFaultEnvelope } from '../soap/client-fault';
import { EwsFault, schemaFault } from '../soap/error-catalogue';
import { NOT_EMULATED } from '../operations/not-emulated';
import { parseEnvelope } from '../soap/envelope';
import { NS } from '../soap/namespaces';
import { faultEnvelope, startEnvelope } from '../soap/response-writer';
import { requestedVersion } from '../profiles/version-gate';
import { atLeast } from '../profiles/versions';
import { OPERATIONS } from '../operations/registry';
import type { HangingAnswer } from '../operations/operation';
import { checkRequestChildren } from '../soap/request-children';
import type { MockState } from './state';
import { Interception, plainSend, RequestFaults } from '../admin/fault-hook';
import { captureRequest } from '../admin/journal';
import { BodiedRequest, headerOf, requestOrigin, requestPath } from './node-http';
import type { RingSlice } from '../admin/byte-ring';

const ACCEPTED_TYPES = /^(text\/xml|application\/xml|application\/soap\+xml)\b/i;

/** One record per EWS request, for the journal and for tests. */
export interface ExchangeRecord {
  at: Date;
  account?: string;
  mailbox?: string;
  operation?: string;
  version?: string;
  status: number;
  responseCode?: string;
  durationMs: number;
  /** Journal number, assigned when recorded. */
  id?: number;
  /** Request headers without credentials; the request body redacted when kept, the response when read (admin/journal.ts). */
  headers?: Record<string, string>;
  requestXml?: string;
  /** Text the mock answered (faults, refusals), or the bytes it sent, kept in the journal's ring. */
  responseXml?: string | RingSlice;
  /** The kind of injected fault that answered or shaped this request. */
  fault?: string;
}

/** Handles POST /EWS/Exchange.asmx: auth, envelope, version, impersonation, dispatch. */
export async function handleEws(state: MockState, req: BodiedRequest, res: ServerResponse): Promise<void> {
  const started = Date.now();
  const record: ExchangeRecord = { at: new Date(), status: 0, durationMs: 0 };
  const bodyText = captureRequest(record, req);
  let injected: Interception | undefined;
  const finish = (status: number, body: string | Buffer, headers: Record<string, string> = {}) => {
    record.status = status;
    record.durationMs = Date.now() - started;
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    state.record(record, bytes);
    (injected?.send ?? plainSend)(res, status, { 'Content-Type': 'text/xml; charset=utf-8', ...headers }, bytes);
  };
  const fault = (f: EwsFault) => {
    record.responseCode = f.code;
    finish(500, faultEnvelope(f));
  };

  // Injected faults (admin API): the web-server and network kinds may hit a request on arrival.
  const faults = new RequestFaults(state, record, req, res);
  injected = faults.onArrival();
  if (injected?.answered) return;

  const auth = authenticate(state, req);
  if (!auth.ok) {
    record.status = 401;
    record.durationMs = Date.now() - started;
    state.record(record);
    sendUnauthorized(res, auth);
    return;
  }
  const principal = auth.principal;
  const caller = principal.account;
  record.account = caller.smtp;

  const contentType = req.headers['content-type'];
  if (contentType && !ACCEPTED_TYPES.test(contentType)) {
    record.responseCode = 'ErrorInvalidRequest';
    finish(
      415,
      faultEnvelope(new EwsFault('ErrorInvalidRequest', `Cannot process the message because the content type '${contentType}' was not the expected type 'text/xml; charset=utf-8'.`)),
    );
    return;
  }

  try {
    // The journal has decoded the body already; it is the request's text once the bytes are known
    // to be well-formed UTF-8. A byte-order mark is not part of the document.
    if (Buffer.isBuffer(req.body) && !isUtf8(req.body)) throw schemaFault('Invalid character in the given encoding.', 1, 1);
    const text = bodyText.charCodeAt(0) === 0xfeff ? bodyText.slice(1) : bodyText;
    if (text.trim() === '') throw schemaFault('Root element is missing.', 0, 0);
    const env = parseEnvelope(text);
    const opName = env.operation.local;
    record.operation = opName;
    // The EWS-level faults (and any scoped by mailbox) answer here, before the version gate and
    // impersonation can refuse the request, matched on the mailbox ConnectingSID names.
    const own = caller.mailboxId ? state.store.mailboxes.get(caller.mailboxId)?.smtp : undefined;
    injected = faults.onRequest(env.operation, env.impersonation, own) ?? injected;
    if (injected?.answered) return;
    const known = env.operation.ns === NS.m ? OPERATIONS.get(opName) : undefined;
    // An operation newer than the server's own schema is an element that schema does not declare.
    const op = known && atLeast(state.profile.newestSchema, known.since) ? known : undefined;
    if (!op) {
      // An operation Exchange has but the mock does not serve is named as such. The code stays the
      // schema fault (the mock's schema lacks it): clients take ErrorInvalidRequest and the like for
      // a wrong guess of the server's version and retry every other version before failing.
      const since = env.operation.ns === NS.m ? NOT_EMULATED.get(opName) : undefined;
      const unserved = since && atLeast(state.profile.newestSchema, since) ? ` mock-ews does not emulate this EWS operation, which Exchange has since ${since}; the operations it answers are listed in README.md under What it serves.` : '';
      throw schemaFault(
        `The element 'Body' in namespace '${NS.soap}' has invalid child element ${env.operation.qname}.${unserved}`,
        env.operation.line,
        2,
      );
    }
    checkRequestChildren(env.operation);
    // Recorded before the gate, so a refused version still shows in the journal.
    record.version = env.requestedVersion;
    const version = requestedVersion(state.profile, env);
    record.version = version;
    if (!atLeast(version, op.since)) throw new EwsFault('ErrorIncorrectSchemaVersion');
    checkHeaderElements({ profile: state.profile, version }, env.header);

    let mailbox = caller.mailboxId ? state.store.mailboxes.get(caller.mailboxId) : undefined;
    const impersonating = env.impersonation !== undefined;
    if (env.impersonation) {
      const anchorMailbox = headerOf(req, 'x-anchormailbox');
      mailbox = resolveImpersonation({ store: state.store, profile: state.profile, version, principal, anchorMailbox }, env.impersonation);
    }
    record.mailbox = mailbox?.smtp;
    // Throttling budgets; the concurrency taken here is given back when the response is done.
    res.once('close', admit({ store: state.store, profile: state.profile, caller, mailbox, impersonating }, opName));

    const { doc, body } = startEnvelope(state.profile);
    let hanging: ((answer: HangingAnswer) => void) | undefined;
    await op.handle({
      store: state.store,
      profile: state.profile,
      version,
      caller,
      mailbox,
      impersonating,
      request: env.operation,
      header: env.header,
      body,
      log: state.log,
      hang: (start) => {
        hanging = start;
      },
      streaming: state.streaming,
      bindToStore: (end) => {
        state.storeBound.add(end);
        return () => state.storeBound.delete(end);
      },
    });
    if (hanging) return hang(state, record, res, started, hanging);
    record.responseCode = body.firstText('m:ResponseCode');
    finish(200, doc.bytes());
  } catch (err) {
    if (err instanceof EwsFault) return fault(err);
    if (err instanceof ClientFault) {
      record.responseCode = err.exception;
      return finish(500, clientFaultEnvelope(state.profile, err, requestOrigin(req) + requestPath(req).split('?')[0]));
    }
    state.unexpected(err, record);
    fault(new EwsFault('ErrorInternalServerError'));
  }
}

/**
 * Sends a long-lived answer: HTTP 200 with chunked encoding, each envelope one chunk, until the
 * operation ends it or the client goes. The journal records the request with its first envelope.
 */
function hang(state: MockState, record: ExchangeRecord, res: ServerResponse, started: number, start: (answer: HangingAnswer) => void): void {
  res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
  let recorded = false;
  const end = () => {
    if (!res.writableEnded) res.end();
  };
  state.storeBound.add(end);
  res.once('close', () => state.storeBound.delete(end));
  start({
    write(envelope) {
      if (res.destroyed || res.writableEnded) return;
      if (!recorded) {
        recorded = true;
        record.status = 200;
        record.responseCode = /<m:ResponseCode>([^<]*)</.exec(envelope)?.[1];
        record.durationMs = Date.now() - started;
        state.record(record, Buffer.from(envelope, 'utf8'));
      }
      res.write(envelope);
    },
    end,
    onClose(listener) {
      res.once('close', listener);
    },
  });
}
