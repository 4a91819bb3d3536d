import { Given, Then, When, DataTable } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import * as ews from 'ews-javascript-api';
import type { EwsWorld } from '../support/world';
import { envelope, findAll, textOf } from '../support/soap';
import { DEFAULT_PASSWORD } from '../support/accounts';
import path from 'node:path';

Given('the mock emulates {profile}', function (this: EwsWorld, profile: string) {
  this.useProfile(profile as never);
});

Given('the mock serves the scenario {string}', function (this: EwsWorld, file: string) {
  this.useScenario(path.resolve('fixtures/scenarios', file));
});

Given('the mock serves the default scenario', async function (this: EwsWorld) {
  await this.ensureMock();
});

// ---- raw SOAP ----

When('{mailbox} posts the SOAP body:', async function (this: EwsWorld, login: string, body: string) {
  await this.post(envelope(body), { auth: [login, DEFAULT_PASSWORD] });
});

When('{mailbox} posts with RequestServerVersion {string} the SOAP body:', async function (this: EwsWorld, login: string, version: string, body: string) {
  await this.post(envelope(body, { version }), { auth: [login, DEFAULT_PASSWORD] });
});

When('{mailbox} impersonating {mailbox} posts the SOAP body:', async function (this: EwsWorld, login: string, target: string, body: string) {
  await this.post(envelope(body, { impersonate: target }), { auth: [login, DEFAULT_PASSWORD] });
});

When('a client posts this request as {mailbox}:', async function (this: EwsWorld, login: string, xml: string) {
  await this.post(xml, { auth: [login, DEFAULT_PASSWORD] });
});

Then('the HTTP status is {int}', function (this: EwsWorld, status: number) {
  assert.equal(this.reply?.status, status, this.reply?.body);
});

Then('the response is a SOAP fault with ResponseCode {word}', function (this: EwsWorld, code: string) {
  assert.equal(this.reply?.status, 500, this.reply?.body);
  assert.equal(textOf(findAll(this.reply?.doc, 'ResponseCode')[0]), code, this.reply?.body);
  assert.match(textOf(findAll(this.reply?.doc, 'faultcode')[0]) ?? '', new RegExp(`:${code}$`));
});

Then('the fault message is {string}', function (this: EwsWorld, message: string) {
  assert.equal(textOf(findAll(this.reply?.doc, 'Message')[0]), message);
});

Then('the fault string is {string}', function (this: EwsWorld, text: string) {
  assert.equal(textOf(findAll(this.reply?.doc, 'faultstring')[0]), text, this.reply?.body);
});

Then('the fault string contains {string}', function (this: EwsWorld, text: string) {
  assert.ok((textOf(findAll(this.reply?.doc, 'faultstring')[0]) ?? '').includes(text), this.reply?.body);
});

Then('every response message has ResponseClass {string} and ResponseCode {word}', function (this: EwsWorld, cls: string, code: string) {
  assert.equal(this.reply?.status, 200, this.reply?.body);
  const messages = findAll(this.reply?.doc, 'ResponseMessages').flatMap((rm) => Object.values(rm).flat() as Record<string, unknown>[]);
  assert.ok(messages.length > 0, 'no response messages');
  for (const m of messages) {
    assert.equal(m['@ResponseClass'], cls, this.reply?.body);
    assert.equal(textOf(findAll(m, 'ResponseCode')[0]), code, this.reply?.body);
  }
});

Then('the first response message says {string}', function (this: EwsWorld, text: string) {
  const messages = findAll(this.reply?.doc, 'ResponseMessages').flatMap((rm) => Object.values(rm).flat() as Record<string, unknown>[]);
  assert.equal(textOf(findAll(messages[0], 'MessageText')[0]), text, this.reply?.body);
});

Then('the response messages have these ResponseCodes:', function (this: EwsWorld, table: DataTable) {
  const codes = findAll(this.reply?.doc, 'ResponseCode').map((e) => textOf(e));
  assert.deepEqual(codes, table.raw().map((r) => r[0]), this.reply?.body);
});

Then('the response header has ServerVersionInfo with MajorVersion {int} and Version {string}', function (this: EwsWorld, major: number, version: string) {
  const info = findAll(this.reply?.doc, 'ServerVersionInfo')[0];
  assert.ok(info, this.reply?.body);
  assert.equal(info['@MajorVersion'], String(major));
  assert.equal(info['@Version'], version);
});

Then('the client call fails with {word}', function (this: EwsWorld, code: string) {
  const err = this.clientError as { responseCode?: number; ErrorCode?: number; message?: string } | undefined;
  assert.ok(err, 'the call succeeded');
  const numeric = err.responseCode ?? err.ErrorCode;
  assert.equal(numeric !== undefined ? ews.ServiceError[numeric] : undefined, code, err.message);
});

Then('the client call succeeds', function (this: EwsWorld) {
  assert.equal(this.clientError, undefined, String((this.clientError as Error | undefined)?.message));
});

// Exchange's availability and OOF service turns .NET exceptions into soap:Client faults: no EWS
// ResponseCode, the exception in faultstring, the endpoint as faultactor, its HRESULT as ErrorCode.
Then('the response is a soap:Client fault from the EWS endpoint with ErrorCode {int}', async function (this: EwsWorld, errorCode: number) {
  assert.equal(this.reply?.status, 500, this.reply?.body);
  assert.match(textOf(findAll(this.reply?.doc, 'faultcode')[0]) ?? '', /^(soap|s):Client$/, this.reply?.body);
  assert.equal(textOf(findAll(this.reply?.doc, 'faultactor')[0]), await this.ewsUrl(), this.reply?.body);
  assert.equal(textOf(findAll(this.reply?.doc, 'ErrorCode')[0]), String(errorCode), this.reply?.body);
  assert.equal(findAll(this.reply?.doc, 'ResponseCode').length, 0, this.reply?.body);
});
