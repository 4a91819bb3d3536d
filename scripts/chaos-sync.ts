/**
 * The syncer under random faults: a mock with N mailboxes (default 50) answering a share of the
 * requests (default 15%) with 503s, ErrorServerBusy with and without BackOffMilliseconds,
 * connection resets, empty and truncated replies and delays (admin fault engine, seeded), the
 * syncer re-run until every mailbox succeeded, then its database compared with the mock.
 *
 *   npx tsx scripts/chaos-sync.ts [--mailboxes 50] [--per-folder 12] [--fault-rate 0.15] [--seed 1]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startMock } from '../mock-ews/src/server/start';
import { createLogger } from '../mock-ews/src/server/logger';
import { chaosFaults, chaosScenario, compareWithMock, describe, mismatches, prepareSyncer, syncUntilDone } from '../step-definitions/reliability/chaos';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<number> {
  const mailboxes = arg('mailboxes', 50);
  const perFolder = arg('per-folder', 12);
  const rate = arg('fault-rate', 0.15);
  const seed = arg('seed', 1);
  const logger = createLogger();
  logger.level = 'silent';
  const mock = await startMock({ port: 0, logger });
  const dir = mkdtempSync(path.join(tmpdir(), 'chaos-sync-'));
  const started = Date.now();
  try {
    const loaded = await mock.admin.loadScenario(chaosScenario(mailboxes, perFolder, seed));
    const ws = await prepareSyncer(dir, mock, loaded.mailboxes);
    for (const f of chaosFaults(rate, seed)) await mock.admin.addFault(f);
    const run = await syncUntilDone(ws);
    const faults = await mock.admin.faults();
    const injected = faults.reduce((n, f) => n + f.hits, 0);
    const requests = (await mock.admin.requestCount()).total;
    await mock.admin.clearFaults();
    const c = await compareWithMock(ws.db, mock);
    console.log(`mailboxes: ${mailboxes}, syncer runs: ${run.rounds} (${run.failedRuns} ended with failed mailboxes), ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`EWS requests: ${requests}, faults injected: ${injected} (${((100 * injected) / Math.max(1, requests)).toFixed(1)}%): ${faults.map((f) => `${f.kind}${f.kind === 'http-status' ? ' ' + f.status : ''} ${f.hits}`).join(', ')}`);
    console.log(describe(c));
    return mismatches(c) === 0 && injected / Math.max(1, requests) >= 0.1 ? 0 : 1;
  } finally {
    await mock.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().then((code) => {
  process.exitCode = code;
});
