import { Then, When, DataTable } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import * as ews from 'ews-javascript-api';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD, SUPER_USER } from '../support/accounts';
import { envelope, findAll, textOf } from '../support/soap';
import { wellKnown } from './folders.steps';
import { parseFilter, propertyNamed } from './item-filters';

// ---- FindItem through ews-javascript-api ----

function found(world: EwsWorld): ews.Item[] {
  assert.equal(world.clientError, undefined, String((world.clientError as Error | undefined)?.message));
  const items = world.results.get('items') as ews.Item[] | undefined;
  assert.ok(items, 'no FindItem call was made');
  return items;
}

async function findItems(world: EwsWorld, login: string, target: string, folder: string, view: ews.ItemView, query?: ews.SearchFilter | string, version?: ews.ExchangeVersion): Promise<void> {
  const svc = await world.service(login, DEFAULT_PASSWORD, target, version);
  const res = await world.attempt(() => (query === undefined ? svc.FindItems(wellKnown(folder), view) : svc.FindItems(wellKnown(folder), query as never, view)));
  world.results.set('findResults', res);
  world.results.set('items', res?.Items);
}

When('{mailbox} impersonating {mailbox} finds items in {folder}', async function (this: EwsWorld, login: string, target: string, folder: string) {
  await findItems(this, login, target, folder, new ews.ItemView(100));
});

When('{mailbox} impersonating {mailbox} finds items in {folder} sorted by {string}', async function (this: EwsWorld, login: string, target: string, folder: string, order: string) {
  const view = new ews.ItemView(100);
  for (const key of order.split(',')) {
    const [name, direction] = key.trim().split(/\s+/);
    view.OrderBy.Add(propertyNamed(name), /^desc/i.test(direction ?? '') ? ews.SortDirection.Descending : ews.SortDirection.Ascending);
  }
  await findItems(this, login, target, folder, view);
});

When('{mailbox} impersonating {mailbox} finds items in {folder} where {}', async function (this: EwsWorld, login: string, target: string, folder: string, filter: string) {
  await findItems(this, login, target, folder, new ews.ItemView(100), parseFilter(filter));
});

When('{mailbox} impersonating {mailbox} speaking {word} finds items in {folder} where {}', async function (this: EwsWorld, login: string, target: string, version: string, folder: string, filter: string) {
  const v = ews.ExchangeVersion[version as keyof typeof ews.ExchangeVersion];
  assert.ok(v !== undefined, `unknown ExchangeVersion ${version}`);
  await findItems(this, login, target, folder, new ews.ItemView(100), parseFilter(filter), v);
});

