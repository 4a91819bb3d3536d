import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD } from '../support/accounts';
import { envelope, postSoap } from '../support/soap';
import { lastAdminReply } from './admin-http';
import { startMock } from '../../mock-ews/src/server/start';

When('{mailbox} impersonating {mailbox} posts with the HTTP header {string} and the SOAP header {string} the body:', async function (this: EwsWorld, login: string, target: string, httpHeader: string, soapHeader: string, body: string) {
  const [name, ...value] = httpHeader.split(':');
  this.reply = await postSoap(await this.ewsUrl(), envelope(body, { impersonate: target, header: soapHeader }), { auth: [login, DEFAULT_PASSWORD], headers: { [name.trim()]: value.join(':').trim() } });
});

When('{string} with password {string} posts the SOAP body:', async function (this: EwsWorld, login: string, password: string, body: string) {
  this.reply = await postSoap(await this.ewsUrl(), envelope(body), { auth: [login, password] });
});

Then('no journal entry contains {string}', function (this: EwsWorld, secret: string) {
  const text = lastAdminReply(this).text;
  assert.ok(!text.includes(secret), `"${secret}" is in the journal`);
  assert.ok(!text.includes(JSON.stringify(secret).slice(1, -1)), `"${secret}" is in the journal (escaped)`);
});

Then('no journal entry contains the Basic credentials of {mailbox}', function (this: EwsWorld, login: string) {
  const encoded = Buffer.from(`${login}:${DEFAULT_PASSWORD}`).toString('base64');
  assert.ok(!lastAdminReply(this).text.includes(encoded), 'the Authorization header is in the journal');
  assert.ok(!/"authorization"/i.test(lastAdminReply(this).text), 'an authorization header is in the journal');
});

Then('journal entry {int} has the request XML containing {string}', function (this: EwsWorld, n: number, text: string) {
  const entries = lastAdminReply(this).json as { requestXml: string }[];
  assert.ok(entries[n - 1]?.requestXml.includes(text), entries[n - 1]?.requestXml);
});

Then('journal entry {int} has the response XML containing {string}', function (this: EwsWorld, n: number, text: string) {
  const entries = lastAdminReply(this).json as { responseXml: string }[];
  assert.ok(entries[n - 1]?.responseXml.includes(text), entries[n - 1]?.responseXml);
});

Then('journal entry {int} has the header {string}', function (this: EwsWorld, n: number, header: string) {
  const entries = lastAdminReply(this).json as { headers: Record<string, string> }[];
  const [name, ...value] = header.split(':');
  assert.equal(entries[n - 1]?.headers[name.trim().toLowerCase()], value.join(':').trim(), JSON.stringify(entries[n - 1]?.headers));
});

Then('the typed admin client finds {int} {word} request(s) for {mailbox}, the newest answered {word}', async function (this: EwsWorld, count: number, operation: string, mailbox: string, code: string) {
  const admin = await this.admin();
  const entries = await admin.requests({ operation, mailbox });
  assert.equal(entries.length, count, JSON.stringify(entries.map((e) => e.operation)));
  assert.equal(entries[0]?.responseCode, code);
  const counted = await admin.requestCount({ operation, mailbox });
  assert.equal(counted.total, count);
});

Given('the journal keeps {int} bytes of responses', function (this: EwsWorld, bytes: number) {
  if (this.mock) throw new Error('the journal budget must be set before the mock starts');
  this.mockOptions.journalResponseBytes = bytes;
});

Then('starting the mock fails with {string}', async function (this: EwsWorld, message: string) {
  await assert.rejects(startMock(this.mockOptions), (err: Error) => {
    assert.equal(err.message, message);
    return true;
  });
  assert.equal(this.mock, undefined, 'no mock was started');
});
