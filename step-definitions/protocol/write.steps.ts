import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import * as ews from 'ews-javascript-api';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD, SUPER_USER } from '../support/accounts';
import { envelope, findAll, textOf } from '../support/soap';
import * as control from '../support/mock-control';
import { folderIdFor, serviceFor } from './sync.steps';

/** Properties the write scenarios check after reading a message back. */
const READ_BACK = new ews.PropertySet(ews.BasePropertySet.IdOnly, [
  ews.ItemSchema.Subject,
  ews.ItemSchema.IsDraft,
  ews.ItemSchema.Categories,
  ews.EmailMessageSchema.IsRead,
  ews.EmailMessageSchema.ToRecipients,
  ews.EmailMessageSchema.BccRecipients,
]);

/** Finds a message by subject in a folder through FindItem, then reads it back through GetItem. */
async function findMessage(world: EwsWorld, owner: string, folder: string, subject: string, login = SUPER_USER): Promise<ews.EmailMessage | undefined> {
  const svc = await serviceFor(world, login, owner);
  const res = await svc.FindItems(await folderIdFor(world, owner, folder), new ews.ItemView(1000));
  const found = res.Items.find((i) => i.Subject === subject);
  return found ? ews.EmailMessage.Bind(svc, found.Id, READ_BACK) : undefined;
}

async function mustFind(world: EwsWorld, owner: string, folder: string, subject: string, login = SUPER_USER): Promise<ews.EmailMessage> {
  const m = await findMessage(world, owner, folder, subject, login);
  assert.ok(m, `no message "${subject}" in ${owner} ${folder}`);
  return m;
}

const addresses = (list: string) => list.split(',').map((s) => s.trim()).filter(Boolean);

async function send(world: EwsWorld, sender: string, subject: string, to: string[], bcc: string[], saveCopy: boolean): Promise<void> {
  const svc = await serviceFor(world, SUPER_USER, sender);
  const msg = new ews.EmailMessage(svc);
  msg.Subject = subject;
  msg.Body = new ews.MessageBody(ews.BodyType.Text, `${subject}\r\n`);
  for (const a of to) msg.ToRecipients.Add(a);
  for (const a of bcc) msg.BccRecipients.Add(a);
  await (saveCopy ? msg.SendAndSaveCopy() : msg.Send());
}

// ---- sending and saving (CreateItem) ----

When('{mailbox} sends {mailbox} the message {string}', async function (this: EwsWorld, sender: string, to: string, subject: string) {
  await send(this, sender, subject, [to], [], true);
});

When('{mailbox} sends the message {string} to {string}', async function (this: EwsWorld, sender: string, subject: string, to: string) {
  await this.attempt(() => send(this, sender, subject, addresses(to), [], true));
});

When('{mailbox} sends the message {string} to {string} and Bcc {string}', async function (this: EwsWorld, sender: string, subject: string, to: string, bcc: string) {
  await this.attempt(() => send(this, sender, subject, addresses(to), addresses(bcc), true));
});

When('{mailbox} sends the message {string} to {string} without saving a copy', async function (this: EwsWorld, sender: string, subject: string, to: string) {
  await this.attempt(() => send(this, sender, subject, addresses(to), [], false));
});

When('{mailbox} impersonating {mailbox} saves a draft {string} to {mailbox}', async function (this: EwsWorld, login: string, owner: string, subject: string, to: string) {
  const svc = await serviceFor(this, login, owner);
  const msg = new ews.EmailMessage(svc);
  msg.Subject = subject;
  msg.Body = new ews.MessageBody(ews.BodyType.HTML, `<p>${subject}</p>`);
  msg.ToRecipients.Add(to);
  await this.attempt(() => msg.Save(ews.WellKnownFolderName.Drafts));
  this.results.set('saved', msg);
});

Then('the saved message has an ItemId and reads back as a draft {string} to {string}', async function (this: EwsWorld, subject: string, to: string) {
  assert.equal(this.clientError, undefined, String((this.clientError as Error | undefined)?.message));
  const saved = this.results.get('saved') as ews.EmailMessage;
  assert.ok(saved.Id?.UniqueId, 'CreateItem returned no ItemId');
  const back = await ews.EmailMessage.Bind(saved.Service, saved.Id, READ_BACK);
  assert.equal(back.Subject, subject);
  assert.equal(back.IsDraft, true);
  assert.deepEqual(back.ToRecipients.GetEnumerator().map((a) => a.Address), [to]);
});