When('{mailbox} impersonating {mailbox} searches {folder} with the query {}', async function (this: EwsWorld, login: string, target: string, folder: string, query: string) {
  // ews-javascript-api writes the query string into the XML without escaping it, so a query with
  // "<" or "&" would reach the server as malformed XML; escape it for the client.
  await findItems(this, login, target, folder, new ews.ItemView(100), query.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
});

When('{mailbox} impersonating {mailbox} reads the last {int} items of {folder}', async function (this: EwsWorld, login: string, target: string, count: number, folder: string) {
  await findItems(this, login, target, folder, new ews.ItemView(count, 0, ews.OffsetBasePoint.End));
});

When('{mailbox} impersonating {mailbox} pages through {folder} {int} items at a time', async function (this: EwsWorld, login: string, target: string, folder: string, size: number) {
  const svc = await this.service(login, DEFAULT_PASSWORD, target);
  const pages: { count: number; total: number; more: boolean; next: number | null }[] = [];
  const subjects: string[] = [];
  for (let offset: number | null = 0; offset !== null; ) {
    const res: ews.FindItemsResults<ews.Item> = await svc.FindItems(wellKnown(folder), new ews.ItemView(size, offset));
    pages.push({ count: res.Items.length, total: res.TotalCount, more: res.MoreAvailable, next: res.NextPageOffset });
    subjects.push(...res.Items.map((i) => i.Subject));
    offset = res.MoreAvailable ? res.NextPageOffset : null;
    assert.ok(pages.length < 100, 'paging does not end');
  }
  this.results.set('pages', pages);
  this.results.set('pagedSubjects', subjects);
});

Then('the subjects found are:', function (this: EwsWorld, table: DataTable) {
  assert.deepEqual(found(this).map((i) => i.Subject), table.raw().map((r) => r[0]));
});

Then('the subjects found are {string}', function (this: EwsWorld, subjects: string) {
  assert.deepEqual(found(this).map((i) => i.Subject), subjects.split(',').map((s) => s.trim()));
});

Then('no items are found', function (this: EwsWorld) {
  assert.deepEqual(found(this).map((i) => i.Subject), []);
});

Then('the view holds {int} items in total and more are available', function (this: EwsWorld, total: number) {
  const res = this.results.get('findResults') as ews.FindItemsResults<ews.Item>;
  assert.equal(res.TotalCount, total);
  assert.equal(res.MoreAvailable, true);
});

Then('the item pages hold {string} items, each reporting {int} in total, and list:', function (this: EwsWorld, sizes: string, total: number, table: DataTable) {
  const pages = this.results.get('pages') as { count: number; total: number; more: boolean; next: number | null }[];
  assert.deepEqual(pages.map((p) => p.count), sizes.split(',').map((s) => Number(s.trim())));
  assert.ok(pages.every((p) => p.total === total), JSON.stringify(pages));
  assert.deepEqual(pages.map((p) => p.more), pages.map((_, i) => i < pages.length - 1));
  assert.deepEqual(this.results.get('pagedSubjects'), table.raw().map((r) => r[0]));
});

Then('the found item {string} is from {string} and {word}', function (this: EwsWorld, subject: string, from: string, read: string) {
  const item = found(this).find((i) => i.Subject === subject) as ews.EmailMessage | undefined;
  assert.ok(item, `no item "${subject}"`);
  assert.equal(`${item.From.Name} <${item.From.Address}>`, from);
  assert.equal(item.IsRead, read === 'read');
});

// ---- GetItem through ews-javascript-api ----

/** ews-javascript-api leaves Subject unset when the server sends an empty t:Subject element. */
function subjectOf(item: ews.Item): string {
  return item.Subject ?? '';
}

/** The id of the message with this subject in a folder, found as the super-user would. */
export async function idOf(world: EwsWorld, owner: string, folder: string, subject: string): Promise<ews.ItemId> {
  const svc = await world.service(SUPER_USER, DEFAULT_PASSWORD, owner);
  const res = await svc.FindItems(wellKnown(folder), new ews.ItemView(1000));
  const item = res.Items.find((i) => subjectOf(i) === subject);
  assert.ok(item, `no message "${subject}" in ${owner}'s ${folder}`);
  return item.Id;
}

const BODY_TYPES: Record<string, ews.BodyType> = { HTML: ews.BodyType.HTML, Text: ews.BodyType.Text };

async function readMessage(world: EwsWorld, login: string, target: string, folder: string, subject: string, bodyType?: string): Promise<void> {
  const id = await idOf(world, target, folder, subject);
  const svc = await world.service(login, DEFAULT_PASSWORD, target);
  const set = new ews.PropertySet(ews.BasePropertySet.FirstClassProperties);
  if (bodyType) set.RequestedBodyType = BODY_TYPES[bodyType];
  world.results.set('message', await world.attempt(() => ews.EmailMessage.Bind(svc, id, set)));
}

When('{mailbox} impersonating {mailbox} reads the {folder} message {string}', async function (this: EwsWorld, login: string, target: string, folder: string, subject: string) {
  await readMessage(this, login, target, folder, subject);
});

When('{mailbox} impersonating {mailbox} reads the {folder} message {string} with a {word} body', async function (this: EwsWorld, login: string, target: string, folder: string, subject: string, bodyType: string) {
  await readMessage(this, login, target, folder, subject, bodyType);
});

When('{mailbox} impersonating {mailbox} reads the MIME content of the {folder} message {string}', async function (this: EwsWorld, login: string, target: string, folder: string, subject: string) {
  const id = await idOf(this, target, folder, subject);
  const svc = await this.service(login, DEFAULT_PASSWORD, target);
  const set = new ews.PropertySet(ews.BasePropertySet.IdOnly, [ews.ItemSchema.MimeContent, ews.ItemSchema.Subject]);
  const message = await this.attempt(() => ews.EmailMessage.Bind(svc, id, set));
  this.results.set('message', message);
});

When('{mailbox} impersonating {mailbox} binds to the messages {string} of {folder} in one request', async function (this: EwsWorld, login: string, target: string, subjects: string, folder: string) {
  const ids: ews.ItemId[] = [];
  for (const s of subjects.split(',').map((x) => x.trim())) ids.push(await idOf(this, target, folder, s));
  const svc = await this.service(login, DEFAULT_PASSWORD, target);
  const responses = await this.attempt(() => svc.BindToItems(ids, new ews.PropertySet(ews.BasePropertySet.IdOnly, [ews.ItemSchema.Subject, ews.ItemSchema.DateTimeReceived])));
  this.results.set('items', responses ? [...responses.Responses].map((r) => r.Item) : undefined);
});

When('{mailbox} impersonating {mailbox} loads the recipients of every item in {folder}', async function (this: EwsWorld, login: string, target: string, folder: string) {
  const svc = await this.service(login, DEFAULT_PASSWORD, target);
  const res = await svc.FindItems(wellKnown(folder), new ews.ItemView(1000));
  const set = new ews.PropertySet(ews.BasePropertySet.IdOnly, [ews.ItemSchema.Subject, ews.EmailMessageSchema.ToRecipients, ews.EmailMessageSchema.CcRecipients]);
  await this.attempt(() => svc.LoadPropertiesForItems(res.Items, set));
  this.results.set('items', res.Items);
});

function message(world: EwsWorld): ews.EmailMessage {
  assert.equal(world.clientError, undefined, String((world.clientError as Error | undefined)?.message));
  const m = world.results.get('message') as ews.EmailMessage | undefined;
  assert.ok(m, 'no message was read');
  return m;
}

const addressList = (c: ews.EmailAddressCollection) => c.GetEnumerator().map((a: ews.EmailAddress) => `${a.Name} <${a.Address}>`).join(', ');

Then('the message subject is {string}', function (this: EwsWorld, subject: string) {
  assert.equal(subjectOf(message(this)), subject);
});

Then('the message is from {string}', function (this: EwsWorld, from: string) {
  const m = message(this);
  assert.equal(`${m.From.Name} <${m.From.Address}>`, from);
});

Then('the message has the sender {string}', function (this: EwsWorld, sender: string) {
  const m = message(this);
  assert.equal(`${m.Sender.Name} <${m.Sender.Address}>`, sender);
});

Then('the message is addressed to {string} with copies to {string}', function (this: EwsWorld, to: string, cc: string) {
  const m = message(this);
  assert.equal(addressList(m.ToRecipients) || 'nobody', to);
  assert.equal(addressList(m.CcRecipients) || 'nobody', cc);
});

Then('the message body is {word} and contains {string}', function (this: EwsWorld, type: string, text: string) {
  const body = message(this).Body;
  assert.equal(ews.BodyType[body.BodyType], type);
  assert.ok(body.Text.includes(text), body.Text);
});

Then('the message body does not contain {string}', function (this: EwsWorld, text: string) {
  assert.ok(!message(this).Body.Text.includes(text), message(this).Body.Text);
});

Then('the message has {word} importance, is {word} and was received at {string}', function (this: EwsWorld, importance: string, read: string, received: string) {
  const m = message(this);
  assert.equal(ews.Importance[m.Importance], importance);
  assert.equal(m.IsRead, read === 'read');
  assert.equal(m.DateTimeReceived.ToISOString().replace(/\.000Z$/, 'Z'), received);
});

Then('the message has the attachments:', function (this: EwsWorld, table: DataTable) {
  const m = message(this);
  assert.equal(m.HasAttachments, table.rows().length > 0);
  const rows = m.Attachments.GetEnumerator().map((a: ews.Attachment) => [a.Name, a.ContentType, String(a.Size)]);
  assert.deepEqual(rows, table.rows());
});

Then('loading attachment {string} of the message gives the text {string}', async function (this: EwsWorld, name: string, text: string) {
  const attachment = message(this).Attachments.GetEnumerator().find((a: ews.Attachment) => a.Name === name) as ews.FileAttachment | undefined;
  assert.ok(attachment, `no attachment ${name}`);
  await attachment.Load();
  assert.equal(Buffer.from(attachment.Base64Content, 'base64').toString('utf8'), text);
});

Then('loading attachment {string} of the message gives {int} bytes starting with {string}', async function (this: EwsWorld, name: string, size: number, start: string) {
  const attachment = message(this).Attachments.GetEnumerator().find((a: ews.Attachment) => a.Name === name) as ews.FileAttachment | undefined;
  assert.ok(attachment, `no attachment ${name}`);
  await attachment.Load();
  const bytes = Buffer.from(attachment.Base64Content, 'base64');
  assert.equal(bytes.length, size);
  assert.ok(bytes.toString('utf8').startsWith(start), bytes.toString('utf8').slice(0, 80));
});

Then('the MIME content is UTF-8 and has the header {string}', function (this: EwsWorld, header: string) {
  const mime = message(this).MimeContent;
  assert.equal(mime.CharacterSet, 'UTF-8');
  const text = Buffer.from(mime.Content as unknown as string, 'base64').toString('utf8');
  assert.ok(text.split(/\r?\n/).includes(header), text.slice(0, 800));
});

Then('every item carries its recipients, {string} with To {string} and Cc {string}', function (this: EwsWorld, subject: string, to: string, cc: string) {
  const items = found(this) as ews.EmailMessage[];
  const m = items.find((i) => i.Subject === subject);
  assert.ok(m, `no item ${subject}`);
  assert.equal(addressList(m.ToRecipients) || 'nobody', to);
  assert.equal(addressList(m.CcRecipients) || 'nobody', cc);
});

// ---- raw SOAP with item and attachment ids ----

/**
 * Replaces {{item:Subject}}, {{item:owner@domain:Subject}}, {{attachment:Subject:N}} and
 * {{changekey:Subject}} with ids found through ews-javascript-api (messages of Inbox and
 * Sent Items; the owner defaults to `owner`).
 */
async function withIds(world: EwsWorld, owner: string, body: string): Promise<string> {
  const cache = new Map<string, ews.EmailMessage[]>();
  const messagesOf = async (mailbox: string) => {
    if (!cache.has(mailbox)) {
      const svc = await world.service(SUPER_USER, DEFAULT_PASSWORD, mailbox);
      const all: ews.EmailMessage[] = [];
      for (const folder of [ews.WellKnownFolderName.Inbox, ews.WellKnownFolderName.SentItems]) {
        const res = await svc.FindItems(folder, new ews.ItemView(1000));
        if (res.Items.length > 0) {
          await svc.LoadPropertiesForItems(res.Items, new ews.PropertySet(ews.BasePropertySet.IdOnly, [ews.ItemSchema.Subject, ews.ItemSchema.Attachments]));
        }
        all.push(...(res.Items as ews.EmailMessage[]));
      }
      cache.set(mailbox, all);
    }
    return cache.get(mailbox)!;
  };
  // Ids are remembered for the whole scenario, so a later request can name a message that is gone.
  const remembered = (world.results.get('ids') as Map<string, string> | undefined) ?? new Map<string, string>();
  world.results.set('ids', remembered);
  let out = body;
  for (const m of body.matchAll(/\{\{(item|changekey|attachment):(?:([^:}]+@[^:}]+):)?([^}]+?)(?::(\d+))?\}\}/g)) {
    const [whole, kind, mailbox, subject, index] = m;
    const known = remembered.get(`${owner}|${whole}`);
    if (known) {
      out = out.replace(whole, known);
      continue;
    }
    const item = (await messagesOf(mailbox ?? owner)).find((i) => i.Subject === subject);
    assert.ok(item, `no message "${subject}" in ${mailbox ?? owner}`);
    const value =
      kind === 'item' ? item.Id.UniqueId : kind === 'changekey' ? item.Id.ChangeKey : item.Attachments.GetEnumerator()[Number(index ?? 1) - 1]?.Id;
    assert.ok(value, `no ${kind} for ${whole}`);
    remembered.set(`${owner}|${whole}`, value);
    out = out.replace(whole, value);
  }
  return out;
}

