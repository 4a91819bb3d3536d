import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { EwsWorld } from '../support/world';
import { AdminApiError } from '../../mock-ews/src/client/admin-client';
import { adminRequest } from './admin-http';

/** How the admin API is served: same port, its own port, with a token, or not at all. */

function beforeStart(world: EwsWorld): void {
  assert.equal(world.mock, undefined, 'the mock has started already');
}

Given('the mock serves its admin API on a port of its own', function (this: EwsWorld) {
  beforeStart(this);
  this.mockOptions.adminPort = 0;
});

Given('the mock runs without its admin API', function (this: EwsWorld) {
  beforeStart(this);
  this.mockOptions.admin = false;
});

Given('the mock requires the admin token {string}', function (this: EwsWorld, token: string) {
  beforeStart(this);
  this.mockOptions.adminToken = token;
});

When('the tester sends GET {string} to the EWS port', async function (this: EwsWorld, path: string) {
  const mock = await this.ensureMock();
  const res = await fetch(mock.baseUrl + path);
  this.results.set('admin:reply', { status: res.status, headers: res.headers, text: await res.text() });
});

When('the tester sends GET {string} to the admin API with the token {string}', async function (this: EwsWorld, path: string, token: string) {
  await adminRequest(this, 'GET', path, undefined, undefined, { Authorization: `Bearer ${token}` });
});

Then('the admin API listens on another port than EWS', async function (this: EwsWorld) {
  const mock = await this.ensureMock();
  assert.ok(mock.adminUrl, 'no admin URL');
  assert.notEqual(new URL(mock.adminUrl).port, String(mock.port));
});

Then('the in-process admin client reports the health of a mock with {int} mailboxes', async function (this: EwsWorld, n: number) {
  const health = await (await this.ensureMock()).admin.health();
  assert.equal(health.status, 'ok');
  assert.equal(health.mailboxes, n);
});

Then('the in-process admin client refuses with {string}', async function (this: EwsWorld, text: string) {
  const mock = await this.ensureMock();
  await assert.rejects(mock.admin.health(), (err: unknown) => err instanceof AdminApiError && err.message.includes(text));
});
