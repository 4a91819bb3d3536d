import { DataTable, Then, When } from '@cucumber/cucumber';
import { envelope, findAll, textOf } from '../support/soap';
import assert from 'node:assert/strict';
import * as ews from 'ews-javascript-api';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD } from '../support/accounts';
import { folderOf, itemsIn } from '../support/mock-control';
import { wellKnown } from './folders.steps';
import { isProfileName, PROFILES } from '../../mock-ews/src/profiles/profiles';
import { SchemaVersion, versionRank } from '../../mock-ews/src/profiles/versions';

const NEWEST_EXERCISED: SchemaVersion = 'Exchange2013';

/** One change as a syncer sees it; Delete changes get their subject from what earlier syncs saw. */
export interface SeenChange {
  type: string;
  id: string;
  subject?: string;
  received?: Date;
  isRead?: boolean;
}

interface SyncRun {
  pages: number[];
  changes: SeenChange[];
  moreAvailable: boolean;
}

const WELL_KNOWN_NAMES = new Set(['root', 'msgfolderroot', 'inbox', 'sentitems', 'drafts', 'deleteditems', 'junkemail', 'outbox']);

/** The newest ews-javascript-api version the emulated server accepts, so the version gate lets it in. */
export function clientVersion(world: EwsWorld): ews.ExchangeVersion {
  const profile = world.mockOptions.profile;
  if (!profile || !isProfileName(profile)) return ews.ExchangeVersion.Exchange2010_SP2;
  const newest = PROFILES[profile].newestSchema;
  // The sync calls are exercised up to Exchange2013; 2007 RTM has no client version at all.
  const asked = versionRank(newest) > versionRank(NEWEST_EXERCISED) ? NEWEST_EXERCISED : newest;
  return ews.ExchangeVersion[asked as keyof typeof ews.ExchangeVersion] ?? ews.ExchangeVersion.Exchange2010_SP2;
}

export async function serviceFor(world: EwsWorld, login: string, target: string): Promise<ews.ExchangeService> {
  return world.service(login, DEFAULT_PASSWORD, target, clientVersion(world));
}

/** A FolderId for a distinguished name or, for a path such as "Inbox/Projects", the folder's id. */
export async function folderIdFor(world: EwsWorld, owner: string, folder: string): Promise<ews.FolderId> {
  if (WELL_KNOWN_NAMES.has(folder)) return new ews.FolderId(wellKnown(folder));
  // Once used, a folder keeps its id in the scenario, so a step can still name a folder deleted since.
  const key = `sync:folder-id:${owner}:${folder}`;
  if (!world.results.has(key)) world.results.set(key, (await folderOf(await world.ensureMock(), owner, folder)).id);
  return new ews.FolderId(world.results.get(key) as string);
}

/** Subjects by id of everything any sync in this scenario has seen, to name Delete changes. */
function names(world: EwsWorld): Map<string, string> {
  if (!world.results.has('sync:names')) world.results.set('sync:names', new Map<string, string>());
  return world.results.get('sync:names') as Map<string, string>;
}

/** The syncer's local copy of a folder (id → subject), kept up to date by applying each page. */
function replica(world: EwsWorld, mailbox: string, folder: string): Map<string, string> {
  const key = `sync:replica:${mailbox}:${folder}`;
  if (!world.results.has(key)) world.results.set(key, new Map<string, string>());
  return world.results.get(key) as Map<string, string>;
}

const stateKey = (mailbox: string, folder: string) => `sync:state:${mailbox}:${folder}`;

function toSeen(world: EwsWorld, c: ews.ItemChange): SeenChange {
  const type = ews.ChangeType[c.ChangeType];
  const id = c.ItemId.UniqueId;
  if (c.ChangeType === ews.ChangeType.Create || c.ChangeType === ews.ChangeType.Update) {
    const item = c.Item as ews.EmailMessage;
    const subject = item.Subject ?? '';
    names(world).set(id, subject);
    return { type, id, subject, received: item.DateTimeReceived?.MomentDate?.toDate(), isRead: item.IsRead };
  }
  return { type, id, subject: names(world).get(id), isRead: c.ChangeType === ews.ChangeType.ReadFlagChange ? c.IsRead : undefined };
}

