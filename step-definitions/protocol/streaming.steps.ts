import { Given, Then, When, DataTable } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import * as ews from 'ews-javascript-api';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD } from '../support/accounts';
import { envelope } from '../support/soap';
import { folderIdFor } from './sync.steps';

/**
 * Streaming notifications: through ews-javascript-api's StreamingSubscriptionConnection, and as the
 * raw parts of a GetStreamingEvents answer (each part one whole envelope).
 */

Given('the mock streams a heartbeat every {int} ms and counts a minute of connection time as {int} ms', function (this: EwsWorld, heartbeatMs: number, minuteMs: number) {
  if (this.mock) throw new Error('streaming timing must be set before the mock starts');
  this.mockOptions.streaming = { heartbeatMs, minuteMs };
});

When('{mailbox} impersonating {mailbox} subscribes to streaming {string} in {folder}', async function (this: EwsWorld, login: string, owner: string, types: string, folder: string) {
  const svc = await this.service(login, DEFAULT_PASSWORD, owner);
  const folderId = await folderIdFor(this, owner, folder);
  const sub = await this.attempt(() => svc.SubscribeToStreamingNotifications([folderId], ...types.split(',').map((t) => eventType(t.trim()))));
  assert.equal(this.clientError, undefined, String((this.clientError as Error | undefined)?.message));
  this.results.set('streaming', { service: svc, subscription: sub, owner, events: [] as ews.NotificationEvent[], disconnects: 0, errors: [] as [string, string][] });
});

function eventType(name: string): ews.EventType {
  const types: Record<string, ews.EventType> = { NewMailEvent: ews.EventType.NewMail, CreatedEvent: ews.EventType.Created, DeletedEvent: ews.EventType.Deleted, ModifiedEvent: ews.EventType.Modified, MovedEvent: ews.EventType.Moved };
  assert.ok(name in types, `unknown event type ${name}`);
  return types[name];
}

interface Streaming {
  service: ews.ExchangeService;
  subscription: ews.StreamingSubscription;
  owner: string;
  events: ews.NotificationEvent[];
  disconnects: number;
  /** Subscription errors the connection reported: [SubscriptionId, ResponseCode]. */
  errors: [string, string][];
  connection?: ews.StreamingSubscriptionConnection;
}

function streaming(world: EwsWorld): Streaming {
  const s = world.results.get('streaming') as Streaming | undefined;
  assert.ok(s, 'no streaming subscription was made');
  return s;
}

/** Opens an ews-javascript-api connection for the subscription; its events and errors go to `s`. */
function openConnection(s: Streaming, minutes: number): ews.StreamingSubscriptionConnection {
  const connection = new ews.StreamingSubscriptionConnection(s.service, minutes);
  connection.AddSubscription(s.subscription);
  connection.OnNotificationEvent.push((_sender, args) => s.events.push(...args.Events));
  connection.OnDisconnect.push(() => s.disconnects++);
  connection.OnSubscriptionError.push((_sender, args) => {
    const err = args.Exception as { ErrorCode?: number; responseCode?: number; message?: string } | undefined;
    const code = err?.ErrorCode ?? err?.responseCode;
    s.errors.push([args.Subscription?.Id ?? '', code !== undefined ? String(ews.ServiceError[code]) : String(err?.message)]);
  });
  // Open() settles only when the connection ends.
  void connection.Open().catch(() => undefined);
  return connection;
}

When('a streaming connection of {int} minute(s) is opened for the subscription', async function (this: EwsWorld, minutes: number) {
  const s = streaming(this);
  s.connection = openConnection(s, minutes);
  // Wait for the mock to hold it open.
  const admin = (await this.ensureMock()).admin;
  await until(async () => (await admin.subscriptions()).some((sub) => sub.id === s.subscription.Id && sub.connections > 0), 'the streaming connection never opened');
});

When('a streaming connection of {int} minute(s) is tried for the subscription', function (this: EwsWorld, minutes: number) {
  const s = streaming(this);
  s.connection = openConnection(s, minutes);
});

When('a second streaming connection of {int} minute(s) is opened for the subscription', async function (this: EwsWorld, minutes: number) {
  const s = streaming(this);
  const first = { events: s.events, errors: s.errors };
  // The second connection's events and errors are kept apart from the first's.
  const second: Streaming = { ...s, events: [], errors: [], disconnects: 0 };
  second.connection = openConnection(second, minutes);
  this.results.set('streaming-second', second);
  Object.assign(s, first);
  const admin = (await this.ensureMock()).admin;
  // Open once both hold it, or once the first was told it lost it (it may close at once).
  await until(async () => s.errors.length > 0 || (await admin.subscriptions()).some((sub) => sub.id === s.subscription.Id && sub.connections > 1), 'the second streaming connection never opened');
});

Then('the second connection reports, within {int} seconds, {word} for {string}', async function (this: EwsWorld, seconds: number, type: string, subject: string) {
  const second = this.results.get('streaming-second') as Streaming;
  await until(() => second.events.length > 0, 'no event reached the second connection', seconds * 1000);
  const items = await (await this.ensureMock()).admin.allItems(second.owner, {});
  const got = second.events.map((e) => [`${ews.EventType[e.EventType]}Event`, items.find((i) => i.id === (e as ews.ItemEvent).ItemId?.UniqueId)?.subject]);
  assert.deepEqual(got[0], [type, subject]);
});

async function until(check: () => boolean | Promise<boolean>, failure: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(failure);
    await new Promise((r) => setTimeout(r, 25));
  }
}

