import { el, leaf, ResponseMessages, Xml } from '../soap/response-writer';
import { incompleteContent, ItemError } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import type { XmlElement } from '../soap/xml-element';
import type { Folder, Item, Mailbox } from '../store/types';
import { requireMailbox } from './common/mailbox-access';
import { folderIdElements, resolveFolderId } from './common/folder-ids';
import { readItemShape } from './common/item-shape';
import { itemWriter } from './common/write-item';
import { conversationItems } from './common/conversations';
import { decodeConversationSyncState, encodeSyncState } from './common/sync-state';
import { enumValue, intValue } from './common/schema-values';
import type { Operation } from './operation';

/** ConversationNodeSortOrder. */
const SORT_ORDERS = ['TreeOrderAscending', 'TreeOrderDescending', 'DateOrderAscending', 'DateOrderDescending'] as const;
type NodeOrder = (typeof SORT_ORDERS)[number];
const MAILBOX_SCOPES = ['PrimaryOnly', 'ArchiveOnly', 'All'] as const;

/** The messages of a conversation that share one Internet message id (a sent copy and a received one). */
interface ConversationNode {
  messageId?: string;
  parentId?: string;
  items: Item[];
  /** When its first message arrived. */
  received: number;
}

/**
 * GetConversationItems (Exchange 2013 on): the messages of each conversation asked for, across the
 * mailbox's message folders less FoldersToIgnore, as conversation nodes — one per Internet message
 * id, linked to the message it replies to — in tree or date order, each message written in the
 * ItemShape asked. The answer carries a SyncState; given back, only messages created or changed
 * since are returned. A conversation with no message left to show is ErrorItemNotFound.
 */
export const getConversationItems: Operation = {
  name: 'GetConversationItems',
  since: 'Exchange2013',
  async handle(ctx) {
    const req = ctx.request;
    if (!req.m('ItemShape')) throw incompleteContent(req, 'ItemShape', NS.m);
    const { shape, refusal } = readItemShape(req.m('ItemShape'), ctx, 'get');
    const ignoreEls = folderIdElements(req.m('FoldersToIgnore'));
    const maxEl = req.m('MaxItemsToReturn');
    const max = maxEl ? intValue(maxEl, 1) : undefined;
    const orderEl = req.m('SortOrder');
    const order: NodeOrder = orderEl ? enumValue(orderEl.text.trim(), SORT_ORDERS, 'ConversationNodeSortOrder', { el: orderEl }) : 'TreeOrderDescending';
    const scopeEl = req.m('MailboxScope');
    const scope = scopeEl ? enumValue(scopeEl.text.trim(), MAILBOX_SCOPES, 'MailboxSearchLocationType', { el: scopeEl }) : 'All';
    const conversationsEl = req.m('Conversations');
    if (!conversationsEl) throw incompleteContent(req, 'Conversations', NS.m);
    const asked = conversationsEl.children.filter((c) => c.ns === NS.t && c.local === 'Conversation').map(readConversation);
    if (asked.length === 0) throw incompleteContent(conversationsEl, 'Conversation', NS.t);

    const out = new ResponseMessages(ctx.body, 'GetConversationItems');
    for (const { id, syncState } of asked) {
      await out.add(async (message) => {
        if (refusal) throw refusal;
        const mailbox = requireMailbox(ctx);
        const state = syncState === undefined ? undefined : decodeConversationSyncState(ctx.store, syncState, mailbox.id, id);
        const since = state?.pos;
        const sent = new Set(state?.sent);
        const ignored = new Set(ignoreEls.map((f) => resolveFolderId(ctx, f).id));
        // The mock keeps no archive mailbox: the archive alone holds no conversation.
        const all = scope === 'ArchiveOnly' ? [] : conversationItems(ctx.store, mailbox, id).filter((i) => !ignored.has(i.folderId));
        if (all.length === 0) throw new ItemError('ErrorItemNotFound');
        const position = ctx.store.position;
        const shown = (since === undefined ? all : all.filter((i) => changedSince(mailbox, i, since))).filter((i) => !sent.has(sentKey(i)));
        const nodes = limit(sortNodes(nodesOf(shown), order), max);
        const answered = nodes.flatMap((n) => n.items);
        // Cut short by MaxItemsToReturn, the state stays where it was and lists what was answered, so the
        // next call goes on with the rest; answered whole, it moves to now.
        const next = answered.length === shown.length ? { pos: position } : { pos: since, sent: [...sent, ...answered.map(sentKey)] };
        const conv = el(message, 'm:Conversation');
        el(conv, 't:ConversationId', { Id: id });
        leaf(conv, 't:SyncState', encodeSyncState(ctx.store, { kind: 'conversation', mailbox: mailbox.id, conversation: id, ...next }));
        if (nodes.length === 0) return;
        const write = itemWriter(ctx, shape, 'get');
        const list = el(conv, 't:ConversationNodes');
        for (const node of nodes) await writeNode(el(list, 't:ConversationNode'), node, write);
      });
    }
  },
};

