/**
 * Figure 2: cost per page, not per folder size. Two mocks run side by side, one with a 1,000-item
 * Inbox and one with a generated 1,000,000-item Inbox; the same requests alternate between them,
 * one at a time, and the median page times are compared. The big mock's load time and memory are
 * the other half of the figure.
 *
 *   npm run bench:scale      (BENCH_BIG_ITEMS, BENCH_SMALL_ITEMS, BENCH_SAMPLES, BENCH_PROFILE=1)
 */
import { benchDir, envNumber, fmt, machine, median, percentile, publish, Row, verdict } from './lib/report';
import { writeScenario } from './lib/scenarios';
import { findItemIdOnly, post, postOk, syncFolderItems, syncStateOf } from './lib/soap';
import { MockProcess, spawnMock } from './lib/spawn-mock';
import { formatHotspots, freshProfileDir, hotspots, newestProfile } from './lib/profile';

const SMALL = envNumber('BENCH_SMALL_ITEMS', 1_000);
const BIG = envNumber('BENCH_BIG_ITEMS', 1_000_000);
const SAMPLES = envNumber('BENCH_SAMPLES', 30);
const PROFILE = process.env.BENCH_PROFILE === '1';
const LOAD_TARGET_MS = 20_000;
const RSS_TARGET = 1.5 * 2 ** 30;
const PAGE_TARGET = 1.5;

interface PageCase {
  name: string;
  /** The request for a mock whose Inbox holds `items`; may need earlier answers (a sync state). */
  prepare(mock: MockProcess, mailbox: string, items: number): Promise<string>;
}

const cases: PageCase[] = [
  { name: 'FindItem IdOnly page of 100, offset 0', prepare: async (_m, mb) => findItemIdOnly(mb, 100, 0) },
  { name: 'FindItem IdOnly page of 100, middle of the folder', prepare: async (_m, mb, n) => findItemIdOnly(mb, 100, Math.floor(n / 2)) },
  { name: 'SyncFolderItems 512, first page', prepare: async (_m, mb) => syncFolderItems(mb, 512) },
  {
    name: 'SyncFolderItems 512, second page',
    prepare: async (m, mb) => syncFolderItems(mb, 512, syncStateOf(await postOk(m.url, syncFolderItems(mb, 512)))),
  },
];

async function time(url: string, xml: string): Promise<number> {
  const t0 = performance.now();
  const r = await post(url, xml);
  const ms = performance.now() - t0;
  if (r.status !== 200 || !r.body.includes('<m:ResponseCode>NoError</m:ResponseCode>')) throw new Error(`request failed: HTTP ${r.status}: ${r.body.slice(0, 300)}`);
  return ms;
}

async function main(): Promise<void> {
  const m = machine();
  const small = writeScenario(`inbox-${SMALL}`, { mailboxes: 1, perMailbox: SMALL });
  const big = writeScenario(`inbox-${BIG}`, { mailboxes: 1, perMailbox: BIG });
  const profDir = PROFILE ? freshProfileDir(benchDir('profiles', 'scale')) : undefined;
  const smallMock = await spawnMock(small.file);
  console.log(`small mock: ${SMALL} items loaded in ${fmt.s(smallMock.loadMs)}`);
  let bigMock: MockProcess | undefined;
  try {
    bigMock = await spawnMock(big.file, { cpuProfDir: profDir });
    const bigStats = await bigMock.stats();
    console.log(`big mock: ${BIG} items loaded in ${fmt.s(bigMock.loadMs)}, rss ${fmt.mb(bigMock.rss)}, peak ${fmt.mb(bigStats.peakRss ?? 0)}`);
    const rows: Row[] = [];
    const details: Record<string, unknown> = { smallItems: SMALL, bigItems: BIG, samples: SAMPLES, bigLoadMs: Math.round(bigMock.loadMs), bigRss: bigMock.rss, bigPeakRssDuringLoad: bigStats.peakRss, bigHeapUsed: bigMock.heapUsed };
    for (const c of cases) {
      const reqSmall = await c.prepare(smallMock, small.mailboxes[0], SMALL);
      const reqBig = await c.prepare(bigMock, big.mailboxes[0], BIG);
      // Warm-up, then alternate so both see the same machine.
      for (let i = 0; i < 3; i++) {
        await time(smallMock.url, reqSmall);
        await time(bigMock.url, reqBig);
      }
      const ts: number[] = [];
      const tb: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        ts.push(await time(smallMock.url, reqSmall));
        tb.push(await time(bigMock.url, reqBig));
      }
      const ratio = median(tb) / median(ts);
      rows.push({ figure: `${c.name}: ${BIG} vs ${SMALL} items`, measured: fmt.ms(median(tb)), baseline: fmt.ms(median(ts)), ratio: fmt.x(ratio), target: `≤ ${PAGE_TARGET}×`, result: verdict(ratio <= PAGE_TARGET) });
      details[c.name] = { smallMedianMs: median(ts), bigMedianMs: median(tb), smallP90Ms: percentile(ts, 90), bigP90Ms: percentile(tb, 90) };
    }
    rows.push({ figure: `load ${BIG}-message generated scenario`, measured: fmt.s(bigMock.loadMs), baseline: `${SMALL}: ${fmt.s(smallMock.loadMs)}`, ratio: fmt.x(bigMock.loadMs / LOAD_TARGET_MS), target: '≤ 20 s', result: verdict(bigMock.loadMs <= LOAD_TARGET_MS) });
    rows.push({ figure: `RSS holding ${BIG} messages (after GC)`, measured: fmt.mb(bigMock.rss), baseline: `${SMALL}: ${fmt.mb(smallMock.rss)}`, ratio: fmt.x(bigMock.rss / RSS_TARGET), target: '≤ 1536 MB', result: verdict(bigMock.rss <= RSS_TARGET) });
    rows.push({ figure: `peak RSS while loading ${BIG}`, measured: fmt.mb(bigStats.peakRss ?? NaN), baseline: '—', ratio: '—', target: 'reported', result: 'info' });
    await bigMock.stop();
    if (profDir) {
      const file = newestProfile(profDir);
      if (file) {
        const h = hotspots(file, 20);
        console.log(`\nbig mock CPU profile ${file} (load and requests): busiest functions by self time\n${formatHotspots(h)}`);
        details.profile = { file, top: h.top.slice(0, 12) };
      }
    }
    publish('scale', 'npm run bench:scale', rows, details, m);
  } finally {
    await bigMock?.stop();
    await smallMock.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
