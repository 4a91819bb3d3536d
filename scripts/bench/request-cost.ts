/**
 * Figure 1: what one mock request costs against the physical limit. The mock, baseline A (bare
 * node:http, precomputed bytes) and baseline B (an Express route with a canned body) each run in a
 * process of their own and are driven by autocannon over loopback with the same concurrency, in
 * alternating rounds so drift on a shared machine hits all three alike. The baselines answer the
 * mock's own response bytes for the same request.
 *
 *   npm run bench:request-cost      (BENCH_DURATION, BENCH_ROUNDS, BENCH_WARMUP, BENCH_CONNECTIONS, BENCH_PROFILE=1)
 */
import { drive, LoadResult, startBaseline } from './lib/load';
import { benchDir, envNumber, fmt, machine, median, publish, Row, verdict } from './lib/report';
import { writeScenario } from './lib/scenarios';
import { countOf, findItemIdOnly, getItemWithMime, itemIdsOf, postOk, SOAP_HEADERS, syncFolderItems } from './lib/soap';
import { spawnMock } from './lib/spawn-mock';
import { formatHotspots, freshProfileDir, hotspots, newestProfile } from './lib/profile';

const INBOX = envNumber('BENCH_INBOX_ITEMS', 100_000);
const DURATION = envNumber('BENCH_DURATION', 8);
const ROUNDS = envNumber('BENCH_ROUNDS', 3);
/**
 * Seconds of load before the timed rounds. The mock needs more than the baselines: after 2 s its
 * first FindItem round ran at 1,602 req/s and its second at 2,551 (JIT tiers, the first full
 * collections of the freshly loaded store), so the median of two was not its steady state.
 */
const WARMUP = envNumber('BENCH_WARMUP', 6);
const CONNECTIONS = envNumber('BENCH_CONNECTIONS', 10);
const PROFILE = process.env.BENCH_PROFILE === '1';

interface OpCase {
  name: string;
  request: string;
  /** Checked on the mock's answer before anything is timed. */
  check(body: string): void;
  targetA?: number;
  targetB?: number;
}