/** Runs SyncFolderItems pages from the saved state until IncludesLastItemInRange (or `maxPages`). */
async function syncItems(world: EwsWorld, login: string, target: string, folder: string, size: number, maxPages = Infinity, ignore: string[] = []): Promise<SyncRun> {
  const svc = await serviceFor(world, login, target);
  const folderId = await folderIdFor(world, target, folder);
  const local = replica(world, target, folder);
  const run: SyncRun = { pages: [], changes: [], moreAvailable: true };
  const ignored = ignore.map((subject) => {
    const id = [...names(world)].find(([, s]) => s === subject)?.[0];
    assert.ok(id, `no synced message "${subject}" to ignore`);
    return new ews.ItemId(id);
  });
  while (run.moreAvailable && run.pages.length < maxPages) {
    const state = world.results.get(stateKey(target, folder)) as string | undefined;
    const icc = await svc.SyncFolderItems(folderId, ews.PropertySet.FirstClassProperties, ignored, size, ews.SyncFolderItemsScope.NormalItems, state ?? null!);
    const page = icc.GetEnumerator().map((c) => toSeen(world, c));
    for (const c of page) {
      if (c.type === 'Create') local.set(c.id, c.subject ?? '');
      else if (c.type === 'Delete') local.delete(c.id);
    }
    run.pages.push(page.length);
    run.changes.push(...page);
    run.moreAvailable = icc.MoreChangesAvailable;
    world.results.set(stateKey(target, folder), icc.SyncState);
  }
  world.results.set('sync:last', run);
  return run;
}

function lastRun(world: EwsWorld): SyncRun {
  assert.equal(world.clientError, undefined, String((world.clientError as Error | undefined)?.message));
  const run = world.results.get('sync:last') as SyncRun | undefined;
  assert.ok(run, 'no sync ran');
  return run;
}

When('{mailbox} impersonating {mailbox} syncs the items of {folder} {int} at a time', async function (this: EwsWorld, login: string, target: string, folder: string, size: number) {
  await this.attempt(() => syncItems(this, login, target, folder, size));
});

When('{mailbox} impersonating {mailbox} syncs one page of {int} items of {folder}', async function (this: EwsWorld, login: string, target: string, size: number, folder: string) {
  await this.attempt(() => syncItems(this, login, target, folder, size, 1));
});

When('{mailbox} impersonating {mailbox} syncs the items of {folder} again', async function (this: EwsWorld, login: string, target: string, folder: string) {
  await this.attempt(() => syncItems(this, login, target, folder, 512));
});

When('{mailbox} impersonating {mailbox} syncs the items of {folder} again, ignoring {string}', async function (this: EwsWorld, login: string, target: string, folder: string, subject: string) {
  await this.attempt(() => syncItems(this, login, target, folder, 512, Infinity, [subject]));
});

When('{mailbox} impersonating {mailbox} syncs the items of {folder} with the sync state of {mailbox}\'s {folder}', async function (this: EwsWorld, login: string, target: string, folder: string, otherMailbox: string, otherFolder: string) {
  const state = this.results.get(stateKey(otherMailbox, otherFolder));
  assert.ok(state, `no sync state saved for ${otherMailbox} ${otherFolder}`);
  this.results.set(stateKey(target, folder), state);
  await this.attempt(() => syncItems(this, login, target, folder, 512, 1));
});

When('{mailbox} impersonating {mailbox} syncs the items of {folder} with the hierarchy sync state', async function (this: EwsWorld, login: string, target: string, folder: string) {
  const state = this.results.get('sync:hierarchy-state');
  assert.ok(state, 'no hierarchy sync ran');
  this.results.set(stateKey(target, folder), state);
  await this.attempt(() => syncItems(this, login, target, folder, 512, 1));
});

Then('the sync pages held {string} changes', function (this: EwsWorld, sizes: string) {
  assert.deepEqual(lastRun(this).pages, sizes.split(',').map((s) => Number(s.trim())));
});

