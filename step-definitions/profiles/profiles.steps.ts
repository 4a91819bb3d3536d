import { Given, Then, When, DataTable } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import * as ews from 'ews-javascript-api';
import { XhrApi } from '@ewsjs/xhr';
import { createType1Message, createType3Message, decodeType2Message } from '@ewsjs/ntlm-client';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD } from '../support/accounts';
import { envelope, findAll, textOf } from '../support/soap';
import { issueToken, DEFAULT_APP_ID } from '../../mock-ews/src/auth/tokens';
import { oneConnection, rawRequest, RawReply } from './raw-http';

/**
 * Steps of features/profiles: what one Exchange generation answers differently from another.
 * Raw HTTP goes through raw-http.ts where headers or connections matter.
 */

const getFolderBody = (folder: string) =>
  `<m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="${folder}"/></m:FolderIds></m:GetFolder>`;

const basic = (login: string, password = DEFAULT_PASSWORD) => 'Basic ' + Buffer.from(`${login}:${password}`).toString('base64');

function wellKnown(folder: string): ews.WellKnownFolderName {
  const map: Record<string, ews.WellKnownFolderName> = {
    inbox: ews.WellKnownFolderName.Inbox,
    sentitems: ews.WellKnownFolderName.SentItems,
    drafts: ews.WellKnownFolderName.Drafts,
    deleteditems: ews.WellKnownFolderName.DeletedItems,
    msgfolderroot: ews.WellKnownFolderName.MsgFolderRoot,
  };
  const v = map[folder];
  assert.ok(v !== undefined, `no well-known folder ${folder}`);
  return v;
}

function keep(world: EwsWorld, reply: RawReply): RawReply {
  world.reply = reply;
  world.results.set('raw', reply);
  return reply;
}

function lastRaw(world: EwsWorld): RawReply {
  const r = world.results.get('raw') as RawReply | undefined;
  assert.ok(r, 'no raw HTTP exchange happened');
  return r;
}

// ---- versions and the envelope ----

Then('the response envelope uses the prefixes {word} and {word} and ServerVersionInfo {string} with Version {string}', function (this: EwsWorld, soap: string, header: string, build: string, version: string) {
  assert.equal(this.reply?.status, 200, this.reply?.body);
  checkEnvelope(this, soap, header, build, version);
});

// The OOF service's soap:Client faults keep the version header (features/protocol/out-of-office.feature).
Then('the fault envelope uses the prefixes {word} and {word} and ServerVersionInfo {string} with Version {string}', function (this: EwsWorld, soap: string, header: string, build: string, version: string) {
  assert.equal(this.reply?.status, 500, this.reply?.body);
  checkEnvelope(this, soap, header, build, version);
});

function checkEnvelope(world: EwsWorld, soap: string, header: string, build: string, version: string): void {
  const body = world.reply?.body ?? '';
  assert.ok(body.includes(`<${soap}:Envelope `), `envelope prefix is not ${soap}: ${body.slice(0, 200)}`);
  const m = new RegExp(`<${header}:ServerVersionInfo\\b([^>]*)>`).exec(body);
  assert.ok(m, `no ${header}:ServerVersionInfo in ${body.slice(0, 400)}`);
  const attr = (n: string) => new RegExp(`\\b${n}="([^"]*)"`).exec(m[1])?.[1];
  assert.equal([attr('MajorVersion'), attr('MinorVersion'), attr('MajorBuildNumber'), attr('MinorBuildNumber')].join('.'), build);
  assert.equal(attr('Version') ?? 'none', version);
}

When('{mailbox} posts a GetFolder for {folder} with RequestServerVersion {word} and the SOAP header:', async function (this: EwsWorld, login: string, folder: string, version: string, header: string) {
  await this.post(envelope(getFolderBody(folder), { version, header }), { auth: [login, DEFAULT_PASSWORD] });
});

When('{mailbox} impersonates {mailbox} by {word} asking for {word} and gets the {folder} folder', async function (this: EwsWorld, login: string, target: string, form: string, version: string, folder: string) {
  const header = `<t:ExchangeImpersonation><t:ConnectingSID><t:${form}>${target}</t:${form}></t:ConnectingSID></t:ExchangeImpersonation>`;
  await this.post(envelope(getFolderBody(folder), { version, header }), { auth: [login, DEFAULT_PASSWORD] });
});

