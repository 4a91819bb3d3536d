import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { PASSWORD, SUPER_USER } from './soap';
import { DOMAIN } from './scenarios';

const BIN = path.resolve(__dirname, '..', '..', '..', 'bin', 'ews-sync.js');
/** The node options of the bin's `#!/usr/bin/env -S node …` line, as the installed command gets them. */
const BIN_NODE_ARGS = (/^#!\S*env -S node(.*)$/m.exec(readFileSync(BIN, 'utf8').split('\n')[0])?.[1] ?? '').trim().split(/\s+/).filter(Boolean);
let runs = 0;

export interface SyncerRun {
  code: number;
  /** From the CLI's start (modules loaded) to the process's exit: the command's own time. */
  wallMs: number;
  /** The whole process life, start-up included: what a user waits for. */
  processMs: number;
  /** Node, tsx and loading the CLI's modules. */
  startupMs: number;
  /** CPU and peak RSS of the whole process, start-up included. */
  cpuMs: number;
  maxRssBytes: number;
  out: string;
  err: string;
}

/** A syncer working directory: its database, settings and users files. */
export interface SyncerSetup {
  dir: string;
  db: string;
  settings: string;
  env: NodeJS.ProcessEnv;
}

export function syncerSetup(dir: string, mockUrl: string, mailboxes: string[], options: { strategy?: 'sync-state' | 'find-item'; concurrency?: number } = {}): SyncerSetup {
  const settings = path.join(dir, 'settings.yaml');
  writeFileSync(
    settings,
    stringify({
      enabled: true,
      server: mockUrl,
      version: '2010 SP2',
      login: SUPER_USER,
      password: PASSWORD,
      domainList: DOMAIN,
      attachments: { enabled: true, maxSizeBytes: 1_048_576 },
      concurrency: options.concurrency ?? 5,
      mailboxTimeBudgetSeconds: 3600,
      maxRunSeconds: -1,
      strategy: options.strategy ?? 'sync-state',
    }),
  );
  writeFileSync(path.join(dir, 'users.yaml'), stringify({ users: mailboxes.map((email, i) => ({ name: `Bench User ${i + 1}`, emails: [email] })) }));
  return { dir, db: path.join(dir, 'sync.sqlite'), settings, env: { ...process.env, EWS_SYNC_KEY: 'b'.repeat(64) } };
}

/**
 * Runs `bin/ews-sync.js <args> --db <db>` in a process of its own, launched exactly as a user runs
 * it (node with the options of the bin's shebang, the bin, tsx's CommonJS hook it registers), with syncer-probe.cjs preloaded to measure
 * it; `cpuProfDir` adds a V8 CPU profile. Wall times exclude start-up, as the wrapper this replaced
 * measured them; start-up is reported apart. An earlier version forked a TypeScript wrapper under
 * `--import tsx`, whose ESM loader runs its hooks in a worker thread (a second V8 isolate): 25-30 MB
 * of RSS users never pay, and it missed whatever the bin sets up (its V8 heap setting).
 */
export function runSyncer(setup: SyncerSetup, args: string[], cpuProfDir?: string): Promise<SyncerRun> {
  const resultFile = path.join(setup.dir, `.syncer-run-${process.pid}-${++runs}.json`);
  const nodeArgs = [...BIN_NODE_ARGS, '--require', path.join(__dirname, 'syncer-probe.cjs')];
  if (cpuProfDir) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`);
  const child = spawn(process.execPath, [...nodeArgs, BIN, ...args, '--db', setup.db], {
    env: { ...setup.env, BENCH_SYNCER_RESULT: resultFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: string[] = [];
  const err: string[] = [];
  child.stdout.setEncoding('utf8').on('data', (t: string) => out.push(t));
  let partial = '';
  child.stderr.setEncoding('utf8').on('data', (t: string) => {
    err.push(t);
    // The memory trace (BENCH_MEMORY_TRACE=1) is shown as it comes, whole lines only.
    const lines = (partial + t).split('\n');
    partial = lines.pop()!;
    for (const line of lines) if (line.startsWith('mem ')) process.stderr.write(line + '\n');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      let measured: Omit<SyncerRun, 'wallMs' | 'out' | 'err'>;
      try {
        measured = JSON.parse(readFileSync(resultFile, 'utf8'));
        rmSync(resultFile);
      } catch {
        reject(new Error(`syncer process exited (${code}) without a result:\n${err.join('').slice(-4000)}`));
        return;
      }
      resolve({ ...measured, wallMs: measured.processMs - measured.startupMs, code: code ?? measured.code, out: out.join(''), err: err.join('').slice(-4000) });
    });
  });
}

export const syncArgs = (setup: SyncerSetup) => ['run', '--settings', setup.settings];
export const importUsersArgs = (setup: SyncerSetup) => ['users', 'import', path.join(setup.dir, 'users.yaml')];

/** Emails stored in a syncer database. */
export function emailCount(db: string): number {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare('SELECT COUNT(*) AS n FROM emails').get() as { n: number }).n;
  } finally {
    d.close();
  }
}
