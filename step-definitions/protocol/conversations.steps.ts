import { DataTable, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import * as ews from 'ews-javascript-api';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD, SUPER_USER } from '../support/accounts';
import { findAll, textOf } from '../support/soap';
import { folderIdFor } from './sync.steps';
import { folderOf } from '../support/mock-control';

/** FindConversation through ews-javascript-api (ExchangeService.FindConversation), speaking Exchange 2010 SP1. */

interface FoundConversation {
  topic: string;
  counts: Record<string, number>;
  senders: string[];
  globalSenders: string[];
  recipients: string[];
  itemIds: string[];
  globalItemIds: string[];
}

/** A property the answer may leave out (an empty list, no unread message): ews-javascript-api throws on reading it. */
function optional<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (err) {
    if (err instanceof ews.ServiceObjectPropertyException) return undefined;
    throw err;
  }
}
const names = (read: () => ews.StringList): string[] => [...(optional(read)?.GetEnumerator() ?? [])].sort();
const ids = (read: () => ews.ItemIdCollection): string[] => (optional(read)?.GetEnumerator() ?? []).map((id) => id.UniqueId).sort();

async function findConversations(world: EwsWorld, login: string, owner: string, folder: string, version = ews.ExchangeVersion.Exchange2010_SP1): Promise<ews.Conversation[]> {
  const svc = await world.service(login, DEFAULT_PASSWORD, owner, version);
  return svc.FindConversation(new ews.ConversationIndexedItemView(100), await folderIdFor(world, owner, folder));
}

async function findConversation(world: EwsWorld, login: string, owner: string, folder: string, topic: string, version?: ews.ExchangeVersion): Promise<ews.Conversation> {
  const found = (await findConversations(world, login, owner, folder, version)).find((c) => c.Topic === topic);
  assert.ok(found, `no conversation "${topic}" in ${owner} ${folder}`);
  return found;
}

When('{mailbox} impersonating {mailbox} finds the conversations of {folder} through ews-javascript-api', async function (this: EwsWorld, login: string, owner: string, folder: string) {
  const found = await findConversations(this, login, owner, folder);
  const conversations: FoundConversation[] = found.map((c) => ({
    topic: c.Topic,
    counts: { messages: c.MessageCount, 'global messages': c.GlobalMessageCount, unread: c.UnreadCount, 'global unread': optional(() => c.GlobalUnreadCount) ?? 0 },
    senders: names(() => c.UniqueSenders),
    globalSenders: names(() => c.GlobalUniqueSenders),
    recipients: names(() => c.UniqueRecipients),
    itemIds: ids(() => c.ItemIds),
    globalItemIds: ids(() => c.GlobalItemIds),
  }));
  this.results.set('conversations', conversations);
});

function conversation(world: EwsWorld, topic: string): FoundConversation {
  const all = world.results.get('conversations') as FoundConversation[] | undefined;
  assert.ok(all, 'find the conversations first');
  const found = all.find((c) => c.topic === topic);
  assert.ok(found, `no conversation "${topic}" among ${JSON.stringify(all.map((c) => c.topic))}`);
  return found;
}

Then('the conversation {string} counts:', function (this: EwsWorld, topic: string, table: DataTable) {
  const c = conversation(this, topic);
  for (const [what, expected] of table.raw()) assert.equal(c.counts[what], Number(expected), `${what} of "${topic}"`);
});

Then('the conversation {string} has the senders {string} in the folder and {string} in the mailbox', function (this: EwsWorld, topic: string, senders: string, globalSenders: string) {
  const c = conversation(this, topic);
  assert.deepEqual(c.senders, senders.split(', ').sort());
  assert.deepEqual(c.globalSenders, globalSenders.split(', ').sort());
});

