import { Given, Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type * as ews from 'ews-javascript-api';
import type { EwsWorld } from '../support/world';
import { at, lastAdminReply, recalled, remember } from './admin-http';

Given('the admin id of the {folder} message {string} of {mailbox} is remembered as {string}', async function (this: EwsWorld, folder: string, subject: string, smtp: string, name: string) {
  const admin = await this.admin();
  const listing = await admin.folder(smtp, folder, { limit: 1000 });
  const item = listing.items.find((i) => i.subject === subject);
  assert.ok(item, `no message "${subject}" in ${smtp} ${folder}`);
  remember(this, name, item.id);
});

Then('the admin API shows {int} item(s) in the {folder} of {mailbox}', async function (this: EwsWorld, count: number, folder: string, smtp: string) {
  const listing = await (await this.admin()).folder(smtp, folder, { limit: 0 });
  assert.equal(listing.totalCount, count);
});

Then('the newest item found is {string} from {string}', function (this: EwsWorld, subject: string, from: string) {
  assert.equal(this.clientError, undefined, String((this.clientError as Error | undefined)?.message));
  const items = this.results.get('items') as ews.EmailMessage[] | undefined;
  assert.ok(items && items.length > 0, 'no items found');
  assert.equal(items[0].Subject, subject);
  assert.equal(items[0].From?.Address, from);
});

Then('the admin answer\'s {string} contains the header {string}', function (this: EwsWorld, path: string, header: string) {
  const text = String(at(lastAdminReply(this).json, path));
  const head = text.split(/\r?\n\r?\n/)[0];
  assert.ok(head.split(/\r?\n/).includes(header), head);
});

Then('the admin answer\'s {string} differs from the remembered {string}', function (this: EwsWorld, path: string, name: string) {
  const v = at(lastAdminReply(this).json, path);
  assert.ok(v, `no ${path}`);
  assert.notEqual(v, recalled(this, name));
});
