import type { ExchangeGeneration } from './versions';

export type SyncStrategy = 'sync-state' | 'find-item';

/** The syncer's own options, besides the fields of the settings page. */
export interface SyncOptions {
  attachments: { enabled: boolean; maxSizeBytes: number };
  /** Mailboxes synced at once. */
  concurrency: number;
  /** After this long on one mailbox its remaining folders wait for the next run. */
  mailboxTimeBudgetSeconds: number;
  /** -1 means unlimited. */
  maxRunSeconds: number;
  /** One EWS request may take this long without a byte of answer; it is then retried, a bounded number of times. */
  requestTimeoutSeconds: number;
  /** Mailboxes per run; undefined means all that are due. */
  maxMailboxes?: number;
  /** A mailbox synced successfully less than this many minutes ago is not due (0: every run). */
  minIntervalMinutes: number;
  tlsVerify: boolean;
  strategy: SyncStrategy;
}

/** How the syncer authenticates to EWS. */
export type AuthMethod = 'basic' | 'ntlm' | 'oauth';
export const AUTH_METHODS: readonly AuthMethod[] = ['basic', 'ntlm', 'oauth'];

/** An app registration's client-credentials grant (auth: oauth); the secret is Settings.password. */
export interface OAuthSettings {
  /** Directory (tenant) id or a verified domain of the tenant. */
  tenant: string;
  /** Application (client) id. */
  clientId: string;
  /** The identity platform's base URL, e.g. https://login.microsoftonline.com. */
  authority: string;
  /** `<authority>/<tenant>/oauth2/v2.0/token`. */
  tokenUrl: string;
  /** `<Exchange resource>/.default`. */
  scope: string;
}

export const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com';
/** Exchange Online's resource: app-only tokens for EWS are asked for with this scope. */
export const ONLINE_SCOPE = 'https://outlook.office365.com/.default';

/** Settings as written in a file or stored in the database, before validation. */
export interface RawSettings {
  [field: string]: unknown;
}

/** Settings that passed validation, normalised. */
export interface Settings extends SyncOptions {
  enabled: boolean;
  /** The Server field as entered (trimmed). */
  server: string;
  /** The EWS endpoint derived from the Server field; empty when no server is set. */
  endpoint: string;
  /** The version label, e.g. "2010 SP2"; empty when unset while disabled. */
  version: string;
  generation?: ExchangeGeneration;
  login: string;
  auth: AuthMethod;
  /** With auth oauth: the app registration; `login` is then the mailbox the connection check opens. */
  oauth?: OAuthSettings;
  /**
   * The secret: the password (basic, ntlm) or the client secret (oauth), resolved from the
   * environment when passwordEnv / clientSecretEnv was given.
   */
  password: string;
  /** Name of the environment variable the secret came from, if any (passwordEnv or clientSecretEnv). */
  passwordEnv?: string;
  domainList: string[];
}

export interface Violation {
  field: string;
  rule: string;
  message: string;
}

export const DEFAULT_OPTIONS: SyncOptions = {
  attachments: { enabled: false, maxSizeBytes: 10 * 1024 * 1024 },
  concurrency: 5,
  mailboxTimeBudgetSeconds: 30,
  maxRunSeconds: 900,
  requestTimeoutSeconds: 60,
  minIntervalMinutes: 0,
  tlsVerify: true,
  strategy: 'sync-state',
};
