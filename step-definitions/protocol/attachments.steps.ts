import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import * as ews from 'ews-javascript-api';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD, SUPER_USER } from '../support/accounts';
import { findAll, textOf } from '../support/soap';
import { folderIdFor, serviceFor } from './sync.steps';

/**
 * Attachments added to and removed from stored items (CreateAttachment, DeleteAttachment) and
 * stored messages sent (SendItem), through ews-javascript-api and as raw requests.
 */

/**
 * Sends a new message through ews-javascript-api speaking `version` (which decides whether
 * attachments go inside CreateItem or follow with CreateAttachment) and notes the operations sent.
 */
async function sendWith(world: EwsWorld, sender: string, version: string, to: string, subject: string, body: string, attach: (msg: ews.EmailMessage) => void): Promise<void> {
  const speaks = ews.ExchangeVersion[version as keyof typeof ews.ExchangeVersion];
  assert.ok(speaks !== undefined, `unknown ExchangeVersion ${version}`);
  const admin = await world.admin();
  const before = (await admin.requestCount()).lastId;
  const svc = await world.service(SUPER_USER, DEFAULT_PASSWORD, sender, speaks);
  const msg = new ews.EmailMessage(svc);
  msg.Subject = subject;
  msg.Body = new ews.MessageBody(ews.BodyType.Text, body);
  msg.ToRecipients.Add(to);
  attach(msg);
  await world.attempt(() => msg.SendAndSaveCopy());
  world.results.set('sent-operations', (await admin.journal({ after: before })).map((r) => r.operation));
}

When(
  '{mailbox} speaking {word} sends {mailbox} the message {string} with the attachment {string} holding {string}',
  async function (this: EwsWorld, sender: string, version: string, to: string, subject: string, name: string, text: string) {
    await sendWith(this, sender, version, to, subject, `${subject}\r\n`, (msg) => {
      const file = msg.Attachments.AddFileAttachment(name, Buffer.from(text, 'utf8').toString('base64'));
      file.ContentType = 'text/plain';
    });
  },
);

When(
  '{mailbox} speaking {word} sends {mailbox} the message {string} with the attached message {string} saying {string}',
  async function (this: EwsWorld, sender: string, version: string, to: string, subject: string, innerSubject: string, innerText: string) {
    await sendWith(this, sender, version, to, subject, 'The original is attached.', (msg) => {
      const attached = msg.Attachments.AddItemAttachment<ews.EmailMessage>(ews.EmailMessage as unknown as typeof ews.Item, 'Message');
      attached.Name = innerSubject;
      attached.Item.Subject = innerSubject;
      attached.Item.Body = new ews.MessageBody(ews.BodyType.Text, innerText);
      (attached.Item as ews.EmailMessage).ToRecipients.Add(sender);
    });
  },
);

Then('the client sent the operations {string}', function (this: EwsWorld, list: string) {
  assert.equal(this.clientError, undefined, String((this.clientError as Error | undefined)?.message));
  assert.deepEqual(this.results.get('sent-operations'), list.split(',').map((s) => s.trim()));
});

Given('the AttachmentId of {string} on the {folder} message {string} of {mailbox} is noted as {string}', async function (this: EwsWorld, name: string, folder: string, subject: string, owner: string, noteAs: string) {
  const svc = await serviceFor(this, SUPER_USER, owner);
  const res = await svc.FindItems(await folderIdFor(this, owner, folder), new ews.ItemView(1000));
  const found = res.Items.find((i) => i.Subject === subject);
  assert.ok(found, `no message "${subject}" in ${owner} ${folder}`);
  const msg = await ews.EmailMessage.Bind(svc, found.Id, new ews.PropertySet(ews.BasePropertySet.FirstClassProperties));
  const attachment = msg.Attachments.GetEnumerator().find((a: ews.Attachment) => a.Name === name);
  assert.ok(attachment, `no attachment ${name} on "${subject}"`);
  // {{id:NAME}} is the attachment; the item it is on is remembered for the checks that follow.
  this.results.set(`noted:${noteAs}`, { id: attachment.Id, changeKey: msg.Id.ChangeKey, itemId: msg.Id.UniqueId });
});

