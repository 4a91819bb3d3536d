import type { Store } from '../../store/store';
import type { Address, Folder, Item, Mailbox } from '../../store/types';
import { conversationTopic, hasAttachments, IMPORTANCE_RANK } from './item-properties';

/** What a conversation's messages add up to in one scope: a folder, or the whole mailbox. */
export interface ConversationTotals {
  /** Newest received first. */
  items: Item[];
  recipients: string[];
  senders: string[];
  unreadSenders: string[];
  lastDelivery: Date;
  categories: string[];
  hasAttachments: boolean;
  unread: number;
  size: number;
  itemClasses: string[];
  importance: string;
}

/** A conversation as FindConversation lists it: its messages in the folder and in the mailbox. */
export interface ConversationSummary {
  id: string;
  topic: string;
  inFolder: ConversationTotals;
  inMailbox: ConversationTotals;
}

/**
 * The conversations with at least one message among `folderItems`, each with its totals there and
 * across the mailbox's message folders (the Top of Information Store and everything under it:
 * Recoverable Items and other system folders do not count). Newest conversation first.
 */
export function conversationsOf(store: Store, mailbox: Mailbox, folderItems: Iterable<Item>): ConversationSummary[] {
  const local = groupByConversation(folderItems);
  if (local.size === 0) return [];
  const top = store.distinguishedFolder(mailbox, 'msgfolderroot');
  const everywhere = groupByConversation(messageFolders(store, mailbox, top).flatMap((f) => [...f.items.values()]), local);
  // People are listed by name: the address's own, else the directory's, else the address.
  const nameOf = (a: Address) => a.name || store.mailbox(a.address)?.displayName || a.address;
  const out: ConversationSummary[] = [];
  for (const [id, items] of local) {
    const inFolder = totals(items, nameOf);
    out.push({ id, topic: conversationTopic(inFolder.items[0].conversationSubject), inFolder, inMailbox: totals(everywhere.get(id) ?? items, nameOf) });
  }
  return out.sort((a, b) => b.inFolder.lastDelivery.getTime() - a.inFolder.lastDelivery.getTime());
}

function messageFolders(store: Store, mailbox: Mailbox, top: Folder): Folder[] {
  return [top, ...store.descendants(mailbox, top)];
}

/**
 * The messages of one conversation in `folder`, or without one in all the mailbox's message folders
 * (the scope of the Global totals). A snapshot: acting on them may change the folders.
 */
export function conversationItems(store: Store, mailbox: Mailbox, conversationId: string, folder?: Folder): Item[] {
  const folders = folder ? [folder] : messageFolders(store, mailbox, store.distinguishedFolder(mailbox, 'msgfolderroot'));
  return folders.flatMap((f) => [...f.items.values()].filter((i) => i.conversationId === conversationId));
}

/** Items by conversation id; with `only`, just the conversations it holds. */
function groupByConversation(items: Iterable<Item>, only?: Map<string, Item[]>): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const id = item.conversationId;
    if (only && !only.has(id)) continue;
    const list = groups.get(id);
    if (list) list.push(item);
    else groups.set(id, [item]);
  }
  return groups;
}

function totals(unsorted: Item[], nameOf: (a: Address) => string): ConversationTotals {
  const items = [...unsorted].sort((a, b) => b.data.dateTimeReceived.getTime() - a.data.dateTimeReceived.getTime());
  const recipients = new Set<string>();
  const senders = new Set<string>();
  const unreadSenders = new Set<string>();
  const categories = new Set<string>();
  const itemClasses = new Set<string>();
  let unread = 0;
  let size = 0;
  let importance = 'Low';
  for (const item of items) {
    const { data } = item;
    for (const r of [...data.to, ...data.cc]) recipients.add(nameOf(r));
    const sender = data.from && nameOf(data.from);
    if (sender) senders.add(sender);
    if (!data.isRead) {
      unread++;
      if (sender) unreadSenders.add(sender);
    }
    for (const c of data.categories) categories.add(c);
    itemClasses.add(data.itemClass);
    size += item.size;
    if (IMPORTANCE_RANK[data.importance] > IMPORTANCE_RANK[importance]) importance = data.importance;
  }
  return {
    items,
    recipients: [...recipients],
    senders: [...senders],
    unreadSenders: [...unreadSenders],
    lastDelivery: items[0].data.dateTimeReceived,
    categories: [...categories],
    hasAttachments: items.some(hasAttachments),
    unread,
    size,
    itemClasses: [...itemClasses],
    importance,
  };
}
