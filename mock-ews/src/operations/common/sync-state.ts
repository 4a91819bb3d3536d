import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ItemError } from '../../soap/error-catalogue';
import type { Store } from '../../store/store';

/**
 * Sync states are opaque to clients, as Exchange's are. Here a state is a position in the store's
 * journals, bound to what it synchronises (items of one folder, or the hierarchy under one root, of
 * one mailbox) and signed with the store's secret: a state from another folder, another mailbox, the
 * other kind of sync, or an edited or made-up one is refused with ErrorInvalidSyncStateData.
 */

/** Where an item sync stands: still walking the initial snapshot, or following the folder's journal. */
const itemState = z.object({
  kind: z.literal('items'),
  mailbox: z.string(),
  folder: z.string(),
  /**
   * Journal position: changes after it are still to report. During the initial sync it is where the
   * snapshot was taken, so changes made while the client pages through the snapshot are not lost.
   */
  pos: z.number().int().nonnegative(),
  /**
   * Present while the initial snapshot is being paged: the sort key [DateTimeReceived ms, create seq]
   * of the last item reported, absent before the first page.
   */
  snapshot: z.object({ after: z.tuple([z.number(), z.number()]).optional() }).optional(),
});

const hierarchyState = z.object({
  kind: z.literal('hierarchy'),
  mailbox: z.string(),
  /** The SyncFolderId the sync was started with; null when the request had none (the whole mailbox). */
  root: z.string().nullable(),
  pos: z.number().int().nonnegative(),
});

/**
 * GetConversationItems: the store's position when the conversation was last read whole (absent: never),
 * and the messages (id:version) already answered since, when MaxItemsToReturn cut an answer short.
 */
const conversationState = z.object({
  kind: z.literal('conversation'),
  mailbox: z.string(),
  conversation: z.string(),
  pos: z.number().int().nonnegative().optional(),
  sent: z.array(z.string()).optional(),
});

const anyState = z.discriminatedUnion('kind', [itemState, hierarchyState, conversationState]);

export type ItemSyncState = z.infer<typeof itemState>;
export type HierarchySyncState = z.infer<typeof hierarchyState>;
export type ConversationSyncState = z.infer<typeof conversationState>;
type SyncState = z.infer<typeof anyState>;

const FORMAT = 0x01;
const MAC_BYTES = 16;

function mac(store: Store, payload: Buffer): Buffer {
  return createHmac('sha256', store.secret).update(payload).digest().subarray(0, MAC_BYTES);
}

export function encodeSyncState(store: Store, state: SyncState): string {
  const payload = Buffer.from(JSON.stringify(state), 'utf8');
  return Buffer.concat([Buffer.from([FORMAT]), mac(store, payload), payload]).toString('base64');
}

function decode(store: Store, text: string): SyncState {
  const invalid = () => new ItemError('ErrorInvalidSyncStateData');
  // Line breaks some clients wrap long base64 in are not part of the state.
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) throw invalid();
  const raw = Buffer.from(compact, 'base64');
  if (raw.length <= 1 + MAC_BYTES || raw[0] !== FORMAT) throw invalid();
  const given = raw.subarray(1, 1 + MAC_BYTES);
  const payload = raw.subarray(1 + MAC_BYTES);
  if (!timingSafeEqual(given, mac(store, payload))) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload.toString('utf8'));
  } catch {
    throw invalid();
  }
  const result = anyState.safeParse(parsed);
  if (!result.success || (result.data.pos ?? 0) > store.position) throw invalid();
  return result.data;
}

/** Decodes an item sync state for this mailbox and folder; anything else is ErrorInvalidSyncStateData. */
export function decodeItemSyncState(store: Store, text: string, mailboxId: string, folderId: string): ItemSyncState {
  const s = decode(store, text);
  if (s.kind !== 'items' || s.mailbox !== mailboxId || s.folder !== folderId) throw new ItemError('ErrorInvalidSyncStateData');
  return s;
}

/** Decodes a hierarchy sync state for this mailbox and sync root (null = none given). */
export function decodeHierarchySyncState(store: Store, text: string, mailboxId: string, root: string | null): HierarchySyncState {
  const s = decode(store, text);
  if (s.kind !== 'hierarchy' || s.mailbox !== mailboxId || s.root !== root) throw new ItemError('ErrorInvalidSyncStateData');
  return s;
}

/** Decodes a conversation sync state for this mailbox and conversation. */
export function decodeConversationSyncState(store: Store, text: string, mailboxId: string, conversationId: string): ConversationSyncState {
  const s = decode(store, text);
  if (s.kind !== 'conversation' || s.mailbox !== mailboxId || s.conversation !== conversationId) throw new ItemError('ErrorInvalidSyncStateData');
  return s;
}
