/**
 * The permission-boundary property test (see step-definitions/reliability/permissions-model.ts):
 * prints the cases tried and the time taken; a failing case is shrunk and saved under
 * fixtures/regressions/, which features/reliability/permissions.feature replays.
 *
 *   npx tsx scripts/permissions.ts [--seed N] [--runs 50] [--requests 40]
 */
import { startMock } from '../mock-ews/src/server/start';
import { createLogger } from '../mock-ews/src/server/logger';
import { checkPermissions } from '../step-definitions/reliability/permissions-model';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<number> {
  const seed = arg('seed', Date.now() % 2 ** 31);
  const logger = createLogger();
  logger.level = 'silent';
  const mock = await startMock({ port: 0, logger });
  try {
    const r = await checkPermissions(mock, { seed, runs: arg('runs', 50), requestsPerRun: arg('requests', 40) });
    console.log(`seed ${r.seed}: ${r.runs} scenarios, ${r.cases} requests (cases) tried in ${(r.ms / 1000).toFixed(1)} s`);
    if (r.failure) {
      console.log(`FAILED; shrunk case saved to ${r.failure.file}:\n  ${r.failure.problems.join('\n  ')}`);
      return 1;
    }
    console.log('every request succeeded exactly when the rules allow it; no unreachable mailbox changed or leaked');
    return 0;
  } finally {
    await mock.close();
  }
}

void main().then((code) => {
  process.exitCode = code;
});