Then('the connection reports, within {int} seconds:', async function (this: EwsWorld, seconds: number, table: DataTable) {
  const s = streaming(this);
  const want = table.raw();
  await until(() => s.events.length >= want.length, `only ${s.events.length} events arrived`, seconds * 1000).catch(() => undefined);
  const items = await (await this.ensureMock()).admin.allItems(s.owner, {});
  const folders = (await (await this.ensureMock()).admin.mailbox(s.owner)).folders;
  const name = (id?: string) => items.find((i) => i.id === id)?.subject ?? folders.find((f) => f.id === id)?.path ?? '(unknown)';
  const got = s.events.map((e) => [`${ews.EventType[e.EventType]}Event`, name((e as ews.ItemEvent).ItemId?.UniqueId), name(e.ParentFolderId?.UniqueId)]);
  assert.deepEqual(got, want);
});

When('the client closes the connection', async function (this: EwsWorld) {
  const s = streaming(this);
  s.connection?.Close();
  const admin = (await this.ensureMock()).admin;
  await until(async () => (await admin.subscriptions()).every((sub) => sub.id !== s.subscription.Id || sub.connections === 0), 'the mock still holds the connection');
});

Then('the subscription has no open connection and has not expired', async function (this: EwsWorld) {
  const s = streaming(this);
  const sub = (await (await this.ensureMock()).admin.subscriptions()).find((x) => x.id === s.subscription.Id);
  assert.ok(sub, 'the subscription is gone');
  assert.equal(sub.connections, 0);
  assert.equal(sub.expired, false);
});

// ---- the raw parts of an answer ----

When('{mailbox} impersonating {mailbox} reads the streamed answer to:', async function (this: EwsWorld, login: string, owner: string, body: string) {
  const filled = body.replace(/\{\{id:([^}]+)\}\}/g, (_, name: string) => (this.results.get(`noted:${name}`) as { id: string }).id);
  const res = await this.send(envelope(filled, { impersonate: owner }), { auth: [login, DEFAULT_PASSWORD] });
  const parts: string[] = [];
  let text = '';
  const decoder = new TextDecoder();
  // Read to the end of the answer (the mock ends it when the connection time is up), 10 s at most.
  const deadline = setTimeout(() => void res.body?.cancel(), 10_000);
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      text += decoder.decode(chunk, { stream: true });
      for (let end = text.indexOf('</Envelope>'); end >= 0; end = text.indexOf('</Envelope>')) {
        parts.push(text.slice(0, end + '</Envelope>'.length));
        text = text.slice(end + '</Envelope>'.length);
      }
    }
  } catch {
    // cancelled at the deadline: the parts read so far are what the step checks
  } finally {
    clearTimeout(deadline);
  }
  this.results.set('streamed', { status: res.status, parts, rest: text, ended: true });
});

Then('the streamed answer is ConnectionStatus OK, at least {int} more OK heartbeats, then Closed, and ends', function (this: EwsWorld, heartbeats: number) {
  const { status, parts, rest } = this.results.get('streamed') as { status: number; parts: string[]; rest: string };
  assert.equal(status, 200);
  assert.equal(rest.trim(), '', 'the answer ends inside an envelope');
  const statuses = parts.map((p) => /<m:ConnectionStatus>(\w+)<\/m:ConnectionStatus>/.exec(p)?.[1] ?? 'events');
  for (const p of parts) assert.match(p, /^<\?xml version="1\.0" encoding="utf-8"\?><Envelope xmlns="http:\/\/schemas\.xmlsoap\.org\/soap\/envelope\/"><soap11:Header/);
  assert.equal(statuses[0], 'OK');
  assert.equal(statuses[statuses.length - 1], 'Closed', statuses.join(', '));
  assert.ok(statuses.slice(1, -1).every((s) => s === 'OK') && statuses.length - 2 >= heartbeats, statuses.join(', '));
});

Then('the SubscriptionId in the response is noted as {string}', function (this: EwsWorld, name: string) {
  assert.equal(this.reply?.status, 200, this.reply?.body);
  const id = /<m:SubscriptionId>([^<]+)<\/m:SubscriptionId>/.exec(this.reply?.body ?? '')?.[1];
  assert.ok(id, this.reply?.body);
  this.results.set(`noted:${name}`, { id });
});

When('the tester resets the mock through the admin API', async function (this: EwsWorld) {
  await (await this.ensureMock()).admin.reset();
});

Then('the client sees its streaming connection end, within {int} seconds', async function (this: EwsWorld, seconds: number) {
  const s = streaming(this);
  await until(() => s.disconnects > 0, 'the connection is still open', seconds * 1000);
});

When('the streaming subscription is expired through the admin API', async function (this: EwsWorld) {
  const s = streaming(this);
  assert.equal((await (await this.ensureMock()).admin.expireSubscription(s.subscription.Id)).expired, true);
});

Then('the client hears {word} for its subscription, within {int} seconds', async function (this: EwsWorld, code: string, seconds: number) {
  const s = streaming(this);
  await until(() => s.errors.length > 0, 'no subscription error arrived', seconds * 1000);
  assert.deepEqual(s.errors, [[s.subscription.Id, code]]);
});

When('the tester expires the subscription {string} through the admin API', async function (this: EwsWorld, id: string) {
  try {
    await (await this.ensureMock()).admin.expireSubscription(id);
    this.results.set('admin-refusal', undefined);
  } catch (err) {
    this.results.set('admin-refusal', err);
  }
});

Then('the admin API answered {int} with a message naming {string}', function (this: EwsWorld, status: number, text: string) {
  const err = this.results.get('admin-refusal') as { status?: number; message?: string } | undefined;
  assert.ok(err, 'the admin API accepted it');
  assert.equal(err.status, status);
  assert.ok(err.message?.includes(text), err.message);
});
