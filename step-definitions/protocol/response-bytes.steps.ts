import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import type { EwsWorld } from '../support/world';
import { envelope } from '../support/soap';
import { XmlDocument, XmlNode } from '../../mock-ews/src/soap/xml-writer';
import type { ItemSummary, MessageInput } from '../../mock-ews/src/client/admin-client';

/**
 * Steps that pin the mock's response bytes exactly, so a change in how responses are written
 * (escaping, empty elements, namespace declarations) shows up as a failing scenario. The message
 * is delivered through the admin API with fixed dates and Message-ID, so nothing in the answer
 * depends on the clock.
 */

const SENT = '2024-03-01T09:30:00Z';

function message(subject: string): MessageInput {
  return {
    subject,
    from: { name: 'Outside Sender', address: 'sender@outside.test' },
    to: [{ name: '', address: 'alice@acme.test' }],
    sent: SENT,
    received: SENT,
    messageId: '<bytes-1@outside.test>',
    text: 'Hello\r\n',
  };
}

Given('{mailbox} has an Inbox message whose subject is this JSON string:', async function (this: EwsWorld, smtp: string, json: string) {
  const subject = JSON.parse(json) as unknown;
  assert.equal(typeof subject, 'string');
  const item = await (await this.admin()).deliver(smtp, 'inbox', message(subject as string));
  assert.equal(item.subject, subject);
  this.results.set('bytes:item', item);
});

When('{mailbox} gets that message with BaseShape IdOnly and its Subject', async function (this: EwsWorld, smtp: string) {
  const item = this.results.get('bytes:item') as ItemSummary;
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
  const item = this.results.get('bytes:item') as ItemSummary | undefined;
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

Given('a response document whose root element {word} holds {int} {string} characters as one text run', function (this: EwsWorld, name: string, count: number, char: string) {
  const doc = new XmlDocument(name);
  doc.root.txt(char.repeat(count));
  this.results.set('bytes:doc', doc);
});

When('the root element gets the text runs of this JSON array:', function (this: EwsWorld, json: string) {
  const runs = JSON.parse(json) as unknown;
  assert.ok(Array.isArray(runs) && runs.every((r) => typeof r === 'string'), 'expected a JSON array of strings');
  const doc = this.results.get('bytes:doc') as XmlDocument;
  for (const run of runs as string[]) doc.root.txt(run);
});

/** The bytes an answer is sent as (XmlDocument.bytes, encoded in parts) against the document's text. */
Then('the document encoded as UTF-8 reads back as its text, ending in {string}', function (this: EwsWorld, ending: string) {
  const doc = this.results.get('bytes:doc') as XmlDocument;
  const decoded = doc.bytes().toString('utf8');
  assert.ok(!decoded.includes('\uFFFD'), 'the encoded document holds U+FFFD replacement characters');
  assert.equal(decoded, doc.end());
  assert.ok(decoded.endsWith(ending), `the document ends with ${JSON.stringify(decoded.slice(-ending.length - 10))}`);
});

// ---- MIME of an item version (mime/item-mime.ts caches it per ItemId and ChangeKey) ----

function storedItem(world: EwsWorld): ItemSummary {
  const item = world.results.get('bytes:item') as ItemSummary | undefined;
  assert.ok(item, 'no message was stored by this scenario');
  return item;
}

function mimeReads(world: EwsWorld): string[] {
  let reads = world.results.get('bytes:mime') as string[] | undefined;
  if (!reads) world.results.set('bytes:mime', (reads = []));
  return reads;
}

When('{mailbox} reads the MIME content of that message', async function (this: EwsWorld, smtp: string) {
  const reply = await this.post(
    envelope(
      `<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:IncludeMimeContent>true</t:IncludeMimeContent></m:ItemShape>` +
        `<m:ItemIds><t:ItemId Id="${storedItem(this).id}"/></m:ItemIds></m:GetItem>`,
    ),
    { auth: [smtp, 'Passw0rd!'] },
  );
  const base64 = /<t:MimeContent CharacterSet="UTF-8">([A-Za-z0-9+/=]+)<\/t:MimeContent>/.exec(reply.body)?.[1];
  assert.ok(base64, reply.body.slice(0, 1500));
  mimeReads(this).push(Buffer.from(base64, 'base64').toString('utf8'));
});

When('{mailbox} sets the subject of that message to {string}', async function (this: EwsWorld, smtp: string, subject: string) {
  const reply = await this.post(
    envelope(
      `<m:UpdateItem MessageDisposition="SaveOnly" ConflictResolution="AlwaysOverwrite"><m:ItemChanges><t:ItemChange>` +
        `<t:ItemId Id="${storedItem(this).id}"/><t:Updates><t:SetItemField><t:FieldURI FieldURI="item:Subject"/>` +
        `<t:Message><t:Subject>${subject}</t:Subject></t:Message></t:SetItemField></t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>`,
    ),
    { auth: [smtp, 'Passw0rd!'] },
  );
  assert.match(reply.body, /<m:ResponseCode>NoError<\/m:ResponseCode>/, reply.body.slice(0, 1500));
});

Then('MIME read {int} has the header {string}', function (this: EwsWorld, n: number, header: string) {
  const text = mimeReads(this)[n - 1];
  assert.ok(text !== undefined, `only ${mimeReads(this).length} MIME reads`);
  assert.ok(text.split('\r\n').includes(header), text.slice(0, 800));
});

Then('MIME reads {int} and {int} are the same bytes', function (this: EwsWorld, a: number, b: number) {
  const reads = mimeReads(this);
  assert.ok(reads[a - 1] !== undefined && reads[b - 1] !== undefined, `only ${reads.length} MIME reads`);
  assert.equal(reads[b - 1], reads[a - 1]);
});
