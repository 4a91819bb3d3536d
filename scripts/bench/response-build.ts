/**
 * In-process micro-measurement of what figure 1's requests cost inside the mock, without HTTP:
 * parse the request, run the operation, serialise the response, and (separately) redact both
 * bodies for the journal. Useful to compare two versions of the response path on a busy machine,
 * where load-generator figures drift (times are CPU time of this process, not wall time); it is not a replacement for `npm run bench:request-cost`.
 *
 *   npx tsx scripts/bench/response-build.ts      (BENCH_INBOX_ITEMS, BENCH_ITERATIONS, BENCH_BATCHES, BENCH_CASE)
 *
 * BENCH_CPU_PROFILE=file.cpuprofile writes a CPU profile of the timed loops only (not the set-up).
 */
import os from 'node:os';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { startMock } from '../../mock-ews/src/server/start';
import { parseEnvelope } from '../../mock-ews/src/soap/envelope';
import { startEnvelope } from '../../mock-ews/src/soap/response-writer';
import { OPERATIONS } from '../../mock-ews/src/operations/registry';
import { redactXml } from '../../mock-ews/src/admin/journal';
import { writeScenario } from './lib/scenarios';
import { countOf, findItemIdOnly, getItemWithMime, itemIdsOf, SUPER_USER, syncFolderItems } from './lib/soap';
import { envNumber } from './lib/report';

const INBOX = envNumber('BENCH_INBOX_ITEMS', 100_000);
const ITERATIONS = envNumber('BENCH_ITERATIONS', 300);
const BATCHES = envNumber('BENCH_BATCHES', 5);
const PROFILE_FILE = process.env.BENCH_CPU_PROFILE;

/** CPU time (user + system) since `from`, in µs: steadier than wall time on a shared machine. */
function cpuUs(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return d.user + d.system;
}

async function main(): Promise<void> {
  const scenario = writeScenario(`inbox-${INBOX}`, { mailboxes: 1, perMailbox: INBOX });
  const smtp = scenario.mailboxes[0];
  const mock = await startMock({ scenario: scenario.file, port: 0 });
  try {
    const state = mock.state;
    const caller = state.store.accountByLogon(SUPER_USER)!;
    const mailbox = state.store.mailbox(smtp)!;

    /** One request as the endpoint runs it after authentication: parse, handle, serialise. */
    const build = async (request: string): Promise<string> => {
      const env = parseEnvelope(request);
      const { doc, body } = startEnvelope(state.profile);
      await OPERATIONS.get(env.operation.local)!.handle({
        store: state.store,
        profile: state.profile,
        version: 'Exchange2010_SP2',
        caller,
        mailbox,
        impersonating: true,
        request: env.operation,
        header: env.header,
        body,
        log: state.log,
      });
      return doc.end();
    };

    const ids = itemIdsOf(await build(findItemIdOnly(smtp, 10)));
    const cases = [
      { name: 'FindItem IdOnly, 100 of the Inbox', request: findItemIdOnly(smtp, 100), element: 't:Message', count: 100 },
      { name: 'SyncFolderItems, 512 changes', request: syncFolderItems(smtp, 512), element: 't:Create', count: 512 },
      { name: 'GetItem of 10 with MimeContent', request: getItemWithMime(smtp, ids), element: 't:MimeContent', count: 10 },
    ];
    console.log(`${new Date().toISOString()}  nproc ${os.cpus().length}  node ${process.version}  inbox ${INBOX}  ${ITERATIONS} iterations`);
    const inspector = PROFILE_FILE ? new Session() : undefined;
    if (inspector) {
      inspector.connect();
      await inspector.post('Profiler.enable');
    }
    console.log('case                                   build µs   redact µs   bytes');
    const profiles: object[] = [];
    for (const c of cases) {
      if (process.env.BENCH_CASE && !c.name.startsWith(process.env.BENCH_CASE)) continue;
      const answer = await build(c.request);
      if (countOf(answer, c.element) !== c.count) throw new Error(`${c.name}: expected ${c.count} ${c.element}`);
      // Warm-up: JIT, caches the operation keeps on purpose (MIME), lazily built indexes.
      for (let i = 0; i < Math.max(20, ITERATIONS / 10); i++) await build(c.request);
      if (inspector) await inspector.post('Profiler.start');
      // The best of a few batches: other processes on a shared machine only ever add time.
      let buildUs = Infinity;
      for (let b = 0; b < BATCHES; b++) {
        const start = process.cpuUsage();
        for (let i = 0; i < ITERATIONS; i++) await build(c.request);
        buildUs = Math.min(buildUs, cpuUs(start) / ITERATIONS);
      }
      let t0 = process.cpuUsage();
      for (let i = 0; i < ITERATIONS; i++) {
        redactXml(c.request);
        redactXml(answer);
      }
      const redactUs = cpuUs(t0) / ITERATIONS;
      if (inspector) profiles.push((await inspector.post('Profiler.stop')).profile);
      console.log(`${c.name.padEnd(38)} ${buildUs.toFixed(0).padStart(8)}   ${redactUs.toFixed(0).padStart(9)}   ${Buffer.byteLength(answer)}`);
    }
    // One profile per case; the last one is written (set BENCH_CASE to choose which runs).
    if (PROFILE_FILE && profiles.length > 0) writeFileSync(PROFILE_FILE, JSON.stringify(profiles[profiles.length - 1]));
  } finally {
    await mock.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
