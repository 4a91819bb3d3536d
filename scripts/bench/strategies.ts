/**
 * Figure 4: the syncer's two strategies on the same data. SyncFolderItems with stored sync states
 * against the reference's FindItem paging + GetItem with a date filter: requests sent, bytes on the
 * wire (both directions, counted at the mock's sockets) and wall time, for the first run, an
 * incremental run with no new mail and one after one new message per mailbox.
 *
 *   npm run bench:strategies      (BENCH_MAILBOXES, BENCH_PER_MAILBOX)
 */
import { rmSync } from 'node:fs';
import { AdminClient } from '../../mock-ews/src/client/admin-client';
import { benchDir, envNumber, fmt, machine, publish, Row } from './lib/report';
import { writeScenario } from './lib/scenarios';
import { emailCount, importUsersArgs, runSyncer, syncArgs, syncerSetup, SyncerSetup } from './lib/run-syncer';
import { MockProcess, spawnMock } from './lib/spawn-mock';

const MAILBOXES = envNumber('BENCH_MAILBOXES', 20);
const PER_MAILBOX = envNumber('BENCH_PER_MAILBOX', 1_000);
const STRATEGIES = ['sync-state', 'find-item'] as const;
type Strategy = (typeof STRATEGIES)[number];

interface Measured {
  requests: number;
  bytes: number;
  wallMs: number;
  emails: number;
}

async function measure(mock: MockProcess, setup: SyncerSetup): Promise<Measured> {
  await mock.reset();
  const run = await runSyncer(setup, syncArgs(setup));
  if (run.code !== 0) throw new Error(`ews-sync run failed (${run.code}):\n${run.out}\n${run.err}`);
  const s = await mock.stats();
  return { requests: s.requests, bytes: s.bytesIn + s.bytesOut, wallMs: run.wallMs, emails: emailCount(setup.db) };
}

async function main(): Promise<void> {
  const m = machine();
  const total = MAILBOXES * PER_MAILBOX;
  const scenario = writeScenario(`syncer-${MAILBOXES}x${PER_MAILBOX}`, { mailboxes: MAILBOXES, perMailbox: PER_MAILBOX, bodySize: 2048, attachmentRate: 0.1, attachmentSize: 20 * 1024 });
  const mock = await spawnMock(scenario.file);
  try {
    const setups = {} as Record<Strategy, SyncerSetup>;
    for (const strategy of STRATEGIES) {
      const dir = benchDir('syncer', `strategy-${strategy}`);
      rmSync(dir, { recursive: true, force: true });
      setups[strategy] = syncerSetup(benchDir('syncer', `strategy-${strategy}`), mock.url, scenario.mailboxes, { strategy });
      await runSyncer(setups[strategy], importUsersArgs(setups[strategy]));
    }
    const results: Record<string, Record<Strategy, Measured>> = {};
    const phase = async (name: string, expected: number) => {
      results[name] = {} as Record<Strategy, Measured>;
      for (const strategy of STRATEGIES) {
        const r = await measure(mock, setups[strategy]);
        if (r.emails !== expected) throw new Error(`${strategy} ${name}: ${r.emails} emails stored, expected ${expected}`);
        results[name][strategy] = r;
        console.log(`${name}, ${strategy}: ${r.requests} requests, ${fmt.bytes(r.bytes)}, ${fmt.s(r.wallMs)}`);
      }
    };
    await phase('first run', total);
    await phase('incremental, no new mail', total);
    const admin = new AdminClient({ baseUrl: mock.adminUrl! });
    for (const [i, smtp] of scenario.mailboxes.entries()) {
      await admin.deliver(smtp, 'inbox', { subject: `Fresh news ${i + 1}`, from: 'news@partner.test', to: [smtp], text: 'One new message for the incremental run.' });
    }
    await phase('incremental, 1 new per mailbox', total + MAILBOXES);

    const rows: Row[] = [];
    for (const [name, r] of Object.entries(results)) {
      const a = r['sync-state'];
      const b = r['find-item'];
      rows.push({ figure: `${name}: requests`, measured: String(a.requests), baseline: String(b.requests), ratio: fmt.x(b.requests / a.requests), target: 'reported', result: 'info' });
      rows.push({ figure: `${name}: bytes`, measured: fmt.bytes(a.bytes), baseline: fmt.bytes(b.bytes), ratio: fmt.x(b.bytes / a.bytes), target: 'reported', result: 'info' });
      rows.push({ figure: `${name}: wall time`, measured: fmt.s(a.wallMs), baseline: fmt.s(b.wallMs), ratio: fmt.x(b.wallMs / a.wallMs), target: 'reported', result: 'info' });
    }
    console.log('measured = sync-state strategy, baseline = find-item strategy, ratio = find-item / sync-state');
    publish('strategies', 'npm run bench:strategies', rows, { mailboxes: MAILBOXES, perMailbox: PER_MAILBOX, columns: 'measured = sync-state, baseline = find-item, ratio = find-item / sync-state', results }, m);
  } finally {
    await mock.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
