import { readFileSync } from 'node:fs';

/** Prints "N passed, N failed" for the scenarios in a Cucumber JSON report. */
interface Step { result: { status: string } }
interface Element { type: string; steps: Step[]; before?: Step[]; after?: Step[] }
interface Feature { elements?: Element[] }

const file = process.argv[2] ?? 'reports/cucumber.json';
let features: Feature[];
try {
  features = JSON.parse(readFileSync(file, 'utf8')) as Feature[];
} catch (err) {
  console.log(`cannot read ${file}: ${(err as Error).message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
let passed = 0;
let failed = 0;
let skipped = 0;
for (const f of features) {
  for (const e of f.elements ?? []) {
    if (e.type !== 'scenario') continue;
    const statuses = [...(e.before ?? []), ...e.steps, ...(e.after ?? [])].map((s) => s.result.status);
    if (statuses.some((s) => s === 'failed' || s === 'undefined' || s === 'ambiguous' || s === 'pending')) failed++;
    else if (statuses.every((s) => s === 'passed')) passed++;
    else skipped++;
  }
}
console.log(skipped > 0 ? `${passed} passed, ${failed} failed, ${skipped} skipped` : `${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