Then('every change is a Create and together they name {int} distinct messages', function (this: EwsWorld, count: number) {
  const run = lastRun(this);
  assert.deepEqual([...new Set(run.changes.map((c) => c.type))], ['Create']);
  assert.equal(new Set(run.changes.map((c) => c.id)).size, count);
  assert.equal(run.changes.length, count, 'an item was reported twice');
});

Then('the created messages come {word} first by DateTimeReceived', function (this: EwsWorld, order: string) {
  const times = lastRun(this).changes.map((c) => c.received!.getTime());
  assert.ok(times.every((t) => Number.isFinite(t)), 'DateTimeReceived missing from a Create');
  const sorted = [...times].sort((a, b) => (order === 'newest' ? b - a : a - b));
  assert.deepEqual(times, sorted);
  assert.notDeepEqual(times, [...sorted].reverse(), 'all messages have the same time: the order proves nothing');
});

Then('the sync reports these changes:', function (this: EwsWorld, table: DataTable) {
  const seen = lastRun(this).changes.map((c) => {
    const row = [c.type, c.subject ?? `<unknown ${c.id}>`];
    if (c.type === 'ReadFlagChange' || table.raw()[0]?.length === 3) row.push(c.isRead === undefined ? '' : c.isRead ? 'read' : 'unread');
    return row;
  });
  assert.deepEqual(seen, table.raw());
});

Then('the sync reports no changes and nothing more is available', function (this: EwsWorld) {
  const run = lastRun(this);
  assert.deepEqual(run.changes, []);
  assert.equal(run.moreAvailable, false);
});

Then('the local copy of {mailbox}\'s {folder} matches the mailbox', async function (this: EwsWorld, mailbox: string, folder: string) {
  assert.equal(this.clientError, undefined, String((this.clientError as Error | undefined)?.message));
  const local = replica(this, mailbox, folder);
  const actual = new Map((await itemsIn(await this.ensureMock(), mailbox, folder)).map((i) => [i.id, i.subject]));
  assert.deepEqual([...local.entries()].sort(), [...actual.entries()].sort());
});

// ---- hierarchy ----

interface HierarchyRun {
  changes: { type: string; id: string; name?: string }[];
}

async function syncHierarchy(world: EwsWorld, login: string, target: string, root: string | undefined): Promise<void> {
  const svc = await serviceFor(world, login, target);
  const state = world.results.get('sync:hierarchy-state') as string | undefined;
  const folderNames = (world.results.get('sync:folder-names') as Map<string, string> | undefined) ?? new Map<string, string>();
  world.results.set('sync:folder-names', folderNames);
  const fcc = root
    ? await svc.SyncFolderHierarchy(await folderIdFor(world, target, root), ews.PropertySet.FirstClassProperties, state ?? null!)
    : await svc.SyncFolderHierarchy(ews.PropertySet.FirstClassProperties, state ?? null!);
  const changes = fcc.GetEnumerator().map((c) => {
    const id = c.FolderId.UniqueId;
    if (c.Folder) folderNames.set(id, c.Folder.DisplayName);
    return { type: ews.ChangeType[c.ChangeType], id, name: folderNames.get(id) };
  });
  world.results.set('sync:hierarchy-state', fcc.SyncState);
  world.results.set('sync:hierarchy', { changes } satisfies HierarchyRun);
}

When('{mailbox} impersonating {mailbox} syncs the folder hierarchy', async function (this: EwsWorld, login: string, target: string) {
  await this.attempt(() => syncHierarchy(this, login, target, undefined));
});

When('{mailbox} impersonating {mailbox} syncs the folder hierarchy under {folder}', async function (this: EwsWorld, login: string, target: string, root: string) {
  await this.attempt(() => syncHierarchy(this, login, target, root));
});

When('{mailbox} impersonating {mailbox} syncs the folder hierarchy with the item sync state of {folder}', async function (this: EwsWorld, login: string, target: string, folder: string) {
  const state = this.results.get(stateKey(target, folder));
  assert.ok(state, `no item sync state saved for ${folder}`);
  this.results.set('sync:hierarchy-state', state);
  await this.attempt(() => syncHierarchy(this, login, target, undefined));
});

