/**
 * Figure 3: the syncer against a local mock, into SQLite. 100 mailboxes × 1,000 generated messages
 * (~2 KB bodies, 10 % with a 20 KB attachment, attachment sync on): a full sync, an incremental run
 * with no new mail, and one after one new message per mailbox. The mock and the syncer run in
 * separate processes; a second, profiled full sync into a fresh database says where the time goes.
 * The syncer runs as users run the installed `ews-sync run`: node with the options of the bin's shebang
 * (lib/run-syncer.ts); BENCH_MEMORY_TRACE=1 prints its memory once a second.
 *
 *   npm run bench:syncer      (BENCH_MAILBOXES, BENCH_PER_MAILBOX, BENCH_CONCURRENCY, BENCH_SKIP_PROFILE=1, BENCH_MEMORY_TRACE=1)
 */
import { rmSync } from 'node:fs';
import { AdminClient } from '../../mock-ews/src/client/admin-client';
import { benchDir, envNumber, fmt, machine, publish, Row, verdict } from './lib/report';
import { writeScenario } from './lib/scenarios';
import { emailCount, importUsersArgs, runSyncer, syncArgs, SyncerRun, syncerSetup, SyncerSetup } from './lib/run-syncer';
import { MockProcess, MockStats, spawnMock } from './lib/spawn-mock';
import { categorise, formatHotspots, freshProfileDir, hotspots, newestProfile } from './lib/profile';

const MAILBOXES = envNumber('BENCH_MAILBOXES', 100);
const PER_MAILBOX = envNumber('BENCH_PER_MAILBOX', 1_000);
const CONCURRENCY = envNumber('BENCH_CONCURRENCY', 5);
const SKIP_PROFILE = process.env.BENCH_SKIP_PROFILE === '1';

