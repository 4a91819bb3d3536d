import { Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import * as ews from 'ews-javascript-api';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD } from '../support/accounts';
import { envelope, findAll, postSoap, textOf } from '../support/soap';
import { wellKnown } from './folders.steps';

// Steps for authentication, impersonation and RequestServerVersion: the request-level gates every
// operation passes through before its handler runs.

const getFolderBody = (folder: string) =>
  `<m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="${folder}"/></m:FolderIds></m:GetFolder>`;

const getFolderById = (id: string) =>
  `<m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds><t:FolderId Id="${id}"/></m:FolderIds></m:GetFolder>`;


// ---- authentication ----

When('a client posts a GetFolder for {folder} without credentials', async function (this: EwsWorld, folder: string) {
  await this.post(envelope(getFolderBody(folder)), { auth: null });
});

When('a client posts a GetFolder for {folder} with the Authorization header {string}', async function (this: EwsWorld, folder: string, header: string) {
  await this.post(envelope(getFolderBody(folder)), { auth: null, headers: { Authorization: header } });
});

When('{string} with password {string} posts a GetFolder for {folder}', async function (this: EwsWorld, login: string, password: string, folder: string) {
  await this.post(envelope(getFolderBody(folder)), { auth: [login, password] });
});

When('{string} with password {string} binds to the {folder} folder through ews-javascript-api', async function (this: EwsWorld, login: string, password: string, folder: string) {
  const svc = await this.service(login, password);
  this.results.set('folder', await this.attempt(() => ews.Folder.Bind(svc, wellKnown(folder))));
});

Then('the challenges offered include Basic with a realm', function (this: EwsWorld) {
  // fetch joins several WWW-Authenticate headers with ", ".
  const challenges = this.reply?.headers.get('www-authenticate') ?? '';
  assert.match(challenges, /(^|, )Basic realm="[^"]+"($|, )/, challenges);
});

Then('the client call fails with HTTP status {int}', function (this: EwsWorld, status: number) {
  const err = this.clientError as { HttpStatusCode?: number; message?: string } | undefined;
  assert.ok(err, 'the call succeeded');
  assert.equal(err.HttpStatusCode, status, err.message);
});

// ---- impersonation ----

/** The ConnectingSID value a client would send for `target` in the given form. */
async function connectingValue(world: EwsWorld, form: string, target: string): Promise<string> {
  const account = (await (await world.admin()).accounts()).find((a) => a.smtp.toLowerCase() === target.toLowerCase());
  assert.ok(account, `no account ${target}`);
  switch (form) {
    case 'PrincipalName':
      return account.upn;
    case 'SID':
      return account.sid;
    case 'PrimarySmtpAddress':
    case 'SmtpAddress':
      return account.smtp;
    default:
      throw new Error(`unknown ConnectingSID form ${form}`);
  }
}

function impersonationHeader(inner: string): string {
  return `<t:ExchangeImpersonation><t:ConnectingSID>${inner}</t:ConnectingSID></t:ExchangeImpersonation>`;
}

When('{mailbox} impersonates {mailbox} by {word} and gets the {folder} folder', async function (this: EwsWorld, login: string, target: string, form: string, folder: string) {
  await this.ensureMock();
  const value = await connectingValue(this, form, target);
  await this.post(envelope(getFolderBody(folder), { header: impersonationHeader(`<t:${form}>${value}</t:${form}>`) }), { auth: [login, DEFAULT_PASSWORD] });
});

When('{mailbox} impersonates {mailbox} by {word} through ews-javascript-api and binds to the {folder} folder', async function (this: EwsWorld, login: string, target: string, form: string, folder: string) {
  const svc = await this.service(login, DEFAULT_PASSWORD);
  const type = { PrincipalName: ews.ConnectingIdType.PrincipalName, SID: ews.ConnectingIdType.SID, SmtpAddress: ews.ConnectingIdType.SmtpAddress }[form];
  assert.ok(type !== undefined, `ews-javascript-api has no ConnectingIdType ${form}`);
  svc.ImpersonatedUserId = new ews.ImpersonatedUserId(type, await connectingValue(this, form, target));
  this.results.set('folder', await this.attempt(() => ews.Folder.Bind(svc, wellKnown(folder))));
});

When('{mailbox} sends a GetFolder for {folder} with the ConnectingSID content {string}', async function (this: EwsWorld, login: string, folder: string, inner: string) {
  await this.post(envelope(getFolderBody(folder), { header: impersonationHeader(inner) }), { auth: [login, DEFAULT_PASSWORD] });
});

When('{mailbox} sends a GetFolder for {folder} with the impersonation header {string}', async function (this: EwsWorld, login: string, folder: string, header: string) {
  await this.post(envelope(getFolderBody(folder), { header }), { auth: [login, DEFAULT_PASSWORD] });
});

/** A distinguished folder's id, from the admin API. */
async function distinguishedFolderId(world: EwsWorld, owner: string, folder: string): Promise<string> {
  return (await (await world.admin()).folder(owner, folder, { limit: 0 })).id;
}

When('{mailbox} posts a GetFolder for the {folder} folder id of {mailbox}', async function (this: EwsWorld, login: string, folder: string, owner: string) {
  const id = await distinguishedFolderId(this, owner, folder);
  await this.post(envelope(getFolderById(id)), { auth: [login, DEFAULT_PASSWORD] });
});

When('{mailbox} impersonating {mailbox} posts a GetFolder for the {folder} folder id of {mailbox}', async function (this: EwsWorld, login: string, target: string, folder: string, owner: string) {
  const id = await distinguishedFolderId(this, owner, folder);
  await this.post(envelope(getFolderById(id), { impersonate: target }), { auth: [login, DEFAULT_PASSWORD] });
});

