import { Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { EwsWorld } from '../support/world';
import { checkPermissions, PropertyRun, runSequence, savedRegressions } from './permissions-model';

interface PermissionResult {
  cases: number;
  problems: string[];
}
const results = new WeakMap<EwsWorld, PermissionResult>();

// Thousands of requests: minutes on a busy 2-core machine, so the default 30 s step limit is too short.
When('the permission property runs {int} scenarios of {int} requests each', { timeout: 300_000 }, async function (this: EwsWorld, runs: number, requestsPerRun: number) {
  const mock = await this.ensureMock();
  // A fresh seed each run explores new cases; the log names it so a failure can be re-run.
  const seed = Number(process.env.PERMISSIONS_SEED ?? Date.now() % 2 ** 31);
  const r: PropertyRun = await checkPermissions(mock, { seed, runs, requestsPerRun });
  this.log(`seed ${r.seed}: ${r.runs} scenarios, ${r.cases} requests tried in ${(r.ms / 1000).toFixed(1)} s`);
  results.set(this, { cases: r.cases, problems: r.failure ? [`saved to ${r.failure.file}`, ...r.failure.problems] : [] });
});

When('every saved permission regression is replayed', async function (this: EwsWorld) {
  const mock = await this.ensureMock();
  const problems: string[] = [];
  let cases = 0;
  const saved = savedRegressions();
  for (const { file, reg } of saved) {
    const counter = { cases: 0 };
    for (const p of await runSequence(mock, reg.scenario, reg.requests, counter)) problems.push(`${file}: ${p}`);
    cases += counter.cases;
  }
  this.log(`${saved.length} saved regression(s), ${cases} requests replayed`);
  results.set(this, { cases, problems });
});

Then('at least {int} requests were tried', function (this: EwsWorld, n: number) {
  const r = results.get(this);
  assert.ok(r && r.cases >= n, `only ${r?.cases ?? 0} requests were tried`);
});

Then('no request broke a permission rule', function (this: EwsWorld) {
  assert.deepEqual(results.get(this)?.problems, []);
});
