import { After, Given, Then, When, DataTable } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as ews from 'ews-javascript-api';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD } from '../support/accounts';
import { envelope, findAll, parseReply, textOf } from '../support/soap';
import { folderIdFor } from './sync.steps';

/**
 * Push notifications: a listener of the scenario's own receives the SendNotification requests the
 * mock posts, and answers SubscriptionStatus OK or Unsubscribe (or HTTP 500, as a broken listener).
 */

interface Listener {
  server: http.Server;
  url: string;
  answer: 'OK' | 'Unsubscribe' | 'failure';
  received: string[];
}

function listener(world: EwsWorld): Listener {
  const l = world.results.get('push-listener') as Listener | undefined;
  assert.ok(l, 'no push listener was started');
  return l;
}

Given('a push listener that answers {word}', async function (this: EwsWorld, answer: string) {
  assert.ok(['OK', 'Unsubscribe', 'failure'].includes(answer), `OK, Unsubscribe or failure, not ${answer}`);
  const l = { answer, received: [] } as unknown as Listener;
  l.server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      l.received.push(body);
      if (l.answer === 'failure') return void res.writeHead(500).end();
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' }).end(
        `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>` +
          `<SendNotificationResult xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"><SubscriptionStatus>${l.answer}</SubscriptionStatus></SendNotificationResult>` +
          `</soap:Body></soap:Envelope>`,
      );
    });
  });
  await new Promise<void>((r) => l.server.listen(0, '127.0.0.1', r));
  l.url = `http://127.0.0.1:${(l.server.address() as AddressInfo).port}/listener`;
  this.results.set('push-listener', l);
});

Then('the listener has refused a post within {int} seconds', async function (this: EwsWorld, seconds: number) {
  const l = listener(this);
  assert.equal(l.answer, 'failure');
  await until(() => l.received.length > 0, 'nothing was posted', seconds * 1000);
});

Then('the listener received {int} posts in all', function (this: EwsWorld, count: number) {
  assert.equal(listener(this).received.length, count);
});

When('the push listener now answers {word}', function (this: EwsWorld, answer: string) {
  listener(this).answer = answer as Listener['answer'];
});

After(async function (this: EwsWorld) {
  const l = this.results.get('push-listener') as Listener | undefined;
  if (l) await new Promise((r) => l.server.close(r));
});

When('{mailbox} impersonating {mailbox} subscribes the listener to push {string} in {folder} every {int} minute(s)', async function (this: EwsWorld, login: string, owner: string, types: string, folder: string, minutes: number) {
  const l = listener(this);
  const svc = await this.service(login, DEFAULT_PASSWORD, owner);
  const known: Record<string, ews.EventType> = { NewMailEvent: ews.EventType.NewMail, CreatedEvent: ews.EventType.Created, DeletedEvent: ews.EventType.Deleted, ModifiedEvent: ews.EventType.Modified, MovedEvent: ews.EventType.Moved };
  const eventTypes = types.split(',').map((t) => known[t.trim()]);
  const folderId = await folderIdFor(this, owner, folder);
  const sub = await this.attempt(() => svc.SubscribeToPushNotifications([folderId], new ews.Uri(l.url), minutes, null!, ...eventTypes));
  assert.equal(this.clientError, undefined, String((this.clientError as Error | undefined)?.message));
  this.results.set('push-subscription', sub);
  this.results.set('push-owner', owner);
});

async function until(check: () => boolean | Promise<boolean>, failure: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(failure);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The events of a posted SendNotification: [type, subject or folder path, folder path]. */
async function eventsOf(world: EwsWorld, body: string): Promise<string[][]> {
  const admin = (await world.ensureMock()).admin;
  const owner = world.results.get('push-owner') as string;
  const items = await admin.allItems(owner, {});
  const folders = (await admin.mailbox(owner)).folders;
  const name = (id?: string) => items.find((i) => i.id === id)?.subject ?? folders.find((f) => f.id === id)?.path ?? '(unknown)';
  const note = findAll(parseReply(body), 'Notification')[0] ?? {};
  const rows: string[][] = [];
  for (const [key, value] of Object.entries(note)) {
    if (!key.endsWith('Event') || key === 'StatusEvent') continue;
    for (const e of value as Record<string, unknown>[]) {
      const id = (findAll(e, 'ItemId')[0] ?? findAll(e, 'FolderId')[0])?.['@Id'] as string | undefined;
      const parent = findAll(e, 'ParentFolderId')[0]?.['@Id'] as string | undefined;
      rows.push([key, name(id), name(parent)]);
    }
  }
  return rows;
}

Then('the listener receives, within {int} seconds, a notification of:', async function (this: EwsWorld, seconds: number, table: DataTable) {
  const l = listener(this);
  const want = table.raw();
  let got: string[][] = [];
  await until(async () => {
    for (const body of l.received) {
      got = await eventsOf(this, body);
      if (got.length > 0) return true;
    }
    return false;
  }, `no notification with events arrived (${l.received.length} posted)`, seconds * 1000);
  assert.deepEqual(got, want);
});

Then('the listener receives a StatusEvent for the subscription within {int} seconds', async function (this: EwsWorld, seconds: number) {
  const l = listener(this);
  const sub = this.results.get('push-subscription') as ews.PushSubscription;
  await until(
    () => l.received.some((b) => findAll(parseReply(b), 'StatusEvent').length > 0 && textOf(findAll(parseReply(b), 'SubscriptionId')[0]) === sub.Id),
    'no StatusEvent arrived',
    seconds * 1000,
  );
});

Then('the mock ends the push subscription within {int} seconds', async function (this: EwsWorld, seconds: number) {
  const sub = this.results.get('push-subscription') as ews.PushSubscription;
  const admin = (await this.ensureMock()).admin;
  await until(async () => !(await admin.subscriptions()).some((s) => s.id === sub.Id), 'the subscription is still there', seconds * 1000);
  const posted = listener(this).received.length;
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(listener(this).received.length, posted, 'the mock still posts to the listener');
});

When('{mailbox} impersonating {mailbox} sends Unsubscribe for the push subscription', async function (this: EwsWorld, login: string, target: string) {
  const sub = this.results.get('push-subscription') as ews.PushSubscription;
  await this.post(envelope(`<m:Unsubscribe><m:SubscriptionId>${sub.Id}</m:SubscriptionId></m:Unsubscribe>`, { impersonate: target }), { auth: [login, DEFAULT_PASSWORD] });
});

Then('the push subscription is still listed by the admin API', async function (this: EwsWorld) {
  const sub = this.results.get('push-subscription') as ews.PushSubscription;
  const listed = await (await this.ensureMock()).admin.subscriptions();
  assert.ok(listed.some((s) => s.id === sub.Id && s.kind === 'push'), JSON.stringify(listed));
});

When('the push subscription is expired through the admin API', async function (this: EwsWorld) {
  const sub = this.results.get('push-subscription') as ews.PushSubscription;
  assert.equal((await (await this.ensureMock()).admin.expireSubscription(sub.Id)).expired, true);
});

Then('the mock posts nothing more to the listener over {int} ms', async function (this: EwsWorld, ms: number) {
  const l = listener(this);
  // A post already under way when the subscription ended may still land.
  await new Promise((r) => setTimeout(r, 100));
  const posted = l.received.length;
  await new Promise((r) => setTimeout(r, ms));
  assert.equal(l.received.length, posted, 'the mock still posts to the listener');
});
