import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import type { EwsWorld } from '../support/world';
import { envelope } from '../support/soap';
import { XmlNode } from '../../mock-ews/src/soap/xml-writer';
import type { Item, MessageData } from '../../mock-ews/src/store/types';

/**
 * Steps that pin the mock's response bytes exactly, so a change in how responses are written
 * (escaping, empty elements, namespace declarations) shows up as a failing scenario. The message
 * is put straight into the store with fixed dates, so nothing in the answer depends on the clock.
 */

const SENT = new Date('2024-03-01T09:30:00Z');

function message(subject: string): MessageData {
  return {
    subject,
    from: { name: 'Outside Sender', address: 'sender@outside.test' },
    to: [{ name: '', address: 'alice@acme.test' }],
    cc: [],
    bcc: [],
    replyTo: [],
    dateTimeSent: SENT,
    dateTimeReceived: SENT,
    internetMessageId: '<bytes-1@outside.test>',
    importance: 'Normal',
    isRead: false,
    isDraft: false,
    categories: [],
    body: { text: 'Hello\r\n' },
    attachments: [],
    headers: [],
    itemClass: 'IPM.Note',
  };
}

Given('{mailbox} has an Inbox message whose subject is this JSON string:', async function (this: EwsWorld, smtp: string, json: string) {
  const mock = await this.ensureMock();
  const store = mock.state.store;
  const mailbox = store.mailbox(smtp)!;
  const inbox = store.folder(mailbox, mailbox.distinguished.get('inbox')!)!;
  const subject = JSON.parse(json) as unknown;
  assert.equal(typeof subject, 'string');
  this.results.set('bytes:item', store.addItem(mailbox, inbox, message(subject as string), SENT));
});

When('{mailbox} gets that message with BaseShape IdOnly and its Subject', async function (this: EwsWorld, smtp: string) {
  const item = this.results.get('bytes:item') as Item;
  await this.post(
    envelope(
      `<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:Subject"/></t:AdditionalProperties></m:ItemShape>` +
        `<m:ItemIds><t:ItemId Id="${item.id}"/></m:ItemIds></m:GetItem>`,
    ),
    { auth: [smtp, 'Passw0rd!'] },
  );
});

/** {ItemId} and {ChangeKey} in the expected text stand for the message the scenario stored. */
Then('the response body is exactly:', function (this: EwsWorld, expected: string) {
  const item = this.results.get('bytes:item') as Item | undefined;
  const want = item ? expected.replaceAll('{ItemId}', item.id).replaceAll('{ChangeKey}', item.changeKey) : expected;
  assert.equal(this.reply?.body, want);
});

When('an element {word} gets the attribute {word} with this JSON string value:', function (this: EwsWorld, name: string, attribute: string, json: string) {
  this.results.set('bytes:node', new XmlNode(name).att(attribute, JSON.parse(json) as string));
});

When('the element gets the text of this JSON string:', function (this: EwsWorld, json: string) {
  (this.results.get('bytes:node') as XmlNode).txt(JSON.parse(json) as string);
});

Then('the element is written as:', function (this: EwsWorld, expected: string) {
  assert.equal(String(this.results.get('bytes:node')), expected);
});
