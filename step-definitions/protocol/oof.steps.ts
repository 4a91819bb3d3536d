import { After, DataTable, Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import * as ews from 'ews-javascript-api';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD } from '../support/accounts';
import { findAll, textOf } from '../support/soap';

/** Out-of-office settings through ews-javascript-api (GetUserOofSettings, SetUserOofSettings). */

When('{mailbox} impersonating {mailbox} reads the out-of-office settings', async function (this: EwsWorld, login: string, owner: string) {
  const svc = await this.service(login, DEFAULT_PASSWORD, owner);
  this.results.set('oof', await this.attempt(() => svc.GetUserOofSettings(owner)));
});

When('{mailbox} impersonating {mailbox} reads the out-of-office settings of {mailbox}', async function (this: EwsWorld, login: string, owner: string, other: string) {
  const svc = await this.service(login, DEFAULT_PASSWORD, owner);
  this.results.set('oof', await this.attempt(() => svc.GetUserOofSettings(other)));
});

// ews-javascript-api raises a SoapFaultDetails for a fault without an EWS ResponseCode; the
// faultcode's prefix is the envelope's (soap: on Exchange 2007, s: later).
Then('the client call fails with a soap:Client fault saying {string}', function (this: EwsWorld, text: string) {
  const err = this.clientError as { faultCode?: string; faultString?: string } | undefined;
  assert.ok(err, 'the call succeeded');
  assert.match(err.faultCode ?? '', /^(soap|s):Client$/, String(err.faultString));
  assert.ok(err.faultString?.includes(text), err.faultString);
});

When('{mailbox} impersonating {mailbox} sets the out-of-office settings:', async function (this: EwsWorld, login: string, owner: string, table: DataTable) {
  const svc = await this.service(login, DEFAULT_PASSWORD, owner);
  const want = table.rowsHash();
  const oof = new ews.OofSettings();
  oof.State = ews.OofState[want.state as keyof typeof ews.OofState];
  oof.ExternalAudience = ews.OofExternalAudience[want.audience as keyof typeof ews.OofExternalAudience];
  if (want.from) oof.Duration = new ews.TimeWindow(new ews.DateTime(Date.parse(want.from)), new ews.DateTime(Date.parse(want.until)));
  oof.InternalReply = new ews.OofReply(want.internal ?? '');
  oof.ExternalReply = new ews.OofReply(want.external ?? '');
  await this.attempt(() => svc.SetUserOofSettings(owner, oof));
});

Then('the out-of-office settings read are:', function (this: EwsWorld, table: DataTable) {
  const oof = this.results.get('oof') as ews.OofSettings | undefined;
  assert.ok(oof, 'nothing was read');
  const want = table.rowsHash();
  const got: Record<string, string> = {
    state: ews.OofState[oof.State],
    audience: ews.OofExternalAudience[oof.ExternalAudience],
    internal: oof.InternalReply?.Message ?? '',
    external: oof.ExternalReply?.Message ?? '',
  };
  if (want.from) got.from = oof.Duration.StartTime.ToISOString();
  if (want.until) got.until = oof.Duration.EndTime.ToISOString();
  assert.deepEqual(got, want);
});

/** Elements of a raw GetUserOofSettings answer (t:OofSettings and m:AllowExternalOof sit beside its m:ResponseMessage). */
Then('the out-of-office answer has:', function (this: EwsWorld, table: DataTable) {
  assert.equal(this.reply?.status, 200, this.reply?.body);
  const got = table.raw().map(([element]) => [element, textOf(findAll(this.reply?.doc, element)[0]) ?? '']);
  assert.deepEqual(got, table.raw());
});

Then('the response has the internet message headers:', function (this: EwsWorld, table: DataTable) {
  const headers = findAll(this.reply?.doc, 'InternetMessageHeader').map((h): [string, string | undefined] => [String(h['@HeaderName']), textOf(h)]);
  for (const [name, value] of table.raw()) {
    assert.deepEqual(
      headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v),
      [value],
      `${name} in ${this.reply?.body}`,
    );
  }
});

Then('the SetUserOofSettings answer is {word} with the ResponseCode {word}', function (this: EwsWorld, cls: string, code: string) {
  assert.equal(this.reply?.status, 200, this.reply?.body);
  const message = findAll(findAll(this.reply?.doc, 'SetUserOofSettingsResponse')[0], 'ResponseMessage')[0];
  assert.ok(message, this.reply?.body);
  assert.equal(message['@ResponseClass'], cls, this.reply?.body);
  assert.equal(textOf(findAll(message, 'ResponseCode')[0]), code, this.reply?.body);
});

// The mock runs in this process: a time zone set here is the mock's (Node reads TZ when it changes).
Given('the machine running the mock is in the time zone {string}', function (this: EwsWorld, zone: string) {
  this.results.set('tz-before', process.env.TZ);
  process.env.TZ = zone;
});

After(function (this: EwsWorld) {
  if (!this.results.has('tz-before')) return;
  const before = this.results.get('tz-before') as string | undefined;
  if (before === undefined) delete process.env.TZ;
  else process.env.TZ = before;
});
