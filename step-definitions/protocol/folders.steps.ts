import { Then, When, DataTable } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import * as ews from 'ews-javascript-api';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD } from '../support/accounts';

const WELL_KNOWN: Record<string, ews.WellKnownFolderName> = {
  root: ews.WellKnownFolderName.Root,
  msgfolderroot: ews.WellKnownFolderName.MsgFolderRoot,
  inbox: ews.WellKnownFolderName.Inbox,
  sentitems: ews.WellKnownFolderName.SentItems,
  drafts: ews.WellKnownFolderName.Drafts,
  deleteditems: ews.WellKnownFolderName.DeletedItems,
  junkemail: ews.WellKnownFolderName.JunkEmail,
  outbox: ews.WellKnownFolderName.Outbox,
};

export function wellKnown(name: string): ews.WellKnownFolderName {
  const f = WELL_KNOWN[name];
  if (f === undefined) throw new Error(`${name} is not a distinguished folder`);
  return f;
}

When('{mailbox} impersonating {mailbox} binds to the {folder} folder', async function (this: EwsWorld, login: string, target: string, folder: string) {
  const svc = await this.service(login, DEFAULT_PASSWORD, target);
  this.results.set('folder', await this.attempt(() => ews.Folder.Bind(svc, wellKnown(folder))));
});

When('{mailbox} binds to the {folder} folder of {mailbox} without impersonation', async function (this: EwsWorld, login: string, folder: string, owner: string) {
  const svc = await this.service(login, DEFAULT_PASSWORD);
  const id = new ews.FolderId(wellKnown(folder), new ews.Mailbox(owner));
  this.results.set('folder', await this.attempt(() => ews.Folder.Bind(svc, id)));
});

Then('the folder is {string} with {int} items', function (this: EwsWorld, name: string, count: number) {
  assert.equal(this.clientError, undefined, String((this.clientError as Error | undefined)?.message));
  const folder = this.results.get('folder') as ews.Folder;
  assert.equal(folder.DisplayName, name);
  assert.equal(folder.TotalCount, count);
});

When('{mailbox} impersonating {mailbox} finds folders under {folder} with traversal {word}', async function (this: EwsWorld, login: string, target: string, parent: string, traversal: string) {
  const svc = await this.service(login, DEFAULT_PASSWORD, target);
  const view = new ews.FolderView(1000);
  view.Traversal = traversal === 'Deep' ? ews.FolderTraversal.Deep : ews.FolderTraversal.Shallow;
  this.results.set('folders', await this.attempt(() => svc.FindFolders(wellKnown(parent), view)));
});

When('{mailbox} impersonating {mailbox} pages folders under {folder} {int} at a time', async function (this: EwsWorld, login: string, target: string, parent: string, size: number) {
  const svc = await this.service(login, DEFAULT_PASSWORD, target);
  const names: string[] = [];
  const pages: number[] = [];
  for (let offset = 0; ; ) {
    const view = new ews.FolderView(size, offset);
    view.Traversal = ews.FolderTraversal.Deep;
    const res = await svc.FindFolders(wellKnown(parent), view);
    pages.push(res.Folders.length);
    names.push(...res.Folders.map((f) => f.DisplayName));
    if (!res.MoreAvailable) break;
    // ews-javascript-api computes NextPageOffset for folders but never stores it; count instead.
    offset += res.Folders.length;
  }
  this.results.set('pagedNames', names);
  this.results.set('pages', pages);
});

Then('the folders found are:', function (this: EwsWorld, table: DataTable) {
  assert.equal(this.clientError, undefined, String((this.clientError as Error | undefined)?.message));
  const res = this.results.get('folders') as ews.FindFoldersResults;
  assert.deepEqual(res.Folders.map((f) => f.DisplayName), table.raw().map((r) => r[0]));
});

Then('the pages hold {string} folders and together list:', function (this: EwsWorld, sizes: string, table: DataTable) {
  assert.deepEqual(this.results.get('pages'), sizes.split(',').map((s) => Number(s.trim())));
  assert.deepEqual(this.results.get('pagedNames'), table.raw().map((r) => r[0]));
});
