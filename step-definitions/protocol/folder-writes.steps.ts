import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import * as ews from 'ews-javascript-api';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD } from '../support/accounts';
import { folderIdFor } from './sync.steps';

/**
 * Folder writes through ews-javascript-api (Folder.Save, Update, Move, Delete, Empty: CreateFolder,
 * UpdateFolder, MoveFolder, DeleteFolder, EmptyFolder), checked against the store's folder paths.
 * A failing call is kept as the scenario's client error.
 */

async function bindFolder(world: EwsWorld, login: string, owner: string, path: string): Promise<ews.Folder> {
  const svc = await world.service(login, DEFAULT_PASSWORD, owner);
  return ews.Folder.Bind(svc, await folderIdFor(world, owner, path));
}

When('{mailbox} impersonating {mailbox} creates the folder {string} under {folder}', async function (this: EwsWorld, login: string, owner: string, name: string, parent: string) {
  const svc = await this.service(login, DEFAULT_PASSWORD, owner);
  const folder = new ews.Folder(svc);
  folder.DisplayName = name;
  const parentId = await folderIdFor(this, owner, parent);
  await this.attempt(() => folder.Save(parentId));
  this.results.set('created-folder', folder);
});

Then('the new folder has a FolderId', function (this: EwsWorld) {
  assert.equal(this.clientError, undefined, String((this.clientError as Error | undefined)?.message));
  assert.ok((this.results.get('created-folder') as ews.Folder).Id?.UniqueId, 'CreateFolder answered no FolderId');
});

When('{mailbox} impersonating {mailbox} renames the folder {folder} to {string}', async function (this: EwsWorld, login: string, owner: string, path: string, name: string) {
  const folder = await bindFolder(this, login, owner, path);
  folder.DisplayName = name;
  await this.attempt(() => folder.Update());
});

When('{mailbox} impersonating {mailbox} moves the folder {folder} to {folder}', async function (this: EwsWorld, login: string, owner: string, path: string, target: string) {
  const folder = await bindFolder(this, login, owner, path);
  const to = await folderIdFor(this, owner, target);
  const moved = await this.attempt(() => folder.Move(to));
  if (moved) assert.equal(moved.Id.UniqueId, folder.Id.UniqueId, 'a moved folder keeps its id');
});

When('{mailbox} impersonating {mailbox} copies the folder {folder} to {folder}', async function (this: EwsWorld, login: string, owner: string, path: string, target: string) {
  const folder = await bindFolder(this, login, owner, path);
  const to = await folderIdFor(this, owner, target);
  const copy = await this.attempt(() => folder.Copy(to));
  if (copy) assert.notEqual(copy.Id.UniqueId, folder.Id.UniqueId, 'a copy has an id of its own');
});

When('{mailbox} impersonating {mailbox} deletes the folder {folder} with {word}', async function (this: EwsWorld, login: string, owner: string, path: string, mode: string) {
  const folder = await bindFolder(this, login, owner, path);
  await this.attempt(() => folder.Delete(ews.DeleteMode[mode as keyof typeof ews.DeleteMode]));
});

When('{mailbox} impersonating {mailbox} empties the folder {folder} with {word}, subfolders {word}', async function (this: EwsWorld, login: string, owner: string, path: string, mode: string, subfolders: string) {
  const folder = await bindFolder(this, login, owner, path);
  await this.attempt(() => folder.Empty(ews.DeleteMode[mode as keyof typeof ews.DeleteMode], subfolders === 'included'));
});

Then('the folders of {mailbox} are, with their item counts:', async function (this: EwsWorld, owner: string, table: { raw(): string[][] }) {
  const mailbox = await (await this.ensureMock()).admin.mailbox(owner);
  assert.deepEqual(
    mailbox.folders.map((f) => [f.path, String(f.totalCount)]),
    table.raw(),
  );
});

Given('the folders of {mailbox} are noted', async function (this: EwsWorld, owner: string) {
  const mailbox = await (await this.ensureMock()).admin.mailbox(owner);
  this.results.set(`folders:${owner}`, mailbox.folders.map((f) => [f.path, f.totalCount]));
});

Then('the folders of {mailbox} are as noted', async function (this: EwsWorld, owner: string) {
  const mailbox = await (await this.ensureMock()).admin.mailbox(owner);
  assert.deepEqual(mailbox.folders.map((f) => [f.path, f.totalCount]), this.results.get(`folders:${owner}`));
});