function readConversation(c: XmlElement): { id: string; syncState?: string } {
  const idEl = c.t('ConversationId');
  if (!idEl) throw incompleteContent(c, 'ConversationId', NS.t);
  const id = idEl.attr('Id');
  if (id === undefined) throw incompleteContent(idEl, 'Id', NS.t);
  // An empty SyncState is none, as SyncFolderItems reads it: everything is new.
  return { id, syncState: c.t('SyncState')?.text.trim() || undefined };
}

/** Created or changed (read flag, fields, moved here) after journal position `since`. */
function changedSince(mailbox: Mailbox, item: Item, since: number): boolean {
  const folder: Folder | undefined = mailbox.folders.get(item.folderId);
  const journal = folder?.journal ?? [];
  for (let i = journal.length - 1; i >= 0 && journal[i].seq > since; i--) if (journal[i].itemId === item.id) return true;
  return false;
}

/** Messages grouped by Internet message id; one without an id is a node of its own. */
function nodesOf(items: Item[]): ConversationNode[] {
  const byId = new Map<string, ConversationNode>();
  const nodes: ConversationNode[] = [];
  for (const item of items) {
    const messageId = item.data.internetMessageId || undefined;
    const received = item.data.dateTimeReceived.getTime();
    const known = messageId ? byId.get(messageId) : undefined;
    if (known) {
      known.items.push(item);
      known.received = Math.min(known.received, received);
      continue;
    }
    const node: ConversationNode = { messageId, parentId: item.data.inReplyTo || undefined, items: [item], received };
    nodes.push(node);
    if (messageId) byId.set(messageId, node);
  }
  for (const n of nodes) n.items.sort((a, b) => a.data.dateTimeReceived.getTime() - b.data.dateTimeReceived.getTime());
  return nodes;
}

/**
 * Date order by when each node's first message arrived; tree order walks from the roots (nodes
 * replying to nothing here) through the replies, oldest first at each level — descending is that
 * walk reversed, newest reply first, as Exchange lists it.
 */
function sortNodes(nodes: ConversationNode[], order: NodeOrder): ConversationNode[] {
  const byDate = [...nodes].sort((a, b) => a.received - b.received);
  if (order === 'DateOrderAscending') return byDate;
  if (order === 'DateOrderDescending') return byDate.reverse();
  const ids = new Set(nodes.map((n) => n.messageId).filter(Boolean));
  const children = new Map<string, ConversationNode[]>();
  const roots: ConversationNode[] = [];
  for (const n of byDate) {
    if (n.parentId && ids.has(n.parentId) && n.parentId !== n.messageId) {
      const list = children.get(n.parentId) ?? [];
      list.push(n);
      children.set(n.parentId, list);
    } else roots.push(n);
  }
  const walked: ConversationNode[] = [];
  const seen = new Set<ConversationNode>();
  const walk = (n: ConversationNode) => {
    if (seen.has(n)) return;
    seen.add(n);
    walked.push(n);
    for (const c of (n.messageId && children.get(n.messageId)) || []) walk(c);
  };
  roots.forEach(walk);
  // A reply loop (two messages naming each other) has no root: its nodes follow in date order.
  byDate.forEach(walk);
  return order === 'TreeOrderAscending' ? walked : walked.reverse();
}

/** MaxItemsToReturn counts messages: nodes in order, the last one cut to the messages that fit. */
function limit(nodes: ConversationNode[], max: number | undefined): ConversationNode[] {
  if (max === undefined) return nodes;
  const out: ConversationNode[] = [];
  let left = max;
  for (const n of nodes) {
    if (left <= 0) break;
    out.push(n.items.length <= left ? n : { ...n, items: n.items.slice(0, left) });
    left -= n.items.length;
  }
  return out;
}

/** A message as a conversation sync state remembers it was answered: a change makes it new again. */
function sentKey(item: Item): string {
  return `${item.id}:${item.version}`;
}

async function writeNode(node: Xml, n: ConversationNode, write: (parent: Xml, item: Item) => Promise<void> | undefined): Promise<void> {
  leaf(node, 't:InternetMessageId', n.messageId);
  leaf(node, 't:ParentInternetMessageId', n.parentId);
  const items = el(node, 't:Items');
  for (const item of n.items) {
    const pending = write(items, item);
    if (pending) await pending;
  }
}
