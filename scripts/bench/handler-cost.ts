/**
 * In-process CPU cost of the whole EWS handler (journal capture, authentication, parsing, version
 * gate, impersonation, throttling, the operation, serialisation, journal record) for an IdOnly
 * FindItem page of 100, without HTTP: handleEws is called with stand-in request and response
 * objects. Compare two versions of the handler with it; `response-build.ts` times the parse,
 * operation and serialisation alone, `request-cpu.ts` the same request over HTTP.
 *
 *   npx tsx scripts/bench/handler-cost.ts      (BENCH_ITERATIONS=3000, BENCH_BATCHES=5,
 *                                               BENCH_CPU_PROFILE=file.cpuprofile)
 */
import { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { startMock } from '../../mock-ews/src/server/start';
import { handleEws } from '../../mock-ews/src/server/ews-endpoint';
import { envNumber } from './lib/report';
import { writeScenario } from './lib/scenarios';
import { findItemIdOnly, SOAP_HEADERS } from './lib/soap';

const ITERATIONS = envNumber('BENCH_ITERATIONS', 3000);
const BATCHES = envNumber('BENCH_BATCHES', 5);
const PROFILE_FILE = process.env.BENCH_CPU_PROFILE;

async function main(): Promise<void> {
  const scenario = writeScenario('inbox-100000', { mailboxes: 1, perMailbox: 100_000 });
  const mock = await startMock({ scenario: scenario.file, port: 0 });
  const body = Buffer.from(findItemIdOnly(scenario.mailboxes[0], 100));
  const soap = SOAP_HEADERS();
  const headers = { host: '127.0.0.1', 'content-type': soap['Content-Type'], authorization: soap.Authorization, 'content-length': String(body.length), connection: 'keep-alive' };
  const socket = new EventEmitter();
  let answered = 0;
  // What handleEws touches of Node's request and response: headers, body and socket; writeHead, end, 'close'.
  const once = () => {
    const req = Object.assign(new EventEmitter(), { headers, body, socket, url: '/EWS/Exchange.asmx', method: 'POST' });
    const res = Object.assign(new EventEmitter(), {
      destroyed: false,
      headersSent: false,
      setHeader() {},
      writeHead(status: number) {
        if (status !== 200) throw new Error(`the handler answered ${status}`);
      },
      end() {
        answered++;
        res.emit('close');
      },
    });
    return handleEws(mock.state, req as never, res as never);
  };
  for (let i = 0; i < ITERATIONS; i++) await once();
  const session = new Session();
  if (PROFILE_FILE) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const results: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const from = process.cpuUsage();
    for (let i = 0; i < ITERATIONS; i++) await once();
    const used = process.cpuUsage(from);
    results.push((used.user + used.system) / ITERATIONS);
  }
  if (PROFILE_FILE) writeFileSync(PROFILE_FILE, JSON.stringify((await session.post('Profiler.stop')).profile));
  await mock.close();
  results.sort((a, b) => a - b);
  console.log(`handleEws, FindItem IdOnly 100 of 100,000: ${results[0].toFixed(1)} µs CPU per request (lowest of ${BATCHES} batches of ${ITERATIONS}; median ${results[BATCHES >> 1].toFixed(1)}); ${answered} answers`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