/** RootItemId/RootItemChangeKey attributes on the first `element` of the response against the store. */
Then('the first {word} in the response names the noted item {string} of {mailbox} with its new ChangeKey', async function (this: EwsWorld, element: string, name: string, owner: string) {
  assert.equal(this.reply?.status, 200, this.reply?.body);
  const noted = this.results.get(`noted:${name}`) as { id: string; changeKey: string; itemId?: string } | undefined;
  assert.ok(noted, `nothing noted as "${name}"`);
  const itemId = noted.itemId ?? noted.id;
  const el = findAll(this.reply?.doc, element)[0];
  assert.ok(el, this.reply?.body);
  assert.equal(el['@RootItemId'], itemId);
  const items = await (await this.ensureMock()).admin.allItems(owner, {});
  const current = items.find((i) => i.id === itemId);
  assert.ok(current, 'the item is no longer in the store');
  assert.notEqual(current.changeKey, noted.changeKey, 'the ChangeKey did not change');
  assert.equal(el['@RootItemChangeKey'], current.changeKey);
});

/** Nothing was written to the item: its ChangeKey is still the one noted before the request. */
Then('the {folder} message {string} of {mailbox} still has the noted ChangeKey {string}', async function (this: EwsWorld, folder: string, subject: string, owner: string, name: string) {
  const noted = this.results.get(`noted:${name}`) as { changeKey: string } | undefined;
  assert.ok(noted, `nothing noted as "${name}"`);
  const item = (await (await this.ensureMock()).admin.allItems(owner, { folder })).find((i) => i.subject === subject);
  assert.ok(item, `no message "${subject}" in ${owner} ${folder}`);
  assert.equal(item.changeKey, noted.changeKey);
});

When('ews-javascript-api loads the attached message {string} of the message', async function (this: EwsWorld, name: string) {
  const m = this.results.get('message') as ews.EmailMessage;
  const attachment = m.Attachments.GetEnumerator().find((a: ews.Attachment) => a.Name === name);
  assert.ok(attachment instanceof ews.ItemAttachment, `no attached message ${name}`);
  const admin = await this.admin();
  const before = (await admin.requestCount()).lastId;
  await this.attempt(() => attachment.Load());
  this.results.set('sent-operations', (await admin.journal({ after: before })).map((r) => r.operation));
});

Then('the client fails before sending anything, with {string}', function (this: EwsWorld, message: string) {
  const err = this.clientError as Error | undefined;
  assert.ok(err, 'the client did not fail');
  assert.equal(err.message, message);
  assert.deepEqual(this.results.get('sent-operations'), []);
});

/** The first direct child named `local` of a parsed element (every element parses as a list). */
function child(el: Record<string, unknown>, local: string): unknown {
  const v = el[local];
  return Array.isArray(v) ? v[0] : v;
}

/** An element's text: an element without attributes parses as its bare value. */
function leafText(v: unknown): string | undefined {
  return v !== null && typeof v === 'object' ? textOf(v as Record<string, unknown>) : v === undefined ? undefined : String(v);
}

/** The t:ItemAttachment of a GetAttachment answer: its name and the attached t:Message. */
function attachedMessage(world: EwsWorld, name: string): Record<string, unknown> {
  assert.equal(world.reply?.status, 200, world.reply?.body);
  const attachment = findAll(world.reply?.doc, 'ItemAttachment')[0];
  assert.ok(attachment, world.reply?.body);
  assert.equal(leafText(child(attachment, 'Name')), name);
  const message = child(attachment, 'Message') as Record<string, unknown> | undefined;
  assert.ok(message, `no t:Message in the ItemAttachment: ${world.reply?.body}`);
  return message;
}

