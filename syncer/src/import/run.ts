import type { MailboxRecord, SyncStorage } from '../db/storage';
import { connectionAuth, ConnectionParams } from '../ews/client';
import { EwsFailure } from '../ews/errors';
import { MailboxClient } from '../ews/mailbox-client';
import { DEFAULT_RETRY, loggingRetries, RetryPolicy } from '../ews/retry';
import type { Settings } from '../settings/types';
import type { Log } from '../util/log';
import { syncMailbox, MailboxSyncResult } from './mailbox-sync';
import { selectMailboxes } from './selection';

export interface RunOptions {
  concurrency?: number;
  maxRunSeconds?: number;
  maxMailboxes?: number;
  /** Overrides the settings' minIntervalMinutes. */
  minIntervalMinutes?: number;
  mailboxIds?: number[];
  withBodies?: boolean;
  retry?: RetryPolicy;
  /**
   * Aborted to stop gracefully (SIGTERM): mailboxes in progress finish the batch they are saving and
   * leave their remaining folders for the next run, as when their time budget runs out; no new
   * mailbox starts.
   */
  stopSignal?: AbortSignal;
  log: Log;
  /** Progress hooks; the CLI draws a bar with them on a terminal. */
  progress?: {
    start(total: number): void;
    mailboxDone(email: string, ok: boolean): void;
    emails(n: number): void;
    stop(): void;
  };
}

export interface RunSummary {
  /** False when the integration is disabled or has no server: nothing was synced. */
  configured: boolean;
  selected: number;
  succeeded: { email: string; result: MailboxSyncResult }[];
  failed: { id: number; email: string; error: string }[];
  /** Selected but not started: the run time ran out or another run holds them. */
  notStarted: string[];
}

export function connectionParams(settings: Settings): ConnectionParams {
  return {
    endpoint: settings.endpoint,
    generation: settings.generation!,
    login: settings.login,
    password: settings.password,
    tlsVerify: settings.tlsVerify,
    timeoutMs: settings.requestTimeoutSeconds * 1000,
    ...connectionAuth(settings),
  };
}

/** One sync run: select mailboxes, sync up to `concurrency` at once, each failure contained to its mailbox. */
export async function runSync(storage: SyncStorage, settings: Settings, options: RunOptions): Promise<RunSummary> {
  const { log } = options;
  const summary: RunSummary = { configured: false, selected: 0, succeeded: [], failed: [], notStarted: [] };
  if (!settings.enabled || !settings.endpoint || !settings.generation) {
    log.info(settings.enabled ? 'sync is not configured: no server is set; nothing to do' : 'sync is not configured: the integration is disabled; nothing to do');
    return summary;
  }
  summary.configured = true;
  if (!settings.tlsVerify && settings.endpoint.startsWith('https:')) {
    log.warn(`TLS certificate verification is OFF for ${settings.endpoint} (tlsVerify: false)`);
  }
  const started = Date.now();
  const maxRunSeconds = options.maxRunSeconds ?? settings.maxRunSeconds;
  const runDeadline = maxRunSeconds === -1 ? Number.POSITIVE_INFINITY : started + maxRunSeconds * 1000;
  const limit = options.maxMailboxes ?? settings.maxMailboxes;
  const selection = selectMailboxes(storage, settings, new Date(started), { ids: options.mailboxIds, limit, minIntervalMinutes: options.minIntervalMinutes });
  if (selection.deactivatedOtherServer) log.info(`deactivated ${selection.deactivatedOtherServer} mailbox(es) of another server`);
  if (selection.deactivatedOrphans) log.info(`deactivated ${selection.deactivatedOrphans} mailbox(es) whose address changed, was removed or left the domain list`);
  if (selection.created) log.info(`added ${selection.created} mailbox(es)`);
  if (selection.resetStuck) log.warn(`reset ${selection.resetStuck} mailbox(es) stuck in progress (held by a run that ended, or for more than a day)`);
  const queue: MailboxRecord[] = [...selection.due];
  summary.selected = queue.length;
  log.info(`${queue.length} mailbox(es) to sync, ${options.concurrency ?? settings.concurrency} at a time`);
  options.progress?.start(queue.length);

  const params = connectionParams(settings);
  const retry = { ...(options.retry ?? DEFAULT_RETRY), deadline: Number.isFinite(runDeadline) ? runDeadline : undefined };
  const worker = async () => {
    for (let mailbox = queue.shift(); mailbox; mailbox = queue.shift()) {
      if (Date.now() >= runDeadline || options.stopSignal?.aborted) {
        summary.notStarted.push(mailbox.email);
        continue;
      }
      if (!storage.claimMailbox(mailbox.id, new Date(), mailbox.changedAt, new Date(started))) {
        log.info(`${mailbox.email}: being synced, or just synced, by another run; skipped`);
        summary.notStarted.push(mailbox.email);
        continue;
      }
      const mailboxStart = Date.now();
      log.info(`${mailbox.email}: sync started`);
      const ctx = {
        storage,
        settings,
        mailbox,
        client: new MailboxClient(params, mailbox.email, loggingRetries(retry, log, mailbox.email)),
        deadline: options.stopSignal?.aborted ? 0 : Math.min(mailboxStart + settings.mailboxTimeBudgetSeconds * 1000, runDeadline),
        withBodies: options.withBodies ?? true,
        log,
        onProgress: (d: { emails: number }) => options.progress?.emails(d.emails),
      };
      const stop = () => {
        ctx.deadline = 0;
      };
      options.stopSignal?.addEventListener('abort', stop);
      try {
        const result = await syncMailbox(ctx).finally(() => options.stopSignal?.removeEventListener('abort', stop));
        storage.finishMailbox(mailbox.id, { ok: true }, new Date());
        summary.succeeded.push({ email: mailbox.email, result });
        log.info(
          `${mailbox.email}: succeeded in ${((Date.now() - mailboxStart) / 1000).toFixed(1)} s: ${result.folders} folders, ` +
            `${result.created} new, ${result.updated} updated, ${result.moved} moved, ${result.deleted} deleted, ${result.failedEmails} skipped`,
        );
        options.progress?.mailboxDone(mailbox.email, true);
      } catch (err) {
        const error = err instanceof EwsFailure ? err.message : err instanceof Error ? err.message : String(err);
        storage.finishMailbox(mailbox.id, { ok: false, error }, new Date());
        summary.failed.push({ id: mailbox.id, email: mailbox.email, error });
        log.error(`${mailbox.email}: failed: ${error}`);
        options.progress?.mailboxDone(mailbox.email, false);
      }
    }
  };
  const concurrency = Math.max(1, options.concurrency ?? settings.concurrency);
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, queue.length)) }, worker));
  options.progress?.stop();
  if (summary.notStarted.length) log.warn(`not started (run time limit or held by another run): ${summary.notStarted.join(', ')}`);
  return summary;
}
