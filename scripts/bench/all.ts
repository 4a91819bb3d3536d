/**
 * `npm run bench`: every figure in turn, each in its own process (so one figure's memory and JIT
 * state do not colour the next), the slow test-suite figure last. Pass figure names to run some only.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { BENCH_DIR } from './lib/report';

const FIGURES = ['request-cost', 'scale', 'syncer-throughput', 'strategies', 'test-suite'];

const chosen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : FIGURES;
const unknown = chosen.filter((f) => !FIGURES.includes(f));
if (unknown.length > 0) {
  console.error(`unknown figure(s) ${unknown.join(', ')}; choose from ${FIGURES.join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const figure of chosen) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, `${figure}.ts`)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`figure ${figure} did not complete (exit ${r.status})`);
  }
}
console.log(`\n${chosen.length - failed} of ${chosen.length} figure(s) completed; results in ${path.join(BENCH_DIR, 'results')}`);
process.exit(failed > 0 ? 1 : 0);