When('{mailbox} impersonating {mailbox} imports this message into {folder} marked read:', async function (this: EwsWorld, login: string, owner: string, folder: string, mime: string) {
  const raw = Buffer.from(mime.replace(/\r?\n/g, '\r\n'), 'utf8').toString('base64');
  // PR_MESSAGE_FLAGS = 1 (read, not unsent): how importers store received mail rather than drafts.
  const body =
    `<m:CreateItem MessageDisposition="SaveOnly"><m:SavedItemFolderId><t:DistinguishedFolderId Id="${folder}"/></m:SavedItemFolderId>` +
    `<m:Items><t:Message><t:MimeContent CharacterSet="UTF-8">${raw}</t:MimeContent>` +
    `<t:ExtendedProperty><t:ExtendedFieldURI PropertyTag="0x0E07" PropertyType="Integer"/><t:Value>1</t:Value></t:ExtendedProperty>` +
    `</t:Message></m:Items></m:CreateItem>`;
  await this.post(envelope(body, { impersonate: owner }), { auth: [login, DEFAULT_PASSWORD] });
});

// ---- changing messages (UpdateItem, DeleteItem, MoveItem, CopyItem) ----

When('{mailbox} impersonating {mailbox} marks the {folder} message {string} as {word}', async function (this: EwsWorld, login: string, owner: string, folder: string, subject: string, state: string) {
  const msg = await mustFind(this, owner, folder, subject, login);
  msg.IsRead = state === 'read';
  await msg.Update(ews.ConflictResolutionMode.AutoResolve);
});

When('{mailbox} impersonating {mailbox} sets the categories of the {folder} message {string} to {string}', async function (this: EwsWorld, login: string, owner: string, folder: string, subject: string, categories: string) {
  const msg = await mustFind(this, owner, folder, subject, login);
  msg.Categories = new ews.StringList(addresses(categories));
  await msg.Update(ews.ConflictResolutionMode.AlwaysOverwrite);
});

When('{mailbox} impersonating {mailbox} deletes the {folder} message {string} with {word}', async function (this: EwsWorld, login: string, owner: string, folder: string, subject: string, mode: string) {
  const msg = await mustFind(this, owner, folder, subject, login);
  await msg.Delete(ews.DeleteMode[mode as keyof typeof ews.DeleteMode]);
});

When('{mailbox} impersonating {mailbox} changes the subject of the {folder} message {string} to {string}', async function (this: EwsWorld, login: string, owner: string, folder: string, subject: string, to: string) {
  const msg = await mustFind(this, owner, folder, subject, login);
  msg.Subject = to;
  await msg.Update(ews.ConflictResolutionMode.AlwaysOverwrite);
});

When('{mailbox} impersonating {mailbox} {word} the {folder} message {string} to {folder}', async function (this: EwsWorld, login: string, owner: string, verb: string, folder: string, subject: string, target: string) {
  assert.ok(verb === 'moves' || verb === 'copies', `unknown action ${verb}`);
  const msg = await mustFind(this, owner, folder, subject, login);
  const to = await folderIdFor(this, owner, target);
  const result = await this.attempt(() => (verb === 'moves' ? msg.Move(to) : msg.Copy(to)));
  this.results.set('original-id', msg.Id.UniqueId);
  this.results.set('new-item', result);
});

Then('the {word} message has a new ItemId', function (this: EwsWorld, _verb: string) {
  assert.equal(this.clientError, undefined, String((this.clientError as Error | undefined)?.message));
  const result = this.results.get('new-item') as ews.Item | undefined;
  assert.ok(result?.Id?.UniqueId, 'no ItemId returned for the new item');
  assert.notEqual(result.Id.UniqueId, this.results.get('original-id'));
});

When('{mailbox} impersonating {mailbox} binds to the message by its old ItemId', async function (this: EwsWorld, login: string, owner: string) {
  const svc = await serviceFor(this, login, owner);
  await this.attempt(() => ews.EmailMessage.Bind(svc, new ews.ItemId(this.results.get('original-id') as string)));
});

// ---- what a mailbox holds afterwards ----

Then('the {folder} of {mailbox} holds {string} as a(n) {word} {word}', async function (this: EwsWorld, folder: string, owner: string, subject: string, read: string, kind: string) {
  assert.equal(this.clientError, undefined, String((this.clientError as Error | undefined)?.message));
  const msg = await mustFind(this, owner, folder, subject);
  assert.equal(msg.IsRead, read === 'read', `IsRead of "${subject}"`);
  assert.equal(msg.IsDraft, kind === 'draft', `IsDraft of "${subject}"`);
});

