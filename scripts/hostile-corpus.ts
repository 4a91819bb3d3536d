/**
 * Runs the hostile-input corpus (fixtures/hostile/index.yaml) against in-process mocks and prints,
 * per request, the answer and whether the store stayed byte-for-byte the same; then the totals and
 * the memory figures. `--examples` prints the Examples table of features/reliability/hostile-input.feature.
 *
 *   npx tsx scripts/hostile-corpus.ts [--examples]
 */
import { startMock, RunningMock } from '../mock-ews/src/server/start';
import { createLogger } from '../mock-ews/src/server/logger';
import type { ProfileName } from '../mock-ews/src/profiles/profiles';
import { buildRequest, differences, loadCorpus, send } from '../step-definitions/reliability/hostile-corpus';

const MB = 1024 * 1024;

async function main(): Promise<number> {
  const corpus = loadCorpus();
  if (process.argv.includes('--examples')) {
    const width = Math.max(...corpus.map((e) => e.name.length), 'request'.length);
    console.log(`      | ${'request'.padEnd(width)} |`);
    for (const e of corpus) console.log(`      | ${e.name.padEnd(width)} |`);
    return 0;
  }
  const mocks = new Map<string, RunningMock>();
  const logger = createLogger();
  logger.level = 'silent';
  const rssStart = process.memoryUsage().rss;
  let peak = rssStart;
  let mismatches = 0;
  let changed = 0;
  let unexpected = 0;
  for (const entry of corpus) {
    const key = entry.profile ?? 'default';
    let mock = mocks.get(key);
    if (!mock) {
      mock = await startMock({ port: 0, profile: entry.profile as ProfileName | undefined, logger });
      mocks.set(key, mock);
    }
    const before = (await mock.admin.storeDigest()).digest;
    const errors = (await mock.admin.serverErrors()).count;
    const request = await buildRequest(entry, mock.admin);
    const t0 = Date.now();
    const reply = await send(mock.url, request);
    const ms = Date.now() - t0;
    const problems = differences(entry, reply);
    const same = (await mock.admin.storeDigest()).digest === before;
    if (problems.length) mismatches++;
    if (!same) changed++;
    if ((await mock.admin.serverErrors()).count > errors) unexpected++;
    peak = Math.max(peak, process.memoryUsage().rss);
    const verdict = problems.length === 0 && same ? 'ok' : 'FAIL';
    console.log(`${verdict.padEnd(4)} ${entry.name.padEnd(40)} ${String(reply.status).padEnd(4)} ${String(ms).padStart(5)} ms ${entry.expect.code ?? ''}${same ? '' : ' STORE CHANGED'}${problems.length ? ' ' + problems.join('; ') : ''}`);
  }
  for (const m of mocks.values()) await m.close();
  const rssEnd = process.memoryUsage().rss;
  console.log(`\nrequests: ${corpus.length}, answers not as expected: ${mismatches}, store changed: ${changed}, unexpected server errors: ${unexpected}`);
  console.log(`RSS: start ${(rssStart / MB).toFixed(0)} MB, peak ${(peak / MB).toFixed(0)} MB, end ${(rssEnd / MB).toFixed(0)} MB`);
  return mismatches + changed + unexpected === 0 ? 0 : 1;
}

void main().then((code) => {
  process.exitCode = code;
});
