import { Given, Then, When, World } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cli, cliWithSettings, mockOf, syncer } from './syncer-world';
import { MOCK_TENANT_ID } from '../../mock-ews/src/auth/tokens';

/** Starts a throwaway HTTP server in this scenario; closed after it. */
export async function serve(world: World, handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  syncer(world).closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

Given('the mock serves https with a self-signed certificate', function (this: World) {
  (this as unknown as { mockOptions: { tls?: boolean } }).mockOptions.tls = true;
});

Given('the settings point at a closed port', async function (this: World) {
  // Bind a port, then free it: nothing listens there afterwards.
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  syncer(this).settings = { ...syncer(this).settings, enabled: true, version: '2010 SP2', login: 'svc-ews@acme.test', password: 'Passw0rd!', domainList: 'acme.test', server: `http://127.0.0.1:${port}` };
});

Given('the settings point at a web server that answers every request with an HTML page', async function (this: World) {
  const url = await serve(this, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html><body><h1>Welcome to our intranet</h1></body></html>');
  });
  syncer(this).settings = { enabled: true, version: '2010 SP2', login: 'svc-ews@acme.test', password: 'Passw0rd!', domainList: 'acme.test', server: url };
});

Given("the server is the mock's URL with https instead of http", async function (this: World) {
  syncer(this).settings.server = (await mockOf(this)).url.replace(/^http:/, 'https:');
});

Given("the server is the mock's base URL with path {string}", async function (this: World, path: string) {
  syncer(this).settings.server = (await mockOf(this)).baseUrl + path;
});

When('I check the connection', async function (this: World) {
  await cliWithSettings(this, ['check']);
});

Then('the connection succeeds', function (this: World) {
  const last = syncer(this).last!;
  assert.equal(last.out.split('\n')[0], 'Connection successful!', `${last.out}\n${last.err}`);
  assert.equal(last.code, 0);
});

Then('the connection fails because of {string}', function (this: World, reason: string) {
  const last = syncer(this).last!;
  const [first, second] = last.out.split('\n');
  assert.equal(first, 'Connection failed!', `${last.out}\n${last.err}`);
  assert.ok(second?.startsWith(`Reason: ${reason}:`), `expected the reason "${reason}", got: ${second}`);
  assert.notEqual(last.code, 0);
});

Then(
  'the mock received exactly one request: a Shallow IdOnly FindFolder on root by svc-ews@acme.test without impersonation',
  async function (this: World) {
    const records = await (await mockOf(this)).admin.journal();
    assert.equal(records.length, 1, `requests: ${records.map((r) => r.operation).join(', ')}`);
    const [r] = records;
    assert.equal(r.operation, 'FindFolder');
    assert.equal(r.account?.toLowerCase(), 'svc-ews@acme.test');
    const xml = r.requestXml ?? '';
    assert.match(xml, /Traversal="Shallow"/);
    assert.match(xml, /<\w+:BaseShape>IdOnly<\/\w+:BaseShape>/);
    assert.match(xml, /DistinguishedFolderId Id="root"/);
    assert.doesNotMatch(xml, /ExchangeImpersonation/);
  },
);

Then('the saved settings still connect', async function (this: World) {
  const r = await cli(this, ['check']);
  assert.equal(r.out.split('\n')[0], 'Connection successful!', r.out);
});

// ---- authentication methods (auth: basic | ntlm | oauth) ----

/** The default scenario's app registration for the super-user (fixtures/scenarios/default.yaml). */
export const SYNC_APP = { clientId: '8a4e2f10-0000-4000-8000-000000e75ec5', secret: 'Sync-App-S3cret!' };

Given('the syncer authenticates with {word}', async function (this: World, method: string) {
  const s = syncer(this);
  if (method === 'basic') return;
  if (method === 'ntlm') {
    s.settings.auth = 'ntlm';
    return;
  }
  assert.equal(method, 'oauth', `unknown method ${method}`);
  const mock = await mockOf(this);
  // The app has no mailbox: the connection check opens one of the synced mailboxes instead.
  const { password: _password, ...rest } = s.settings;
  s.settings = {
    ...rest,
    auth: 'oauth',
    authority: mock.baseUrl,
    tenant: MOCK_TENANT_ID,
    clientId: SYNC_APP.clientId,
    clientSecret: SYNC_APP.secret,
    login: 'alice@acme.test',
  };
});

Then('the token endpoint issued {int} token(s) to the sync app', async function (this: World, n: number) {
  const { tokens } = await (await mockOf(this)).admin.issuedTokens(SYNC_APP.clientId);
  assert.equal(tokens.length, n, `issued: ${tokens.map((t) => t.issuedAt).join(', ')}`);
});

Then('the token endpoint issued at least {int} tokens to the sync app', async function (this: World, n: number) {
  const { tokens } = await (await mockOf(this)).admin.issuedTokens(SYNC_APP.clientId);
  assert.ok(tokens.length >= n, `only ${tokens.length} token(s) issued`);
});

Then('every EWS request of the last command came from the sync app with X-AnchorMailbox naming its impersonated mailbox', async function (this: World) {
  const records = await (await mockOf(this)).admin.journal({ after: syncer(this).journalStart });
  assert.ok(records.length > 0, 'no request reached the mock');
  for (const r of records) {
    // An app-only token authenticates as the application: the journal names its client id.
    assert.equal(r.account, SYNC_APP.clientId, `request ${r.id} (${r.operation}) status ${r.status}`);
    assert.ok(r.mailbox, `request ${r.id} (${r.operation}) impersonated a mailbox`);
    assert.equal((r.headers?.['x-anchormailbox'] ?? '').toLowerCase(), r.mailbox.toLowerCase(), `X-AnchorMailbox of request ${r.id}`);
  }
});