When('{mailbox} impersonating {mailbox} posts the item request:', async function (this: EwsWorld, login: string, target: string, body: string) {
  await this.post(envelope(await withIds(this, target, body), { impersonate: target }), { auth: [login, DEFAULT_PASSWORD] });
});

When('{mailbox} posts the item request:', async function (this: EwsWorld, login: string, body: string) {
  await this.post(envelope(await withIds(this, login, body)), { auth: [login, DEFAULT_PASSWORD] });
});

When('{mailbox} posts the item request with RequestServerVersion {word}:', async function (this: EwsWorld, login: string, version: string, body: string) {
  await this.post(envelope(await withIds(this, login, body), { version }), { auth: [login, DEFAULT_PASSWORD] });
});

/** The response messages, so that element names such as Body never meet soap:Body. */
function answered(world: EwsWorld): Record<string, unknown>[] {
  assert.equal(world.reply?.status, 200, world.reply?.body);
  return findAll(world.reply?.doc, 'ResponseMessages');
}

function messagesIn(world: EwsWorld): Record<string, unknown>[] {
  assert.equal(world.reply?.status, 200, world.reply?.body);
  return findAll(world.reply?.doc, 'Message');
}

Then('the response lists the message subjects:', function (this: EwsWorld, table: DataTable) {
  const subjects = messagesIn(this).map((m) => textOf(findAll(m, 'Subject')[0]));
  assert.deepEqual(subjects, table.raw().map((r) => r[0]));
});

