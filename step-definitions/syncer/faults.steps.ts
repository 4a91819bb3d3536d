/**
 * The syncer against injected faults (admin API): what `ews-sync status --json` says about a
 * mailbox, and whether the request that met the fault was sent again (the mock's journal).
 */
import { Then, World } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { EwsWorld } from '../support/world';
import { cliWithSettings, syncer } from './syncer-world';

interface StatusMailbox {
  email: string;
  state: string;
  lastError: string | null;
}

/** `ews-sync status --json`, run without replacing the last command's result the other steps check. */
async function statusOf(world: World, smtp: string): Promise<StatusMailbox> {
  const s = syncer(world);
  const [last, journalStart] = [s.last, s.journalStart];
  const result = await cliWithSettings(world, ['status', '--json']);
  [s.last, s.journalStart] = [last, journalStart];
  assert.equal(result.code, 0, result.err || result.out);
  const m = (JSON.parse(result.out) as { mailboxes: StatusMailbox[] }).mailboxes.find((x) => x.email === smtp);
  assert.ok(m, `status --json lists no ${smtp}`);
  return m;
}

Then('ews-sync status --json shows {mailbox} succeeded with no error', async function (this: World, smtp: string) {
  const m = await statusOf(this, smtp);
  assert.equal(m.state, 'succeeded', `last error: ${m.lastError}`);
  assert.equal(m.lastError, null);
});

Then('ews-sync status --json shows {mailbox} failed with the error {string}', async function (this: World, smtp: string, text: string) {
  const m = await statusOf(this, smtp);
  assert.equal(m.state, 'failed');
  assert.ok(m.lastError?.includes(text), `last error: ${m.lastError}`);
});

/**
 * The first `operation` request for `smtp` that a fault shaped, and the other requests with the same
 * XML: its repetitions. (A delayed request is journalled when it ends, possibly after its repetition.)
 */
async function faulted(world: World, operation: string, smtp: string) {
  const admin = await (world as EwsWorld).admin();
  let entries = await admin.journal({ operation, mailbox: smtp });
  // A request held back by a delay is journalled when the mock answers it, which can be after the run.
  for (let waited = 0; !entries.some((e) => e.fault !== null) && waited < 15_000; waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    entries = await admin.journal({ operation, mailbox: smtp });
  }
  const fault = entries.find((e) => e.fault !== null);
  assert.ok(fault, `no ${operation} request of ${smtp} met a fault`);
  return { fault, again: entries.filter((e) => e !== fault && e.requestXml === fault.requestXml) };
}

Then('the {word} request of {mailbox} that met the fault was sent again and answered', async function (this: World, operation: string, smtp: string) {
  const { fault, again } = await faulted(this, operation, smtp);
  assert.ok(again.length > 0, `the ${operation} that met "${fault.fault}" was not sent again`);
  const answered = again.filter((e) => e.status === 200 && e.fault === null);
  assert.equal(answered.length, 1, `answers to the repeated ${operation}: ${again.map((e) => `${e.status} ${e.responseCode} ${e.fault}`).join(', ')}`);
});

Then('the {word} request of {mailbox} that met the fault was not sent again', async function (this: World, operation: string, smtp: string) {
  const { fault, again } = await faulted(this, operation, smtp);
  assert.equal(again.length, 0, `the ${operation} that met "${fault.fault}" was sent ${again.length} more times`);
});

Then('the {word} request of {mailbox} met the fault {int} times in all', async function (this: World, operation: string, smtp: string, n: number) {
  const { fault, again } = await faulted(this, operation, smtp);
  assert.equal(1 + again.filter((e) => e.fault !== null).length, n, `the ${operation} met "${fault.fault}"`);
});
