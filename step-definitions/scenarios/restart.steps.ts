import { Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import * as ews from 'ews-javascript-api';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD, SUPER_USER } from '../support/accounts';

// EWS ids survive a restart of the mock on the same scenario, as they survive a restart of Exchange:
// a client that stored ids yesterday can still bind to them.

async function inboxIds(world: EwsWorld, owner: string): Promise<string[]> {
  const svc = await world.service(SUPER_USER, DEFAULT_PASSWORD, owner);
  const found = await svc.FindItems(ews.WellKnownFolderName.Inbox, new ews.ItemView(1000));
  return found.Items.map((i) => i.Id.UniqueId);
}

When('the ids of the Inbox items of {mailbox} are noted', async function (this: EwsWorld, owner: string) {
  this.results.set('noted-ids', await inboxIds(this, owner));
});

When('the mock restarts on the same scenario', async function (this: EwsWorld) {
  const mock = await this.ensureMock();
  await mock.close();
  this.mock = undefined;
  await this.ensureMock();
});

Then('the Inbox items of {mailbox} have the noted ids', async function (this: EwsWorld, owner: string) {
  const noted = this.results.get('noted-ids') as string[];
  assert.ok(noted.length > 0, 'no ids were noted');
  assert.deepEqual(await inboxIds(this, owner), noted);
});
