import { Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import * as ews from 'ews-javascript-api';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD, SUPER_USER } from '../support/accounts';

// An unchanged item must give the same MIME bytes on every read: clients hash or cache them.
Then('reading the MIME content of that message again as {mailbox} gives the same bytes', async function (this: EwsWorld, target: string) {
  const first = this.results.get('message') as ews.EmailMessage;
  assert.ok(first?.MimeContent, 'no MIME content was read first');
  const svc = await this.service(SUPER_USER, DEFAULT_PASSWORD, target);
  const set = new ews.PropertySet(ews.BasePropertySet.IdOnly, [ews.ItemSchema.MimeContent]);
  const again = await ews.EmailMessage.Bind(svc, first.Id, set);
  assert.equal(again.MimeContent.Content, first.MimeContent.Content);
});
