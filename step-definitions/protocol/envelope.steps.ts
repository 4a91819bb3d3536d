import { DataTable, Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD } from '../support/accounts';
import { envelope, findAll, postSoap, textOf } from '../support/soap';
import { impersonates, onlineBearer } from '../profiles/online-credentials';

/** A GetFolder body for one distinguished folder, written with the given prefixes. */
function getFolderBody(folder: string, m = 'm', t = 't', padding = ''): string {
  return `<${m}:GetFolder><${m}:FolderShape><${t}:BaseShape>Default</${t}:BaseShape></${m}:FolderShape>${padding}<${m}:FolderIds><${t}:DistinguishedFolderId Id="${folder}"/></${m}:FolderIds></${m}:GetFolder>`;
}

async function postTo(world: EwsWorld, login: string, body: string | Uint8Array, options: { path?: string; headers?: Record<string, string>; method?: string; chunked?: boolean } = {}): Promise<void> {
  const mock = await world.ensureMock();
  const url = options.path ? mock.baseUrl + options.path : mock.url;
  // Exchange Online refuses Basic: the same credentials as a token (step-definitions/profiles/online-credentials.ts).
  const bearer = await onlineBearer(mock, login, DEFAULT_PASSWORD, typeof body === 'string' && impersonates(body));
  const auth = bearer ? { auth: null, headers: { ...options.headers, Authorization: `Bearer ${bearer}` } } : { auth: [login, DEFAULT_PASSWORD] as [string, string], headers: options.headers };
  world.reply = await postSoap(url, body, { ...auth, method: options.method, chunked: options.chunked });
}

function fault(world: EwsWorld): Record<string, unknown> {
  const f = findAll(world.reply?.doc, 'Fault')[0];
  assert.ok(f, `no SOAP fault in: ${world.reply?.body}`);
  return f;
}

Given('the mock accepts request bodies up to {int} bytes', function (this: EwsWorld, limit: number) {
  if (this.mock) throw new Error('the body limit must be set before the mock starts');
  this.mockOptions.bodyLimit = limit;
});

When('{mailbox} posts the GetFolder body for {folder} with the prefixes {word}, {word} and {word}', async function (this: EwsWorld, login: string, folder: string, soap: string, m: string, t: string) {
  await postTo(this, login, envelope(getFolderBody(folder, m, t), { prefixes: { soap, m, t } }));
});

When('{mailbox} posts the GetFolder body for {folder} in chunks, without a Content-Length', async function (this: EwsWorld, login: string, folder: string) {
  await postTo(this, login, envelope(getFolderBody(folder)), { chunked: true });
});

Then('the journal shows the request arrived chunked, without a Content-Length', async function (this: EwsWorld) {
  const [last] = await (await this.ensureMock()).admin.requests({ limit: 1 });
  assert.equal(last?.headers['transfer-encoding'], 'chunked', JSON.stringify(last?.headers));
  assert.equal(last?.headers['content-length'], undefined);
});

When('{mailbox} posts the GetFolder body for {folder} to the path {string}', async function (this: EwsWorld, login: string, folder: string, path: string) {
  await postTo(this, login, envelope(getFolderBody(folder)), { path });
});

const findFolderBody = (folder: string) =>
  `<m:FindFolder Traversal="Shallow"><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:ParentFolderIds><t:DistinguishedFolderId Id="${folder}"/></m:ParentFolderIds></m:FindFolder>`;

When('{mailbox} posts a shallow FindFolder under {folder} with SOAPAction {string}', async function (this: EwsWorld, login: string, folder: string, action: string) {
  await postTo(this, login, envelope(findFolderBody(folder)), { headers: { SOAPAction: `"${action}"` } });
});

When('{mailbox} posts a shallow FindFolder under {folder} with SOAPAction absent', async function (this: EwsWorld, login: string, folder: string) {
  await postTo(this, login, envelope(findFolderBody(folder)));
});

When('{mailbox} posts this request with Content-Type {string}:', async function (this: EwsWorld, login: string, type: string, body: string) {
  await postTo(this, login, body, { headers: { 'Content-Type': type } });
});

When('{mailbox} sends a GET to the EWS endpoint', async function (this: EwsWorld, login: string) {
  await postTo(this, login, '', { method: 'GET' });
});

When('{mailbox} posts an envelope whose body nests {int} elements deep', async function (this: EwsWorld, login: string, depth: number) {
  const open = '<t:Nest>'.repeat(depth);
  const close = '</t:Nest>'.repeat(depth);
  await postTo(this, login, envelope(`<m:GetFolder>${open}${close}</m:GetFolder>`));
});