Then('the conversation {string} lists as its items the {folder} messages {string} of {mailbox}, and with the {folder} ones as its mailbox items', async function (this: EwsWorld, topic: string, folder: string, subjects: string, owner: string, other: string) {
  const c = conversation(this, topic);
  const svc = await this.service(owner, DEFAULT_PASSWORD, undefined, ews.ExchangeVersion.Exchange2010_SP1);
  const wanted = subjects.split(' | ');
  const idsIn = async (name: string) => {
    const res = await svc.FindItems(await folderIdFor(this, owner, name), new ews.ItemView(1000));
    return res.Items.filter((i) => wanted.includes(i.Subject)).map((i) => i.Id.UniqueId);
  };
  const inFolder = await idsIn(folder);
  assert.deepEqual(c.itemIds, [...inFolder].sort());
  assert.deepEqual(c.globalItemIds, [...inFolder, ...(await idsIn(other))].sort());
});

/** The response element is itself the one response message (FindConversationResponseMessageType). */
function answer(world: EwsWorld, cls: string, code: string): Record<string, unknown> {
  const response = findAll(world.reply?.doc, 'FindConversationResponse')[0];
  assert.ok(response, world.reply?.body);
  assert.equal(response['@ResponseClass'], cls, world.reply?.body);
  assert.equal(textOf(findAll(response, 'ResponseCode')[0]), code, world.reply?.body);
  return response;
}

Then('the FindConversation answer is {word} with the ResponseCode {word} and the message {string}', function (this: EwsWorld, cls: string, code: string, text: string) {
  assert.equal(textOf(findAll(answer(this, cls, code), 'MessageText')[0]), text, this.reply?.body);
});

Then('the FindConversation answer is {word} with the ResponseCode {word} and no message', function (this: EwsWorld, cls: string, code: string) {
  assert.equal(findAll(answer(this, cls, code), 'MessageText').length, 0, this.reply?.body);
});

Then('the conversations answered are, in order:', function (this: EwsWorld, table: DataTable) {
  const topics = findAll(this.reply?.doc, 'Conversation').map((c) => textOf(findAll(c, 'ConversationTopic')[0]));
  assert.deepEqual(topics, table.raw().map((r) => r[0]), this.reply?.body);
});

Then('the answer says {int} conversations are in the view and the next page starts at {int}', function (this: EwsWorld, total: number, offset: number) {
  assert.equal(textOf(findAll(this.reply?.doc, 'TotalConversationsInView')[0]), String(total), this.reply?.body);
  assert.equal(textOf(findAll(this.reply?.doc, 'IndexedOffset')[0]), String(offset), this.reply?.body);
});

// ---- ApplyConversationAction through ews-javascript-api's Conversation methods ----

When(
  '{mailbox} impersonating {mailbox} {word} the conversation {string} of {folder} to {folder} through ews-javascript-api',
  async function (this: EwsWorld, login: string, owner: string, verb: string, topic: string, folder: string, target: string) {
    assert.ok(verb === 'moves' || verb === 'copies', `moves or copies, not ${verb}`);
    const c = await findConversation(this, login, owner, folder, topic);
    const [from, to] = [await folderIdFor(this, owner, folder), await folderIdFor(this, owner, target)];
    await this.attempt(() => (verb === 'moves' ? c.MoveItemsInConversation(from, to) : c.CopyItemsInConversation(from, to)));
  },
);

// ews-javascript-api sends SetReadState only speaking Exchange 2013 or later.
When('{mailbox} impersonating {mailbox} marks the conversation {string} of {folder} as {word} through ews-javascript-api', async function (this: EwsWorld, login: string, owner: string, topic: string, folder: string, state: string) {
  assert.ok(state === 'read' || state === 'unread', `read or unread, not ${state}`);
  const c = await findConversation(this, login, owner, folder, topic, ews.ExchangeVersion.Exchange2013);
  await this.attempt(async () => c.SetReadStateForItemsInConversation(await folderIdFor(this, owner, folder), state === 'read'));
});

