import type { MailboxRecord, SyncStorage } from '../db/storage';
import type { Settings } from '../settings/types';

export interface SelectionReport {
  deactivatedOtherServer: number;
  deactivatedOrphans: number;
  created: number;
  resetStuck: number;
  due: MailboxRecord[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Failed mailboxes wait this long before the next attempt, as in the reference. */
export const FAILED_RETRY_AFTER_MS = 30 * 60 * 1000;

/** The part after the last @, lower-cased; exact match only, so sub.acme.test is not acme.test. */
export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).trim().toLowerCase();
}

/**
 * Brings mailbox records in line with users and settings, then lists the mailboxes due now:
 * 1. active mailboxes of another server are deactivated;
 * 2. mailboxes whose user address is gone or changed, or whose domain left the list, are deactivated;
 * 3. every user address in a listed domain gets an active mailbox on this server;
 * 4. mailboxes in progress for more than a day are reset to failed.
 * Explicit ids skip steps 1–3, as in the reference.
 */
export function selectMailboxes(
  storage: SyncStorage,
  settings: Settings,
  now: Date,
  options: { ids?: number[]; limit?: number; minIntervalMinutes?: number } = {},
): SelectionReport {
  const report: SelectionReport = { deactivatedOtherServer: 0, deactivatedOrphans: 0, created: 0, resetStuck: 0, due: [] };
  const server = settings.endpoint;
  const explicit = options.ids !== undefined && options.ids.length > 0;
  if (!explicit) {
    report.deactivatedOtherServer = storage.deactivateMailboxesOfOtherServers(server);
    report.deactivatedOrphans = storage.deactivateOrphanMailboxes();
    const domains = new Set(settings.domainList);
    for (const ue of storage.userEmails()) {
      if (domains.has(domainOf(ue.email)) && storage.ensureMailbox(ue.userEmailId, ue.email, server)) report.created++;
    }
    report.deactivatedOrphans += storage.deactivateMailboxesOutsideDomains(server, [...domains]);
  }
  report.resetStuck = storage.resetStuckMailboxes(new Date(now.getTime() - DAY_MS), now);
  // The min interval: a mailbox synced since then waits (explicit ids are synced whatever their wait).
  const minutes = options.minIntervalMinutes ?? settings.minIntervalMinutes;
  const syncedAfter = minutes > 0 ? new Date(now.getTime() - minutes * 60_000) : undefined;
  report.due = storage.dueMailboxes({ server, now, failedRetryAfterMs: FAILED_RETRY_AFTER_MS, limit: options.limit, ids: options.ids, syncedAfter });
  return report;
}
