import { After, Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { EwsWorld } from '../support/world';
import { startMock, RunningMock } from '../../mock-ews/src/server/start';

/**
 * Runs part of this suite in a child cucumber-js against "another server" given by EWS_TARGET_URL
 * (here a second mock, standing for another team's emulator), and reads the child's JSON report.
 */

const run = promisify(execFile);
const CUCUMBER_BIN = path.join(path.dirname(require.resolve('@cucumber/cucumber/package.json')), 'bin', 'cucumber.js');

interface ReportStep {
  keyword: string;
  result: { status: string };
  embeddings?: { data: string; mime_type: string }[];
}
interface ReportScenario {
  name: string;
  steps: ReportStep[];
}
interface ReportFeature {
  uri: string;
  elements: ReportScenario[];
}

Given('another EWS server is running, with its admin API on a port of its own', async function (this: EwsWorld) {
  this.results.set('harness:server', await startMock({ port: 0, adminPort: 0 }));
});

When('the suite runs {string} against it through EWS_TARGET_URL', { timeout: 300_000 }, async function (this: EwsWorld, features: string) {
  const server = this.results.get('harness:server') as RunningMock;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ews-target-'));
  this.results.set('harness:dir', dir);
  const report = path.join(dir, 'report.json');
  const config = path.join(dir, 'cucumber.cjs');
  writeFileSync(
    config,
    `module.exports = { default: { requireModule: ['tsx/cjs'], require: ['step-definitions/**/*.ts'], format: ['json:${report.replace(/\\/g, '/')}'], parallel: 0 } };`,
  );
  const env: NodeJS.ProcessEnv = { ...process.env, EWS_TARGET_URL: server.url, EWS_TARGET_LOGIN: 'svc-ews@acme.test', EWS_TARGET_PASSWORD: 'Passw0rd!' };
  delete env.CUCUMBER_PARALLEL;
  // A failing child exits non-zero; the report says which scenarios failed. Cucumber's own bin is
  // run with this Node directly: through npx, npm would start (and cost a second) first.
  await run(process.execPath, [CUCUMBER_BIN, '--config', path.relative(process.cwd(), config), ...features.split(/\s+/)], { env, timeout: 280_000, maxBuffer: 20 * 1024 * 1024 }).catch(() => undefined);
  this.results.set('harness:report', JSON.parse(readFileSync(report, 'utf8')) as ReportFeature[]);
});

function scenariosOf(world: EwsWorld, uri: string): ReportScenario[] {
  const report = world.results.get('harness:report') as ReportFeature[];
  const feature = report.find((f) => f.uri === uri);
  assert.ok(feature, `${uri} did not run: ${report.map((f) => f.uri).join(', ')}`);
  assert.ok(feature.elements.length > 0);
  return feature.elements;
}

const outcome = (s: ReportScenario) => {
  const statuses = s.steps.map((st) => st.result.status);
  return statuses.every((x) => x === 'passed') ? 'passed' : statuses.includes('failed') ? 'failed' : statuses.every((x) => x === 'skipped' || x === 'passed') ? 'skipped' : statuses.join(',');
};

Then('every scenario of {string} passed', function (this: EwsWorld, uri: string) {
  const scenarios = scenariosOf(this, uri);
  assert.deepEqual(scenarios.filter((s) => outcome(s) !== 'passed').map((s) => `${s.name}: ${outcome(s)}`), []);
});

Then('every scenario of {string} was skipped, saying {string}', function (this: EwsWorld, uri: string, reason: string) {
  for (const s of scenariosOf(this, uri)) {
    assert.equal(outcome(s), 'skipped', s.name);
    const logged = s.steps.flatMap((st) => st.embeddings ?? []).map((e) => (e.mime_type.startsWith('text/') ? Buffer.from(e.data, 'base64').toString('utf8') : e.data));
    assert.ok(logged.some((l) => l.includes(reason)), `${s.name}: no reason logged (${logged.join(' | ')})`);
  }
});

Then('the other server\'s journal holds the GetFolder requests those scenarios sent', async function (this: EwsWorld) {
  const server = this.results.get('harness:server') as RunningMock;
  const count = await server.admin.requestCount({ operation: 'GetFolder' });
  assert.ok(count.total >= 3, `only ${count.total} GetFolder requests reached the other server`);
});

After(async function (this: EwsWorld) {
  const server = this.results.get('harness:server') as RunningMock | undefined;
  if (server) await server.close();
  const dir = this.results.get('harness:dir') as string | undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});