Then('the schema violation is reported at line {int}', function (this: EwsWorld, line: number) {
  assert.equal(textOf(findAll(this.reply?.doc, 'LineNumber')[0]), String(line), this.reply?.body);
});

// ---- authentication ----

When('a client without credentials posts a GetFolder for {folder} and reads every challenge', async function (this: EwsWorld, folder: string) {
  const mock = await this.ensureMock();
  keep(this, await rawRequest(mock.url, { headers: { 'Content-Type': 'text/xml; charset=utf-8' }, body: envelope(getFolderBody(folder)) }));
});

Then('the 401 offers exactly these challenges, in order:', function (this: EwsWorld, table: DataTable) {
  const r = lastRaw(this);
  assert.equal(r.status, 401, r.body);
  const offered = (r.all.get('www-authenticate') ?? []).map((c) => c.split(/\s/)[0] + (c.startsWith('Basic ') ? ' realm' : ''));
  assert.deepEqual(offered, table.raw().map((row) => row[0]));
});

Then('the Bearer challenge names Exchange\'s client id and the trusted issuers', function (this: EwsWorld) {
  const bearer = (lastRaw(this).all.get('www-authenticate') ?? []).find((c) => c.startsWith('Bearer '));
  assert.ok(bearer, 'no Bearer challenge');
  assert.match(bearer, /client_id="00000002-0000-0ff1-ce00-000000000000"/);
  assert.match(bearer, /trusted_issuers="[^"]+"/);
  assert.match(bearer, /authorization_uri="https:\/\/login\.microsoftonline\.com\/[^"]+"/);
});

When('{mailbox} with password {string} impersonating {mailbox} binds to the {folder} folder through NTLM asking for {word}', async function (this: EwsWorld, login: string, password: string, target: string, folder: string, version: string) {
  const mock = await this.ensureMock();
  const v = ews.ExchangeVersion[version as keyof typeof ews.ExchangeVersion];
  assert.ok(v !== undefined, `ews-javascript-api knows no ExchangeVersion ${version}`);
  const svc = new ews.ExchangeService(v);
  svc.Credentials = new ews.WebCredentials(login, password);
  svc.XHRApi = new XhrApi({ rejectUnauthorized: false }).useNtlmAuthentication(login, password);
  svc.Url = new ews.Uri(mock.url);
  svc.ImpersonatedUserId = new ews.ImpersonatedUserId(ews.ConnectingIdType.SmtpAddress, target);
  this.results.set('folder', await this.attempt(() => ews.Folder.Bind(svc, wellKnown(folder))));
});

/** The journal's successful requests, oldest first. */
async function answered(world: EwsWorld) {
  return world.mock ? (await world.mock.admin.journal()).filter((r) => r.status === 200) : [];
}

Then('the mock journal shows the request authenticated as {mailbox}', async function (this: EwsWorld, login: string) {
  const records = await answered(this);
  assert.ok(records.length > 0, 'no successful request in the journal');
  assert.equal(records[records.length - 1].account, login);
});

Then('the mock journal shows the request authenticated as the test application', async function (this: EwsWorld) {
  const records = await answered(this);
  assert.equal(records[records.length - 1]?.account, DEFAULT_APP_ID);
});

/** Runs NEGOTIATE → CHALLENGE → AUTHENTICATE by hand with the NTLM client library ews-javascript-api uses. */
async function ntlmHandshake(world: EwsWorld, login: string, password: string, folder: string, sameConnection: boolean, scheme = 'NTLM'): Promise<RawReply> {
  const mock = await world.ensureMock();
  const agent = oneConnection();
  const body = envelope(getFolderBody(folder));
  const type1 = createType1Message('WORKSTATION', '').replace(/^NTLM /, `${scheme} `);
  // The NEGOTIATE goes on a body-less GET, as @ewsjs/xhr sends it.
  const challenge = await rawRequest(mock.url, { method: 'GET', headers: { Authorization: type1 }, agent });
  world.results.set('challenge', challenge);
  assert.equal(challenge.status, 401, challenge.body);
  const header = (challenge.all.get('www-authenticate') ?? [])[0] ?? '';
  assert.ok(header.startsWith(`${scheme} `), `expected a ${scheme} CHALLENGE, got ${header}`);
  const type2 = decodeType2Message(header.replace(/^\w+ /, 'NTLM '));
  const type3 = createType3Message(type2, login, password, 'WORKSTATION', '').replace(/^NTLM /, `${scheme} `);
  const second = sameConnection ? agent : oneConnection();
  const reply = await rawRequest(mock.url, { headers: { Authorization: type3, 'Content-Type': 'text/xml; charset=utf-8' }, body, agent: second });
  world.results.set('agent', second);
  if (!sameConnection) agent.destroy();
  return keep(world, reply);
}

