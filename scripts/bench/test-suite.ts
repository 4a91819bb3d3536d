/**
 * Figure 5: the whole `npm test` (type check, then every Cucumber scenario under c8 with the
 * configured parallel workers) by wall clock, and scenarios per second.
 *
 *   npm run bench:test-suite      (CUCUMBER_PARALLEL as for npm test)
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { benchDir, fmt, machine, publish, Row, verdict } from './lib/report';

const TARGET_MS = 3 * 60_000;

async function main(): Promise<void> {
  const m = machine();
  const log = path.join(benchDir('logs'), 'npm-test.log');
  const sink = createWriteStream(log);
  const t0 = performance.now();
  let tail = '';
  const code = await new Promise<number>((resolve) => {
    const child = spawn('npm', ['test'], { cwd: path.resolve(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] });
    const take = (chunk: Buffer) => {
      sink.write(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('close', (c) => resolve(c ?? 1));
  });
  const wallMs = performance.now() - t0;
  sink.end();
  const summary = [...tail.matchAll(/^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/gm)].pop();
  if (!summary) throw new Error(`npm test printed no "N passed, N failed" line (exit ${code}); see ${log}`);
  const [passed, failed, skipped] = [summary[1], summary[2], summary[3] ?? '0'].map(Number);
  const scenarios = passed + failed + skipped;
  const rows: Row[] = [
    { figure: 'npm test wall time', measured: fmt.s(wallMs), baseline: `${scenarios} scenarios`, ratio: fmt.x(wallMs / TARGET_MS), target: '≤ 180 s', result: verdict(wallMs <= TARGET_MS) },
    { figure: 'scenarios per second', measured: (scenarios / (wallMs / 1000)).toFixed(2), baseline: '—', ratio: '—', target: 'reported', result: 'info' },
    { figure: 'scenario results', measured: `${passed} passed, ${failed} failed, ${skipped} skipped`, baseline: '—', ratio: '—', target: 'reported', result: 'info' },
  ];
  publish('test-suite', 'npm run bench:test-suite', rows, { wallMs: Math.round(wallMs), exitCode: code, passed, failed, skipped, parallel: (require(path.resolve('cucumber.js')) as { default: { parallel: number } }).default.parallel, log }, m);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
