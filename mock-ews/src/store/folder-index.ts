import type { Folder, Item } from './types';

/**
 * A folder's items in DateTimeReceived order, kept beside the folder and brought up to date from
 * its append-only journal, so FindItem and SyncFolderItems pages cost per page, not per folder size.
 *
 * Order: ascending by [received time, journal position of the item's create entry]; the second key
 * breaks ties the way arrival order does. Received times never change after delivery, so only
 * creates and deletes move anything.
 */
export interface FolderIndex {
  /** Items now in the folder, oldest first. Read-only: callers copy before sorting or filtering. */
  readonly items: readonly Item[];
  /** `createSeqs[i]` is the journal position at which `items[i]` was created in this folder. */
  readonly createSeqs: readonly number[];
}

interface IndexState extends FolderIndex {
  items: Item[];
  createSeqs: number[];
  /** Journal entries already applied. */
  seen: number;
}

const indexes = new WeakMap<Folder, IndexState>();

export function folderIndex(folder: Folder): FolderIndex {
  let state = indexes.get(folder);
  if (!state) {
    state = { items: [], createSeqs: [], seen: 0 };
    indexes.set(folder, state);
  }
  if (state.seen < folder.journal.length) catchUp(folder, state);
  return state;
}

const received = (item: Item) => item.data.dateTimeReceived.getTime();

/** Compares an entry of the index with a key [received ms, create seq]. */
export function compareKey(item: Item, seq: number, key: readonly [number, number]): number {
  return received(item) - key[0] || seq - key[1];
}

/** The first index whose entry sorts after `key` (all entries when none does: `items.length`). */
export function firstAfterKey(index: FolderIndex, key: readonly [number, number]): number {
  let lo = 0;
  let hi = index.items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareKey(index.items[mid], index.createSeqs[mid], key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index whose entry was received at or after `ms`. */
export function firstReceivedAtOrAfter(index: FolderIndex, ms: number): number {
  let lo = 0;
  let hi = index.items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (received(index.items[mid]) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function catchUp(folder: Folder, state: IndexState): void {
  let deleted = false;
  for (let i = state.seen; i < folder.journal.length; i++) {
    const entry = folder.journal[i];
    if (entry.type === 'delete') deleted = true;
    if (entry.type !== 'create') continue;
    const item = folder.items.get(entry.itemId);
    // Created and gone again before this catch-up: nothing to index.
    if (!item) continue;
    insert(state, item, entry.seq);
  }
  state.seen = folder.journal.length;
  if (deleted) {
    // Keep the entries whose item is still here (a deleted id never comes back).
    let w = 0;
    for (let r = 0; r < state.items.length; r++) {
      const item = state.items[r];
      if (folder.items.get(item.id) !== item) continue;
      state.items[w] = item;
      state.createSeqs[w] = state.createSeqs[r];
      w++;
    }
    state.items.length = w;
    state.createSeqs.length = w;
  }
}

/** Mail usually arrives in time order, so this is a push; an older arrival is put in its place. */
function insert(state: IndexState, item: Item, seq: number): void {
  const n = state.items.length;
  if (n === 0 || compareKey(state.items[n - 1], state.createSeqs[n - 1], [received(item), seq]) < 0) {
    state.items.push(item);
    state.createSeqs.push(seq);
    return;
  }
  const at = firstAfterKey(state, [received(item), seq]);
  state.items.splice(at, 0, item);
  state.createSeqs.splice(at, 0, seq);
}
