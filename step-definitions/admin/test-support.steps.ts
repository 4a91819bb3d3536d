import { DataTable, Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { EwsWorld } from '../support/world';
import type { StoreDigest } from '../../mock-ews/src/client/admin-client';
import { DEFAULT_PASSWORD } from '../support/accounts';
import { envelope, findAll, textOf } from '../support/soap';
import { adminRequest, lastAdminReply, recalled, remember } from './admin-http';

/** Steps of features/admin/test-support.feature: digests, and syncs started from an admin sync state. */

Given('the tester notes the store digest as {string}', async function (this: EwsWorld, name: string) {
  remember(this, name, await (await this.admin()).storeDigest());
});

Then('the store digest is still {string}', async function (this: EwsWorld, name: string) {
  const before = recalled(this, name) as StoreDigest;
  assert.deepEqual(await (await this.admin()).storeDigest(), before);
});

Then('the store digest has changed since {string}', async function (this: EwsWorld, name: string) {
  const before = recalled(this, name) as StoreDigest;
  assert.notEqual((await (await this.admin()).storeDigest()).digest, before.digest, 'the store digest did not change');
});

Then('of the store digests noted as {string}, only the one of {mailbox} has changed', async function (this: EwsWorld, name: string, smtp: string) {
  const before = recalled(this, name) as StoreDigest;
  const now = await (await this.admin()).storeDigest();
  assert.notEqual(now.digest, before.digest, 'the store digest did not change');
  const changed = Object.keys(now.mailboxes).filter((m) => now.mailboxes[m] !== before.mailboxes[m]);
  assert.deepEqual(changed, [smtp]);
});

When('{mailbox} impersonating {mailbox} syncs the items of {folder} from the remembered sync state {string}', async function (this: EwsWorld, login: string, target: string, folder: string, name: string) {
  const body =
    `<m:SyncFolderItems><m:ItemShape><t:BaseShape>Default</t:BaseShape></m:ItemShape>` +
    `<m:SyncFolderId><t:DistinguishedFolderId Id="${folder}"/></m:SyncFolderId><m:SyncState>${String(recalled(this, name))}</m:SyncState>` +
    `<m:MaxChangesReturned>512</m:MaxChangesReturned></m:SyncFolderItems>`;
  await this.post(envelope(body, { impersonate: target }), { auth: [login, DEFAULT_PASSWORD] });
});

When('{mailbox} impersonating {mailbox} syncs the folder hierarchy from the remembered sync state {string}', async function (this: EwsWorld, login: string, target: string, name: string) {
  const body =
    `<m:SyncFolderHierarchy><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape>` +
    `<m:SyncState>${String(recalled(this, name))}</m:SyncState></m:SyncFolderHierarchy>`;
  await this.post(envelope(body, { impersonate: target }), { auth: [login, DEFAULT_PASSWORD] });
});

/** Each change as [type, subject or folder name], in any order. */
Then('the raw sync answer reports exactly these changes:', function (this: EwsWorld, table: DataTable) {
  assert.equal(this.reply?.status, 200, this.reply?.body);
  assert.deepEqual(findAll(this.reply?.doc, 'ResponseCode').map((e) => textOf(e)), ['NoError'], this.reply?.body);
  const changes = findAll(this.reply?.doc, 'Changes')[0] ?? {};
  const got: string[][] = [];
  for (const type of ['Create', 'Update', 'Delete', 'ReadFlagChange']) {
    for (const change of findAll(changes, type)) {
      const name = findAll(change, 'Subject')[0] ?? findAll(change, 'DisplayName')[0];
      got.push([type, textOf(name) ?? '']);
    }
  }
  assert.deepEqual(got.sort(), table.raw().map((r) => [...r]).sort(), this.reply?.body);
});

When('the tester puts the grants it just read back with PUT {string}', async function (this: EwsWorld, path: string) {
  const read = lastAdminReply(this);
  assert.equal(read.status, 200, read.text);
  await adminRequest(this, 'PUT', path, read.text, 'application/json');
});
