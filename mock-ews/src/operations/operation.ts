import type { XmlElement } from '../soap/xml-element';
import type { ResponseMessages, Xml } from '../soap/response-writer';
import type { Store } from '../store/store';
import type { Account, Mailbox } from '../store/types';
import type { Profile } from '../profiles/profiles';
import type { SchemaVersion } from '../profiles/versions';
import type { Logger } from '../server/logger';

/** Everything an operation handler may use; handlers never see HTTP or the raw envelope text. */
export interface OperationContext {
  store: Store;
  profile: Profile;
  /** The schema version the request asked for (Exchange2007 when the header was absent). */
  version: SchemaVersion;
  /** The authenticated account. */
  caller: Account;
  /** The mailbox the request acts on: the impersonated one, or the caller's own. */
  mailbox: Mailbox | undefined;
  /** True when the request carried ExchangeImpersonation. */
  impersonating: boolean;
  /** The operation element from soap:Body. */
  request: XmlElement;
  /** The envelope's soap:Header, if any. */
  header: XmlElement | undefined;
  /** Where the m:<Op>Response goes. */
  body: Xml;
  log: Logger;
  /**
   * Turns the answer into a long-lived one (GetStreamingEvents): instead of `body`, the envelopes
   * `start` writes are sent one by one on an open HTTP response until it ends or the client goes.
   */
  hang?(start: (answer: HangingAnswer) => void): void;
  /** Timing of streamed answers and push notifications; DEFAULT_STREAMING when absent. */
  streaming?: StreamingTiming;
  /** Registers what to stop when the store is replaced or the mock closes (push notification senders). */
  bindToStore?(end: () => void): () => void;
}

export interface StreamingTiming {
  /** How often an idle streaming connection says ConnectionStatus OK. */
  heartbeatMs: number;
  /** How long one minute of a ConnectionTimeout or a push StatusFrequency lasts. */
  minuteMs: number;
}

/** Clients drop a connection silent for 45 s or more (the EWS Managed API's default). */
export const DEFAULT_STREAMING: StreamingTiming = { heartbeatMs: 25_000, minuteMs: 60_000 };

/** An answer written in parts over time, each part a whole SOAP envelope. */
export interface HangingAnswer {
  write(envelope: string): void;
  end(): void;
  /** Called once when the response is over: ended here, or the client went away. */
  onClose(listener: () => void): void;
}

export interface Operation {
  /** Local name of the request element, e.g. "FindItem". */
  name: string;
  /** Oldest schema version that has this operation. */
  since: SchemaVersion;
  handle(ctx: OperationContext): void | Promise<void>;
}

export type { ResponseMessages };
