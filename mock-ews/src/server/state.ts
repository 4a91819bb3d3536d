import type { Store } from '../store/store';
import type { Profile } from '../profiles/profiles';
import type { Logger } from './logger';
import type { ExchangeRecord } from './ews-endpoint';
import { FaultEngine } from '../admin/faults';
import { bodyChars, JOURNAL_RESPONSE_BYTES, JOURNAL_TOTAL_LIMIT, sanitise } from '../admin/journal';
import { ByteRing } from '../admin/byte-ring';
import type { IssuedToken } from '../auth/token-endpoint';
import { loadScenarioSource, ScenarioSource } from '../admin/scenario-source';
import { DEFAULT_PROFILE, isProfileName, PROFILES } from '../profiles/profiles';
import { DEFAULT_STREAMING, StreamingTiming } from '../operations/operation';

/** The running mock's mutable state, shared by the EWS endpoint and the admin API. */
export class MockState {
  /** Unexpected server errors (bugs in the mock), for the test guard. */
  readonly errors: { error: unknown; record: ExchangeRecord }[] = [];
  readonly records: ExchangeRecord[] = [];
  /** How many records to keep; older ones are dropped. */
  recordLimit = 10_000;

  /** The journal's response bodies: the newest `journalResponseBytes` of them (admin/journal.ts). */
  private readonly journalBodies: ByteRing;

  constructor(
    public store: Store,
    public profile: Profile,
    readonly log: Logger,
    journalResponseBytes = JOURNAL_RESPONSE_BYTES,
  ) {
    this.journalBodies = new ByteRing(journalResponseBytes);
  }

  /** Timing of GetStreamingEvents answers (StartOptions.streaming). */
  streaming: StreamingTiming = { ...DEFAULT_STREAMING };
  /** Injected faults, consulted at most twice per EWS request (on arrival, once parsed; admin/faults.ts stageOf). */
  readonly faults = new FaultEngine();
  /** The scenario the store was built from; reset rebuilds it from here. */
  scenario?: ScenarioSource;
  /** A profile chosen at start (--profile), which wins over the scenario's. */
  profileOverride?: Profile;
  readonly startedAt = new Date();
  private nextRecordId = 0;
  /** Tokens the token endpoint issued (auth/token-endpoint.ts), for tests that count refreshes. */
  readonly issuedTokens: IssuedToken[] = [];

  /**
   * Characters of bodies the journal holds, kept up to date as records come and go: summing them
   * touched every record and cost a few percent of a busy mock's CPU.
   */
  private journalChars = 0;

  /**
   * Journals one EWS request: numbered, credentials redacted, bodies capped. The oldest records go
   * while there are more than `recordLimit` or their text bodies exceed JOURNAL_TOTAL_LIMIT
   * characters, so a long load run cannot fill the memory; the newest record always stays. Response
   * bodies sent as bytes (`sent`) go into a ring of their own size (admin/byte-ring.ts).
   */
  record(r: ExchangeRecord, sent?: Buffer): void {
    r.id = ++this.nextRecordId;
    sanitise(r, this.journalBodies, sent);
    this.records.push(r);
    let chars = this.journalChars + bodyChars(r);
    let drop = 0;
    const { records } = this;
    while (drop < records.length - 1 && (records.length - drop > this.recordLimit || chars > JOURNAL_TOTAL_LIMIT)) {
      chars -= bodyChars(records[drop]);
      drop++;
    }
    // shift() trims an array from the front in place; splice(0, 1) moved all 10,000 entries.
    if (drop === 1) records.shift();
    else if (drop > 0) records.splice(0, drop);
    this.journalChars = chars;
  }

  /** Empties the journal; returns how many records it held. */
  clearJournal(): number {
    const cleared = this.records.length;
    this.records.length = 0;
    this.journalChars = 0;
    return cleared;
  }

  /**
   * Builds a store from a scenario and switches to it; a bad scenario throws ScenarioError and
   * leaves the running state as it was.
   */
  /**
   * What lives only as long as the store: open GetStreamingEvents answers and push notification
   * senders. Each is ended when the store is replaced (their subscriptions go with it) or the mock
   * closes.
   */
  readonly storeBound = new Set<() => void>();

  /** Ends everything bound to the current store (see storeBound). */
  endStoreBound(): void {
    for (const end of [...this.storeBound]) end();
  }

  async loadScenario(source: ScenarioSource): Promise<void> {
    const loaded = await loadScenarioSource(source);
    const name = loaded.profile ?? DEFAULT_PROFILE;
    this.endStoreBound();
    this.store = loaded.store;
    this.profile = this.profileOverride ?? (isProfileName(name) ? PROFILES[name] : this.profile);
    this.scenario = source;
  }

  /** Back to the loaded scenario: a fresh store, no faults, an empty journal. */
  async reset(): Promise<void> {
    if (this.scenario) await this.loadScenario(this.scenario);
    this.faults.clear();
    this.clearJournal();
    this.issuedTokens.length = 0;
  }

  unexpected(error: unknown, record: ExchangeRecord): void {
    this.errors.push({ error, record });
    this.log.error({ err: error, operation: record.operation }, 'unexpected error while serving an EWS request');
  }
}
