/**
 * Runs one ews-sync command in a process of its own (forked by run-syncer.ts) and reports its wall
 * time, CPU time and peak memory, so the syncer is measured alone, apart from the mock.
 */
import { main } from '../../../syncer/src/cli';

async function run(): Promise<void> {
  const args = process.argv.slice(2);
  const out: string[] = [];
  const err: string[] = [];
  const t0 = performance.now();
  const code = await main(['node', 'ews-sync', ...args], { out: (t) => out.push(t), err: (t) => err.push(t), env: process.env, isTTY: false });
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage();
  process.send!({ code, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, maxRssBytes: process.resourceUsage().maxRSS * 1024, out: out.join('\n'), err: err.join('\n').slice(-4000) }, () => process.exit(0));
}

run().catch((e) => {
  console.error(e);
  process.exit(1);
});
