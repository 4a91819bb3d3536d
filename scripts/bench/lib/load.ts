import autocannon from 'autocannon';
import { ChildProcess, fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchDir } from './report';

export interface LoadResult {
  /** Mean requests per second over the run. */
  rps: number;
  p50: number;
  p99: number;
  meanLatency: number;
  requests: number;
  errors: number;
  non2xx: number;
}

/** Drives one URL with autocannon (keep-alive, no pipelining) and fails on any error or non-2xx answer. */
export async function drive(url: string, body: string, headers: Record<string, string>, connections: number, durationS: number): Promise<LoadResult> {
  const r = await autocannon({ url, method: 'POST', headers, body, connections, pipelining: 1, duration: durationS, timeout: 30 });
  const out: LoadResult = {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    meanLatency: r.latency.average,
    requests: r.requests.total,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
  if (out.errors > 0 || out.non2xx > 0) throw new Error(`load run against ${url} had ${out.errors} errors and ${out.non2xx} non-2xx answers`);
  return out;
}

export interface Baseline {
  url: string;
  /** CPU time (user + system) the baseline process has used, in ms. */
  cpuMs(): Promise<number>;
  stop(): void;
}

/** Starts baseline A ('node') or B ('express') serving `responseBody` in a process of its own. */
export function startBaseline(kind: 'node' | 'express', name: string, responseBody: string): Promise<Baseline> {
  const file = path.join(benchDir('bodies'), `${name}.xml`);
  writeFileSync(file, responseBody);
  const child: ChildProcess = fork(path.join(__dirname, 'baseline-child.ts'), [kind, file], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`baseline ${kind} exited (${code})`)));
    let next = 0;
    const cpuMs = () =>
      new Promise<number>((done) => {
        const id = ++next;
        const onMessage = (m: { id?: number; cpuMs?: number }) => {
          if (m.id !== id) return;
          child.off('message', onMessage);
          done(m.cpuMs ?? NaN);
        };
        child.on('message', onMessage);
        child.send({ type: 'cpu', id });
      });
    child.once('message', (msg: { url: string }) => resolve({ url: msg.url, cpuMs, stop: () => child.kill() }));
  });
}
