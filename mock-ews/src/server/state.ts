import type { Request } from 'express';
import type { Store } from '../store/store';
import type { Profile } from '../profiles/profiles';
import type { Logger } from './logger';
import type { ExchangeRecord } from './ews-endpoint';

/** The running mock's mutable state, shared by the EWS endpoint and the admin API. */
export class MockState {
  /** Unexpected server errors (bugs in the mock), for the test guard. */
  readonly errors: { error: unknown; record: ExchangeRecord }[] = [];
  readonly records: ExchangeRecord[] = [];
  /** How many records to keep; older ones are dropped. */
  recordLimit = 10_000;

  constructor(
    public store: Store,
    public profile: Profile,
    readonly log: Logger,
  ) {}

  record(r: ExchangeRecord): void {
    this.records.push(r);
    if (this.records.length > this.recordLimit) this.records.splice(0, this.records.length - this.recordLimit);
  }

  unexpected(error: unknown, record: ExchangeRecord): void {
    this.errors.push({ error, record });
    this.log.error({ err: error, operation: record.operation }, 'unexpected error while serving an EWS request');
  }

  /** The WWW-Authenticate challenge(s) of this profile's schemes that the mock implements. */
  wwwAuthenticate(req: Request): string[] {
    const realm = req.hostname || 'localhost';
    const implemented = this.profile.authSchemes.filter((s) => s === 'Basic');
    return implemented.map((s) => (s === 'Basic' ? `Basic realm="${realm}"` : s));
  }
}
