import { createHash } from 'node:crypto';
import { el, idElement, leaf, writeResponseMessage, Xml } from '../soap/response-writer';
import { incompleteContent, ItemError } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import { atLeast } from '../profiles/versions';
import { requireElement } from '../profiles/elements';
import { ownerOf } from './common/mailbox-access';
import { folderIdElements, resolveFolderId } from './common/folder-ids';
import { readIndexedPage } from './common/paging';
import { readFieldOrders } from './common/sort';
import { checkFieldUri } from './common/field-path';
import { compileAqs } from './common/aqs';
import { compareValues, Value } from './common/compare';
import type { ValueKind } from './common/item-properties';
import { ConversationSummary, ConversationTotals, conversationsOf } from './common/conversations';
import { enumValue, ewsDate } from './common/schema-values';
import type { Operation, OperationContext } from './operation';
import type { XmlElement } from '../soap/xml-element';

/** Request elements FindConversation gained with Exchange 2013. */
const SINCE_2013 = 'Exchange2013';
const MAILBOX_SCOPES = ['PrimaryOnly', 'ArchiveOnly', 'All'] as const;

/** Conversation properties a SortOrder may name, read from a summary. */
const SORT_KEYS: Readonly<Record<string, { kind: ValueKind; get: (c: ConversationSummary) => Value }>> = {
  'conversation:ConversationTopic': { kind: 'string', get: (c) => c.topic },
  'conversation:LastDeliveryTime': { kind: 'date', get: (c) => c.inFolder.lastDelivery },
  'conversation:GlobalLastDeliveryTime': { kind: 'date', get: (c) => c.inMailbox.lastDelivery },
  'conversation:MessageCount': { kind: 'int', get: (c) => c.inFolder.items.length },
  'conversation:GlobalMessageCount': { kind: 'int', get: (c) => c.inMailbox.items.length },
  'conversation:UnreadCount': { kind: 'int', get: (c) => c.inFolder.unread },
  'conversation:GlobalUnreadCount': { kind: 'int', get: (c) => c.inMailbox.unread },
  'conversation:Size': { kind: 'int', get: (c) => c.inFolder.size },
  'conversation:GlobalSize': { kind: 'int', get: (c) => c.inMailbox.size },
  'conversation:HasAttachments': { kind: 'bool', get: (c) => c.inFolder.hasAttachments },
  'conversation:GlobalHasAttachments': { kind: 'bool', get: (c) => c.inMailbox.hasAttachments },
  'conversation:Importance': { kind: 'importance', get: (c) => c.inFolder.importance },
  'conversation:GlobalImportance': { kind: 'importance', get: (c) => c.inMailbox.importance },
};

/**
 * FindConversation (Exchange 2010 SP1 on): the conversations with messages in one folder, newest
 * first or in the SortOrder asked, cut by IndexedPageItemView. Each carries its totals in the folder
 * and across the mailbox (conversations.ts). From Exchange 2013 a QueryString (AQS) narrows the
 * messages first and MailboxScope picks the primary mailbox or the archive (the mock has none), and
 * the answer tells the view's size and the next page's offset. The response element is itself the
 * one response message: a folder that cannot be read makes it an error.
 */
export const findConversation: Operation = {
  name: 'FindConversation',
  since: 'Exchange2010_SP1',
  async handle(ctx) {
    const req = ctx.request;
    const refusal = unemulated(ctx, req);
    const parentEl = req.m('ParentFolderId');
    if (!parentEl) throw incompleteContent(req, 'ParentFolderId', NS.m);
    const folderEl = folderIdElements(parentEl)[0];
    if (!folderEl) throw incompleteContent(parentEl, 'FolderId', NS.t);
    const page = readIndexedPage(req.m('IndexedPageItemView'));
    const sortEl = req.m('SortOrder');
    const orders = sortEl ? readFieldOrders(sortEl) : [];
    for (const { path } of orders) if (path.local !== 'ExtendedFieldURI') checkFieldUri(path);
    const scopeEl = requireElement(ctx, req.m('MailboxScope'), SINCE_2013);
    const scope = scopeEl ? enumValue(scopeEl.text.trim(), MAILBOX_SCOPES, 'MailboxSearchLocationType', { el: scopeEl }) : 'All';
    const queryEl = requireElement(ctx, req.m('QueryString'), SINCE_2013);

    const response = el(ctx.body, 'm:FindConversationResponse', { ResponseClass: 'Success', 'xmlns:m': NS.m, 'xmlns:t': NS.t });
    await writeResponseMessage(response, (message) => {
      if (refusal) throw refusal;
      const folder = resolveFolderId(ctx, folderEl);
      const mailbox = ownerOf(ctx, folder);
      const compare = comparator(orders);
      const matches = queryEl ? compileAqs(queryEl.text) : undefined;
      // The mock keeps no archive mailbox: the archive alone holds no conversation.
      let items = scope === 'ArchiveOnly' ? [] : [...folder.items.values()];
      if (matches) items = items.filter((i) => matches(i, mailbox));
      let conversations = conversationsOf(ctx.store, mailbox, items);
      if (compare) conversations = conversations.sort(compare);
      const slice = page.apply(conversations.length);
      const list = el(message, 'm:Conversations');
      const since2013 = atLeast(ctx.version, SINCE_2013);
      for (const c of conversations.slice(slice.start, slice.end)) writeConversation(el(list, 't:Conversation'), c, since2013);
      if (since2013) {
        leaf(message, 'm:TotalConversationsInView', conversations.length);
        leaf(message, 'm:IndexedOffset', slice.nextOffset);
      }
    });
  },
};

