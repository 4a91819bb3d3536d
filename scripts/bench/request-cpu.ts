/**
 * The mock's CPU time per FindItem request (IdOnly, page of 100 of a 100,000-item Inbox) under
 * autocannon: the quick check for a change to the request path. CPU time of the mock's process per
 * request served stays steadier on a shared machine than request rates do; the lowest and the median
 * of several short rounds are printed, with page faults and the user/system split from /proc.
 * Not a figure of docs/BENCHMARKS.md — figure 1 (`npm run bench:request-cost`) is.
 *
 *   npx tsx scripts/bench/request-cpu.ts      (BENCH_ROUNDS=5, BENCH_DURATION=4 s, BENCH_WARMUP=6 s,
 *                                              BENCH_CONNECTIONS=10, BENCH_PROFILE=1 for a CPU profile)
 */
import { readFileSync } from 'node:fs';
import { drive } from './lib/load';
import { benchDir, envNumber } from './lib/report';
import { writeScenario } from './lib/scenarios';
import { findItemIdOnly, postOk, SOAP_HEADERS } from './lib/soap';
import { spawnMock } from './lib/spawn-mock';
import { formatHotspots, freshProfileDir, hotspots, newestProfile } from './lib/profile';

const ROUNDS = envNumber('BENCH_ROUNDS', 5);
const DURATION = envNumber('BENCH_DURATION', 4);
const WARMUP = envNumber('BENCH_WARMUP', 6);
const CONNECTIONS = envNumber('BENCH_CONNECTIONS', 10);

/** Minor page faults and CPU ticks (1/100 s) of a process, from /proc/<pid>/stat. */
function procStat(pid: number): { minflt: number; utime: number; stime: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { minflt: Number(fields[7]), utime: Number(fields[11]), stime: Number(fields[12]) };
}

async function main(): Promise<void> {
  const scenario = writeScenario('inbox-100000', { mailboxes: 1, perMailbox: 100_000 });
  const profDir = process.env.BENCH_PROFILE === '1' ? freshProfileDir(benchDir('profiles', 'request-cpu')) : undefined;
  const mock = await spawnMock(scenario.file, { cpuProfDir: profDir });
  try {
    const request = findItemIdOnly(scenario.mailboxes[0], 100);
    const answer = await postOk(mock.url, request);
    const headers = SOAP_HEADERS();
    await drive(mock.url, request, headers, CONNECTIONS, WARMUP);
    const perRequest: number[] = [];
    let served = 0;
    const before = procStat(mock.pid);
    for (let r = 0; r < ROUNDS; r++) {
      const cpu0 = (await mock.stats()).cpuMs;
      const run = await drive(mock.url, request, headers, CONNECTIONS, DURATION);
      perRequest.push((((await mock.stats()).cpuMs - cpu0) * 1000) / run.requests);
      served += run.requests;
      console.log(`round ${r + 1}: ${run.rps.toFixed(0)} req/s, ${perRequest[r].toFixed(0)} µs CPU per request`);
    }
    const after = procStat(mock.pid);
    const sorted = [...perRequest].sort((a, b) => a - b);
    const per = (ticks: number) => ((ticks * 10_000) / served).toFixed(0);
    console.log(`answer ${Buffer.byteLength(answer)} bytes; CPU per request: lowest ${sorted[0].toFixed(0)} µs, median ${sorted[sorted.length >> 1].toFixed(0)} µs`);
    console.log(`per request: ${((after.minflt - before.minflt) / served).toFixed(2)} minor page faults, user ${per(after.utime - before.utime)} µs, system ${per(after.stime - before.stime)} µs`);
  } finally {
    await mock.stop();
  }
  const file = profDir && newestProfile(profDir);
  if (file) console.log(`\nmock CPU profile ${file}\n${formatHotspots(hotspots(file, 25))}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
