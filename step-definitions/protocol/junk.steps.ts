import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import * as ews from 'ews-javascript-api';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD } from '../support/accounts';
import { folderIdFor } from './sync.steps';

/** MarkAllItemsAsRead (Folder.MarkAllItemsAsRead) and MarkAsJunk (ExchangeService.MarkAsJunk) through ews-javascript-api, speaking Exchange 2013. */

When('{mailbox} impersonating {mailbox} marks every item of {folder} as read', async function (this: EwsWorld, login: string, owner: string, folder: string) {
  const svc = await this.service(login, DEFAULT_PASSWORD, owner, ews.ExchangeVersion.Exchange2013);
  const f = await ews.Folder.Bind(svc, await folderIdFor(this, owner, folder));
  await this.attempt(() => f.MarkAllItemsAsRead(true));
});

When('{mailbox} impersonating {mailbox} marks the {folder} message {string} as {word}, moving it {word}', async function (this: EwsWorld, login: string, owner: string, folder: string, subject: string, verdict: string, moving: string) {
  assert.ok(verdict === 'junk' || verdict === 'not-junk', `junk or not-junk, not ${verdict}`);
  const svc = await this.service(login, DEFAULT_PASSWORD, owner, ews.ExchangeVersion.Exchange2013);
  const res = await svc.FindItems(await folderIdFor(this, owner, folder), new ews.ItemView(1000));
  const item = res.Items.find((i) => i.Subject === subject);
  assert.ok(item, `no message "${subject}" in ${owner} ${folder}`);
  const answers = await this.attempt(() => svc.MarkAsJunk([item.Id], verdict === 'junk', moving === 'too'));
  this.results.set('junk-moved-id', answers?.__thisIndexer(0).MovedItemId?.UniqueId);
});

Then('the sync reports one ReadFlagChange to read for each message that was unread, and nothing else', async function (this: EwsWorld) {
  assert.equal(this.clientError, undefined, String((this.clientError as Error | undefined)?.message));
  const run = this.results.get('sync:last') as { changes: { type: string; isRead?: boolean; subject?: string }[] };
  const wereUnread = this.results.get('unread-before') as number | undefined;
  assert.ok(wereUnread !== undefined && wereUnread > 0, 'count the unread messages first');
  assert.ok(run.changes.every((c) => c.type === 'ReadFlagChange' && c.isRead === true), JSON.stringify(run.changes));
  assert.equal(run.changes.length, wereUnread);
});

Given('the unread messages in the {folder} of {mailbox} are counted', async function (this: EwsWorld, folder: string, owner: string) {
  const info = await (await this.ensureMock()).admin.folder(owner, folder, { limit: 0 });
  this.results.set('unread-before', info.unreadCount);
});
