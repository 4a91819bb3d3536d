import { XhrApi } from '@ewsjs/xhr';
import {
  ConnectingIdType,
  ExchangeService,
  ExchangeVersion,
  ImpersonatedUserId,
  Uri,
  WebCredentials,
} from 'ews-javascript-api';
import type { ExchangeGeneration } from '../settings/versions';

/** What the last HTTP exchange looked like, kept for diagnosing failures the client reports vaguely. */
export interface TransportTrace {
  status?: number;
  contentType?: string;
  /** The start of the response body. */
  bodyStart?: string;
  /** Node/axios error code of a failed connection, e.g. ECONNREFUSED or DEPTH_ZERO_SELF_SIGNED_CERT. */
  errorCode?: string;
  errorMessage?: string;
}

type XhrOptions = Parameters<XhrApi['xhr']>[0];
type XhrResult = Awaited<ReturnType<XhrApi['xhr']>>;

/** XhrApi that remembers the last response or transport error and adds a request timeout. */
class TracingXhrApi extends XhrApi {
  last: TransportTrace = {};

  override async xhr(options: XhrOptions): Promise<XhrResult> {
    this.last = {};
    try {
      const res = await super.xhr(options);
      this.remember(res);
      return res;
    } catch (err) {
      this.remember(err);
      throw err;
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
    };
  }
}

export interface ConnectionParams {
  endpoint: string;
  generation: ExchangeGeneration;
  login: string;
  password: string;
  tlsVerify: boolean;
  /** Per HTTP request; a stalled server must not hold a mailbox forever. */
  timeoutMs?: number;
}

export interface EwsConnection {
  service: ExchangeService;
  transport: () => TransportTrace;
}

/**
 * An ExchangeService for the super-user, impersonating `mailbox` when given. ews-javascript-api
 * writes an SMTP ConnectingSID as PrimarySmtpAddress for 2007 SP1 and SmtpAddress for newer
 * versions; 2007 RTM gets PrincipalName.
 */
export function connect(params: ConnectionParams, mailbox?: string): EwsConnection {
  const xhr = new TracingXhrApi({ rejectUnauthorized: params.tlsVerify, timeout: params.timeoutMs ?? 60_000 });
  const version = ExchangeVersion[params.generation.clientVersion as keyof typeof ExchangeVersion] as ExchangeVersion;
  const service = new ExchangeService(version);
  service.XHRApi = xhr;
  service.Exchange2007CompatibilityMode = params.generation.exchange2007CompatibilityMode;
  service.Credentials = new WebCredentials(params.login, params.password);
  service.Url = new Uri(params.endpoint);
  if (mailbox) service.ImpersonatedUserId = new ImpersonatedUserId(ConnectingIdType[params.generation.impersonateBy], mailbox);
  return { service, transport: () => xhr.last };
}
