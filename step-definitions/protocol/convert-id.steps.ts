import { Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import * as ews from 'ews-javascript-api';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD } from '../support/accounts';
import { envelope, findAll } from '../support/soap';
import { wellKnown } from './folders.steps';

/** The EwsId of a distinguished folder, from the admin API (public state, as a client would have it from GetFolder). */
async function folderId(world: EwsWorld, owner: string, folder: string): Promise<string> {
  return (await (await world.admin()).folder(owner, folder, { limit: 0 })).id;
}

function format(name: string): ews.IdFormat {
  const f = ews.IdFormat[name as keyof typeof ews.IdFormat];
  assert.ok(f !== undefined, `ews-javascript-api knows no IdFormat ${name}`);
  return f;
}

const convertBody = (destination: string, ids: { format: string; id: string; mailbox: string }[]) =>
  `<m:ConvertId DestinationFormat="${destination}"><m:SourceIds>${ids
    .map((i) => `<t:AlternateId Format="${i.format}" Id="${i.id}" Mailbox="${i.mailbox}"/>`)
    .join('')}</m:SourceIds></m:ConvertId>`;

When('alice@acme.test converts the EwsId of her inbox to HexEntryId without RequestServerVersion', async function (this: EwsWorld) {
  const id = await folderId(this, 'alice@acme.test', 'inbox');
  await this.post(envelope(convertBody('HexEntryId', [{ format: 'EwsId', id, mailbox: 'alice@acme.test' }]), { version: null }), { auth: ['alice@acme.test', DEFAULT_PASSWORD] });
});

When('alice@acme.test converts the EwsId of her inbox to HexEntryId with RequestServerVersion {string}', async function (this: EwsWorld, version: string) {
  const id = await folderId(this, 'alice@acme.test', 'inbox');
  await this.post(envelope(convertBody('HexEntryId', [{ format: 'EwsId', id, mailbox: 'alice@acme.test' }]), { version }), { auth: ['alice@acme.test', DEFAULT_PASSWORD] });
});

When('{mailbox} impersonating {mailbox} converts the {folder} folder id to {word} and back to EwsId', async function (this: EwsWorld, login: string, target: string, folder: string, via: string) {
  const original = await folderId(this, target, folder);
  const svc = await this.service(login, DEFAULT_PASSWORD, target);
  const there = (await svc.ConvertId(new ews.AlternateId(ews.IdFormat.EwsId, original, target), format(via))) as ews.AlternateId;
  const back = (await svc.ConvertId(new ews.AlternateId(format(via), there.UniqueId, target), ews.IdFormat.EwsId)) as ews.AlternateId;
  this.results.set('conversion', { original, there, back });
});

Then('the {word} id differs from the EwsId and converts back to the same EwsId', function (this: EwsWorld, via: string) {
  const { original, there, back } = this.results.get('conversion') as { original: string; there: ews.AlternateId; back: ews.AlternateId };
  assert.equal(there.Format, format(via));
  assert.notEqual(there.UniqueId, original);
  assert.ok(there.UniqueId.length > 0);
  assert.equal(back.Format, ews.IdFormat.EwsId);
  assert.equal(back.UniqueId, original);
});

Then('the HexEntryId is upper-case hexadecimal', function (this: EwsWorld) {
  const { there } = this.results.get('conversion') as { there: ews.AlternateId };
  assert.match(there.UniqueId, /^[0-9A-F]+$/);
});

Then('binding to the converted-back id through impersonation of {mailbox} gives {string} with {int} items', async function (this: EwsWorld, target: string, name: string, count: number) {
  const { back } = this.results.get('conversion') as { back: ews.AlternateId };
  const svc = await this.service(undefined, DEFAULT_PASSWORD, target);
  const folder = await ews.Folder.Bind(svc, new ews.FolderId(back.UniqueId));
  assert.equal(folder.DisplayName, name);
  assert.equal(folder.TotalCount, count);
});

