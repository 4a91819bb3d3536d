/**
 * Runs one ews-sync command in a process of its own (forked by run-syncer.ts) and reports its wall
 * time, CPU time and peak memory, so the syncer is measured alone, apart from the mock.
 *
 * BENCH_MEMORY_TRACE=1 prints the process's memory once a second to stderr (RSS, V8 heap used and
 * committed, new space, external, array buffers), to see what a peak RSS is made of.
 */
import { getHeapSpaceStatistics } from 'node:v8';
import { main } from '../../../syncer/src/cli';

const MB = 2 ** 20;

function memoryLine(t0: number): string {
  const m = process.memoryUsage();
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s]));
  const mb = (n: number) => (n / MB).toFixed(0).padStart(4);
  return (
    `mem t=${((performance.now() - t0) / 1000).toFixed(0).padStart(4)}s rss ${mb(m.rss)} heapUsed ${mb(m.heapUsed)} heapTotal ${mb(m.heapTotal)}` +
    ` new ${mb(spaces.new_space?.space_size ?? 0)} old ${mb(spaces.old_space?.space_size ?? 0)} code ${mb(spaces.code_space?.space_size ?? 0)}` +
    ` large ${mb(spaces.large_object_space?.space_size ?? 0)} external ${mb(m.external)} arrayBuffers ${mb(m.arrayBuffers)} maxRss ${mb(process.resourceUsage().maxRSS * 1024)}`
  );
}

async function run(): Promise<void> {
  const args = process.argv.slice(2);
  const out: string[] = [];
  const err: string[] = [];
  const t0 = performance.now();
  const trace = process.env.BENCH_MEMORY_TRACE === '1' ? setInterval(() => process.stderr.write(memoryLine(t0) + '\n'), 1000) : undefined;
  if (trace) process.stderr.write(memoryLine(t0) + ' (modules loaded)\n');
  const code = await main(['node', 'ews-sync', ...args], { out: (t) => out.push(t), err: (t) => err.push(t), env: process.env, isTTY: false });
  const wallMs = performance.now() - t0;
  if (trace) {
    clearInterval(trace);
    process.stderr.write(memoryLine(t0) + ' (done)\n');
  }
  const cpu = process.cpuUsage();
  process.send!({ code, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, maxRssBytes: process.resourceUsage().maxRSS * 1024, out: out.join('\n'), err: err.join('\n').slice(-4000) }, () => process.exit(0));
}

run().catch((e) => {
  console.error(e);
  process.exit(1);
});