Then('response message {int} lists {int} messages', function (this: EwsWorld, n: number, count: number) {
  const rm = responseMessage(this, n);
  assert.equal(findAll(rm, 'Message').length, count, this.reply?.body);
});

function responseMessage(world: EwsWorld, n: number): Record<string, unknown> {
  assert.equal(world.reply?.status, 200, world.reply?.body);
  const messages = findAll(world.reply?.doc, 'ResponseMessages').flatMap((rm) => Object.values(rm).flat() as Record<string, unknown>[]);
  const rm = messages[n - 1];
  assert.ok(rm, `no response message ${n}`);
  return rm;
}

// RootFolder (FindItem, FindFolder), DLExpansion (ExpandDL)…: the paging attributes of a view.
Then('the {word} of response message {int} has the attributes:', function (this: EwsWorld, element: string, n: number, table: DataTable) {
  const root = findAll(responseMessage(this, n), element)[0];
  assert.ok(root, this.reply?.body);
  const attrs = Object.fromEntries(Object.entries(root).filter(([k]) => k.startsWith('@')).map(([k, v]) => [k.slice(1), String(v)]));
  assert.deepEqual(attrs, Object.fromEntries(table.raw()));
});

Then('the first {word} in the response has these child elements in order:', function (this: EwsWorld, element: string, table: DataTable) {
  assert.equal(this.reply?.status, 200, this.reply?.body);
  const first = findAll(answered(this), element)[0];
  assert.ok(first, this.reply?.body);
  assert.deepEqual(Object.keys(first).filter((k) => !k.startsWith('@') && k !== '#text'), table.raw().map((r) => r[0]));
});

