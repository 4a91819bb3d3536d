import type { BatchResult, FolderBatch, FolderRecord, MailboxRecord, MappedEmail, SyncStorage } from '../db/storage';
import { EwsFailure } from '../ews/errors';
import type { AttachmentDownloads, MailboxClient } from '../ews/mailbox-client';
import { completeAttachments, planAttachments, RawMessage } from '../ews/mapping';
import type { Settings } from '../settings/types';
import type { Log } from '../util/log';

export interface MailboxSyncContext {
  storage: SyncStorage;
  settings: Settings;
  mailbox: MailboxRecord;
  client: MailboxClient;
  /** Epoch ms after which no further folder (or page) is started. */
  deadline: number;
  /** Load bodies and attachments during the sync; otherwise `ews-sync bodies` does it later. */
  withBodies: boolean;
  log: Log;
  /** Called after each saved batch, for progress display. */
  onProgress?: (delta: { emails: number }) => void;
}

export interface MailboxSyncResult {
  folders: number;
  /** Folders left for the next run because the time budget ran out. */
  deferredFolders: string[];
  created: number;
  updated: number;
  moved: number;
  deleted: number;
  /** Emails that could not be read or saved: logged and skipped. */
  failedEmails: number;
}

const GET_ITEM_BATCH = 100;

/** Syncs one impersonated mailbox: folder hierarchy, then each folder with the configured strategy. */
export async function syncMailbox(ctx: MailboxSyncContext): Promise<MailboxSyncResult> {
  const { storage, mailbox, client, log } = ctx;
  const result: MailboxSyncResult = { folders: 0, deferredFolders: [], created: 0, updated: 0, moved: 0, deleted: 0, failedEmails: 0 };

  const folders = storage.replaceFolders(mailbox.id, await client.folders());
  result.folders = folders.length;
  // Least recently synced first, so a mailbox cut short by its time budget catches up over runs.
  const ordered = [...folders].sort((a, b) => (a.lastSyncAt ?? '').localeCompare(b.lastSyncAt ?? '') || a.id - b.id);
  for (const folder of ordered) {
    if (Date.now() >= ctx.deadline) {
      result.deferredFolders.push(folder.fullName);
      continue;
    }
    const complete =
      ctx.settings.strategy === 'sync-state' ? await syncFolderByState(ctx, folder, result) : await syncFolderByFindItem(ctx, folder, result);
    if (!complete) result.deferredFolders.push(folder.fullName);
  }
  storage.purgeRemovedLinks(mailbox.id);
  if (result.deferredFolders.length > 0) {
    log.info(`${mailbox.email}: time budget used up; ${result.deferredFolders.join(', ')} wait for the next run`);
  }
  return result;
}

/** SyncFolderItems from the stored state: exact, no re-reads. Returns false when cut short by the deadline. */
async function syncFolderByState(ctx: MailboxSyncContext, folder: FolderRecord, result: MailboxSyncResult): Promise<boolean> {
  let state = folder.syncState ?? '';
  let resetOnce = false;
  for (;;) {
    let page;
    try {
      page = await ctx.client.syncItems(folder.ewsId, state);
    } catch (err) {
      // A state the server no longer accepts: start the folder over (stored items are not re-imported).
      if (err instanceof EwsFailure && err.responseCode === 'ErrorInvalidSyncStateData' && state && !resetOnce) {
        ctx.log.warn(`${ctx.mailbox.email}: ${folder.fullName}: sync state refused; re-reading the folder`);
        ctx.storage.resetFolderSyncState(folder.id);
        state = '';
        resetOnce = true;
        continue;
      }
      throw err;
    }
    const known = ctx.storage.itemIds(folder.id);
    // A create for an id already stored comes from a state that was not saved (an interrupted run): skip it.
    const toFetch = state ? page.changed : page.changed.filter((id) => !known.has(id));
    await importItems(ctx, folder, toFetch, page.deleted, { syncState: page.syncState, lastSyncAt: new Date().toISOString() }, result);
    state = page.syncState;
    if (!page.more) return true;
    if (Date.now() >= ctx.deadline) return false;
  }
}

/**
 * The reference strategy: FindItem pages of 100 (IdOnly) and a GetItem per page. Later syncs ask only
 * for items received (sent, in sent folders) since the last sync; stored ids are not fetched again.
 */
async function syncFolderByFindItem(ctx: MailboxSyncContext, folder: FolderRecord, result: MailboxSyncResult): Promise<boolean> {
  const started = new Date();
  // Five minutes' margin for clock skew between this host and the server.
  const since = folder.lastSyncAt ? new Date(new Date(folder.lastSyncAt).getTime() - 5 * 60_000) : undefined;
  const field = folder.type === 'sent' ? 'sent' : 'received';
  const known = ctx.storage.itemIds(folder.id);
  for (let offset = 0; ; ) {
    const page = await ctx.client.findItemIds(folder.ewsId, since, field, offset);
    if (page.ids.length === 0) break;
    const fresh = page.ids.filter((id) => !known.has(id));
    await importItems(ctx, folder, fresh, [], {}, result);
    offset += page.ids.length;
    if (!page.more) break;
    if (Date.now() >= ctx.deadline) return false;
  }
  ctx.storage.saveBatch({ folderId: folder.id, mailboxId: ctx.mailbox.id, emails: [], deletedItemIds: [], moves: [], lastSyncAt: started.toISOString() });
  return true;
}