Then('the response holds the attached message {string} with the subject {string} and a body containing {string}', function (this: EwsWorld, name: string, subject: string, text: string) {
  const message = attachedMessage(this, name);
  assert.equal(leafText(child(message, 'Subject')), subject);
  assert.ok(leafText(child(message, 'Body'))?.includes(text), JSON.stringify(message.Body));
  // An attached item is not a store item: no ItemId, no folder.
  assert.equal(message.ItemId, undefined);
  assert.equal(message.ParentFolderId, undefined);
});

/** The attachments the attached message in the response lists, as [element, name, AttachmentId]. */
function nestedAttachments(world: EwsWorld, name: string): [string, string, string][] {
  const list = child(attachedMessage(world, name), 'Attachments') as Record<string, unknown> | undefined;
  if (!list) return [];
  return Object.entries(list)
    .filter(([k]) => !k.startsWith('@') && k !== '#text')
    .flatMap(([k, v]) => (v as Record<string, unknown>[]).map((a) => [k.replace(/^.*:/, ''), leafText(child(a, 'Name')) ?? '', String((child(a, 'AttachmentId') as Record<string, string> | undefined)?.['@Id'] ?? '')] as [string, string, string]));
}

Then('the attached message {string} in the response lists its own attachments:', function (this: EwsWorld, name: string, table: { raw(): string[][] }) {
  const listed = nestedAttachments(this, name);
  assert.deepEqual(listed.map(([kind, n]) => [kind, n]), table.raw());
  for (const [, n, id] of listed) assert.ok(id, `no AttachmentId for ${n}`);
});

Then('the AttachmentId of {string} inside the attached message {string} in the response is noted as {string}', function (this: EwsWorld, inner: string, name: string, noteAs: string) {
  const found = nestedAttachments(this, name).find(([, n]) => n === inner);
  assert.ok(found, `no attachment "${inner}" inside "${name}"`);
  this.results.set(`noted:${noteAs}`, { id: found[2] });
});

// A forged id: what a client could send by editing an AttachmentId (base64 of the mock's id text).
Given('the noted id {string} with {string} appended is noted as {string}', function (this: EwsWorld, name: string, suffix: string, noteAs: string) {
  const noted = this.results.get(`noted:${name}`) as { id: string } | undefined;
  assert.ok(noted, `nothing noted as "${name}"`);
  this.results.set(`noted:${noteAs}`, { id: Buffer.from(Buffer.from(noted.id, 'base64').toString('utf8') + suffix, 'utf8').toString('base64') });
});

Then('the response holds the file {string} with the content {string}', function (this: EwsWorld, name: string, content: string) {
  assert.equal(this.reply?.status, 200, this.reply?.body);
  const file = findAll(this.reply?.doc, 'FileAttachment')[0];
  assert.ok(file, this.reply?.body);
  assert.equal(leafText(child(file, 'Name')), name);
  assert.equal(Buffer.from(leafText(child(file, 'Content')) ?? '', 'base64').toString('utf8'), content);
});

Then('the attached message {string} in the response has MIME content with the header {string}', function (this: EwsWorld, name: string, header: string) {
  const mime = leafText(child(attachedMessage(this, name), 'MimeContent'));
  assert.ok(mime, 'no MimeContent');
  const text = Buffer.from(mime, 'base64').toString('utf8');
  assert.ok(text.split(/\r?\n/).includes(header), text.slice(0, 600));
});

Then('the message has one attachment named {string} of type {string}', function (this: EwsWorld, name: string, type: string) {
  assert.equal(this.clientError, undefined, String((this.clientError as Error | undefined)?.message));
  const m = this.results.get('message') as ews.EmailMessage;
  assert.equal(m.HasAttachments, true);
  const list = m.Attachments.GetEnumerator().map((a: ews.Attachment) => [a.constructor.name, a.Name, a.ContentType]);
  assert.deepEqual(list, [['ItemAttachment', name, type]]);
});
