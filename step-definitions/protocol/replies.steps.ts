import { Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import * as ews from 'ews-javascript-api';
import type { EwsWorld } from '../support/world';
import { SUPER_USER } from '../support/accounts';
import { folderIdFor, serviceFor } from './sync.steps';

/**
 * Replies and forwards through ews-javascript-api (EmailMessage.Reply, ReplyAll, Forward,
 * CreateReply): CreateItem with t:ReplyToItem, t:ReplyAllToItem or t:ForwardItem.
 */

async function message(world: EwsWorld, owner: string, folder: string, subject: string): Promise<ews.EmailMessage> {
  const svc = await serviceFor(world, SUPER_USER, owner);
  const res = await svc.FindItems(await folderIdFor(world, owner, folder), new ews.ItemView(1000));
  const found = res.Items.find((i) => i.Subject === subject);
  assert.ok(found, `no message "${subject}" in ${owner} ${folder}`);
  const set = new ews.PropertySet(ews.BasePropertySet.FirstClassProperties, [ews.EmailMessageSchema.InternetMessageId]);
  const msg = await ews.EmailMessage.Bind(svc, found.Id, set);
  world.results.set(`message-id:${subject}`, msg.InternetMessageId);
  return msg;
}

When('{mailbox} replies to the {folder} message {string} with {string}', async function (this: EwsWorld, owner: string, folder: string, subject: string, text: string) {
  const msg = await message(this, owner, folder, subject);
  await this.attempt(() => msg.Reply(new ews.MessageBody(ews.BodyType.Text, text), false));
});

When('{mailbox} replies to all of the {folder} message {string} with {string}', async function (this: EwsWorld, owner: string, folder: string, subject: string, text: string) {
  const msg = await message(this, owner, folder, subject);
  await this.attempt(() => msg.Reply(new ews.MessageBody(ews.BodyType.Text, text), true));
});

When('{mailbox} forwards the {folder} message {string} to {mailbox} with {string}', async function (this: EwsWorld, owner: string, folder: string, subject: string, to: string, text: string) {
  const msg = await message(this, owner, folder, subject);
  await this.attempt(() => msg.Forward(new ews.MessageBody(ews.BodyType.Text, text), [new ews.EmailAddress(to)]));
});

When('{mailbox} saves a reply to the {folder} message {string} with {string}', async function (this: EwsWorld, owner: string, folder: string, subject: string, text: string) {
  const msg = await message(this, owner, folder, subject);
  const reply = msg.CreateReply(false);
  reply.BodyPrefix = new ews.MessageBody(ews.BodyType.Text, text);
  this.results.set('saved-reply', await this.attempt(() => reply.Save()));
});

Then('the saved reply is a draft {string} to {string}', async function (this: EwsWorld, subject: string, to: string) {
  assert.equal(this.clientError, undefined, String((this.clientError as Error | undefined)?.message));
  const saved = this.results.get('saved-reply') as ews.EmailMessage | undefined;
  assert.ok(saved?.Id?.UniqueId, 'CreateItem answered no ItemId for the saved reply');
  const back = await ews.EmailMessage.Bind(saved.Service, saved.Id, new ews.PropertySet(ews.BasePropertySet.FirstClassProperties));
  assert.equal(back.Subject, subject);
  assert.equal(back.IsDraft, true);
  assert.deepEqual(back.ToRecipients.GetEnumerator().map((a) => a.Address), [to]);
});

Then('the {folder} message {string} of {mailbox} answers {string}, is addressed to {string} and copied to {string}', async function (this: EwsWorld, folder: string, subject: string, owner: string, original: string, to: string, cc: string) {
  const msg = await message(this, owner, folder, subject);
  const originalId = this.results.get(`message-id:${original}`);
  assert.ok(originalId, `the Message-ID of "${original}" was not read`);
  assert.equal(msg.InReplyTo, originalId);
  const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
  assert.deepEqual(msg.ToRecipients.GetEnumerator().map((a) => a.Address), list(to));
  assert.deepEqual(msg.CcRecipients.GetEnumerator().map((a) => a.Address), list(cc));
});
