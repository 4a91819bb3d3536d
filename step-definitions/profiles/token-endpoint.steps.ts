import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { EwsWorld } from '../support/world';
import { envelope, postSoap } from '../support/soap';
import { lastAdminReply } from '../admin/admin-http';
import { MOCK_TENANT_ID } from '../../mock-ews/src/auth/tokens';

/** The identity platform's token endpoint of this scenario's mock (auth/token-endpoint.ts). */

interface TokenAnswer {
  status: number;
  text: string;
  json: Record<string, unknown>;
}

function answer(world: EwsWorld): TokenAnswer {
  const a = world.results.get('token-answer') as TokenAnswer | undefined;
  assert.ok(a, 'no token request was sent');
  return a;
}

async function askToken(world: EwsWorld, tenant: string, form: string): Promise<void> {
  const mock = await world.ensureMock();
  const res = await fetch(`${mock.baseUrl}/${encodeURIComponent(tenant)}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form,
  });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = {};
  }
  world.results.set('token-answer', { status: res.status, text, json });
}

function clientCredentials(client: string, secret: string, scope: string): string {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: client });
  if (secret) form.set('client_secret', secret);
  if (scope) form.set('scope', scope);
  return form.toString();
}

Given("the sync app's tokens live {int} second(s)", async function (this: EwsWorld, seconds: number) {
  const app = await (await this.admin()).updateApp('8a4e2f10-0000-4000-8000-000000e75ec5', { tokenLifetimeSeconds: seconds });
  assert.equal(app.tokenLifetimeSeconds, seconds);
});

When('the app {string} asks tenant {string} for a token with secret {string} and scope {string}', async function (this: EwsWorld, client: string, tenant: string, secret: string, scope: string) {
  await askToken(this, tenant, clientCredentials(client, secret, scope));
});

When("the app {string} asks tenant {string} for a token for the mock's own URL with secret {string}", async function (this: EwsWorld, client: string, tenant: string, secret: string) {
  const mock = await this.ensureMock();
  await askToken(this, tenant, clientCredentials(client, secret, `${mock.baseUrl}/.default`));
});

When('a client asks tenant {string} for a token with the form {string}', async function (this: EwsWorld, tenant: string, form: string) {
  await askToken(this, tenant, form);
});

When('{float} seconds pass', async function (this: EwsWorld, seconds: number) {
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
});

Then('the token endpoint answers 200 with a Bearer token that expires in {int} second(s)', function (this: EwsWorld, seconds: number) {
  const a = answer(this);
  assert.equal(a.status, 200, a.text);
  assert.equal(a.json.token_type, 'Bearer');
  assert.equal(a.json.expires_in, seconds);
  assert.equal(typeof a.json.access_token, 'string');
  const claims = JSON.parse(Buffer.from(String(a.json.access_token).split('.')[1], 'base64url').toString('utf8')) as { exp: number; iat: number };
  assert.equal(claims.exp - claims.iat, seconds, 'the token expires when the answer says');
});

Then('the token carries the role {string} for the app {string} and the audience {string}', function (this: EwsWorld, role: string, app: string, audience: string) {
  const claims = JSON.parse(Buffer.from(String(answer(this).json.access_token).split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
  assert.deepEqual(claims.roles, [role]);
  assert.equal(claims.appid, app);
  assert.equal(claims.aud, audience);
  assert.equal(claims.tid, MOCK_TENANT_ID);
  assert.equal(claims.upn, undefined, 'an app-only token names no user');
});

Then('the token endpoint answers {int} with the error {string} and the code AADSTS{int}', function (this: EwsWorld, status: number, error: string, code: number) {
  const a = answer(this);
  assert.equal(a.status, status, a.text);
  assert.equal(a.json.error, error, a.text);
  assert.match(String(a.json.error_description), new RegExp(`^AADSTS${code}: .+ Trace ID: [0-9a-f-]{36} Correlation ID: [0-9a-f-]{36} Timestamp: `));
  assert.deepEqual(a.json.error_codes, [code]);
  assert.equal(a.json.access_token, undefined);
});

Then("the token endpoint's answer does not contain {string}", function (this: EwsWorld, text: string) {
  assert.ok(!answer(this).text.includes(text), answer(this).text);
});

When('the application uses the issued token impersonating {mailbox} to get the {folder} folder', async function (this: EwsWorld, target: string, folder: string) {
  const mock = await this.ensureMock();
  const token = String(answer(this).json.access_token);
  const body = `<m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="${folder}"/></m:FolderIds></m:GetFolder>`;
  const reply = await postSoap(mock.url, envelope(body, { impersonate: target }), { auth: null, headers: { Authorization: `Bearer ${token}`, 'X-AnchorMailbox': target } });
  this.reply = reply;
  // The x-ms-diagnostics steps read the last raw exchange.
  this.results.set('raw', reply);
});

Then('the admin answer does not contain the access token the endpoint issued', function (this: EwsWorld) {
  const token = String(answer(this).json.access_token ?? '');
  assert.ok(token.length > 20, 'the token endpoint issued a token');
  const text = lastAdminReply(this).text;
  // Neither the whole token nor its signature, which alone would let a reader replay it.
  assert.ok(!text.includes(token) && !text.includes(token.split('.')[2]), text.slice(0, 500));
});