When('{mailbox} posts a GetFolder request containing the bytes FF FE in a text node', async function (this: EwsWorld, login: string) {
  const [before, after] = envelope(getFolderBody('inbox')).split('Default');
  const bytes = Buffer.concat([Buffer.from(before + 'Def', 'utf8'), Buffer.from([0xff, 0xfe]), Buffer.from('ault' + after, 'utf8')]);
  await postTo(this, login, bytes);
});

When('{mailbox} posts a GetFolder request that starts with a UTF-8 byte-order mark', async function (this: EwsWorld, login: string) {
  await postTo(this, login, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(envelope(getFolderBody('inbox')), 'utf8')]));
});

When('{mailbox} posts a GetFolder request padded to {int} bytes', async function (this: EwsWorld, login: string, size: number) {
  const bare = Buffer.byteLength(envelope(getFolderBody('inbox')), 'utf8');
  assert.ok(size >= bare, `a GetFolder request is already ${bare} bytes`);
  const xml = envelope(getFolderBody('inbox', 'm', 't', ' '.repeat(size - bare)));
  assert.equal(Buffer.byteLength(xml, 'utf8'), size);
  await postTo(this, login, xml);
});

Then('the folder in the response is named {string} with {int} items', function (this: EwsWorld, name: string, count: number) {
  assert.equal(this.reply?.status, 200, this.reply?.body);
  const folder = findAll(this.reply?.doc, 'Folder')[0];
  assert.ok(folder, this.reply?.body);
  assert.equal(textOf(findAll(folder, 'DisplayName')[0]), name);
  assert.equal(textOf(findAll(folder, 'TotalCount')[0]), String(count));
});

Then('the response lists the folders {string}', function (this: EwsWorld, names: string) {
  const listed = findAll(findAll(this.reply?.doc, 'RootFolder')[0], 'Folder').map((f) => textOf(findAll(f, 'DisplayName')[0]));
  assert.deepEqual(listed, names.split(',').map((n) => n.trim()), this.reply?.body);
});

/** Folder elements of the raw answer in document order: element name, DisplayName, FolderClass. */
Then('the response lists, in this order, the folders:', function (this: EwsWorld, table: DataTable) {
  const body = this.reply?.body ?? '';
  const listed = [...body.matchAll(/<t:(\w*Folder)>(.*?)<\/t:\1>/g)].map((m) => [m[1], /<t:DisplayName>([^<]*)</.exec(m[2])?.[1] ?? '', /<t:FolderClass>([^<]*)</.exec(m[2])?.[1] ?? '']);
  assert.deepEqual(listed, table.raw(), body);
});

Then('the body is a SOAP fault with ResponseCode {word}', function (this: EwsWorld, code: string) {
  assert.match(this.reply?.headers.get('content-type') ?? '', /^text\/xml/);
  const f = fault(this);
  assert.equal(textOf(findAll(f, 'ResponseCode')[0]), code, this.reply?.body);
  assert.equal(textOf(findAll(f, 'faultcode')[0]), `a:${code}`);
});

Then('the fault has no soap:Header', function (this: EwsWorld) {
  fault(this);
  assert.equal(findAll(this.reply?.doc, 'Header').length, 0, this.reply?.body);
  assert.ok(textOf(findAll(this.reply?.doc, 'Message')[0]), 'the fault detail has no e:Message');
});

Then("the fault's MessageXml has line {int} and the violation {string}", function (this: EwsWorld, line: number, violation: string) {
  const xml = findAll(fault(this), 'MessageXml')[0];
  assert.ok(xml, `no MessageXml in ${this.reply?.body}`);
  assert.equal(textOf(findAll(xml, 'LineNumber')[0]), String(line), this.reply?.body);
  assert.match(textOf(findAll(xml, 'LinePosition')[0]) ?? '', /^\d+$/);
  const text = textOf(findAll(xml, 'Violation')[0]) ?? '';
  assert.ok(text.includes(violation), `violation "${text}" does not contain "${violation}"`);
});

Then('the response body does not contain {string}', function (this: EwsWorld, text: string) {
  assert.ok(!(this.reply?.body ?? '').includes(text), this.reply?.body);
});

Then('the response header {string} is {string}', function (this: EwsWorld, name: string, value: string) {
  assert.equal(this.reply?.headers.get(name), value);
});

Then('the response body declares the namespace {string}', function (this: EwsWorld, uri: string) {
  assert.ok(this.reply?.body.includes(`="${uri}"`), this.reply?.body);
});