Then('the {folder} of {mailbox} does not hold {string}', async function (this: EwsWorld, folder: string, owner: string, subject: string) {
  assert.equal(await findMessage(this, owner, folder, subject), undefined, `"${subject}" is in ${owner} ${folder}`);
});

Then('FindItem counts {int} messages in the {folder} of {mailbox}', async function (this: EwsWorld, count: number, folder: string, owner: string) {
  const svc = await serviceFor(this, SUPER_USER, owner);
  const res = await svc.FindItems(await folderIdFor(this, owner, folder), new ews.ItemView(1000));
  assert.equal(res.TotalCount, count);
});

Then('the copy of {string} in the {folder} of {mailbox} has the Bcc recipients {string}', async function (this: EwsWorld, subject: string, folder: string, owner: string, bcc: string) {
  const msg = await mustFind(this, owner, folder, subject);
  assert.deepEqual(msg.BccRecipients.GetEnumerator().map((a) => a.Address), addresses(bcc));
});

Then('the {folder} message {string} of {mailbox} has the categories {string}', async function (this: EwsWorld, folder: string, subject: string, owner: string, categories: string) {
  const msg = await mustFind(this, owner, folder, subject);
  assert.deepEqual(msg.Categories?.GetEnumerator() ?? [], addresses(categories));
});

Then('the response answers {int} ItemId(s) with a ChangeKey', function (this: EwsWorld, count: number) {
  const ids = findAll(this.reply?.doc, 'ItemId');
  assert.equal(ids.length, count, this.reply?.body);
  for (const id of ids) {
    assert.ok(id['@Id'], this.reply?.body);
    assert.ok(id['@ChangeKey'], this.reply?.body);
  }
});

Then('the {folder} message {string} of {mailbox} is addressed to {string}', async function (this: EwsWorld, folder: string, subject: string, owner: string, to: string) {
  const msg = await mustFind(this, owner, folder, subject);
  assert.deepEqual(msg.ToRecipients.GetEnumerator().map((a) => a.Address), addresses(to));
});

// ---- noted ids for raw requests ----

Given('the ItemId and ChangeKey of the {folder} message {string} of {mailbox} are noted as {string}', async function (this: EwsWorld, folder: string, subject: string, owner: string, name: string) {
  const item = (await control.itemsIn(await this.ensureMock(), owner, folder)).find((i) => i.subject === subject);
  assert.ok(item, `no message "${subject}" in ${owner} ${folder}`);
  this.results.set(`noted:${name}`, { id: item.id, changeKey: item.changeKey });
});

Then('the first ItemId in the response is noted as {string}', function (this: EwsWorld, name: string) {
  const id = findAll(this.reply?.doc, 'ItemId')[0] as Record<string, string> | undefined;
  assert.ok(id?.['@Id'], this.reply?.body);
  this.results.set(`noted:${name}`, { id: id['@Id'], changeKey: id['@ChangeKey'] });
});

/** Fills {{id:NAME}}, {{changekey:NAME}}, {{watermark:NAME}} and {{data:NAME}} with what was noted earlier in the scenario. */
function withNotedIds(world: EwsWorld, body: string): string {
  return body.replace(/\{\{(id|changekey|watermark|data):([^}]+)\}\}/g, (_, kind: string, name: string) => {
    const noted = world.results.get(`noted:${name}`) as { id?: string; changeKey?: string; watermark?: string; data?: string } | undefined;
    assert.ok(noted, `nothing noted as "${name}"`);
    const value = kind === 'id' ? noted.id : kind === 'changekey' ? noted.changeKey : kind === 'data' ? noted.data : noted.watermark;
    assert.ok(value !== undefined, `no ${kind} noted as "${name}"`);
    return value;
  });
}

When('{mailbox} impersonating {mailbox} posts, with the noted ids, the SOAP body:', async function (this: EwsWorld, login: string, owner: string, body: string) {
  await this.post(envelope(withNotedIds(this, body), { impersonate: owner }), { auth: [login, DEFAULT_PASSWORD] });
});

