import { DataTable, Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { EwsWorld } from '../support/world';
import { adminRequest, at, lastAdminReply, remember } from './admin-http';

// ---- sending ----

When('the tester sends {word} {string} to the admin API', async function (this: EwsWorld, method: string, path: string) {
  await adminRequest(this, method, path);
});

When('the tester sends {word} {string} to the admin API with JSON:', async function (this: EwsWorld, method: string, path: string, body: string) {
  await adminRequest(this, method, path, body, 'application/json');
});

When('the tester sends {word} {string} to the admin API as {string}:', async function (this: EwsWorld, method: string, path: string, type: string, body: string) {
  await adminRequest(this, method, path, body.replace(/\r?\n/g, '\r\n'), type);
});

Given('the tester has sent {word} {string} to the admin API with JSON:', async function (this: EwsWorld, method: string, path: string, body: string) {
  const r = await adminRequest(this, method, path, body, 'application/json');
  assert.ok(r.status < 300, `${method} ${path} answered ${r.status}: ${r.text}`);
});

// ---- checking ----

Then('the admin API answers {int}', function (this: EwsWorld, status: number) {
  const r = lastAdminReply(this);
  assert.equal(r.status, status, r.text);
});

Then('the admin API answers {int} naming the field {string}', function (this: EwsWorld, status: number, field: string) {
  const r = lastAdminReply(this);
  assert.equal(r.status, status, r.text);
  assert.equal(at(r.json, 'field'), field, r.text);
  assert.ok(String(at(r.json, 'error')).length > 0, 'no error message');
});

Then('the admin error says {string}', function (this: EwsWorld, text: string) {
  const r = lastAdminReply(this);
  assert.ok(String(at(r.json, 'error')).includes(text), `error was: ${r.text}`);
});

Then('the admin answer has:', function (this: EwsWorld, table: DataTable) {
  const r = lastAdminReply(this);
  for (const [path, expected] of table.raw()) {
    const actual = at(r.json, path);
    assert.equal(typeof actual === 'string' ? actual : JSON.stringify(actual), expected, `${path} in ${r.text.slice(0, 2000)}`);
  }
});

Then('the admin answer is a list of {int}', function (this: EwsWorld, n: number) {
  const r = lastAdminReply(this);
  assert.ok(Array.isArray(r.json), r.text);
  assert.equal(r.json.length, n, r.text.slice(0, 2000));
});

/** `path` maps over a list with "[]": "[].smtp" for a top-level list, "items[].subject" inside an object. */
function listed(world: EwsWorld, path: string): string[] {
  const r = lastAdminReply(world);
  const [arrayPath, field] = path.split('[]');
  const array = arrayPath ? at(r.json, arrayPath) : r.json;
  assert.ok(Array.isArray(array), `${arrayPath || 'the answer'} is not a list: ${r.text.slice(0, 500)}`);
  const inner = field.replace(/^\./, '');
  return array.map((e) => String(inner ? at(e, inner) : e));
}

const split = (list: string) => list.split(',').map((s) => s.trim()).filter(Boolean);

Then('the admin answer lists {string} as {string}', function (this: EwsWorld, path: string, list: string) {
  assert.deepEqual(listed(this, path), split(list));
});

Then('the admin answer lists {string} as {string} after the top of the mailbox', function (this: EwsWorld, path: string, list: string) {
  const [top, ...rest] = listed(this, path);
  assert.equal(top, '', 'the first folder listed is not the top of the mailbox');
  assert.deepEqual(rest, split(list));
});

Then('the admin answer has no body', function (this: EwsWorld) {
  assert.equal(lastAdminReply(this).text, '');
});

Then('the admin answer header {string} is {string}', function (this: EwsWorld, name: string, value: string) {
  assert.equal(lastAdminReply(this).headers.get(name), value);
});

Then('the admin answer contains {string}', function (this: EwsWorld, text: string) {
  assert.ok(lastAdminReply(this).text.includes(text), `"${text}" not in ${lastAdminReply(this).text.slice(0, 2000)}`);
});

Then('the admin answer does not contain {string}', function (this: EwsWorld, text: string) {
  assert.ok(!lastAdminReply(this).text.includes(text), `found "${text}"`);
});

When('the admin answer\'s {string} is remembered as {string}', function (this: EwsWorld, path: string, name: string) {
  const v = at(lastAdminReply(this).json, path);
  assert.ok(v !== undefined && v !== null, `no ${path} in ${lastAdminReply(this).text.slice(0, 500)}`);
  remember(this, name, v);
});
