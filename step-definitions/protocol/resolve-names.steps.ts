import { Then, When, DataTable } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import * as ews from 'ews-javascript-api';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD } from '../support/accounts';
import { envelope, findAll, textOf } from '../support/soap';

const SCOPES: Record<string, ews.ResolveNameSearchLocation> = {
  ActiveDirectory: ews.ResolveNameSearchLocation.DirectoryOnly,
  ActiveDirectoryContacts: ews.ResolveNameSearchLocation.DirectoryThenContacts,
  Contacts: ews.ResolveNameSearchLocation.ContactsOnly,
  ContactsActiveDirectory: ews.ResolveNameSearchLocation.ContactsThenDirectory,
};

async function resolve(world: EwsWorld, login: string, entry: string, impersonate?: string, full = false, scope = 'ActiveDirectory'): Promise<void> {
  const svc = await world.service(login, DEFAULT_PASSWORD, impersonate);
  world.results.set('resolutions', await world.attempt(() => svc.ResolveName(entry, SCOPES[scope], full)));
}

When('{mailbox} resolves the name {string}', async function (this: EwsWorld, login: string, entry: string) {
  await resolve(this, login, entry);
});

When('{mailbox} resolves the name {string} with full contact data', async function (this: EwsWorld, login: string, entry: string) {
  await resolve(this, login, entry, undefined, true);
});

When('{mailbox} resolves the name {string} in the scope {word}', async function (this: EwsWorld, login: string, entry: string, scope: string) {
  assert.ok(SCOPES[scope] !== undefined, `unknown scope ${scope}`);
  await resolve(this, login, entry, undefined, false, scope);
});

When('{mailbox} impersonating {mailbox} resolves the name {string}', async function (this: EwsWorld, login: string, target: string, entry: string) {
  await resolve(this, login, entry, target);
});

When('{mailbox} posts a ResolveNames for {string} with ReturnFullContactData {string}', async function (this: EwsWorld, login: string, entry: string, full: string) {
  await this.post(envelope(`<m:ResolveNames ReturnFullContactData="${full}"><m:UnresolvedEntry>${entry}</m:UnresolvedEntry></m:ResolveNames>`), {
    auth: [login, DEFAULT_PASSWORD],
  });
});

function resolutions(world: EwsWorld): ews.NameResolution[] {
  assert.equal(world.clientError, undefined, String((world.clientError as Error | undefined)?.message));
  const set = world.results.get('resolutions') as ews.NameResolutionCollection;
  return set.GetEnumerator();
}

Then('the resolutions are:', function (this: EwsWorld, table: DataTable) {
  const got = resolutions(this).map((r) => [r.Mailbox.Name, r.Mailbox.Address, r.Mailbox.RoutingType, ews.MailboxType[r.Mailbox.MailboxType]]);
  assert.deepEqual(got, table.rows());
});

Then('nothing is resolved', function (this: EwsWorld) {
  assert.deepEqual(resolutions(this).map((r) => r.Mailbox.Address), []);
});

Then('no resolution carries contact data', function (this: EwsWorld) {
  for (const r of resolutions(this)) assert.equal(r.Contact, null);
});

Then('the contact of {mailbox} has:', function (this: EwsWorld, smtp: string, table: DataTable) {
  const r = resolutions(this).find((x) => x.Mailbox.Address === smtp);
  assert.ok(r?.Contact, `no contact for ${smtp}`);
  const c = r.Contact;
  const fields: Record<string, () => unknown> = {
    DisplayName: () => c.DisplayName,
    GivenName: () => c.GivenName,
    Surname: () => c.Surname,
    Department: () => c.Department,
    EmailAddress1: () => c.EmailAddresses._getItem(ews.EmailAddressKey.EmailAddress1).Address,
    ContactSource: () => ews.ContactSource[c.ContactSource],
  };
  for (const [field, value] of table.raw()) {
    assert.ok(fields[field], `unknown contact field ${field}`);
    assert.equal(String(fields[field]()), value, field);
  }
});

Then('the ResolveNames answer has ResponseClass {string} and ResponseCode {word}', function (this: EwsWorld, cls: string, code: string) {
  assert.equal(this.reply?.status, 200, this.reply?.body);
  const message = findAll(this.reply?.doc, 'ResolveNamesResponseMessage')[0];
  assert.ok(message, this.reply?.body);
  assert.equal(message['@ResponseClass'], cls);
  assert.equal(textOf(findAll(message, 'ResponseCode')[0]), code);
});

Then('the ResolveNames message text is {string}', function (this: EwsWorld, text: string) {
  assert.equal(textOf(findAll(this.reply?.doc, 'MessageText')[0]), text);
});

Then('the ResolutionSet has TotalItemsInView {int} and IncludesLastItemInRange {string}', function (this: EwsWorld, total: number, last: string) {
  const set = findAll(this.reply?.doc, 'ResolutionSet')[0];
  assert.ok(set, this.reply?.body);
  assert.equal(set['@TotalItemsInView'], String(total));
  assert.equal(set['@IncludesLastItemInRange'], last);
  assert.equal(findAll(set, 'Resolution').length, total);
});

/** One field of every resolved Mailbox in the raw answer, in order. */
const rawMailboxField = (world: EwsWorld, field: string) => findAll(findAll(world.reply?.doc, 'ResolutionSet')[0], 'Mailbox').map((m) => textOf(findAll(m, field)[0]));

Then('the raw resolutions list the addresses {string}', function (this: EwsWorld, list: string) {
  assert.deepEqual(rawMailboxField(this, 'EmailAddress'), list.split(',').map((s) => s.trim()));
});

Then('the raw resolutions have the mailbox types {string}', function (this: EwsWorld, list: string) {
  assert.deepEqual(rawMailboxField(this, 'MailboxType'), list.split(',').map((s) => s.trim()));
});

Then('the outcome for {mailbox} is resolved', function (this: EwsWorld, smtp: string) {
  assert.deepEqual(resolutions(this).map((r) => r.Mailbox.Address), [smtp]);
});

Then('the outcome for {mailbox} is nothing', function (this: EwsWorld, smtp: string) {
  assert.deepEqual(resolutions(this).map((r) => r.Mailbox.Address).filter((a) => a === smtp), []);
  assert.equal(resolutions(this).length, 0);
});

Then('the answer is a single resolution of {mailbox}', function (this: EwsWorld, smtp: string) {
  assert.equal(this.reply?.status, 200, this.reply?.body);
  const addresses = findAll(findAll(this.reply?.doc, 'ResolutionSet')[0], 'Mailbox').map((m) => textOf(findAll(m, 'EmailAddress')[0]));
  assert.deepEqual(addresses, [smtp]);
  assert.equal(findAll(this.reply?.doc, 'Contact').length, 1, this.reply?.body);
});

Then('the answer is the fault {word}', function (this: EwsWorld, code: string) {
  assert.equal(this.reply?.status, 500, this.reply?.body);
  assert.equal(textOf(findAll(this.reply?.doc, 'ResponseCode')[0]), code, this.reply?.body);
});
