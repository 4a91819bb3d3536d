import { Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { EwsWorld } from '../support/world';
import { describe, mismatches } from './chaos';
import { KillReport, killTest } from './kill';

const reports = new WeakMap<EwsWorld, { report: KillReport; kills: number }>();

function report(world: EwsWorld): KillReport {
  const r = reports.get(world);
  if (!r) throw new Error('the kill test has not run');
  return r.report;
}

When(
  'the syncer of {int} mailboxes is killed at {int} random points with seed {int}, then stopped with SIGTERM, then run twice at once',
  { timeout: 600_000 },
  async function (this: EwsWorld, mailboxes: number, kills: number, seed: number) {
    const mock = await this.ensureMock();
    const r = await killTest(mock, { mailboxes, perFolder: 6, kills, seed, sigterm: true, concurrent: true });
    this.log(`kills at request points ${r.points.join(', ')}; SIGTERM ${JSON.stringify(r.sigterm)}; two runs ${JSON.stringify(r.concurrent)}; ${describe(r.comparison)}`);
    reports.set(this, { report: r, kills });
  },
);

Then('every kill landed and the SIGTERM run exited normally, logging why', function (this: EwsWorld) {
  const r = report(this);
  assert.equal(r.kills, reports.get(this)!.kills, `only ${r.kills} kills landed`);
  assert.equal(r.sigterm?.exitCode, 0, JSON.stringify(r.sigterm));
  assert.ok(r.sigterm?.logged, 'the SIGTERM run did not say it was stopping');
  assert.equal(r.sigterm?.inProgressAfter, 0, 'SIGTERM left mailboxes in progress');
});

Then('no mailbox was synced by both concurrent runs', function (this: EwsWorld) {
  const c = report(this).concurrent!;
  assert.deepEqual(c.mailboxesSyncedTwice, []);
  assert.deepEqual(c.exitCodes, [0, 0]);
});

Then('no mailbox is left in progress', function (this: EwsWorld) {
  assert.deepEqual(report(this).stuckInProgress, []);
});

Then('the database holds exactly the mail of the mock after the restarts, each message once', function (this: EwsWorld) {
  const c = report(this).comparison;
  assert.ok(c.messages > 0);
  assert.equal(mismatches(c), 0, describe(c));
});
