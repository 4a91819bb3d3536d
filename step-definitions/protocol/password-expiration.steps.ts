import { Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import * as ews from 'ews-javascript-api';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD } from '../support/accounts';
import { findAll, textOf } from '../support/soap';

When('{mailbox} impersonating {mailbox} asks through ews-javascript-api when the password of {mailbox} expires', async function (this: EwsWorld, login: string, owner: string, account: string) {
  const svc = await this.service(login, DEFAULT_PASSWORD, owner, ews.ExchangeVersion.Exchange2010_SP1);
  const date = await svc.GetPasswordExpirationDate(account);
  this.results.set('password-expires', date ? date.ToISOString() : null);
});

Then('the password expires at {string}', function (this: EwsWorld, when: string) {
  assert.equal(new Date(this.results.get('password-expires') as string).toISOString(), new Date(when).toISOString());
});

Then('the password never expires', function (this: EwsWorld) {
  assert.equal(this.results.get('password-expires'), null);
});

Then('the GetPasswordExpirationDate answer is {word} with the ResponseCode {word}', function (this: EwsWorld, cls: string, code: string) {
  const response = findAll(this.reply?.doc, 'GetPasswordExpirationDateResponse')[0];
  assert.ok(response, this.reply?.body);
  assert.equal(response['@ResponseClass'], cls, this.reply?.body);
  assert.equal(textOf(findAll(response, 'ResponseCode')[0]), code, this.reply?.body);
});
