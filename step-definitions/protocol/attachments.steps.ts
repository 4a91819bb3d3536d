import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import * as ews from 'ews-javascript-api';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD, SUPER_USER } from '../support/accounts';
import { findAll } from '../support/soap';
import { folderIdFor, serviceFor } from './sync.steps';

/**
 * Attachments added to and removed from stored items (CreateAttachment, DeleteAttachment) and
 * stored messages sent (SendItem), through ews-javascript-api and as raw requests.
 */

When(
  '{mailbox} speaking {word} sends {mailbox} the message {string} with the attachment {string} holding {string}',
  async function (this: EwsWorld, sender: string, version: string, to: string, subject: string, name: string, text: string) {
    const speaks = ews.ExchangeVersion[version as keyof typeof ews.ExchangeVersion];
    assert.ok(speaks !== undefined, `unknown ExchangeVersion ${version}`);
    const admin = await this.admin();
    const before = (await admin.requestCount()).lastId;
    const svc = await this.service(SUPER_USER, DEFAULT_PASSWORD, sender, speaks);
    const msg = new ews.EmailMessage(svc);
    msg.Subject = subject;
    msg.Body = new ews.MessageBody(ews.BodyType.Text, `${subject}\r\n`);
    msg.ToRecipients.Add(to);
    const file = msg.Attachments.AddFileAttachment(name, Buffer.from(text, 'utf8').toString('base64'));
    file.ContentType = 'text/plain';
    await this.attempt(() => msg.SendAndSaveCopy());
    this.results.set('sent-operations', (await admin.journal({ after: before })).map((r) => r.operation));
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