When('{mailbox} impersonating {mailbox} speaking {word} posts, with the noted ids, the SOAP body:', async function (this: EwsWorld, login: string, owner: string, version: string, body: string) {
  await this.post(envelope(withNotedIds(this, body), { impersonate: owner, version }), { auth: [login, DEFAULT_PASSWORD] });
});

When('{mailbox} speaking {word} posts, with the noted ids, the SOAP body:', async function (this: EwsWorld, login: string, version: string, body: string) {
  await this.post(envelope(withNotedIds(this, body), { version }), { auth: [login, DEFAULT_PASSWORD] });
});

When('{mailbox} posts, with the noted ids, the SOAP body:', async function (this: EwsWorld, login: string, body: string) {
  await this.post(envelope(withNotedIds(this, body)), { auth: [login, DEFAULT_PASSWORD] });
});

// Two clients acting on the same item at the same moment.
When('{mailbox} impersonating {mailbox} posts, with the noted ids, the SOAP body twice at once:', async function (this: EwsWorld, login: string, owner: string, body: string) {
  const xml = envelope(withNotedIds(this, body), { impersonate: owner });
  const replies = await Promise.all([0, 1].map(() => this.post(xml, { auth: [login, DEFAULT_PASSWORD] })));
  this.results.set('concurrent-codes', replies.map((r) => findAll(r.doc, 'ResponseCode').map((e) => textOf(e)).join(', ')));
});

Then('one answer has the ResponseCode {word} and the other {word}', function (this: EwsWorld, a: string, b: string) {
  assert.deepEqual([...(this.results.get('concurrent-codes') as string[])].sort(), [a, b].sort());
});

Then('the {folder} of {mailbox} holds {int} message(s) {string}', async function (this: EwsWorld, folder: string, owner: string, count: number, subject: string) {
  const svc = await serviceFor(this, SUPER_USER, owner);
  const res = await svc.FindItems(await folderIdFor(this, owner, folder), new ews.ItemView(1000));
  assert.equal(res.Items.filter((i) => i.Subject === subject).length, count);
});

/** "within the last minute", or an ISO time to the second ("2026-01-05T08:59:00Z"). */
function assertTime(what: string, actual: Date, expected: string): void {
  if (expected === 'within the last minute') {
    const age = Date.now() - actual.getTime();
    assert.ok(age >= -1000 && age < 60_000, `${what} ${actual.toISOString()} is not within the last minute`);
  } else assert.equal(actual.toISOString().replace(/\.000Z$/, 'Z'), expected, what);
}

Then('the {folder} of {mailbox} holds {string} sent {}, received {}', async function (this: EwsWorld, folder: string, owner: string, subject: string, sent: string, received: string) {
  const svc = await serviceFor(this, SUPER_USER, owner);
  const res = await svc.FindItems(await folderIdFor(this, owner, folder), new ews.ItemView(1000));
  const found = res.Items.filter((i) => i.Subject === subject);
  assert.equal(found.length, 1, `${found.length} messages "${subject}"`);
  assertTime('DateTimeSent', new Date(found[0].DateTimeSent.ToISOString()), sent.replace(/^at /, ''));
  assertTime('DateTimeReceived', new Date(found[0].DateTimeReceived.ToISOString()), received.replace(/^at /, ''));
});

// ---- changes made by someone else (through the mock's admin API) ----

Given('a message {string} arrives in the {folder} of {mailbox}', async function (this: EwsWorld, subject: string, folder: string, owner: string) {
  await control.deliverMessage(await this.ensureMock(), owner, folder, subject);
});

When('the message {string} is deleted from the {folder} of {mailbox}', async function (this: EwsWorld, subject: string, folder: string, owner: string) {
  await control.deleteMessage(await this.ensureMock(), owner, folder, subject);
});

When('the folder {string} of {mailbox} is deleted', async function (this: EwsWorld, path: string, owner: string) {
  await control.deleteFolder(await this.ensureMock(), owner, path);
});

When('the folder {string} of {mailbox} is renamed to {string}', async function (this: EwsWorld, path: string, owner: string, name: string) {
  await control.renameFolder(await this.ensureMock(), owner, path, name);
});

When('the folder {string} of {mailbox} is moved under {folder}', async function (this: EwsWorld, path: string, owner: string, parent: string) {
  await control.moveFolder(await this.ensureMock(), owner, path, parent);
});

When('a folder {string} is created under {folder} of {mailbox}', async function (this: EwsWorld, name: string, parent: string, owner: string) {
  await control.createFolder(await this.ensureMock(), owner, parent, name);
});