Then('the hierarchy sync reports these changes:', function (this: EwsWorld, table: DataTable) {
  assert.equal(this.clientError, undefined, String((this.clientError as Error | undefined)?.message));
  const run = this.results.get('sync:hierarchy') as HierarchyRun;
  assert.deepEqual(run.changes.map((c) => [c.type, c.name ?? `<unknown ${c.id}>`]), table.raw());
});

Then('the hierarchy sync reports no changes', function (this: EwsWorld) {
  assert.equal(this.clientError, undefined, String((this.clientError as Error | undefined)?.message));
  assert.deepEqual((this.results.get('sync:hierarchy') as HierarchyRun).changes, []);
});

// ---- raw SOAP ----

When('{mailbox} impersonating {mailbox} posts with RequestServerVersion {word} the SOAP body:', async function (this: EwsWorld, login: string, target: string, version: string, body: string) {
  await this.post(envelope(body, { impersonate: target, version }), { auth: [login, DEFAULT_PASSWORD] });
});

const syncBody = (folder: string, state?: string) =>
  `<m:SyncFolderItems><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>` +
  `<m:SyncFolderId><t:DistinguishedFolderId Id="${folder}"/></m:SyncFolderId>` +
  (state === undefined ? '' : `<m:SyncState>${state}</m:SyncState>`) +
  `<m:MaxChangesReturned>5</m:MaxChangesReturned></m:SyncFolderItems>`;

/**
 * `state` is a quoted literal, or "of an earlier sync, altered": a state the server issued with one
 * bit flipped in its middle, as a client bug or a tampering proxy would.
 */
When('{mailbox} impersonating {mailbox} posts a SyncFolderItems for {folder} with the sync state {}', async function (this: EwsWorld, login: string, target: string, folder: string, state: string) {
  let value: string;
  if (state.startsWith('"')) {
    value = state.slice(1, -1);
  } else {
    const first = await this.post(envelope(syncBody(folder), { impersonate: target }), { auth: [login, DEFAULT_PASSWORD] });
    const issued = textOf(findAll(first.doc, 'SyncState')[0]);
    assert.ok(issued, first.body);
    const raw = Buffer.from(issued, 'base64');
    raw[raw.length >> 1] ^= 0x01;
    value = raw.toString('base64');
    assert.notEqual(value, issued);
  }
  await this.post(envelope(syncBody(folder, value), { impersonate: target }), { auth: [login, DEFAULT_PASSWORD] });
});

Then('the response creates the folders {string}', function (this: EwsWorld, list: string) {
  const created = findAll(this.reply?.doc, 'Create').flatMap((c) => findAll(c, 'DisplayName').map((d) => textOf(d)));
  assert.deepEqual(created, list.split(',').map((s) => s.trim()), this.reply?.body);
});

Then('the error message still carries an empty SyncState and {word} true', function (this: EwsWorld, includesLast: string) {
  const messages = findAll(this.reply?.doc, 'ResponseMessages').flatMap((rm) => Object.values(rm).flat() as Record<string, unknown>[]);
  assert.ok(messages.length > 0, this.reply?.body);
  for (const m of messages) {
    assert.equal(m['@ResponseClass'], 'Error', this.reply?.body);
    const names = Object.keys(m).filter((k) => !k.startsWith('@'));
    assert.deepEqual(names.slice(-2), ['SyncState', includesLast], this.reply?.body);
    assert.equal(textOf(findAll(m, 'SyncState')[0]) ?? '', '', this.reply?.body);
    assert.equal(textOf(findAll(m, includesLast)[0]), 'true', this.reply?.body);
  }
});

When('the SyncState answered is noted as {string}', function (this: EwsWorld, name: string) {
  const state = textOf(findAll(this.reply?.doc, 'SyncState')[0]);
  assert.ok(state, this.reply?.body);
  this.results.set(`noted:${name}`, { data: state });
});

Then('the sync answer holds the changes {string}', function (this: EwsWorld, kinds: string) {
  const changes = findAll(this.reply?.doc, 'Changes')[0] ?? {};
  assert.deepEqual(Object.keys(changes).filter((k) => !k.startsWith('@')), kinds.split(', '), this.reply?.body);
});
