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
  /** Mailboxes per run; undefined means all that are due. */
  maxMailboxes?: number;
  tlsVerify: boolean;
  strategy: SyncStrategy;
}

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
  /** The password itself (resolved from the environment when passwordEnv was given). */
  password: string;
  /** Name of the environment variable the password came from, if any. */
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
  tlsVerify: true,
  strategy: 'sync-state',
};