When('{mailbox} with password {string} does the NTLM handshake on one connection and posts a GetFolder for {folder}', async function (this: EwsWorld, login: string, password: string, folder: string) {
  await ntlmHandshake(this, login, password, folder, true);
});

When('{mailbox} does the NTLM handshake inside Negotiate and posts a GetFolder for {folder}', async function (this: EwsWorld, login: string, folder: string) {
  await ntlmHandshake(this, login, DEFAULT_PASSWORD, folder, true, 'Negotiate');
});

When('{mailbox} sends the NTLM NEGOTIATE on one connection and the AUTHENTICATE with a GetFolder for {folder} on another', async function (this: EwsWorld, login: string, folder: string) {
  await ntlmHandshake(this, login, DEFAULT_PASSWORD, folder, false);
});

When('a second GetFolder for {folder} without credentials goes over the same connection', async function (this: EwsWorld, folder: string) {
  const mock = await this.ensureMock();
  const agent = this.results.get('agent') as import('node:http').Agent;
  keep(this, await rawRequest(mock.url, { headers: { 'Content-Type': 'text/xml; charset=utf-8' }, body: envelope(getFolderBody(folder)), agent }));
  agent.destroy();
});

When('a second GetFolder for {folder} without credentials goes over a new connection', async function (this: EwsWorld, folder: string) {
  const mock = await this.ensureMock();
  keep(this, await rawRequest(mock.url, { headers: { 'Content-Type': 'text/xml; charset=utf-8' }, body: envelope(getFolderBody(folder)), agent: oneConnection() }));
});

Then('the NTLM CHALLENGE asks for NTLMv2 and names the domain {string}', function (this: EwsWorld, domain: string) {
  const challenge = this.results.get('challenge') as RawReply;
  const header = (challenge.all.get('www-authenticate') ?? [])[0];
  const type2 = decodeType2Message(header.replace(/^\w+ /, 'NTLM '));
  assert.equal(type2.version, 2, 'the CHALLENGE does not ask for extended session security / NTLMv2');
  assert.equal(type2.targetName, domain);
  assert.ok(type2.targetInfo?.buffer.length, 'no target information, which NTLMv2 responses need');
});

Then('the folder in the answer is named {string}', function (this: EwsWorld, name: string) {
  assert.equal(this.reply?.status, 200, this.reply?.body);
  assert.equal(textOf(findAll(this.reply?.doc, 'DisplayName')[0]), name, this.reply?.body);
});

/** Tokens a test can hold: valid, or broken in one way Exchange checks. */
function tokenFor(world: EwsWorld, kind: string, audience: string, account?: string): string {
  const common = { audience, account };
  switch (kind) {
    case 'valid':
      return issueToken(common);
    case 'expired':
      return issueToken({ ...common, lifetimeSeconds: -600 });
    case 'foreign-audience':
      return issueToken({ ...common, audience: 'https://graph.microsoft.com' });
    case 'permissionless':
      return issueToken({ ...common, roles: ['Mail.Read'], scopes: ['Mail.Read'] });
    case 'forged':
      return issueToken({ ...common, secret: 'not the mock key' });
    default:
      throw new Error(`no token kind ${kind}`);
  }
}

async function audienceOf(world: EwsWorld): Promise<string> {
  const mock = await world.ensureMock();
  return (await mock.admin.profile()).online ? 'https://outlook.office365.com' : mock.baseUrl;
}