const TRAVERSALS = ['Shallow', 'Deep'] as const;
const VIEW_FILTERS = ['All', 'Flagged', 'HasAttachment', 'ToOrCcMe', 'Unread', 'TaskActive', 'TaskOverdue', 'TaskCompleted', 'Suggestions', 'SuggestionsRespond', 'SuggestionsDelete'] as const;

/**
 * What the request asks that the mock does not do (Exchange 2013's seek-to-condition paging,
 * conversation shapes, deep traversal and view filters), answered as an error naming it rather than
 * ignored: a client would otherwise take a different list for the one it asked. Values outside the
 * schema's enumerations fail validation as usual.
 */
function unemulated(ctx: OperationContext, req: XmlElement): ItemError | undefined {
  const traversal = req.attr('Traversal');
  if (traversal !== undefined) enumValue(traversal, TRAVERSALS, 'ConversationQueryTraversalType', { el: req, attribute: 'Traversal' });
  const viewFilter = req.attr('ViewFilter');
  if (viewFilter !== undefined) enumValue(viewFilter, VIEW_FILTERS, 'ViewFilterType', { el: req, attribute: 'ViewFilter' });
  const refuse = (what: string) => new ItemError('ErrorInvalidRequest', `mock-ews does not emulate ${what} in FindConversation.`);
  for (const name of ['SeekToConditionPageItemView', 'ConversationShape']) if (requireElement(ctx, req.m(name), SINCE_2013)) return refuse(name);
  if (traversal === 'Deep') return refuse('a Deep traversal');
  if (viewFilter !== undefined && viewFilter !== 'All') return refuse(`the view filter ${viewFilter}`);
  return undefined;
}

/** The SortOrder as a comparison of summaries; a property conversations cannot sort by is refused. */
function comparator(orders: ReturnType<typeof readFieldOrders>): ((a: ConversationSummary, b: ConversationSummary) => number) | undefined {
  if (orders.length === 0) return undefined;
  const keys = orders.map(({ path, sign }) => {
    const key = path.local === 'FieldURI' ? SORT_KEYS[path.attr('FieldURI') ?? ''] : undefined;
    if (!key) throw new ItemError('ErrorUnsupportedPathForSortGroup');
    return { ...key, sign };
  });
  return (a, b) => {
    for (const { kind, get, sign } of keys) {
      const c = compareValues(kind, get(a), get(b));
      if (c !== 0) return sign * c;
    }
    return 0;
  };
}

/**
 * ConversationType's elements in schema order; lists and flags with nothing to say are left out.
 * From Exchange 2013 the default shape adds LastModifiedTime, InstanceKey and the IRM flags (no
 * message here is rights-protected).
 */
function writeConversation(c: Xml, conv: ConversationSummary, since2013: boolean): void {
  el(c, 't:ConversationId', { Id: conv.id });
  leaf(c, 't:ConversationTopic', conv.topic);
  const pair = (name: string, pick: (t: ConversationTotals) => string[]) => {
    strings(c, `t:${name}`, pick(conv.inFolder));
    strings(c, `t:Global${name}`, pick(conv.inMailbox));
  };
  pair('UniqueRecipients', (t) => t.recipients);
  pair('UniqueUnreadSenders', (t) => t.unreadSenders);
  pair('UniqueSenders', (t) => t.senders);
  leaf(c, 't:LastDeliveryTime', ewsDate(conv.inFolder.lastDelivery));
  leaf(c, 't:GlobalLastDeliveryTime', ewsDate(conv.inMailbox.lastDelivery));
  pair('Categories', (t) => t.categories);
  leaf(c, 't:HasAttachments', conv.inFolder.hasAttachments);
  leaf(c, 't:GlobalHasAttachments', conv.inMailbox.hasAttachments);
  leaf(c, 't:MessageCount', conv.inFolder.items.length);
  leaf(c, 't:GlobalMessageCount', conv.inMailbox.items.length);
  leaf(c, 't:UnreadCount', conv.inFolder.unread);
  if (conv.inMailbox.unread > 0) leaf(c, 't:GlobalUnreadCount', conv.inMailbox.unread);
  leaf(c, 't:Size', conv.inFolder.size);
  leaf(c, 't:GlobalSize', conv.inMailbox.size);
  itemClasses(c, 't:ItemClasses', conv.inFolder.itemClasses);
  itemClasses(c, 't:GlobalItemClasses', conv.inMailbox.itemClasses);
  leaf(c, 't:Importance', conv.inFolder.importance);
  leaf(c, 't:GlobalImportance', conv.inMailbox.importance);
  const ids = el(c, 't:ItemIds');
  for (const item of conv.inFolder.items) idElement(ids, 't:ItemId', item);
  const globalIds = el(c, 't:GlobalItemIds');
  for (const item of conv.inMailbox.items) idElement(globalIds, 't:ItemId', item);
  if (!since2013) return;
  leaf(c, 't:LastModifiedTime', ewsDate(new Date(Math.max(...conv.inMailbox.items.map((i) => i.lastModified.getTime())))));
  // An opaque key of the conversation's row in the view: stable for the conversation, as Exchange's is.
  leaf(c, 't:InstanceKey', createHash('sha1').update(`instance:${conv.id}`).digest().subarray(0, 16).toString('base64'));
  leaf(c, 't:HasIrm', false);
  leaf(c, 't:GlobalHasIrm', false);
}

/** An ArrayOfStringsType, left out when empty (the schema allows no empty array). */
function strings(parent: Xml, name: string, values: string[]): void {
  if (values.length === 0) return;
  const list = el(parent, name);
  for (const v of values) leaf(list, 't:String', v);
}

function itemClasses(parent: Xml, name: string, values: string[]): void {
  const list = el(parent, name);
  for (const v of values) leaf(list, 't:ItemClass', v);
}
