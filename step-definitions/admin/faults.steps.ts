import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import * as ews from 'ews-javascript-api';
import { XMLValidator } from 'fast-xml-parser';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD } from '../support/accounts';
import { envelope, postSoap } from '../support/soap';
import type { FaultInput } from '../../mock-ews/src/client/admin-client';
import { wellKnown } from '../protocol/folders.steps';

/** Fault injection as a client sees it: through ews-javascript-api, and through raw HTTP where the client hides the detail. */

const GET_INBOX = '<m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder>';

Given('the tester injects the fault:', async function (this: EwsWorld, json: string) {
  const fault = JSON.parse(json) as FaultInput;
  this.results.set('admin:lastFault', fault);
  await (await this.admin()).addFault(fault);
});

// ---- through ews-javascript-api ----

interface ClientError {
  message?: string;
  HttpStatusCode?: number;
  errorDetails?: { tryGetValue(key: string, out: { outValue: unknown }): boolean };
  InnerException?: Error;
}

function clientError(world: EwsWorld): ClientError {
  const err = world.clientError as ClientError | undefined;
  assert.ok(err, 'the call succeeded');
  return err;
}

When('{mailbox} impersonating {mailbox} binds to the {folder} folder, timed', async function (this: EwsWorld, login: string, target: string, folder: string) {
  const svc = await this.service(login, DEFAULT_PASSWORD, target);
  const started = Date.now();
  this.results.set('folder', await this.attempt(() => ews.Folder.Bind(svc, wellKnown(folder))));
  this.results.set('elapsedMs', Date.now() - started);
});

When('{mailbox} impersonating {mailbox} binds to the inbox folder {int} times', async function (this: EwsWorld, login: string, target: string, times: number) {
  const svc = await this.service(login, DEFAULT_PASSWORD, target);
  const outcomes: string[] = [];
  for (let i = 0; i < times; i++) {
    try {
      await ews.Folder.Bind(svc, ews.WellKnownFolderName.Inbox);
      outcomes.push('ok');
    } catch (err) {
      const code = (err as { responseCode?: number }).responseCode;
      outcomes.push(code !== undefined ? String(ews.ServiceError[code]) : String((err as Error).message));
    }
  }
  this.results.set('outcomes', outcomes);
});

Then('between {int} and {int} of them failed with {word} and the rest succeeded', function (this: EwsWorld, low: number, high: number, code: string) {
  const outcomes = this.results.get('outcomes') as string[];
  const failed = outcomes.filter((o) => o === code).length;
  assert.equal(outcomes.filter((o) => o !== code && o !== 'ok').length, 0, outcomes.join(' '));
  assert.ok(failed >= low && failed <= high, `${failed} failed: ${outcomes.join(' ')}`);
});

When('the tester resets the mock, injects the same fault again and repeats the {int} binds as {mailbox} impersonating {mailbox}', async function (this: EwsWorld, times: number, login: string, target: string) {
  const admin = await this.admin();
  this.results.set('previousOutcomes', this.results.get('outcomes'));
  await admin.reset();
  await admin.addFault(this.results.get('admin:lastFault') as FaultInput);
  const svc = await this.service(login, DEFAULT_PASSWORD, target);
  const outcomes: string[] = [];
  for (let i = 0; i < times; i++) outcomes.push(await ews.Folder.Bind(svc, ews.WellKnownFolderName.Inbox).then(() => 'ok', (err: { responseCode?: number }) => String(ews.ServiceError[err.responseCode ?? -1])));
  this.results.set('outcomes', outcomes);
});

Then('the same binds failed as before', function (this: EwsWorld) {
  assert.deepEqual(this.results.get('outcomes'), this.results.get('previousOutcomes'));
});

Then('ews-javascript-api reports HTTP status {int}', function (this: EwsWorld, status: number) {
  assert.equal(clientError(this).HttpStatusCode, status, clientError(this).message);
});

Then('ews-javascript-api reports BackOffMilliseconds {int}', function (this: EwsWorld, ms: number) {
  const details = clientError(this).errorDetails;
  assert.ok(details, 'no fault details');
  const out: { outValue: unknown } = { outValue: undefined };
  assert.ok(details.tryGetValue('BackOffMilliseconds', out), 'no BackOffMilliseconds in the fault details');
  assert.equal(String(out.outValue), String(ms));
});

Then('ews-javascript-api reports the network error {string}', function (this: EwsWorld, text: string) {
  const err = clientError(this);
  assert.equal(err.HttpStatusCode, undefined, 'an HTTP status arrived');
  assert.ok(String(err.message).includes(text), String(err.message));
});

Then('ews-javascript-api fails to read the reply with {string}', function (this: EwsWorld, text: string) {
  const err = clientError(this);
  assert.ok(err instanceof ews.ServiceRequestException, `not a ServiceRequestException: ${err.message}`);
  assert.ok(String(err.message).includes(text), String(err.message));
});

