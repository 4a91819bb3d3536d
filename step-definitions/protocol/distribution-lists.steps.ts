import { DataTable, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import * as ews from 'ews-javascript-api';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD } from '../support/accounts';

/** Distribution lists through ews-javascript-api's ExpandGroup (ExpandDL). */

When('{mailbox} expands the distribution list {string}', async function (this: EwsWorld, login: string, list: string) {
  const svc = await this.service(login, DEFAULT_PASSWORD);
  this.results.set('members', await this.attempt(() => svc.ExpandGroup(list)));
});

Then('the members listed are:', function (this: EwsWorld, table: DataTable) {
  assert.equal(this.clientError, undefined, String((this.clientError as Error | undefined)?.message));
  const res = this.results.get('members') as ews.ExpandGroupResults;
  const listed = res.Members.map((m) => [m.Name, m.Address, ews.MailboxType[m.MailboxType]]);
  assert.deepEqual(listed, table.raw());
  assert.equal(res.Count, table.raw().length);
});