Then('the first {word} in the response has the text {string}', function (this: EwsWorld, element: string, text: string) {
  assert.equal(textOf(findAll(answered(this), element)[0]), text, this.reply?.body);
});

Then('the first {word} in the response contains {string}', function (this: EwsWorld, element: string, text: string) {
  const content = textOf(findAll(answered(this), element)[0]) ?? '';
  assert.ok(content.includes(text), this.reply?.body);
});

Then('the first {word} in the response has the attribute {word} = {string}', function (this: EwsWorld, element: string, attr: string, value: string) {
  const el = findAll(answered(this), element)[0];
  assert.ok(el, this.reply?.body);
  assert.equal(String(el[`@${attr}`]), value);
});

Then('the response has no {word} element', function (this: EwsWorld, element: string) {
  assert.equal(findAll(answered(this), element).length, 0, this.reply?.body);
});

Then('the first {word} in the response decodes to the text {string}', function (this: EwsWorld, element: string, text: string) {
  const content = textOf(findAll(answered(this), element)[0]);
  assert.ok(content, this.reply?.body);
  assert.equal(Buffer.from(content, 'base64').toString('utf8'), text);
});

Then('the first {word} in the response decodes to a text containing {string}', function (this: EwsWorld, element: string, text: string) {
  const content = textOf(findAll(answered(this), element)[0]);
  assert.ok(content, this.reply?.body);
  const decoded = Buffer.from(content, 'base64').toString('utf8');
  assert.ok(decoded.includes(text), decoded);
});

Then('the first {word} in the response is a time within the last minute', function (this: EwsWorld, element: string) {
  const text = textOf(findAll(answered(this), element)[0]);
  const age = Date.now() - Date.parse(text ?? '');
  assert.ok(age >= -1000 && age < 60_000, `${element} ${text} is not within the last minute`);
});