/** Where the syncer's sampled CPU time goes, by the script a sample's innermost known frame belongs to. */
export const SYNCER_CATEGORIES: [string, RegExp][] = [
  ['database (better-sqlite3, syncer/src/db)', /better-sqlite3|syncer\/src\/db\//],
  ['EWS client: XML parsing and building (ews-javascript-api, xmldom)', /ews-javascript-api|xmldom|@ewsjs/],
  ['HTTP (node:http, axios)', /axios|node:_http|node:http|node:net|node:tls|node:stream|follow-redirects/],
  ['syncer logic (syncer/src)', /syncer\/src\//],
];

async function timedSync(mock: MockProcess, setup: SyncerSetup, cpuProfDir?: string): Promise<{ run: SyncerRun; mock: MockStats }> {
  await mock.reset();
  const run = await runSyncer(setup, syncArgs(setup), cpuProfDir);
  if (run.code !== 0) throw new Error(`ews-sync run failed (${run.code}):\n${run.out}\n${run.err}`);
  return { run, mock: await mock.stats() };
}

async function main(): Promise<void> {
  const m = machine();
  const total = MAILBOXES * PER_MAILBOX;
  const scenario = writeScenario(`syncer-${MAILBOXES}x${PER_MAILBOX}`, { mailboxes: MAILBOXES, perMailbox: PER_MAILBOX, bodySize: 2048, attachmentRate: 0.1, attachmentSize: 20 * 1024 });
  const mock = await spawnMock(scenario.file);
  console.log(`mock: ${total} messages in ${MAILBOXES} mailboxes loaded in ${fmt.s(mock.loadMs)} (rss ${fmt.mb(mock.rss)})`);
  try {
    const dir = benchDir('syncer', 'throughput');
    rmSync(dir, { recursive: true, force: true });
    const setup = syncerSetup(benchDir('syncer', 'throughput'), mock.url, scenario.mailboxes, { concurrency: CONCURRENCY });
    const imported = await runSyncer(setup, importUsersArgs(setup));
    if (imported.code !== 0) throw new Error(`users import failed: ${imported.out} ${imported.err}`);

    const full = await timedSync(mock, setup);
    const afterFull = emailCount(setup.db);
    if (afterFull !== total) throw new Error(`full sync stored ${afterFull} emails, expected ${total}`);
    console.log(`full sync: ${fmt.s(full.run.wallMs)}, ${Math.round(total / (full.run.wallMs / 1000))} messages/s`);
    const quiet = await timedSync(mock, setup);
    console.log(`incremental, no new mail: ${fmt.s(quiet.run.wallMs)}`);

    const admin = new AdminClient({ baseUrl: mock.adminUrl! });
    for (const [i, smtp] of scenario.mailboxes.entries()) {
      await admin.deliver(smtp, 'inbox', { subject: `Fresh news ${i + 1}`, from: 'news@partner.test', to: [smtp], text: 'One new message for the incremental run.' });
    }
    const one = await timedSync(mock, setup);
    const afterOne = emailCount(setup.db);
    if (afterOne !== total + MAILBOXES) throw new Error(`incremental sync stored ${afterOne - total} new emails, expected ${MAILBOXES}`);
    console.log(`incremental, 1 new per mailbox: ${fmt.s(one.run.wallMs)}`);

    const rate = total / (full.run.wallMs / 1000);
    const rows: Row[] = [
      { figure: `full sync ${MAILBOXES} × ${PER_MAILBOX} into SQLite`, measured: fmt.s(full.run.wallMs), baseline: `${Math.round(rate)} msg/s`, ratio: fmt.x(full.run.wallMs / 60_000), target: '≤ 60 s (≥ 1,600 msg/s)', result: verdict(full.run.wallMs <= 60_000) },
      { figure: 'syncer peak RSS (full sync)', measured: fmt.mb(full.run.maxRssBytes), baseline: '—', ratio: fmt.x(full.run.maxRssBytes / (300 * 2 ** 20)), target: '≤ 300 MB', result: verdict(full.run.maxRssBytes <= 300 * 2 ** 20) },
      { figure: 'incremental run, no new mail', measured: fmt.s(quiet.run.wallMs), baseline: '—', ratio: fmt.x(quiet.run.wallMs / 3_000), target: '≤ 3 s', result: verdict(quiet.run.wallMs <= 3_000) },
      { figure: 'incremental run, 1 new message per mailbox', measured: fmt.s(one.run.wallMs), baseline: '—', ratio: fmt.x(one.run.wallMs / 5_000), target: '≤ 5 s', result: verdict(one.run.wallMs <= 5_000) },
      { figure: 'syncer start-up (node, tsx, loading the CLI), not in the times above', measured: fmt.s(quiet.run.startupMs), baseline: `incremental run with it ${fmt.s(quiet.run.processMs)}`, ratio: '—', target: 'reported', result: 'info' },
      { figure: 'mock CPU during the full sync', measured: fmt.s(full.mock.cpuMs), baseline: `wall ${fmt.s(full.run.wallMs)}`, ratio: fmt.pct(full.mock.cpuMs / full.run.wallMs), target: 'reported', result: 'info' },
    ];
    const details: Record<string, unknown> = {
      mailboxes: MAILBOXES,
      perMailbox: PER_MAILBOX,
      concurrency: CONCURRENCY,
      mockLoadMs: Math.round(mock.loadMs),
      runs: Object.fromEntries(
        Object.entries({ full, quiet, one }).map(([k, v]) => [k, { wallMs: Math.round(v.run.wallMs), syncerStartupMs: Math.round(v.run.startupMs), syncerProcessMs: Math.round(v.run.processMs), syncerCpuMs: Math.round(v.run.cpuMs), syncerMaxRss: v.run.maxRssBytes, mockCpuMs: Math.round(v.mock.cpuMs), requests: v.mock.requests, bytesIn: v.mock.bytesIn, bytesOut: v.mock.bytesOut }]),
      ),
    };

    if (!SKIP_PROFILE) {
      // The same full sync again into a fresh database, with the syncer profiled.
      const profDir = freshProfileDir(benchDir('profiles', 'syncer'));
      const pdir = benchDir('syncer', 'profiled');
      rmSync(pdir, { recursive: true, force: true });
      const psetup = syncerSetup(benchDir('syncer', 'profiled'), mock.url, scenario.mailboxes, { concurrency: CONCURRENCY });
      await runSyncer(psetup, importUsersArgs(psetup));
      const profiled = await timedSync(mock, psetup, profDir);
      const file = newestProfile(profDir)!;
      const { totalMs, ms: cats } = categorise(file, SYNCER_CATEGORIES);
      const wall = profiled.run.wallMs;
      rows.push({ figure: 'mock CPU time / wall time of the profiled full sync', measured: fmt.pct(profiled.mock.cpuMs / wall), baseline: `wall ${fmt.s(wall)}`, ratio: '—', target: 'reported', result: 'info' });
      // The syncer's process life (start-up included) split by category; idle is waiting on the mock.
      for (const [k, v] of Object.entries(cats).sort((a, b) => b[1] - a[1])) {
        rows.push({ figure: `syncer time: ${k === 'idle' ? 'idle (waiting on the mock)' : k}`, measured: fmt.pct(v / totalMs), baseline: `process ${fmt.s(totalMs)}`, ratio: '—', target: 'reported', result: 'info' });
      }
      const h = hotspots(file, 15);
      console.log(`\nsyncer CPU profile ${file}: busiest functions by self time\n${formatHotspots(h)}`);
      details.profiled = { wallMs: Math.round(wall), mockCpuMs: Math.round(profiled.mock.cpuMs), syncerProcessMs: Math.round(totalMs), syncerCategoriesMs: Object.fromEntries(Object.entries(cats).map(([k, v]) => [k, Math.round(v)])), file, top: h.top.slice(0, 10) };
    }
    publish('syncer-throughput', 'npm run bench:syncer', rows, details, m);
  } finally {
    await mock.stop();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
