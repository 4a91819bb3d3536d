import { Then, When, DataTable } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import type { EwsWorld } from '../support/world';

// Runs scripts/example-list-inbox.ts as a person would, against this scenario's mock.

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** The script compiles through tsx before it runs: slow on a loaded machine. */
const SCRIPT_TIMEOUT = 120_000;

interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

function runScript(args: string[], env: Record<string, string>): Promise<ScriptRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX, path.join(ROOT, 'scripts', 'example-list-inbox.ts'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, timeout: SCRIPT_TIMEOUT - 5_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function lastRun(world: EwsWorld): ScriptRun {
  const run = world.results.get('script') as ScriptRun | undefined;
  assert.ok(run, 'the script was not run');
  return run;
}

When("I run the example script with the mock's URL as its argument", { timeout: SCRIPT_TIMEOUT }, async function (this: EwsWorld) {
  const mock = await this.ensureMock();
  this.results.set('script', await runScript([mock.url], {}));
});

When("I run the example script with EWS_URL set to the mock's URL and EWS_MAILBOX {string}", { timeout: SCRIPT_TIMEOUT }, async function (this: EwsWorld, mailbox: string) {
  const mock = await this.ensureMock();
  this.results.set('script', await runScript([], { EWS_URL: mock.url, EWS_MAILBOX: mailbox }));
});

Then('the script exits with status {int}', function (this: EwsWorld, code: number) {
  const run = lastRun(this);
  assert.equal(run.code, code, `stdout: ${run.stdout}\nstderr: ${run.stderr}`);
});

Then('the script prints {string}', function (this: EwsWorld, text: string) {
  assert.ok(lastRun(this).stdout.includes(text), lastRun(this).stdout);
});

Then('the script reports {string}', function (this: EwsWorld, text: string) {
  assert.ok(lastRun(this).stderr.includes(text), lastRun(this).stderr);
});

Then('the script lists these subjects first:', function (this: EwsWorld, table: DataTable) {
  const lines = lastRun(this).stdout.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.slice(2));
  const expected = table.raw().map((r) => r[0]);
  assert.deepEqual(lines.slice(0, expected.length), expected);
});