When('{mailbox} converts the id of the first item in the {folder} folder of {mailbox} to {word} and back', async function (this: EwsWorld, login: string, folder: string, owner: string, via: string) {
  const [first] = (await (await this.admin()).items(owner, { folder, limit: 1 })).items;
  assert.ok(first, `the ${folder} folder of ${owner} is empty`);
  const original = first.id;
  const svc = await this.service(login, DEFAULT_PASSWORD, login === owner ? undefined : owner);
  const there = (await svc.ConvertId(new ews.AlternateId(ews.IdFormat.EwsId, original, owner), format(via))) as ews.AlternateId;
  const back = (await svc.ConvertId(new ews.AlternateId(format(via), there.UniqueId, owner), ews.IdFormat.EwsId)) as ews.AlternateId;
  this.results.set('conversion', { original, there, back });
});

When('{mailbox} learns its mailbox address by converting the root folder id with the placeholder mailbox {string}', async function (this: EwsWorld, login: string, placeholder: string) {
  const svc = await this.service(login, DEFAULT_PASSWORD);
  await discover(this, svc, placeholder);
});

When('{mailbox} impersonating {mailbox} learns the mailbox address by converting the root folder id with the placeholder mailbox {string}', async function (this: EwsWorld, login: string, target: string, placeholder: string) {
  const svc = await this.service(login, DEFAULT_PASSWORD, target);
  await discover(this, svc, placeholder);
});

/** What some clients do at logon: GetFolder root (IdOnly), then ConvertId that id and read Mailbox. */
async function discover(world: EwsWorld, svc: ews.ExchangeService, placeholder: string): Promise<void> {
  const root = await ews.Folder.Bind(svc, ews.WellKnownFolderName.Root, new ews.PropertySet(ews.BasePropertySet.IdOnly));
  const converted = (await svc.ConvertId(new ews.AlternateId(ews.IdFormat.EwsId, root.Id.UniqueId, placeholder), ews.IdFormat.EwsId)) as ews.AlternateId;
  world.results.set('discovered', converted);
}

Then('the answer names the mailbox {mailbox}', function (this: EwsWorld, smtp: string) {
  const converted = this.results.get('discovered') as ews.AlternateId;
  assert.equal(converted.Mailbox, smtp);
});

When('{mailbox} converts these ids to {word}:', async function (this: EwsWorld, login: string, destination: string, table: { hashes(): Record<string, string>[] }) {
  const ids: { format: string; id: string; mailbox: string }[] = [];
  for (const row of table.hashes()) {
    let id = row.id;
    const ref = /^the (\w+) folder id of (\S+)$/.exec(id);
    if (ref) id = await folderId(this, ref[2], ref[1]);
    ids.push({ format: row.format, id, mailbox: row.mailbox });
  }
  await this.post(envelope(convertBody(destination, ids)), { auth: [login, DEFAULT_PASSWORD] });
});

When('{mailbox} converts the EwsId {string} of mailbox {string} to {word} through ews-javascript-api', async function (this: EwsWorld, login: string, id: string, mailbox: string, destination: string) {
  const svc = await this.service(login, DEFAULT_PASSWORD);
  await this.attempt(() => svc.ConvertId(new ews.AlternateId(ews.IdFormat.EwsId, id, mailbox), format(destination)));
});

Then('every converted id names the mailbox {mailbox}', function (this: EwsWorld, smtp: string) {
  const ids = findAll(this.reply?.doc, 'AlternateId');
  assert.ok(ids.length > 0, this.reply?.body);
  for (const a of ids) assert.equal(a['@Mailbox'], smtp, this.reply?.body);
});

Then('the converted ids have the format {word} and the type AlternateIdType', function (this: EwsWorld, fmt: string) {
  const ids = findAll(this.reply?.doc, 'AlternateId');
  assert.ok(ids.length > 0, this.reply?.body);
  for (const a of ids) {
    assert.equal(a['@Format'], fmt);
    assert.equal(a['@type'], 't:AlternateIdType');
  }
});
