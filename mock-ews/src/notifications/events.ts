import type { Folder, Mailbox, Subscription } from '../store/types';

/** The event types a subscription may ask for (NotificationEventTypeType). */
export const EVENT_TYPES = ['CopiedEvent', 'CreatedEvent', 'DeletedEvent', 'ModifiedEvent', 'MovedEvent', 'NewMailEvent', 'FreeBusyChangedEvent'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** One notification event, as GetEvents writes it. */
export interface MailboxEvent {
  type: EventType;
  /** Journal position: its Watermark. */
  seq: number;
  at: number;
  /** An item event names ItemId, a folder event FolderId. */
  target: 'item' | 'folder';
  id: string;
  parentFolderId: string;
  /** Where a moved or copied item or folder came from. */
  oldId?: string;
  oldParentFolderId?: string;
}

/** Most events one GetEvents answer carries; MoreEvents says when more are waiting. */
export const EVENTS_PER_CALL = 50;

/**
 * The events of a subscription after journal position `after`, oldest first: the item changes
 * of the folders it watches and the folders created, changed or deleted in them. A move is one
 * MovedEvent, reported by whichever of its two folders is watched; a delivery is a CreatedEvent
 * followed by a NewMailEvent. At most EVENTS_PER_CALL (events of one change are never split).
 */
export function eventsAfter(mailbox: Mailbox, sub: Subscription, after: number): { events: MailboxEvent[]; more: boolean } {
  const watched = sub.folderIds ? sub.folderIds.filter((id) => mailbox.folders.has(id)) : [...mailbox.folders.keys()];
  const inScope = new Set(watched);
  const all: MailboxEvent[] = [];
  for (const id of watched) itemEvents(mailbox.folders.get(id)!, inScope, after, all);
  const { hierarchy } = mailbox;
  for (let i = firstAfter(hierarchy, after); i < hierarchy.length; i++) {
    const change = hierarchy[i];
    if (change.parentId === null) continue;
    const base = { seq: change.seq, at: change.at ?? Date.now(), target: 'folder' as const, id: change.folderId, parentFolderId: change.parentId };
    // A folder moved is one MovedEvent (its id stays), reported when the folder it left or the one it joined is watched.
    if (change.oldParentId !== undefined) {
      if (sub.folderIds && !inScope.has(change.parentId) && !inScope.has(change.oldParentId)) continue;
      all.push({ ...base, type: 'MovedEvent', oldId: change.folderId, oldParentFolderId: change.oldParentId });
      continue;
    }
    if (sub.folderIds && !inScope.has(change.parentId)) continue;
    const type = change.type === 'create' ? 'CreatedEvent' : change.type === 'delete' ? 'DeletedEvent' : 'ModifiedEvent';
    all.push({ ...base, type });
  }
  const wanted = new Set(sub.eventTypes);
  // A stable sort keeps a delivery's CreatedEvent before its NewMailEvent.
  const events = all.filter((e) => wanted.has(e.type)).sort((a, b) => a.seq - b.seq);
  if (events.length <= EVENTS_PER_CALL) return { events, more: false };
  let cut = EVENTS_PER_CALL;
  while (cut < events.length && events[cut].seq === events[cut - 1].seq) cut++;
  return { events: events.slice(0, cut), more: cut < events.length };
}

function itemEvents(folder: Folder, inScope: Set<string>, after: number, out: MailboxEvent[]): void {
  const { journal } = folder;
  for (let i = firstAfter(journal, after); i < journal.length; i++) {
    const change = journal[i];
    const ev = change.event;
    const base = { seq: change.seq, at: ev?.at ?? Date.now(), target: 'item' as const, id: change.itemId, parentFolderId: folder.id };
    if (change.type === 'create') {
      if (ev?.movedFrom) out.push({ ...base, type: 'MovedEvent', oldId: ev.movedFrom.itemId, oldParentFolderId: ev.movedFrom.folderId });
      else if (ev?.copiedFrom) out.push({ ...base, type: 'CopiedEvent', oldId: ev.copiedFrom.itemId, oldParentFolderId: ev.copiedFrom.folderId });
      else {
        out.push({ ...base, type: 'CreatedEvent' });
        if (ev?.newMail) out.push({ ...base, type: 'NewMailEvent' });
      }
    } else if (change.type === 'delete') {
      const to = ev?.movedTo;
      // The create half in a watched folder reports the move.
      if (to && inScope.has(to.folderId)) continue;
      if (to) out.push({ ...base, type: 'MovedEvent', id: to.itemId, parentFolderId: to.folderId, oldId: change.itemId, oldParentFolderId: folder.id });
      else out.push({ ...base, type: 'DeletedEvent' });
    } else {
      out.push({ ...base, type: 'ModifiedEvent' });
    }
  }
}

/** Index of the first journal entry after position `after` (journals are in position order). */
function firstAfter(journal: readonly { seq: number }[], after: number): number {
  let lo = 0;
  let hi = journal.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (journal[mid].seq <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