// ---- versions ----

When('{mailbox} posts a GetFolder for {folder} without RequestServerVersion', async function (this: EwsWorld, login: string, folder: string) {
  await this.post(envelope(getFolderBody(folder), { version: null }), { auth: [login, DEFAULT_PASSWORD] });
});

When('{mailbox} posts a GetFolder for {folder} with RequestServerVersion {string}', async function (this: EwsWorld, login: string, folder: string, version: string) {
  await this.post(envelope(getFolderBody(folder), { version }), { auth: [login, DEFAULT_PASSWORD] });
});

When('{mailbox} posts a GetFolder for {folder} with a RequestServerVersion that has no Version attribute', async function (this: EwsWorld, login: string, folder: string) {
  await this.post(envelope(getFolderBody(folder), { version: null, header: '<t:RequestServerVersion/>' }), { auth: [login, DEFAULT_PASSWORD] });
});

When('{mailbox} binds to the {folder} folder through ews-javascript-api asking for {word}', async function (this: EwsWorld, login: string, folder: string, version: string) {
  const v = ews.ExchangeVersion[version as keyof typeof ews.ExchangeVersion];
  assert.ok(v !== undefined, `ews-javascript-api knows no ExchangeVersion ${version}`);
  const svc = await this.service(login, DEFAULT_PASSWORD, undefined, v);
  this.results.set('folder', await this.attempt(() => ews.Folder.Bind(svc, wellKnown(folder))));
});

When('{mailbox} probes the server with ConvertId from these versions, newest first:', async function (this: EwsWorld, login: string, table: { raw(): string[][] }) {
  const mock = await this.ensureMock();
  // A probe id, as clients send: well formed base64 that names nothing, so the answer is per item.
  const body = `<m:ConvertId DestinationFormat="EwsId"><m:SourceIds><t:AlternateId Format="EwsId" Id="AAAAAA==" Mailbox="${login}"/></m:SourceIds></m:ConvertId>`;
  const answers: string[] = [];
  let accepted: string | undefined;
  for (const [version] of table.raw()) {
    const reply = await postSoap(mock.url, envelope(body, { version }), { auth: [login, DEFAULT_PASSWORD] });
    answers.push(`${version}: ${reply.status} ${textOf(findAll(reply.doc, 'ResponseCode')[0])}`);
    if (reply.status === 200) {
      accepted = version;
      break;
    }
  }
  this.results.set('probe', { accepted, answers });
});

Then('the first version the server accepts is {string}', function (this: EwsWorld, version: string) {
  const probe = this.results.get('probe') as { accepted?: string; answers: string[] };
  assert.equal(probe.accepted, version, probe.answers.join('\n'));
});

Then('the versions refused before it answered {word}', function (this: EwsWorld, code: string) {
  const probe = this.results.get('probe') as { accepted?: string; answers: string[] };
  const refused = probe.answers.slice(0, -1);
  assert.ok(refused.length > 0, 'no version was refused');
  for (const a of refused) assert.match(a, new RegExp(`: 500 ${code}$`), probe.answers.join('\n'));
});

Then('the outcome is an Inbox with {int} items', function (this: EwsWorld, count: number) {
  assert.equal(this.reply?.status, 200, this.reply?.body);
  const folder = findAll(this.reply?.doc, 'Folder')[0];
  assert.equal(textOf(findAll(folder, 'DisplayName')[0]), 'Inbox', this.reply?.body);
  assert.equal(textOf(findAll(folder, 'TotalCount')[0]), String(count));
});

Then('the outcome is {word}', function (this: EwsWorld, code: string) {
  assert.equal(this.reply?.status, 500, this.reply?.body);
  assert.equal(textOf(findAll(this.reply?.doc, 'ResponseCode')[0]), code, this.reply?.body);
});

async function getNewestItem(world: EwsWorld, login: string, folder: string, version: string | null): Promise<void> {
  // The folder view lists newest first; among equal times, the one stored first.
  const [newest] = (await (await world.admin()).folder(login, folder, { limit: 1 })).items;
  assert.ok(newest, `the ${folder} folder of ${login} is empty`);
  const body = `<m:GetItem><m:ItemShape><t:BaseShape>AllProperties</t:BaseShape></m:ItemShape><m:ItemIds><t:ItemId Id="${newest.id}"/></m:ItemIds></m:GetItem>`;
  await world.post(envelope(body, { version }), { auth: [login, DEFAULT_PASSWORD] });
}

When('{mailbox} gets the newest item of the {folder} folder with AllProperties without RequestServerVersion', async function (this: EwsWorld, login: string, folder: string) {
  await getNewestItem(this, login, folder, null);
});

When('{mailbox} gets the newest item of the {folder} folder with AllProperties and RequestServerVersion {string}', async function (this: EwsWorld, login: string, folder: string, version: string) {
  await getNewestItem(this, login, folder, version);
});

Then('the item in the response is {string} with a ConversationId', function (this: EwsWorld, subject: string) {
  const message = findAll(this.reply?.doc, 'Message')[0];
  assert.ok(message, this.reply?.body);
  assert.equal(textOf(findAll(message, 'Subject')[0]), subject);
  assert.equal(findAll(message, 'ConversationId').length, 1, this.reply?.body);
});

Then('the item in the response is {string} without a ConversationId', function (this: EwsWorld, subject: string) {
  const message = findAll(this.reply?.doc, 'Message')[0];
  assert.ok(message, this.reply?.body);
  assert.equal(textOf(findAll(message, 'Subject')[0]), subject);
  assert.equal(findAll(message, 'ConversationId').length, 0, this.reply?.body);
});