/** GetItem in batches of 100, move detection, attachments, then one transaction per batch. */
async function importItems(
  ctx: MailboxSyncContext,
  folder: FolderRecord,
  itemIds: string[],
  deletedItemIds: string[],
  finalState: { syncState?: string; lastSyncAt?: string },
  result: MailboxSyncResult,
): Promise<void> {
  const chunks: string[][] = [];
  for (let i = 0; i < itemIds.length; i += GET_ITEM_BATCH) chunks.push(itemIds.slice(i, i + GET_ITEM_BATCH));
  if (chunks.length === 0) chunks.push([]);
  for (let c = 0; c < chunks.length; c++) {
    const last = c === chunks.length - 1;
    const fetched = chunks[c].length > 0 ? await ctx.client.getItems(chunks[c], ctx.withBodies) : { messages: [], failed: [] };
    for (const f of fetched.failed) {
      ctx.log.warn(`${ctx.mailbox.email}: ${folder.fullName}: skipped item ${f.itemId}: ${f.error}`);
    }
    result.failedEmails += fetched.failed.length;
    const emails = ctx.withBodies ? await withAttachments(ctx, fetched.messages) : fetched.messages.map(stripRaw);
    const { stay, moves } = await detectMoves(ctx, folder, emails);
    const batch: FolderBatch = {
      folderId: folder.id,
      mailboxId: ctx.mailbox.id,
      emails: stay,
      moves,
      deletedItemIds: last ? deletedItemIds : [],
      ...(last ? finalState : {}),
    };
    const saved: BatchResult = ctx.storage.saveBatch(batch);
    for (const f of saved.failed) ctx.log.warn(`${ctx.mailbox.email}: ${folder.fullName}: could not save item ${f.itemId}: ${f.error}`);
    result.created += saved.created;
    result.updated += saved.updated;
    result.moved += saved.moved;
    result.deleted += saved.deleted;
    result.failedEmails += saved.failed.length;
    ctx.onProgress?.({ emails: saved.created + saved.moved });
  }
}

function stripRaw(m: RawMessage): MappedEmail {
  const { fileAttachments: _files, ...email } = m;
  return email;
}

async function withAttachments(ctx: MailboxSyncContext, messages: RawMessage[]): Promise<MappedEmail[]> {
  const options = ctx.settings.attachments;
  const plans = messages.map((m) => planAttachments(m.fileAttachments, options));
  const wanted = plans.flatMap((p) => p.download);
  const downloads: AttachmentDownloads = { contents: new Map(), failures: new Map() };
  for (let i = 0; i < wanted.length; i += 20) {
    const part = await ctx.client.attachmentContents(wanted.slice(i, i + 20));
    for (const [id, buf] of part.contents) downloads.contents.set(id, buf);
    for (const [id, why] of part.failures) downloads.failures.set(id, why);
  }
  return messages.map((m, i) => ({ ...stripRaw(m), attachments: completeAttachments(plans[i].records, downloads, options.maxSizeBytes) }));
}

/**
 * A message whose Message-ID this mailbox already holds in another folder moved here when the old
 * item is gone: the server reported it deleted in this sync, or GetItem no longer finds it. A copy
 * (old item still there) stays a second link to the same email.
 */
async function detectMoves(ctx: MailboxSyncContext, folder: FolderRecord, emails: MappedEmail[]): Promise<{ stay: MappedEmail[]; moves: FolderBatch['moves'] }> {
  if (emails.length === 0) return { stay: emails, moves: [] };
  const known = ctx.storage.itemIds(folder.id);
  const fresh = emails.filter((e) => !known.has(e.itemId));
  const candidates = ctx.storage.linksByMessageId(ctx.mailbox.id, fresh.map((e) => e.messageId)).filter((l) => l.folderId !== folder.id);
  if (candidates.length === 0) return { stay: emails, moves: [] };
  const toCheck = candidates.filter((l) => !l.removed).map((l) => l.itemId);
  const alive = toCheck.length > 0 ? await ctx.client.existingItemIds(toCheck) : new Set<string>();
  const used = new Set<number>();
  const moves: FolderBatch['moves'] = [];
  const stay: MappedEmail[] = [];
  for (const e of emails) {
    const gone = known.has(e.itemId)
      ? undefined
      : candidates.find((l) => l.messageId === e.messageId && !used.has(l.linkId) && (l.removed || !alive.has(l.itemId)));
    if (gone) {
      used.add(gone.linkId);
      moves.push({ linkId: gone.linkId, itemId: e.itemId, changeKey: e.changeKey, isRead: e.isRead });
      ctx.log.info(`${ctx.mailbox.email}: message ${e.messageId} moved to ${folder.fullName}`);
    } else stay.push(e);
  }
  return { stay, moves };
}
