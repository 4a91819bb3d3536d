// Sums the per-profile Cucumber JSON reports of scripts/profile-matrix.sh into one line per
// profile and the closing "N passed, N failed" (skipped scenarios did not apply to the profile).
import { existsSync, readFileSync } from 'node:fs';

interface Step { result: { status: string } }
interface Element { type: string; steps: Step[] }
interface Feature { elements: Element[] }

let passed = 0;
let failed = 0;
for (const profile of process.argv.slice(2)) {
  const file = `reports/matrix-${profile}.json`;
  if (!existsSync(file)) {
    console.log(`${profile}: no report`);
    failed += 1;
    continue;
  }
  const features = JSON.parse(readFileSync(file, 'utf8')) as Feature[];
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const f of features) {
    for (const e of f.elements.filter((x) => x.type === 'scenario')) {
      const statuses = e.steps.map((s) => s.result.status);
      if (statuses.some((s) => s === 'failed' || s === 'undefined' || s === 'ambiguous')) counts.failed += 1;
      else if (statuses.some((s) => s === 'skipped' || s === 'pending')) counts.skipped += 1;
      else counts.passed += 1;
    }
  }
  console.log(`${profile}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} not applicable`);
  passed += counts.passed;
  failed += counts.failed;
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
