import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EwsWorld } from '../support/world';
import { chaosFaults, chaosScenario, compareWithMock, describe, mismatches, prepareSyncer, SyncerWorkspace, syncUntilDone } from './chaos';
import { After } from '@cucumber/cucumber';

interface ChaosState {
  mailboxes: string[];
  ws?: SyncerWorkspace;
  dir: string;
}
const states = new WeakMap<EwsWorld, ChaosState>();

function state(world: EwsWorld): ChaosState {
  const s = states.get(world);
  if (!s) throw new Error('no chaos mock in this scenario');
  return s;
}

After(function (this: EwsWorld) {
  const s = states.get(this);
  if (s) rmSync(s.dir, { recursive: true, force: true });
});

Given('a chaos mock with {int} mailboxes of {int} messages per folder', async function (this: EwsWorld, mailboxes: number, perFolder: number) {
  const mock = await this.ensureMock();
  const loaded = await mock.admin.loadScenario(chaosScenario(mailboxes, perFolder, 3));
  const dir = mkdtempSync(path.join(tmpdir(), 'syncer-faults-'));
  states.set(this, { mailboxes: loaded.mailboxes, dir });
});

Given('the mock answers {int}% of requests with random faults, seed {int}', async function (this: EwsWorld, percent: number, seed: number) {
  const mock = await this.ensureMock();
  for (const f of chaosFaults(percent / 100, seed)) await mock.admin.addFault(f);
});

When('the syncer runs until every mailbox succeeded', async function (this: EwsWorld) {
  const mock = await this.ensureMock();
  const s = state(this);
  s.ws = await prepareSyncer(s.dir, mock, s.mailboxes);
  const run = await syncUntilDone(s.ws);
  this.log(`syncer runs: ${run.rounds}, of which ${run.failedRuns} ended with failed mailboxes`);
});

Then('at least {int}% of the requests were answered with a fault', async function (this: EwsWorld, percent: number) {
  const mock = await this.ensureMock();
  const faults = await mock.admin.faults();
  const injected = faults.reduce((n, f) => n + f.hits, 0);
  const total = (await mock.admin.requestCount()).total;
  this.log(`faults injected: ${injected} of ${total} requests (${faults.map((f) => `${f.kind} ${f.hits}`).join(', ')})`);
  assert.ok(injected >= (total * percent) / 100, `only ${injected} of ${total} requests got a fault`);
  await mock.admin.clearFaults();
});

Then('the database holds exactly the mail of the mock, each message once', async function (this: EwsWorld) {
  const mock = await this.ensureMock();
  const c = await compareWithMock(state(this).ws!.db, mock);
  this.log(describe(c));
  assert.ok(c.messages > 0, 'no messages compared');
  assert.equal(mismatches(c), 0, describe(c));
});
