/**
 * The syncer killed and restarted: SIGKILL at N seeded random points (default 20; a point is a
 * number of EWS requests into a run), new mail arriving between restarts; then SIGTERM mid-sync
 * (must finish its batch and exit 0) and two runs started at once (no mailbox synced twice).
 * Finally the database must equal the mock: nothing missing, nothing twice, nothing in progress.
 *
 *   npx tsx scripts/kill-sync.ts [--kills 20] [--mailboxes 10] [--per-folder 10] [--seed 1]
 */
import { startMock } from '../mock-ews/src/server/start';
import { createLogger } from '../mock-ews/src/server/logger';
import { describe } from '../step-definitions/reliability/chaos';
import { killFailures, killTest } from '../step-definitions/reliability/kill';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<number> {
  const o = { kills: arg('kills', 20), mailboxes: arg('mailboxes', 10), perFolder: arg('per-folder', 10), seed: arg('seed', 1), sigterm: true, concurrent: true };
  const logger = createLogger();
  logger.level = 'silent';
  const mock = await startMock({ port: 0, logger });
  const started = Date.now();
  try {
    const r = await killTest(mock, o);
    console.log(`SIGKILL: ${r.kills} kills at request points ${r.points.join(', ')}; ${r.finishedBeforeKill} run(s) finished before their point; ${r.messagesDelivered} messages delivered between restarts`);
    if (r.sigterm) console.log(`SIGTERM: exit code ${r.sigterm.exitCode} after ${r.sigterm.seconds.toFixed(1)} s, logged: ${r.sigterm.logged}, mailboxes left in progress: ${r.sigterm.inProgressAfter}`);
    if (r.concurrent) console.log(`two runs at once: exit codes ${r.concurrent.exitCodes.join(', ')}, mailboxes synced twice: ${r.concurrent.mailboxesSyncedTwice.length}`);
    console.log(`stuck in progress: ${r.stuckInProgress.length}`);
    console.log(describe(r.comparison));
    console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
    const failures = killFailures(r, o);
    if (failures.length) console.log(`FAILED: ${failures.join('; ')}`);
    return failures.length ? 1 : 0;
  } finally {
    await mock.close();
  }
}

void main().then((code) => {
  process.exitCode = code;
});
