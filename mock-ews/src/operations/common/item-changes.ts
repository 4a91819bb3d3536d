import type { Folder, Item, ItemChangeType } from '../../store/types';
import { compareKey, firstAfterKey, firstReceivedAtOrAfter, folderIndex } from '../../store/folder-index';
import type { ItemSyncState } from './sync-state';

/** One change SyncFolderItems reports. */
export type ItemChangeOut =
  | { type: 'create' | 'update' | 'readflag'; item: Item }
  | { type: 'delete'; itemId: string };

export interface ItemPage {
  changes: ItemChangeOut[];
  /** The state to hand back: where the next page starts. */
  next: ItemSyncState;
  includesLast: boolean;
}

export interface PageOptions {
  /** MaxChangesReturned: at most this many distinct items per page. */
  max: number;
  /** Initial sync order: newest first (2010 SP2 and later) or oldest first. */
  newestFirst: boolean;
  /** Ids the client asked to skip (m:Ignore). */
  ignore: ReadonlySet<string>;
  /** NumberOfDays: only items received at or after this instant. */
  receivedSince?: Date;
}

type SortKey = [number, number];

/**
 * Computes one page of changes for a folder from a sync state.
 *
 * An initial sync pages through a snapshot of the items that existed when it started (the state's
 * journal position), in the profile's order; then, like every later sync, it follows the folder's
 * journal from that position, so nothing that changed while the client paged is lost. Journal
 * entries are folded into net changes per item within the page: created and deleted → nothing;
 * created then updated → one Create with the current state; only the read flag → ReadFlagChange.
 * A snapshot item deleted before its page came is reported as a Delete of an id the client never
 * saw; clients ignore those, and the alternative (remembering what each client saw) needs server
 * state per sync, which an opaque token avoids.
 */
export function itemChangesPage(folder: Folder, state: ItemSyncState, opts: PageOptions): ItemPage {
  const changes: ItemChangeOut[] = [];
  const inRange = (item: Item) => !opts.receivedSince || item.data.dateTimeReceived >= opts.receivedSince;

  if (state.snapshot) {
    const { taken, last, more } = snapshotPage(folder, state, opts);
    for (const item of taken) changes.push({ type: 'create', item });
    if (more) return { changes, next: { ...state, snapshot: { after: last! } }, includesLast: false };
    const rest = journalPage(folder, state.pos, opts.max - taken.length, opts, inRange);
    return { changes: [...changes, ...rest.changes], next: withoutSnapshot(state, rest.pos), includesLast: rest.includesLast };
  }

  const page = journalPage(folder, state.pos, opts.max, opts, inRange);
  return { changes: page.changes, next: withoutSnapshot(state, page.pos), includesLast: page.includesLast };
}

/** The state of a sync that starts now: a snapshot at the current journal position. */
export function initialItemState(mailboxId: string, folderId: string, position: number): ItemSyncState {
  return { kind: 'items', mailbox: mailboxId, folder: folderId, pos: position, snapshot: {} };
}

function withoutSnapshot(state: ItemSyncState, pos: number): ItemSyncState {
  return { kind: 'items', mailbox: state.mailbox, folder: state.folder, pos };
}

/**
 * The next page of the initial snapshot: items created at or before the state's position and still
 * in the folder, in the profile's order by [DateTimeReceived, create position], after the last one
 * reported. Walks the folder's index from `after`, so a page costs per page, not per folder size.
 */
function snapshotPage(folder: Folder, state: ItemSyncState, opts: PageOptions): { taken: Item[]; last?: SortKey; more: boolean } {
  const index = folderIndex(folder);
  const after = state.snapshot?.after;
  const since = opts.receivedSince?.getTime();
  const taken: Item[] = [];
  let last: SortKey | undefined;
  // Undefined while the page has room; true or false once it is full and the next candidate is known.
  const consider = (i: number): boolean | undefined => {
    const item = index.items[i];
    const seq = index.createSeqs[i];
    // Arrived after the snapshot was taken: the journal reports it.
    if (seq > state.pos || opts.ignore.has(item.id)) return undefined;
    if (taken.length === opts.max) return true;
    taken.push(item);
    last = [item.data.dateTimeReceived.getTime(), seq];
    return undefined;
  };
  let more = false;
  if (opts.newestFirst) {
    for (let i = (after ? firstAfterKey(index, after) : index.items.length) - 1; i >= 0 && !more; i--) {
      if (after && compareKey(index.items[i], index.createSeqs[i], after) >= 0) continue;
      // Older than NumberOfDays: so is everything further down.
      if (since !== undefined && index.items[i].data.dateTimeReceived.getTime() < since) break;
      more = consider(i) === true;
    }
  } else {
    let start = after ? firstAfterKey(index, after) : 0;
    if (since !== undefined) start = Math.max(start, firstReceivedAtOrAfter(index, since));
    for (let i = start; i < index.items.length && !more; i++) more = consider(i) === true;
  }
  return { taken, last, more };
}

interface Touched {
  first: ItemChangeType;
  last: ItemChangeType;
  updated: boolean;
}

/**
 * Folds journal entries after `pos` into net changes for at most `budget` distinct items; the page
 * ends before the first entry of an item that would exceed the budget.
 */
function journalPage(folder: Folder, pos: number, budget: number, opts: PageOptions, inRange: (i: Item) => boolean): { changes: ItemChangeOut[]; pos: number; includesLast: boolean } {
  const touched = new Map<string, Touched>();
  let reached = pos;
  let includesLast = true;
  for (let i = firstAfter(folder, pos); i < folder.journal.length; i++) {
    const entry = folder.journal[i];
    let t = touched.get(entry.itemId);
    if (!t) {
      if (touched.size >= budget) {
        includesLast = false;
        break;
      }
      t = { first: entry.type, last: entry.type, updated: false };
      touched.set(entry.itemId, t);
    }
    t.last = entry.type;
    if (entry.type === 'update') t.updated = true;
    reached = entry.seq;
  }

  const changes: ItemChangeOut[] = [];
  for (const [itemId, t] of touched) {
    if (opts.ignore.has(itemId)) continue;
    const item = folder.items.get(itemId);
    if (t.first === 'create') {
      // Created in this window: report it only if it still exists (ids never come back once deleted).
      if (t.last !== 'delete' && item && inRange(item)) changes.push({ type: 'create', item });
    } else if (t.last === 'delete') {
      changes.push({ type: 'delete', itemId });
    } else if (item && inRange(item)) {
      changes.push({ type: t.updated ? 'update' : 'readflag', item });
    }
    // An item gone since this window's end gets its Delete on the page that reaches its deletion.
  }
  return { changes, pos: reached, includesLast };
}

/** Index of the first journal entry after position `pos` (the journal is sorted by seq). */
function firstAfter(folder: Folder, pos: number): number {
  let lo = 0;
  let hi = folder.journal.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (folder.journal[mid].seq <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
