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
}

export interface Operation {
  /** Local name of the request element, e.g. "FindItem". */
  name: string;
  /** Oldest schema version that has this operation. */
  since: SchemaVersion;
  handle(ctx: OperationContext): void | Promise<void>;
}

export type { ResponseMessages };
