import { Given, Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { EwsWorld } from '../support/world';
import { findAll, textOf } from '../support/soap';
import { folderOf } from '../support/mock-control';

/** ExportItems' Data, noted for UploadItems bodies ({{data:NAME}}), and a copy of it changed on the way. */

Then('the exported Data is noted as {string}', function (this: EwsWorld, name: string) {
  const data = textOf(findAll(this.reply?.doc, 'Data')[0]);
  assert.ok(data, this.reply?.body);
  this.results.set(`noted:${name}`, { data });
});

Given('the noted Data {string} with one byte of its message changed is noted as {string}', function (this: EwsWorld, from: string, name: string) {
  const noted = this.results.get(`noted:${from}`) as { data?: string } | undefined;
  assert.ok(noted?.data, `no Data noted as "${from}"`);
  const bytes = Buffer.from(noted.data, 'base64');
  // A character of the message's base64 inside the payload: still well-formed, only the digest tells.
  const at = bytes.indexOf('"mime":"') + 20;
  assert.ok(at > 20, 'no message in the noted Data');
  bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
  this.results.set(`noted:${name}`, { data: bytes.toString('base64') });
});

Given('the FolderId of the {folder} of {mailbox} is noted as {string}', async function (this: EwsWorld, folder: string, owner: string, name: string) {
  this.results.set(`noted:${name}`, { id: (await folderOf(await this.ensureMock(), owner, folder)).id });
});