When('{mailbox} impersonating {mailbox} deletes the conversation {string} found in {folder} from every folder with {word} through ews-javascript-api', async function (this: EwsWorld, login: string, owner: string, topic: string, folder: string, mode: string) {
  const c = await findConversation(this, login, owner, folder, topic);
  await this.attempt(() => c.DeleteItems(null as unknown as ews.FolderId, ews.DeleteMode[mode as keyof typeof ews.DeleteMode]));
});

Then('the id of the conversation {string} of {folder} of {mailbox} is noted as {string}', async function (this: EwsWorld, topic: string, folder: string, owner: string, name: string) {
  const c = await findConversation(this, SUPER_USER, owner, folder, topic);
  this.results.set(`noted:${name}`, { id: c.Id.UniqueId });
});

// ---- GetConversationItems through ews-javascript-api (ExchangeService.GetConversationItems), speaking Exchange 2013 ----

interface FoundNode {
  messageId: string;
  parentId?: string;
  items: { subject: string; folderId: string }[];
}

When(
  /^(\S+) impersonating (\S+) gets the messages of the conversation "([^"]*)" of (\w+) in (TreeOrderAscending|TreeOrderDescending|DateOrderAscending|DateOrderDescending)( since the noted sync state)?(?: ignoring (\w+))? through ews-javascript-api$/,
  async function (this: EwsWorld, login: string, owner: string, topic: string, folder: string, order: string, incremental?: string, ignored?: string) {
    const c = await findConversation(this, login, owner, folder, topic, ews.ExchangeVersion.Exchange2013);
    const svc = await this.service(login, DEFAULT_PASSWORD, owner, ews.ExchangeVersion.Exchange2013);
    const shape = new ews.PropertySet(ews.BasePropertySet.IdOnly, [ews.ItemSchema.Subject, ews.ItemSchema.ParentFolderId]);
    const ignore = ignored ? [await folderIdFor(this, owner, ignored)] : [];
    const syncState = incremental ? (this.results.get('conversation-sync-state') as string) : null;
    const response = await this.attempt(() => svc.GetConversationItems(c.Id, shape, syncState as string, ignore, ews.ConversationSortOrder[order as keyof typeof ews.ConversationSortOrder]));
    if (!response) return;
    this.results.set('conversation-sync-state', response.SyncState);
    const nodes: FoundNode[] = response.ConversationNodes.GetEnumerator().map((n) => ({
      messageId: n.InternetMessageId,
      parentId: n.ParentInternetMessageId ?? undefined,
      items: n.Items.map((i) => ({ subject: i.Subject, folderId: i.ParentFolderId.UniqueId })),
    }));
    this.results.set('conversation-nodes', nodes);
  },
);

/**
 * Rows: the subject of the node's messages, the folders they are in, and the row (1-based) of the
 * node it replies to — "outside" when that message is not among the nodes answered, "-" for a node
 * replying to nothing.
 */
Then('the conversation nodes of {mailbox} are, in order:', async function (this: EwsWorld, owner: string, table: DataTable) {
  assert.equal(this.clientError, undefined, String((this.clientError as Error | undefined)?.message));
  const nodes = this.results.get('conversation-nodes') as FoundNode[];
  const mock = await this.ensureMock();
  const names = new Map<string, string>();
  for (const name of ['inbox', 'sentitems', 'deleteditems', 'drafts', 'junkemail']) names.set((await folderOf(mock, owner, name)).id, name);
  const actual = nodes.map((n) => [
    [...new Set(n.items.map((i) => i.subject))].join(', '),
    n.items.map((i) => names.get(i.folderId) ?? i.folderId).join(', '),
    n.parentId === undefined ? '-' : String(nodes.findIndex((p) => p.messageId === n.parentId) + 1 || 'outside'),
  ]);
  assert.deepEqual(actual, table.raw());
});

