import { DataTable, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import * as ews from 'ews-javascript-api';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD } from '../support/accounts';
import { idOf } from './items.steps';
import { wellKnown } from './folders.steps';

/**
 * Extended (MAPI) properties through ews-javascript-api: a named property of the PublicStrings set,
 * as an integration defines one to mark the items it has handled, and raw ExtendedProperty answers.
 */

/** "PublicStrings:Name" — a named String property of a default property set. */
function definition(name: string): ews.ExtendedPropertyDefinition {
  const [set, prop] = name.split(':');
  const propertySet = ews.DefaultExtendedPropertySet[set as keyof typeof ews.DefaultExtendedPropertySet];
  assert.ok(propertySet !== undefined && prop, `not a property set and name: ${name}`);
  return new ews.ExtendedPropertyDefinition(propertySet, prop, ews.MapiPropertyType.String);
}

function valueOf(item: ews.Item, def: ews.ExtendedPropertyDefinition): string | undefined {
  const out = { outValue: null as unknown };
  return item.ExtendedProperties.TryGetValue(def, out) ? String(out.outValue) : undefined;
}

When('{mailbox} impersonating {mailbox} sets the extended property {string} of the {folder} message {string} to {string}', async function (this: EwsWorld, login: string, owner: string, name: string, folder: string, subject: string, value: string) {
  const id = await idOf(this, owner, folder, subject);
  const svc = await this.service(login, DEFAULT_PASSWORD, owner);
  const def = definition(name);
  await this.attempt(async () => {
    const message = await ews.EmailMessage.Bind(svc, id, new ews.PropertySet(ews.BasePropertySet.IdOnly));
    message.SetExtendedProperty(def, value);
    await message.Update(ews.ConflictResolutionMode.AlwaysOverwrite);
  });
});

When('{mailbox} impersonating {mailbox} finds the {folder} messages whose {string} is {string}', async function (this: EwsWorld, login: string, owner: string, folder: string, name: string, value: string) {
  const svc = await this.service(login, DEFAULT_PASSWORD, owner);
  const def = definition(name);
  const view = new ews.ItemView(100);
  view.PropertySet = new ews.PropertySet(ews.BasePropertySet.IdOnly, [ews.ItemSchema.Subject, def]);
  const res = await this.attempt(() => svc.FindItems(wellKnown(folder), new ews.SearchFilter.IsEqualTo(def, value), view));
  this.results.set('extended-found', res ? res.Items.map((i) => [i.Subject, valueOf(i, def) ?? '']) : undefined);
});

When('{mailbox} impersonating {mailbox} reads {string} of the {folder} message {string}', async function (this: EwsWorld, login: string, owner: string, name: string, folder: string, subject: string) {
  const id = await idOf(this, owner, folder, subject);
  const svc = await this.service(login, DEFAULT_PASSWORD, owner);
  const def = definition(name);
  const message = await this.attempt(() => ews.EmailMessage.Bind(svc, id, new ews.PropertySet(ews.BasePropertySet.IdOnly, [def])));
  this.results.set('extended-value', message ? valueOf(message, def) ?? 'nothing' : undefined);
});

Then('the messages found, with that property, are:', function (this: EwsWorld, table: DataTable) {
  assert.equal(this.clientError, undefined, String((this.clientError as Error | undefined)?.message));
  assert.deepEqual(this.results.get('extended-found'), table.raw());
});

Then('the property reads {string}', function (this: EwsWorld, value: string) {
  assert.equal(this.clientError, undefined, String((this.clientError as Error | undefined)?.message));
  assert.equal(this.results.get('extended-value'), value);
});

/** The t:ExtendedProperty elements of the raw answer: the tag or name asked for, and the value(s). */
function extendedProperties(body: string): string[][] {
  return [...body.matchAll(/<t:ExtendedProperty>([\s\S]*?)<\/t:ExtendedProperty>/g)].map((m) => {
    const uri = /<t:ExtendedFieldURI ([^>]*)\/>/.exec(m[1])?.[1] ?? '';
    const name = /PropertyTag="([^"]+)"/.exec(uri)?.[1] ?? /PropertyName="([^"]+)"/.exec(uri)?.[1] ?? '';
    const values = [...m[1].matchAll(/<t:Value>([^<]*)<\/t:Value>/g)].map((v) => v[1]).join(', ');
    return [name, values];
  });
}

Then('the response item has the extended properties:', function (this: EwsWorld, table: DataTable) {
  assert.deepEqual(extendedProperties(this.reply?.body ?? ''), table.raw(), this.reply?.body);
});

Then('the response item has no extended property', function (this: EwsWorld) {
  assert.match(this.reply?.body ?? '', /<t:ItemId /, this.reply?.body);
  assert.deepEqual(extendedProperties(this.reply?.body ?? ''), [], this.reply?.body);
});

Then('the response item\'s {string} holds the header lines:', function (this: EwsWorld, tag: string, table: DataTable) {
  const found = extendedProperties(this.reply?.body ?? '').find(([name]) => name === tag);
  assert.ok(found, `no ${tag} in ${this.reply?.body}`);
  const lines = found[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#xD;/g, '\r').split(/\r?\n/);
  for (const [line] of table.raw()) assert.ok(lines.includes(line), `${line} not in:\n${lines.join('\n')}`);
});

Then('the admin API shows the message {string} of {mailbox} with the categories {string}', async function (this: EwsWorld, subject: string, owner: string, categories: string) {
  const admin = (await this.ensureMock()).admin;
  const found = (await admin.allItems(owner, { subject })).filter((i) => i.subject === subject);
  assert.equal(found.length, 1, `${found.length} messages "${subject}"`);
  const item = await admin.item(owner, found[0].id);
  assert.deepEqual(item.categories, categories.split(',').map((c) => c.trim()));
});

Then('the admin API shows the message {string} of {mailbox} with the extended property {string} set to {string}', async function (this: EwsWorld, subject: string, owner: string, key: string, value: string) {
  const admin = (await this.ensureMock()).admin;
  const [found] = (await admin.allItems(owner, { subject })).filter((i) => i.subject === subject);
  assert.ok(found, `no message "${subject}"`);
  assert.deepEqual((await admin.item(owner, found.id)).extendedProperties, { [key]: value });
});