Then('the call took at least {int} ms', function (this: EwsWorld, ms: number) {
  assert.ok((this.results.get('elapsedMs') as number) >= ms, `took ${String(this.results.get('elapsedMs'))} ms`);
});

// ---- raw HTTP ----

When('{mailbox} impersonating {mailbox} posts a GetFolder for the inbox over raw HTTP', async function (this: EwsWorld, login: string, target: string) {
  const url = await this.ewsUrl();
  const started = Date.now();
  this.results.delete('rawError');
  this.reply = undefined;
  try {
    this.reply = await postSoap(url, envelope(GET_INBOX, { impersonate: target }), { auth: [login, DEFAULT_PASSWORD] });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    this.results.set('rawError', `${e.cause?.code ?? ''} ${e.cause?.message ?? e.message}`);
  }
  this.results.set('elapsedMs', Date.now() - started);
});

Then('the connection ends without an HTTP answer, with {string}', function (this: EwsWorld, text: string) {
  assert.equal(this.reply, undefined, `an answer arrived: ${this.reply?.status}`);
  assert.ok(String(this.results.get('rawError')).includes(text), String(this.results.get('rawError')));
});

Then('the HTTP answer is {int} with the HTML body {string}', function (this: EwsWorld, status: number, body: string) {
  assert.equal(this.reply?.status, status);
  assert.match(this.reply?.headers.get('content-type') ?? '', /^text\/html/);
  assert.equal(this.reply?.body, body);
});

Then('the reply is cut short: a {int} answer that starts as SOAP but is not well-formed XML', function (this: EwsWorld, status: number) {
  const body = this.reply?.body ?? '';
  assert.equal(this.reply?.status, status);
  assert.ok(body.startsWith('<?xml') && body.includes('Envelope'), body.slice(0, 100));
  assert.notEqual(XMLValidator.validate(body), true, 'the body is well-formed');
  assert.equal(this.reply?.headers.get('content-length'), String(Buffer.byteLength(body)));
});

Then('the fault detail carries the value BackOffMilliseconds = {string}', function (this: EwsWorld, value: string) {
  assert.match(this.reply?.body ?? '', new RegExp(`<t:Value Name="BackOffMilliseconds">${value}</t:Value>`));
});

Then('the raw reply took at least {int} ms and is a complete GetFolder answer for {string}', function (this: EwsWorld, ms: number, name: string) {
  assert.ok((this.results.get('elapsedMs') as number) >= ms, `took ${String(this.results.get('elapsedMs'))} ms`);
  assert.equal(this.reply?.status, 200);
  assert.equal(XMLValidator.validate(this.reply?.body ?? ''), true);
  assert.ok(this.reply?.body.includes(`<t:DisplayName>${name}</t:DisplayName>`), this.reply?.body);
});

Then('the fault detail carries no BackOffMilliseconds', function (this: EwsWorld) {
  assert.ok(this.reply?.body.includes('ErrorServerBusy'), this.reply?.body);
  assert.doesNotMatch(this.reply?.body ?? '', /BackOffMilliseconds/);
});

// ---- one message per requested item ----

When('{mailbox} impersonating {mailbox} binds to the items {string} of the {folder} in one request', async function (this: EwsWorld, login: string, target: string, subjects: string, folder: string) {
  const svc = await this.service(login, DEFAULT_PASSWORD, target);
  const found = await svc.FindItems(wellKnown(folder), new ews.ItemView(1000));
  const ids = subjects.split(',').map((s) => {
    const item = found.Items.find((i) => i.Subject === s.trim());
    assert.ok(item, `no message "${s.trim()}" in ${target}`);
    return item.Id;
  });
  const responses = await this.attempt(() => svc.BindToItems(ids, new ews.PropertySet(ews.BasePropertySet.IdOnly)));
  this.results.set('bindResponses', responses ? [...responses.Responses].map((r) => (r.Result === ews.ServiceResult.Success ? 'ok' : String(ews.ServiceError[r.ErrorCode]))) : undefined);
});

Then('ews-javascript-api got {int} responses, each failed with {word}', function (this: EwsWorld, n: number, code: string) {
  assert.equal(this.clientError, undefined, String((this.clientError as Error | undefined)?.message));
  assert.deepEqual(this.results.get('bindResponses'), Array.from({ length: n }, () => code));
});

// ---- the journal ----

async function lastJournalEntry(world: EwsWorld) {
  const [last] = await (await world.admin()).requests({ limit: 1 });
  assert.ok(last, 'the journal is empty');
  return last;
}

Then("the journal's last request was answered by the fault {string} with status {int}", async function (this: EwsWorld, kind: string, status: number) {
  const last = await lastJournalEntry(this);
  assert.equal(last.fault, kind);
  assert.equal(last.status, status);
});

Then("the journal's last request was answered by the fault {string} for mailbox {mailbox}", async function (this: EwsWorld, kind: string, smtp: string) {
  const last = await lastJournalEntry(this);
  assert.equal(last.fault, kind);
  assert.equal(last.mailbox, smtp);
});
