/**
 * Per-scenario state of the syncer steps, attached to the shared World without changing its class:
 * a temporary directory with the syncer's database and settings file, the settings being built,
 * the last CLI result, and extra servers (proxies, non-EWS servers) to close afterwards.
 */
import { After, World } from '@cucumber/cucumber';
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { main } from '../../syncer/src/cli';
import type { RunningMock } from '../../mock-ews/src/server/start';
import { MockControl } from './mock-control';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export interface SyncerState {
  dir: string;
  db: string;
  settingsFile: string;
  /** The settings being built by Given steps; written to `settingsFile` before each command. */
  settings: Record<string, unknown>;
  /** Verbatim settings file text, when a scenario gives the file itself. */
  rawSettingsText?: string;
  env: NodeJS.ProcessEnv;
  /** Where MOCK_URL points instead of the mock (a fault proxy, a second server). */
  serverOverride?: string;
  /** Messages by the names scenarios give them → Message-ID. */
  messages: Map<string, string>;
  /** Number of the newest journal entry when the last command started; its requests come after it. */
  journalStart: number;
  last?: CliResult;
  closers: (() => Promise<void>)[];
}

interface MockHolder {
  ensureMock(): Promise<RunningMock>;
  mock?: RunningMock;
}

const states = new WeakMap<object, SyncerState>();

export function syncer(world: World): SyncerState {
  let s = states.get(world);
  if (!s) {
    const dir = mkdtempSync(join(tmpdir(), 'ews-sync-'));
    s = {
      dir,
      db: join(dir, 'sync.sqlite'),
      settingsFile: join(dir, 'settings.yaml'),
      settings: {},
      // A fixed key keeps scenarios independent of any key file on the machine.
      env: { ...process.env, EWS_SYNC_KEY: 'a'.repeat(64) },
      closers: [],
      messages: new Map(),
      journalStart: 0,
    };
    states.set(world, s);
  }
  return s;
}

export async function mockOf(world: World): Promise<RunningMock> {
  return (world as unknown as MockHolder).ensureMock();
}

export async function control(world: World): Promise<MockControl> {
  return new MockControl(await mockOf(world));
}

/** Placeholder for the server URL, resolved when a command runs so Given steps can still pick the mock's profile. */
export const MOCK_URL = '{{mock}}';

/** Settings that point at this scenario's mock with the default scenario's super-user. */
export function mockSettings(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    enabled: true,
    server: MOCK_URL,
    version: '2010 SP2',
    login: 'svc-ews@acme.test',
    password: 'Passw0rd!',
    domainList: 'acme.test, globex.test',
    attachments: { enabled: true, maxSizeBytes: 1_048_576 },
    mailboxTimeBudgetSeconds: 120,
    ...overrides,
  };
}

/** Writes the scenario's settings file, with the server placeholder replaced by the current target. */
export async function writeSettings(world: World): Promise<string> {
  const s = syncer(world);
  if (s.rawSettingsText !== undefined) {
    writeFileSync(s.settingsFile, s.rawSettingsText);
    return s.settingsFile;
  }
  const settings = { ...s.settings };
  if (settings.server === MOCK_URL) settings.server = s.serverOverride ?? (await mockOf(world)).url;
  writeFileSync(s.settingsFile, stringify(settings));
  return s.settingsFile;
}

/** Runs `ews-sync <args>` in-process with this scenario's database. */
export async function cli(world: World, args: string[]): Promise<CliResult> {
  const s = syncer(world);
  const mock = (world as unknown as MockHolder).mock;
  s.journalStart = mock ? await new MockControl(mock).journalPosition() : 0;
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'ews-sync', ...args, '--db', s.db], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: s.env,
    isTTY: false,
  });
  s.last = { code, out: out.join('\n'), err: err.join('\n') };
  return s.last;
}

/**
 * Runs `bin/ews-sync.js <args>` as a program of its own, started by the system through its shebang
 * as the installed `ews-sync` command is, with this scenario's database.
 */
export async function installedCli(world: World, args: string[]): Promise<CliResult> {
  const s = syncer(world);
  const bin = resolve(__dirname, '..', '..', 'bin', 'ews-sync.js');
  s.last = await new Promise<CliResult>((done) => {
    execFile(bin, [...args, '--db', s.db], { env: s.env, timeout: 60_000 }, (err, out, errOut) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      done({ code, out, err: err && code === -1 ? `${errOut}\n${err.message}` : errOut });
    });
  });
  return s.last;
}

/** Runs a command with the scenario's settings written to a file and passed with --settings. */
export async function cliWithSettings(world: World, args: string[]): Promise<CliResult> {
  return cli(world, [...args, '--settings', await writeSettings(world)]);
}

/** Opens the syncer's database read-only for assertions. */
export function database(world: World): Database.Database {
  return new Database(syncer(world).db, { readonly: true, fileMustExist: true });
}

export function query<T = Record<string, unknown>>(world: World, sql: string, ...params: unknown[]): T[] {
  const db = database(world);
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

After(async function (this: World) {
  const s = states.get(this);
  if (!s) return;
  for (const close of s.closers.reverse()) await close();
  rmSync(s.dir, { recursive: true, force: true });
});