Then('the conversation has no new nodes', function (this: EwsWorld) {
  assert.equal(this.clientError, undefined, String((this.clientError as Error | undefined)?.message));
  assert.deepEqual(this.results.get('conversation-nodes'), []);
});

// ---- the raw GetConversationItems answer ----

Then('the conversation answered holds the messages {string}', function (this: EwsWorld, subjects: string) {
  const found = findAll(findAll(this.reply?.doc, 'ConversationNodes')[0], 'Subject').map((s) => textOf(s));
  assert.deepEqual(found, subjects === '' ? [] : subjects.split(', '), this.reply?.body);
});

When('the conversation SyncState answered is noted as {string}', function (this: EwsWorld, name: string) {
  const state = textOf(findAll(this.reply?.doc, 'SyncState')[0]);
  assert.ok(state, this.reply?.body);
  this.results.set(`noted:${name}`, { data: state });
});

// ---- conversation ids and topics across mailboxes ----

async function conversationOf(world: EwsWorld, owner: string, folder: string, subject: string): Promise<{ id: string; topic: string }> {
  const svc = await world.service(SUPER_USER, DEFAULT_PASSWORD, owner, ews.ExchangeVersion.Exchange2010_SP1);
  const shape = new ews.PropertySet(ews.BasePropertySet.IdOnly, [ews.ItemSchema.Subject, ews.ItemSchema.ConversationId, ews.EmailMessageSchema.ConversationTopic]);
  const view = new ews.ItemView(100);
  view.PropertySet = shape;
  const found = (await svc.FindItems(await folderIdFor(world, owner, folder), view)).Items.find((i) => i.Subject === subject) as ews.EmailMessage | undefined;
  assert.ok(found, `no message "${subject}" in ${owner} ${folder}`);
  return { id: found.ConversationId.UniqueId, topic: found.ConversationTopic };
}

Then('the {folder} message {string} of {mailbox} and the {folder} message {string} of {mailbox} are in one conversation, {string}', async function (this: EwsWorld, folderA: string, subjectA: string, ownerA: string, folderB: string, subjectB: string, ownerB: string, topic: string) {
  const a = await conversationOf(this, ownerA, folderA, subjectA);
  const b = await conversationOf(this, ownerB, folderB, subjectB);
  assert.equal(a.id, b.id, 'ConversationId');
  assert.deepEqual([a.topic, b.topic], [topic, topic], 'ConversationTopic');
});

/** The elements Exchange 2013's default conversation shape adds, after GlobalItemIds. */
const SHAPE_2013 = ['LastModifiedTime', 'InstanceKey', 'HasIrm', 'GlobalHasIrm'];

Then('every conversation answered ends with LastModifiedTime, InstanceKey, HasIrm and GlobalHasIrm', function (this: EwsWorld) {
  const conversations = findAll(this.reply?.doc, 'Conversation');
  assert.ok(conversations.length > 0, this.reply?.body);
  for (const c of conversations) {
    const names = Object.keys(c).filter((k) => !k.startsWith('@'));
    assert.deepEqual(names.slice(-5), ['GlobalItemIds', ...SHAPE_2013], this.reply?.body);
    assert.deepEqual([textOf(findAll(c, 'HasIrm')[0]), textOf(findAll(c, 'GlobalHasIrm')[0])], ['false', 'false']);
    assert.ok(!Number.isNaN(Date.parse(textOf(findAll(c, 'LastModifiedTime')[0]) ?? '')), 'LastModifiedTime is not a time');
  }
});

Then('no conversation answered has LastModifiedTime, InstanceKey, HasIrm or GlobalHasIrm', function (this: EwsWorld) {
  const conversations = findAll(this.reply?.doc, 'Conversation');
  assert.ok(conversations.length > 0, this.reply?.body);
  for (const c of conversations) assert.deepEqual(Object.keys(c).filter((k) => SHAPE_2013.includes(k)), [], this.reply?.body);
});
