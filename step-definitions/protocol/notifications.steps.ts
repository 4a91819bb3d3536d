import { Given, Then, When, DataTable } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import * as ews from 'ews-javascript-api';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD } from '../support/accounts';
import { findAll, textOf } from '../support/soap';
import { folderIdFor } from './sync.steps';

/**
 * Pull notifications through ews-javascript-api (SubscribeToPullNotifications, GetEvents,
 * Unsubscribe). Events are written in tables as their type, the subject of the item (or the name of
 * the folder) they name, and the folder it is in now — with the folder it came from for a move or
 * a copy.
 */

interface Polled {
  events: string[][];
  more: boolean;
}

function eventTypes(list: string): ews.EventType[] {
  const known: Record<string, ews.EventType> = {
    NewMailEvent: ews.EventType.NewMail,
    CreatedEvent: ews.EventType.Created,
    DeletedEvent: ews.EventType.Deleted,
    ModifiedEvent: ews.EventType.Modified,
    MovedEvent: ews.EventType.Moved,
    CopiedEvent: ews.EventType.Copied,
  };
  return list.split(',').map((name) => {
    const type = known[name.trim()];
    assert.ok(type !== undefined, `unknown event type ${name}`);
    return type;
  });
}

async function subscribe(world: EwsWorld, login: string, owner: string, types: string, folders: string[] | 'all'): Promise<void> {
  const svc = await world.service(login, DEFAULT_PASSWORD, owner);
  const sub =
    folders === 'all'
      ? await world.attempt(() => svc.SubscribeToPullNotificationsOnAllFolders(10, null!, ...eventTypes(types)))
      : await world.attempt(async () => svc.SubscribeToPullNotifications(await Promise.all(folders.map((f) => folderIdFor(world, owner, f))), 10, null!, ...eventTypes(types)));
  world.results.set('subscription', sub);
  world.results.set('subscription-owner', owner);
}

Then('the subscription was made', function (this: EwsWorld) {
  assert.equal(this.clientError, undefined, String((this.clientError as Error | undefined)?.message));
  assert.ok(subscription(this).Id, 'Subscribe answered no SubscriptionId');
});

When('{mailbox} impersonating {mailbox} subscribes to {string} in {folder}', async function (this: EwsWorld, login: string, owner: string, types: string, folder: string) {
  await subscribe(this, login, owner, types, [folder]);
});

When('{mailbox} impersonating {mailbox} subscribes to {string} in all folders', async function (this: EwsWorld, login: string, owner: string, types: string) {
  await subscribe(this, login, owner, types, 'all');
});

function subscription(world: EwsWorld): ews.PullSubscription {
  const sub = world.results.get('subscription') as ews.PullSubscription | undefined;
  assert.ok(sub, 'no subscription was made');
  return sub;
}

/** Names for the ids events carry: subjects of the owner's items (remembered, for items gone since) and folder paths. */
async function namer(world: EwsWorld, owner: string): Promise<(id: string | undefined) => string> {
  const admin = (await world.ensureMock()).admin;
  const names = (world.results.get('event-names') as Map<string, string> | undefined) ?? new Map<string, string>();
  world.results.set('event-names', names);
  for (const item of await admin.allItems(owner, {})) names.set(item.id, item.subject);
  for (const f of (await admin.mailbox(owner)).folders) names.set(f.id, f.path);
  return (id) => (id === undefined ? '' : (names.get(id) ?? '(unknown)'));
}

When('the subscription is polled', async function (this: EwsWorld) {
  const sub = subscription(this);
  const owner = this.results.get('subscription-owner') as string;
  const name = await namer(this, owner);
  const res = await this.attempt(() => sub.GetEvents());
  if (!res) return;
  const events = res.AllEvents.map((e) => {
    const type = `${ews.EventType[e.EventType]}Event`;
    const self = e instanceof ews.ItemEvent ? e.ItemId?.UniqueId : (e as ews.FolderEvent).FolderId?.UniqueId;
    const old = e instanceof ews.ItemEvent ? e.OldItemId?.UniqueId : (e as ews.FolderEvent).OldFolderId?.UniqueId;
    const row = [type, name(self), name(e.ParentFolderId?.UniqueId)];
    if (old !== undefined || e.OldParentFolderId) row.push(name(old), name(e.OldParentFolderId?.UniqueId));
    return row;
  });
  this.results.set('polled', { events, more: sub.MoreEventsAvailable } satisfies Polled);
});

/** Remembers what the owner's items and folders are called now, so events about them read by name later. */
When('the names in the mailbox of the subscription are noted', async function (this: EwsWorld) {
  await namer(this, this.results.get('subscription-owner') as string);
});

function polled(world: EwsWorld): Polled {
  assert.equal(world.clientError, undefined, String((world.clientError as Error | undefined)?.message));
  const p = world.results.get('polled') as Polled | undefined;
  assert.ok(p, 'the subscription was not polled');
  return p;
}

Then('the events are:', function (this: EwsWorld, table: DataTable) {
  assert.deepEqual(polled(this).events, table.raw().map((r) => r.filter((c, i) => i < 3 || c !== '')));
});

Then('the poll finds no events', function (this: EwsWorld) {
  assert.deepEqual(polled(this).events, []);
});

Then('the poll says {int} events came and more are waiting', function (this: EwsWorld, count: number) {
  const p = polled(this);
  assert.equal(p.events.length, count);
  assert.equal(p.more, true);
});

When('the subscription is expired through the admin API', async function (this: EwsWorld) {
  const sub = subscription(this);
  const info = await (await this.ensureMock()).admin.expireSubscription(sub.Id);
  assert.equal(info.expired, true);
});

When('the subscription is ended', async function (this: EwsWorld) {
  const sub = subscription(this);
  await this.attempt(() => sub.Unsubscribe());
});

Given('{int} messages arrive in the {folder} of {mailbox}', async function (this: EwsWorld, count: number, folder: string, owner: string) {
  const at = new Date().toISOString();
  const batch = Array.from({ length: count }, (_, i) => ({
    subject: `Bulk ${i + 1}`,
    from: { name: 'Outside Sender', address: 'sender@outside.test' },
    to: [owner],
    sent: at,
    received: at,
    text: 'Bulk mail.\r\n',
  }));
  await (await this.ensureMock()).admin.deliverBatch(owner, folder, batch);
});

/** For raw requests: {{id:NAME}} is the SubscriptionId, {{watermark:NAME}} the Watermark of a Subscribe answer. */
Then('the SubscriptionId and Watermark in the response are noted as {string}', function (this: EwsWorld, name: string) {
  assert.equal(this.reply?.status, 200, this.reply?.body);
  const id = textOf(findAll(this.reply?.doc, 'SubscriptionId')[0]);
  const watermark = textOf(findAll(this.reply?.doc, 'Watermark')[0]);
  assert.ok(id && watermark, this.reply?.body);
  this.results.set(`noted:${name}`, { id, watermark });
});