When('an application with a {word} app-only token impersonating {mailbox} binds to the {folder} folder', async function (this: EwsWorld, kind: string, target: string, folder: string) {
  const mock = await this.ensureMock();
  const svc = new ews.ExchangeService(ews.ExchangeVersion.Exchange2013_SP1);
  svc.Credentials = new ews.OAuthCredentials(tokenFor(this, kind, await audienceOf(this)));
  svc.Url = new ews.Uri(mock.url);
  svc.ImpersonatedUserId = new ews.ImpersonatedUserId(ews.ConnectingIdType.SmtpAddress, target);
  this.results.set('folder', await this.attempt(() => ews.Folder.Bind(svc, wellKnown(folder))));
});

When('an application posts a GetFolder for {folder} impersonating {mailbox} with a {word} app-only token', async function (this: EwsWorld, folder: string, target: string, kind: string) {
  const mock = await this.ensureMock();
  const token = tokenFor(this, kind, await audienceOf(this));
  keep(this, await rawRequest(mock.url, { headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/xml; charset=utf-8' }, body: envelope(getFolderBody(folder), { impersonate: target }) }));
});

When('{mailbox} with a delegated token posts a GetFolder for {folder}', async function (this: EwsWorld, login: string, folder: string) {
  const mock = await this.ensureMock();
  const token = tokenFor(this, 'valid', await audienceOf(this), login);
  keep(this, await rawRequest(mock.url, { headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/xml; charset=utf-8' }, body: envelope(getFolderBody(folder)) }));
});

When('{mailbox} with a delegated token impersonating {mailbox} posts a GetFolder for {folder}', async function (this: EwsWorld, login: string, target: string, folder: string) {
  const mock = await this.ensureMock();
  const token = tokenFor(this, 'valid', await audienceOf(this), login);
  keep(this, await rawRequest(mock.url, { headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/xml; charset=utf-8' }, body: envelope(getFolderBody(folder), { impersonate: target }) }));
});

When('an application impersonating {mailbox} posts a GetFolder for {folder} with X-AnchorMailbox {mailbox}', async function (this: EwsWorld, target: string, folder: string, anchor: string) {
  const mock = await this.ensureMock();
  const token = tokenFor(this, 'valid', await audienceOf(this));
  keep(this, await rawRequest(mock.url, { headers: { Authorization: `Bearer ${token}`, 'X-AnchorMailbox': anchor, 'Content-Type': 'text/xml; charset=utf-8' }, body: envelope(getFolderBody(folder), { impersonate: target }) }));
});

When('{mailbox} impersonating {mailbox} posts a GetFolder for {folder} with X-AnchorMailbox {mailbox}', async function (this: EwsWorld, login: string, target: string, folder: string, anchor: string) {
  const mock = await this.ensureMock();
  keep(this, await rawRequest(mock.url, { headers: { Authorization: basic(login), 'X-AnchorMailbox': anchor, 'Content-Type': 'text/xml; charset=utf-8' }, body: envelope(getFolderBody(folder), { impersonate: target }) }));
});

When('{mailbox} posts a GetFolder for {folder} with Basic credentials and reads the answer', async function (this: EwsWorld, login: string, folder: string) {
  const mock = await this.ensureMock();
  keep(this, await rawRequest(mock.url, { headers: { Authorization: basic(login), 'Content-Type': 'text/xml; charset=utf-8' }, body: envelope(getFolderBody(folder)) }));
});

Then('the x-ms-diagnostics header has code {int} and category {string}', function (this: EwsWorld, code: number, category: string) {
  const r = lastRaw(this);
  assert.equal(r.status, 401, r.body);
  const diag = r.headers.get('x-ms-diagnostics') ?? '';
  assert.match(diag, new RegExp(`^${code};reason="[^"]+";error_category="${category}"$`), diag);
});

Then('the x-ms-diagnostics reason mentions {string}', function (this: EwsWorld, text: string) {
  const diag = lastRaw(this).headers.get('x-ms-diagnostics') ?? '';
  assert.ok(diag.includes(text), diag);
});

Then('the answer has no x-ms-diagnostics header', function (this: EwsWorld) {
  assert.equal(lastRaw(this).headers.get('x-ms-diagnostics'), null);
});

When('the tester asks the admin API for an app-only token', async function (this: EwsWorld) {
  const mock = await this.ensureMock();
  const res = await fetch(`${mock.baseUrl}/__admin/tokens`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ app: DEFAULT_APP_ID }) });
  assert.equal(res.status, 201, await res.clone().text());
  const answer = (await res.json()) as { access_token: string; claims: { roles: string[]; aud: string } };
  this.results.set('token', answer.access_token);
  this.results.set('claims', answer.claims);
});

Then('the token carries the role {string} and the audience of the profile', async function (this: EwsWorld, role: string) {
  const claims = this.results.get('claims') as { roles: string[]; aud: string };
  assert.ok(claims.roles.includes(role), JSON.stringify(claims));
  assert.equal(claims.aud, await audienceOf(this));
});

When('the application uses that token impersonating {mailbox} to bind to the {folder} folder', async function (this: EwsWorld, target: string, folder: string) {
  const mock = await this.ensureMock();
  const svc = new ews.ExchangeService(ews.ExchangeVersion.Exchange2016);
  svc.Credentials = new ews.OAuthCredentials(this.results.get('token') as string);
  svc.Url = new ews.Uri(mock.url);
  svc.ImpersonatedUserId = new ews.ImpersonatedUserId(ews.ConnectingIdType.SmtpAddress, target);
  this.results.set('folder', await this.attempt(() => ews.Folder.Bind(svc, wellKnown(folder))));
});

// ---- throttling ----

Given('the mock delays every {word} answer by {int} ms', async function (this: EwsWorld, operation: string, ms: number) {
  const mock = await this.ensureMock();
  const res = await fetch(`${mock.baseUrl}/__admin/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ kind: 'delay', ms, operation }) });
  assert.equal(res.status, 201, await res.text());
});

When('{mailbox} impersonating {mailbox} sends {int} SyncFolderHierarchy requests at once', async function (this: EwsWorld, login: string, target: string, n: number) {
  const mock = await this.ensureMock();
  const body = envelope('<m:SyncFolderHierarchy><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape></m:SyncFolderHierarchy>', { impersonate: target });
  const replies = await Promise.all(
    Array.from({ length: n }, () => rawRequest(mock.url, { headers: { Authorization: basic(login), 'Content-Type': 'text/xml; charset=utf-8' }, body, agent: oneConnection() })),
  );
  this.results.set('burst', replies);
});

When('an application impersonating {mailbox} sends {int} SyncFolderHierarchy requests at once', async function (this: EwsWorld, target: string, n: number) {
  const mock = await this.ensureMock();
  const token = tokenFor(this, 'valid', await audienceOf(this));
  const body = envelope('<m:SyncFolderHierarchy><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape></m:SyncFolderHierarchy>', { impersonate: target });
  const replies = await Promise.all(
    Array.from({ length: n }, () => rawRequest(mock.url, { headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/xml; charset=utf-8' }, body, agent: oneConnection() })),
  );
  this.results.set('burst', replies);
});

When('{mailbox} sends {int} GetFolder requests for {folder} at once', async function (this: EwsWorld, login: string, n: number, folder: string) {
  const mock = await this.ensureMock();
  const body = envelope(getFolderBody(folder));
  const replies = await Promise.all(
    Array.from({ length: n }, () => rawRequest(mock.url, { headers: { Authorization: basic(login), 'Content-Type': 'text/xml; charset=utf-8' }, body, agent: oneConnection() })),
  );
  this.results.set('burst', replies);
});

When('{mailbox} sends {int} GetFolder requests for {folder} one after another', async function (this: EwsWorld, login: string, n: number, folder: string) {
  const mock = await this.ensureMock();
  const body = envelope(getFolderBody(folder));
  const replies: RawReply[] = [];
  for (let i = 0; i < n; i++) replies.push(await rawRequest(mock.url, { headers: { Authorization: basic(login), 'Content-Type': 'text/xml; charset=utf-8' }, body }));
  this.results.set('burst', replies);
});

function codeOf(r: RawReply): string {
  return r.status === 200 ? 'NoError' : textOf(findAll(r.doc, 'ResponseCode')[0]) ?? `HTTP ${r.status}`;
}

Then('{int} of them succeed and {int} fail with {word}', function (this: EwsWorld, ok: number, failed: number, code: string) {
  const replies = this.results.get('burst') as RawReply[];
  const codes = replies.map(codeOf);
  assert.equal(codes.filter((c) => c === 'NoError').length, ok, codes.join(', '));
  assert.equal(codes.filter((c) => c === code).length, failed, codes.join(', '));
});

Then('every refusal is an HTTP 500 fault with BackOffMilliseconds {int} and the text {string}', function (this: EwsWorld, backoff: number, text: string) {
  const refusals = (this.results.get('burst') as RawReply[]).filter((r) => r.status !== 200);
  assert.ok(refusals.length > 0, 'nothing was refused');
  for (const r of refusals) {
    assert.equal(r.status, 500, r.body);
    const value = findAll(r.doc, 'Value').find((v) => String(v['@Name']) === 'BackOffMilliseconds');
    assert.equal(textOf(value), String(backoff), r.body);
    assert.ok((textOf(findAll(r.doc, 'Message')[0]) ?? '').includes(text), r.body);
  }
});

Then('the refusal suggests backing off between {int} and {int} ms', function (this: EwsWorld, low: number, high: number) {
  const refusal = (this.results.get('burst') as RawReply[]).find((r) => r.status !== 200);
  assert.ok(refusal, 'nothing was refused');
  const value = Number(textOf(findAll(refusal.doc, 'Value').find((v) => String(v['@Name']) === 'BackOffMilliseconds')));
  assert.ok(value >= low && value <= high, `BackOffMilliseconds ${value}`);
});

// ---- autodiscover and schema documents ----

const POX_REQUEST = (email: string, schema = 'http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a') =>
  `<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006"><Request><EMailAddress>${email}</EMailAddress><AcceptableResponseSchema>${schema}</AcceptableResponseSchema></Request></Autodiscover>`;

When('{mailbox} asks POX Autodiscover for {mailbox}', async function (this: EwsWorld, login: string, email: string) {
  const mock = await this.ensureMock();
  keep(this, await rawRequest(`${mock.baseUrl}/autodiscover/autodiscover.xml`, { headers: { Authorization: basic(login), 'Content-Type': 'text/xml' }, body: POX_REQUEST(email) }));
});

When('{mailbox} asks POX Autodiscover for {mailbox} with the response schema {string}', async function (this: EwsWorld, login: string, email: string, schema: string) {
  const mock = await this.ensureMock();
  keep(this, await rawRequest(`${mock.baseUrl}/autodiscover/autodiscover.xml`, { headers: { Authorization: basic(login), 'Content-Type': 'text/xml' }, body: POX_REQUEST(email, schema) }));
});

Then('the POX answer gives the EWS URL of the mock and the display name {string}', async function (this: EwsWorld, name: string) {
  const mock = await this.ensureMock();
  const r = lastRaw(this);
  assert.equal(r.status, 200, r.body);
  const urls = findAll(r.doc, 'EwsUrl').map((e) => textOf(e));
  assert.ok(urls.length >= 1, r.body);
  for (const u of urls) assert.equal(u, mock.url);
  assert.equal(textOf(findAll(r.doc, 'DisplayName')[0]), name);
});

Then('the POX ServerVersion decodes to major version {int} and minor version {int}', function (this: EwsWorld, major: number, minor: number) {
  const hex = textOf(findAll(lastRaw(this).doc, 'ServerVersion')[0]) ?? '';
  const bits = parseInt(hex, 16).toString(2).padStart(32, '0');
  assert.equal(parseInt(bits.slice(4, 10), 2), major, hex);
  assert.equal(parseInt(bits.slice(10, 16), 2), minor, hex);
});

Then('the POX answer is the error {int} {string}', function (this: EwsWorld, code: number, message: string) {
  const r = lastRaw(this);
  assert.equal(r.status, 200, r.body);
  assert.equal(textOf(findAll(r.doc, 'ErrorCode')[0]), String(code), r.body);
  assert.equal(textOf(findAll(r.doc, 'Message')[0]), message, r.body);
});

When('a client without credentials probes {word}', async function (this: EwsWorld, path: string) {
  const mock = await this.ensureMock();
  keep(this, await rawRequest(`${mock.baseUrl}${path}`, { method: 'GET' }));
});

Then('the answer has the status {int} and the discovery headers:', function (this: EwsWorld, status: number, table: DataTable) {
  const r = lastRaw(this);
  assert.equal(r.status, status, r.body);
  for (const [name, value] of table.raw()) assert.equal(r.headers.get(name), value === '(absent)' ? null : value, `header ${name}`);
});

When('{mailbox} asks SOAP Autodiscover through ews-javascript-api for the settings of {string}:', async function (this: EwsWorld, login: string, users: string, table: DataTable) {
  const mock = await this.ensureMock();
  const ad = new ews.AutodiscoverService(new ews.Uri(`${mock.baseUrl}/autodiscover/autodiscover.svc`), ews.ExchangeVersion.Exchange2010);
  ad.Credentials = new ews.WebCredentials(login, DEFAULT_PASSWORD);
  const names = table.raw().map((r) => ews.UserSettingName[r[0] as keyof typeof ews.UserSettingName]);
  const result = await this.attempt(() => ad.GetUsersSettings(users.split(/,\s*/), ...names));
  this.results.set('autodiscover', result);
});

Then('the settings of {mailbox} are:', async function (this: EwsWorld, smtp: string, table: DataTable) {
  assert.equal(this.clientError, undefined, String((this.clientError as Error | undefined)?.message));
  const mock = await this.ensureMock();
  const result = this.results.get('autodiscover') as ews.GetUserSettingsResponseCollection;
  const users = result.GetEnumerator();
  const r = users.find((x) => x.SmtpAddress.toLowerCase() === smtp) ?? users[0];
  assert.equal(ews.AutodiscoverErrorCode[r.ErrorCode], 'NoError', r.ErrorMessage);
  for (const [name, expected] of table.raw()) {
    const value = String(r.Settings.get(ews.UserSettingName[name as keyof typeof ews.UserSettingName]));
    if (expected === '<the mock EWS URL>') assert.equal(value, mock.url);
    else if (expected === '<a GUID>') assert.match(value, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    else assert.equal(value, expected, name);
  }
});

Then('the Autodiscover answer for {string} is the error {word} {string}', function (this: EwsWorld, smtp: string, code: string, message: string) {
  const result = this.results.get('autodiscover') as ews.GetUserSettingsResponseCollection;
  const r = result.GetEnumerator().find((x) => x.ErrorCode !== ews.AutodiscoverErrorCode.NoError);
  assert.ok(r, `every user resolved; expected an error for ${smtp}`);
  assert.equal(ews.AutodiscoverErrorCode[r.ErrorCode], code);
  assert.equal(r.ErrorMessage, message);
});

Then('the setting {word} is reported as {word}', function (this: EwsWorld, name: string, code: string) {
  const result = this.results.get('autodiscover') as ews.GetUserSettingsResponseCollection;
  const errors = result.GetEnumerator().flatMap((r) => r.UserSettingErrors);
  const e = errors.find((x) => x.SettingName === name);
  assert.ok(e, `no error for ${name}`);
  assert.equal(ews.AutodiscoverErrorCode[e.ErrorCode], code);
});

When('{mailbox} downloads {word}', async function (this: EwsWorld, login: string, path: string) {
  const mock = await this.ensureMock();
  keep(this, await rawRequest(`${mock.baseUrl}${path}`, { method: 'GET', headers: { Authorization: basic(login) } }));
});

Then('the WSDL binds these operations to the mock\'s EWS URL:', async function (this: EwsWorld, table: DataTable) {
  const mock = await this.ensureMock();
  const r = lastRaw(this);
  assert.equal(r.status, 200, r.body);
  const ops = new Set(findAll(findAll(r.doc, 'binding')[0], 'operation').map((o) => String(o['@name'])).filter((n) => n !== 'undefined'));
  for (const [op] of table.raw()) assert.ok(ops.has(op), `${op} is not in the binding: ${[...ops].join(', ')}`);
  assert.equal(String(findAll(r.doc, 'address')[0]?.['@location']), mock.url);
});

Then('the WSDL does not offer {word}', function (this: EwsWorld, op: string) {
  const ops = findAll(findAll(lastRaw(this).doc, 'binding')[0], 'operation').map((o) => String(o['@name']));
  assert.ok(!ops.includes(op), `${op} is offered`);
});

Then('the types schema enumerates the versions {string}', function (this: EwsWorld, list: string) {
  const r = lastRaw(this);
  assert.equal(r.status, 200, r.body);
  const type = findAll(r.doc, 'simpleType').find((t) => String(t['@name']) === 'ExchangeVersionType');
  assert.ok(type, r.body);
  assert.deepEqual(findAll(type, 'enumeration').map((e) => String(e['@value'])), list.split(/,\s*/));
});
