import { DataTable, Given, Then, When } from '@cucumber/cucumber';
import * as ews from 'ews-javascript-api';
import assert from 'node:assert/strict';
import type { EwsWorld } from '../support/world';
import { envelope, findAll, textOf } from '../support/soap';
import { DEFAULT_PASSWORD, SUPER_USER } from '../support/accounts';
import { folderOf } from '../support/mock-control';
import { folderIdFor } from './sync.steps';

/** GetInboxRules and UpdateInboxRules answers, whose response element is itself the response message. */

function answer(world: EwsWorld, element: string): Record<string, unknown> {
  const response = findAll(world.reply?.doc, element)[0];
  assert.ok(response, world.reply?.body);
  return response;
}

Then('the UpdateInboxRules answer is Success', function (this: EwsWorld) {
  const response = answer(this, 'UpdateInboxRulesResponse');
  assert.equal(response['@ResponseClass'], 'Success', this.reply?.body);
  assert.equal(textOf(findAll(response, 'ResponseCode')[0]), 'NoError', this.reply?.body);
});

Then('the UpdateInboxRules answer is ErrorInboxRulesValidationError, operation {int} failing on {word} with {word}', function (this: EwsWorld, index: number, field: string, code: string) {
  const response = answer(this, 'UpdateInboxRulesResponse');
  assert.equal(response['@ResponseClass'], 'Error', this.reply?.body);
  assert.equal(textOf(findAll(response, 'ResponseCode')[0]), 'ErrorInboxRulesValidationError', this.reply?.body);
  // Every error of every failing operation: exactly the one named.
  const failures = findAll(response, 'RuleOperationError').flatMap((e) => findAll(e, 'Error').map((x) => [textOf(findAll(e, 'OperationIndex')[0]), textOf(findAll(x, 'FieldURI')[0]), textOf(findAll(x, 'ErrorCode')[0])]));
  assert.deepEqual(failures, [[String(index), field, code]], this.reply?.body);
});

/** Rows: display name, priority, enabled. */
Then('the Inbox rules answered are:', function (this: EwsWorld, table: DataTable) {
  const response = answer(this, 'GetInboxRulesResponse');
  assert.equal(textOf(findAll(response, 'ResponseCode')[0]), 'NoError', this.reply?.body);
  const rules = findAll(response, 'Rule').map((r) => [textOf(findAll(r, 'DisplayName')[0]), textOf(findAll(r, 'Priority')[0]), textOf(findAll(r, 'IsEnabled')[0])]);
  assert.deepEqual(rules, table.raw(), this.reply?.body);
});

Given('the rule {string} of {mailbox} is noted as {string}', async function (this: EwsWorld, name: string, owner: string, noteAs: string) {
  await this.post(envelope('<m:GetInboxRules/>', { impersonate: owner }), { auth: [SUPER_USER, DEFAULT_PASSWORD] });
  const rule = findAll(answer(this, 'GetInboxRulesResponse'), 'Rule').find((r) => textOf(findAll(r, 'DisplayName')[0]) === name);
  assert.ok(rule, `no rule "${name}": ${this.reply?.body}`);
  this.results.set(`noted:${noteAs}`, { id: textOf(findAll(rule, 'RuleId')[0]) });
});

// ---- through ews-javascript-api (ExchangeService.UpdateInboxRules and GetInboxRules), speaking Exchange 2010 SP1 ----

When('{mailbox} impersonating {mailbox} makes the rule {string} filing mail from {mailbox} and with {string} in the subject into {folder} through ews-javascript-api', async function (this: EwsWorld, login: string, owner: string, name: string, from: string, words: string, folder: string) {
  const svc = await this.service(login, DEFAULT_PASSWORD, owner, ews.ExchangeVersion.Exchange2010_SP1);
  const rule = new ews.Rule();
  rule.DisplayName = name;
  rule.Priority = 1;
  rule.IsEnabled = true;
  rule.Conditions.FromAddresses.Add(from);
  rule.Conditions.ContainsSubjectStrings.Add(words);
  rule.Actions.MoveToFolder = await folderIdFor(this, owner, folder);
  rule.Actions.MarkAsRead = true;
  await this.attempt(() => svc.UpdateInboxRules([new ews.CreateRuleOperation(rule)], true));
});

When('{mailbox} impersonating {mailbox} reads the Inbox rules through ews-javascript-api', async function (this: EwsWorld, login: string, owner: string) {
  const svc = await this.service(login, DEFAULT_PASSWORD, owner, ews.ExchangeVersion.Exchange2010_SP1);
  const rules = await svc.GetInboxRules();
  this.results.set(
    'inbox-rules',
    rules.GetEnumerator().map((r) => ({
      name: r.DisplayName,
      priority: r.Priority,
      enabled: r.IsEnabled,
      from: r.Conditions.FromAddresses.GetEnumerator().map((a) => a.Address),
      subject: r.Conditions.ContainsSubjectStrings.GetEnumerator(),
      moveTo: r.Actions.MoveToFolder?.UniqueId,
      markAsRead: r.Actions.MarkAsRead,
    })),
  );
});

Then('ews-javascript-api read the rule {string} filing mail from {string} with {string} in the subject into the {folder} of {mailbox}, marking it read', async function (this: EwsWorld, name: string, from: string, words: string, folder: string, owner: string) {
  assert.equal(this.clientError, undefined, String((this.clientError as Error | undefined)?.message));
  const junk = (await folderOf(await this.ensureMock(), owner, folder)).id;
  assert.deepEqual(this.results.get('inbox-rules'), [{ name, priority: 1, enabled: true, from: [from], subject: [words], moveTo: junk, markAsRead: true }]);
});

Then('the Inbox rule {string} is marked in error', function (this: EwsWorld, name: string) {
  const rule = findAll(answer(this, 'GetInboxRulesResponse'), 'Rule').find((r) => textOf(findAll(r, 'DisplayName')[0]) === name);
  assert.ok(rule, this.reply?.body);
  assert.equal(textOf(findAll(rule, 'IsInError')[0]), 'true', this.reply?.body);
});
