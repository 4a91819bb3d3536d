import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';

export interface MockStats {
  requests: number;
  bytesIn: number;
  bytesOut: number;
  /** CPU time (user + system) the mock process used since start or the last reset. */
  cpuMs: number;
  rss: number;
  peakRss?: number;
}

export interface MockProcess {
  url: string;
  adminUrl?: string;
  /** From process start of startMock() to listening: scenario parse, generation, store. */
  loadMs: number;
  /** Resident memory right after loading (after a full GC). */
  rss: number;
  heapUsed: number;
  pid: number;
  stats(): Promise<MockStats>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** Write a V8 CPU profile of the mock into this directory when it stops. */
  cpuProfDir?: string;
  maxOldSpaceMb?: number;
}

/** Starts mock-ews in its own process, so the load generator and the mock do not share an event loop. */
export function spawnMock(scenario: string, options: SpawnOptions = {}): Promise<MockProcess> {
  const execArgv = ['--import', 'tsx', '--expose-gc', `--max-old-space-size=${options.maxOldSpaceMb ?? 8192}`];
  if (options.cpuProfDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`);
  const child = fork(path.join(__dirname, 'mock-child.ts'), [scenario], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    const fail = (code: number | null) => reject(new Error(`mock process exited (${code}) before it was ready`));
    child.once('exit', fail);
    child.once('message', (msg: { type: string; url: string; adminUrl?: string; loadMs: number; rss: number; heapUsed: number }) => {
      child.off('exit', fail);
      resolve({ ...msg, pid: child.pid!, ...control(child) });
    });
  });
}

function control(child: ChildProcess) {
  let next = 0;
  const ask = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      const onMessage = (msg: { id?: number }) => {
        if (msg.id !== id) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(msg as T);
      };
      const onExit = () => reject(new Error(`mock process exited while answering ${type}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ id, type });
    });
  return {
    stats: () => ask<MockStats>('stats'),
    reset: () => ask<void>('reset').then(() => undefined),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      await ask('exit').catch(() => undefined);
      await exited;
    },
  };
}