async function main(): Promise<void> {
  const m = machine();
  const scenario = writeScenario(`inbox-${INBOX}`, { mailboxes: 1, perMailbox: INBOX });
  const mailbox = scenario.mailboxes[0];
  const profDir = PROFILE ? freshProfileDir(benchDir('profiles', 'request-cost')) : undefined;
  const mock = await spawnMock(scenario.file, { cpuProfDir: profDir });
  console.log(`mock loaded ${INBOX} items in ${fmt.s(mock.loadMs)} (rss ${fmt.mb(mock.rss)})`);
  try {
    const ids = itemIdsOf(await postOk(mock.url, findItemIdOnly(mailbox, 10)));
    const cases: OpCase[] = [
      {
        name: `FindItem IdOnly, page of 100 of ${INBOX}`,
        request: findItemIdOnly(mailbox, 100),
        check: (b) => expect(countOf(b, 't:Message') === 100 && b.includes(`TotalItemsInView="${INBOX}"`), 'FindItem: 100 messages of the whole Inbox'),
        targetA: 0.5,
        targetB: 0.7,
      },
      {
        name: 'GetItem of 10 with MimeContent',
        request: getItemWithMime(mailbox, ids),
        check: (b) => expect(countOf(b, 't:MimeContent') === 10, 'GetItem: 10 MimeContent elements'),
      },
      {
        name: 'SyncFolderItems, 512 changes',
        request: syncFolderItems(mailbox, 512),
        check: (b) => expect(countOf(b, 't:Create') === 512, 'SyncFolderItems: 512 Create changes'),
      },
    ];
    const headers = SOAP_HEADERS();
    const rows: Row[] = [];
    const details: Record<string, unknown> = { inboxItems: INBOX, connections: CONNECTIONS, durationS: DURATION, rounds: ROUNDS, warmupS: WARMUP, mockLoadMs: Math.round(mock.loadMs) };
    for (const c of cases) {
      const answer = await postOk(mock.url, c.request);
      c.check(answer);
      const a = await startBaseline('node', 'baseline-a', answer);
      const b = await startBaseline('express', 'baseline-b', answer);
      const targets = { mock: mock.url, A: a.url, B: b.url } as const;
      try {
        // Warm-up: JIT and connection set-up are not what is measured.
        for (const url of Object.values(targets)) await drive(url, c.request, headers, CONNECTIONS, WARMUP);
        const runs: Record<keyof typeof targets, LoadResult[]> = { mock: [], A: [], B: [] };
        // CPU time each server process spent per request answered, over all timed rounds.
        const cpuOf = { mock: async () => (await mock.stats()).cpuMs, A: a.cpuMs, B: b.cpuMs };
        const cpu = { mock: 0, A: 0, B: 0 };
        for (let r = 0; r < ROUNDS; r++) {
          for (const key of ['A', 'B', 'mock'] as const) {
            const before = await cpuOf[key]();
            runs[key].push(await drive(targets[key], c.request, headers, CONNECTIONS, DURATION));
            cpu[key] += (await cpuOf[key]()) - before;
          }
        }
        const cpuPerRequest = (k: keyof typeof targets) => (cpu[k] * 1000) / runs[k].reduce((n, x) => n + x.requests, 0);
        const rps = (k: keyof typeof targets) => median(runs[k].map((x) => x.rps));
        const p99 = (k: keyof typeof targets) => median(runs[k].map((x) => x.p99));
        const ratioA = rps('mock') / rps('A');
        const ratioB = rps('mock') / rps('B');
        rows.push({ figure: `${c.name} vs A (node:http)`, measured: fmt.rps(rps('mock')), baseline: fmt.rps(rps('A')), ratio: fmt.x(ratioA), target: c.targetA ? `≥ ${c.targetA}×` : '—', result: verdict(c.targetA ? ratioA >= c.targetA : undefined) });
        rows.push({ figure: `${c.name} vs B (Express stub)`, measured: fmt.rps(rps('mock')), baseline: fmt.rps(rps('B')), ratio: fmt.x(ratioB), target: c.targetB ? `≥ ${c.targetB}×` : '—', result: verdict(c.targetB ? ratioB >= c.targetB : undefined) });
        rows.push({ figure: `${c.name}: server CPU per request`, measured: `${cpuPerRequest('mock').toFixed(0)} µs`, baseline: `A ${cpuPerRequest('A').toFixed(0)} µs, B ${cpuPerRequest('B').toFixed(0)} µs`, ratio: fmt.x(cpuPerRequest('mock') / cpuPerRequest('B')) + ' B', target: 'reported', result: 'info' });
        // autocannon keeps latencies in whole milliseconds: 0 is anything under 1 ms, and no ratio to it means anything.
        const latency = (k: keyof typeof targets) => (p99(k) === 0 ? '< 1 ms' : fmt.ms(p99(k)));
        rows.push({ figure: `${c.name}: p99 latency`, measured: latency('mock'), baseline: `A ${latency('A')}, B ${latency('B')}`, ratio: p99('A') === 0 ? '—' : fmt.x(p99('mock') / p99('A')), target: 'reported', result: 'info' });
        details[c.name] = { responseBytes: Buffer.byteLength(answer), runs };
      } finally {
        a.stop();
        b.stop();
      }
    }
    const stats = await mock.stats();
    details.mockRssAfter = stats.rss;
    details.mockPeakRss = stats.peakRss;
    await mock.stop();
    if (profDir) {
      const file = newestProfile(profDir);
      if (file) {
        const h = hotspots(file, 20);
        console.log(`\nmock CPU profile ${file}: busiest functions by self time\n${formatHotspots(h)}`);
        details.profile = { file, top: h.top.slice(0, 12) };
      }
    }
    publish('request-cost', 'npm run bench:request-cost', rows, details, m);
  } finally {
    await mock.stop();
  }
}

function expect(ok: boolean, what: string): void {
  if (!ok) throw new Error(`unexpected answer: ${what}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
