import Database from 'better-sqlite3';
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { PASSWORD, SUPER_USER } from './soap';
import { DOMAIN } from './scenarios';

export interface SyncerRun {
  code: number;
  wallMs: number;
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

/** Runs `ews-sync <args> --db <db>` in its own process; `cpuProfDir` adds a V8 CPU profile. */
export function runSyncer(setup: SyncerSetup, args: string[], cpuProfDir?: string): Promise<SyncerRun> {
  // Loaded as bin/ews-sync.js loads it: tsx's CommonJS hook only. `--import tsx` would also start
  // tsx's ESM loader, whose hooks run in a worker thread (a second V8 isolate): ~25-30 MB of RSS
  // that users never pay, counted in the peak this benchmark reports.
  const execArgv = ['--require', 'tsx/cjs'];
  if (cpuProfDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`);
  const child = fork(path.join(__dirname, 'syncer-child.ts'), [...args, '--db', setup.db], { execArgv, env: setup.env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let result: SyncerRun | undefined;
    child.on('message', (m: SyncerRun) => (result = m));
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`syncer process exited (${code}) without a result`))));
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
