import type { SyncStorage } from '../db/storage';
import { MailboxClient } from '../ews/mailbox-client';
import { completeAttachments, planAttachments } from '../ews/mapping';
import type { Settings } from '../settings/types';
import type { Log } from '../util/log';
import { connectionParams } from './run';

/**
 * Loads bodies (and file attachments, when enabled and within the limit) of emails imported
 * without them. Each email is read through the mailbox that holds it, impersonating that mailbox.
 */
export async function loadBodies(storage: SyncStorage, settings: Settings, log: Log, limit = 10_000): Promise<{ loaded: number; failed: number }> {
  const pending = storage.pendingBodies(limit);
  const byMailbox = new Map<string, typeof pending>();
  for (const p of pending) byMailbox.set(p.mailboxEmail, [...(byMailbox.get(p.mailboxEmail) ?? []), p]);
  let loaded = 0;
  let failed = 0;
  for (const [mailbox, items] of byMailbox) {
    const client = new MailboxClient(connectionParams(settings), mailbox);
    for (let i = 0; i < items.length; i += 100) {
      const chunk = items.slice(i, i + 100);
      try {
        const fetched = await client.getItems(chunk.map((c) => c.itemId), true);
        for (const f of fetched.failed) log.warn(`${mailbox}: body of item ${f.itemId} not loaded: ${f.error}`);
        failed += fetched.failed.length;
        for (const m of fetched.messages) {
          const plan = planAttachments(m.fileAttachments, settings.attachments);
          const contents = await client.attachmentContents(plan.download);
          const entry = chunk.find((c) => c.itemId === m.itemId)!;
          storage.saveBody(entry.emailId, m.body ?? { type: 'text', content: '' }, completeAttachments(plan.records, contents, settings.attachments.maxSizeBytes));
          loaded++;
        }
      } catch (err) {
        failed += chunk.length;
        log.error(`${mailbox}: bodies not loaded: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  return { loaded, failed };
}
