import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { OAUTH_FIELDS } from './settings/oauth';
import { existsSync } from 'node:fs';
import { stringify } from 'yaml';
import { SecretBox } from './db/secret-box';
import { SqliteStorage } from './db/sqlite-storage';
import type { SyncStorage } from './db/storage';
import { createProgress } from './util/progress';
import { exposedPasswordWarning, readSettingsFile } from './settings/file';
import { loadSavedSettings, maskedView, saveSettings, storedSecretFor } from './settings/saved';
import type { Settings, Violation } from './settings/types';
import { OPTION_RANGES, validateSettings } from './settings/validate';
import { readUsersFile } from './users/users-file';
import { createLog } from './util/log';

// The EWS client (ews-javascript-api and its dependencies: ~55 MB of RSS and most of the start-up
// time) is loaded only by the commands that talk to the server: check, run and bodies.
const ewsCheck = () => require('./ews/check-connection') as typeof import('./ews/check-connection');
const ewsRun = () => require('./import/run') as typeof import('./import/run');
const ewsBodies = () => require('./import/bodies') as typeof import('./import/bodies');

const DEFAULT_SETTINGS = process.env.EWS_SYNC_SETTINGS || 'ews-sync.yaml';
const DEFAULT_DB = process.env.EWS_SYNC_DB || '.data/ews-sync.sqlite';

/** Output sinks, replaceable so the CLI can run in-process (tests) as well as from a terminal. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

const processIo: CliIo = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY),
};

class ExitError extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

interface CommonOptions {
  settings: string;
  db: string;
}

function formatViolations(violations: Violation[]): string {
  return violations.map((v) => `  ${v.field}: ${v.message} [${v.rule}]`).join('\n');
}

function openStorage(opts: CommonOptions, io: CliIo): { storage: SyncStorage; box: SecretBox } {
  const storage = new SqliteStorage(opts.db);
  return { storage, box: SecretBox.fromEnvironment(`${opts.db}.key`, io.env) };
}

/**
 * Settings for commands that talk to the server: the --settings file when given on the command line
 * (an empty password there means the stored one), else the saved settings, else the default file.
 */
/**
 * The fields a connection check reads. `check` tests the form as it is — like the settings page's
 * button, which works on the unsaved form — so a mistake elsewhere (an empty domain list, a bad
 * option) does not stop it; the fields it needs are still validated, with their messages.
 */
const CONNECTION_FIELDS = ['server', 'version', 'auth', 'login', 'password', 'passwordEnv', ...OAUTH_FIELDS, 'tlsVerify', 'requestTimeoutSeconds'];

function resolveSettings(cmd: Command, opts: CommonOptions, storage: SyncStorage, box: SecretBox, io: CliIo, only?: readonly string[]): Settings {
  const explicit = cmd.getOptionValueSource('settings') === 'cli';
  if (!explicit) {
    const saved = loadSavedSettings(storage, box, io.env);
    if (saved) {
      if (saved.settings) return saved.settings;
      io.err(`the saved settings are no longer valid:\n${formatViolations(saved.violations)}`);
      throw new ExitError(1);
    }
    if (!existsSync(opts.settings)) {
      io.err(`no settings: save them with "ews-sync settings save <file>" or pass --settings <file> (looked for ${opts.settings})`);
      throw new ExitError(1);
    }
  }
  const file = readSettingsFile(opts.settings);
  const exposed = exposedPasswordWarning(opts.settings, file.raw);
  if (exposed) io.err(exposed);
  const stored = storage.loadSettings();
  // With `only`, the other fields are left out and the form is read as disabled, so nothing else is required.
  const raw = file.raw && only ? { ...Object.fromEntries(Object.entries(file.raw).filter(([k]) => only.includes(k))), enabled: false } : file.raw;
  const result = raw
    ? validateSettings(raw, { env: io.env, storedPassword: storedSecretFor(raw, stored, box) })
    : { violations: file.violations };
  if (!result.settings) {
    io.err(`invalid settings in ${opts.settings}:\n${formatViolations(result.violations)}`);
    throw new ExitError(1);
  }
  return result.settings;
}

function intOption(value: string): number {
  const n = Number(value);
  // InvalidArgumentError: commander prints it naming the option, and the command exits 1 before running.
  if (!Number.isInteger(n)) throw new InvalidArgumentError(`"${value}" is not a whole number.`);
  return n;
}

/** A whole number within the range its setting takes (OPTION_RANGES), or one of the range's `also`. */
function rangedInt(name: string, { min, max, also = [] }: (typeof OPTION_RANGES)[keyof typeof OPTION_RANGES]): (value: string) => number {
  return (value) => {
    const n = intOption(value);
    if ((n < min || n > max) && !also.includes(n)) {
      throw new InvalidArgumentError(`${name} must be ${also.length > 0 ? `${also.join(' or ')} or ` : ''}a whole number from ${min} to ${max}.`);
    }
    return n;
  };
}

export function buildProgram(io: CliIo = processIo): Command {
  const program = new Command('ews-sync')
    .description('Imports the mail of Exchange mailboxes through one impersonating super-user (EWS) into a database')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) });

  const common = (cmd: Command) =>
    cmd
      .addOption(new Option('--settings <file>', 'settings YAML file (env EWS_SYNC_SETTINGS)').default(DEFAULT_SETTINGS))
      .addOption(new Option('--db <file>', 'SQLite database file (env EWS_SYNC_DB); the password key is EWS_SYNC_KEY, EWS_SYNC_KEY_FILE or <db>.key').default(DEFAULT_DB))
      .exitOverride()
      .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) });

  common(program.command('validate').argument('[file]', 'settings file to check (default: --settings)'))
    .description('check a settings file; prints every violation, or "valid"')
    .action((file: string | undefined, opts: CommonOptions) => {
      const path = file ?? opts.settings;
      const read = readSettingsFile(path);
      const exposed = exposedPasswordWarning(path, read.raw);
      if (exposed) io.err(exposed);
      const result = read.raw ? validateSettings(read.raw, { env: io.env }) : { violations: read.violations };
      if (result.violations.length > 0) {
        io.out(`${result.violations.length} violation(s) in ${path}:\n${formatViolations(result.violations)}`);
        throw new ExitError(1);
      }
      io.out('valid');
    });

  const settingsCmd = program.command('settings').description('save or show the settings kept in the database');
  common(settingsCmd.command('save').argument('<file>', 'settings YAML file'))
    .description('validate a settings file and save it; invalid settings change nothing; an empty password keeps the stored one')
    .action((file: string, opts: CommonOptions) => {
      const read = readSettingsFile(file);
      const exposed = exposedPasswordWarning(file, read.raw);
      if (exposed) io.err(exposed);
      if (!read.raw) {
        io.out(`not saved:\n${formatViolations(read.violations)}`);
        throw new ExitError(1);
      }
      const { storage, box } = openStorage(opts, io);
      try {
        const result = saveSettings(storage, box, read.raw, io.env);
        if (!result.settings) {
          io.out(`not saved; ${result.violations.length} violation(s):\n${formatViolations(result.violations)}`);
          throw new ExitError(1);
        }
        io.out(`settings saved to ${opts.db}`);
      } finally {
        storage.close();
      }
    });
  common(settingsCmd.command('show'))
    .description('print the saved settings (password masked)')
    .option('--json', 'print JSON')
    .action((opts: CommonOptions & { json?: boolean }) => {
      const { storage, box } = openStorage(opts, io);
      try {
        const saved = loadSavedSettings(storage, box, io.env);
        if (!saved) {
          io.err(`no settings saved in ${opts.db}`);
          throw new ExitError(1);
        }
        if (!saved.settings) {
          io.err(`the saved settings are no longer valid:\n${formatViolations(saved.violations)}`);
          throw new ExitError(1);
        }
        const view = maskedView(saved.settings);
        io.out(opts.json ? JSON.stringify(view, null, 2) : stringify(view).trimEnd());
      } finally {
        storage.close();
      }
    });

  common(program.command('check'))
    .description('test the connection: FindFolder on root as the super-user, without impersonation (saved settings are not changed)')
    .action(async (opts: CommonOptions, cmd: Command) => {
      const { storage, box } = openStorage(opts, io);
      try {
        const settings = resolveSettings(cmd, opts, storage, box, io, CONNECTION_FIELDS);
        if (!settings.endpoint || !settings.generation || !settings.login || !settings.password) {
          io.out('Connection failed!\nReason: server, version, login and password are needed to check the connection.');
          throw new ExitError(1);
        }
        if (!settings.tlsVerify && settings.endpoint.startsWith('https:')) io.err('warning: TLS certificate verification is OFF (tlsVerify: false)');
        const result = await ewsCheck().checkConnection(ewsRun().connectionParams(settings));
        if (result.ok) {
          io.out('Connection successful!');
        } else {
          io.out(`Connection failed!\nReason: ${result.reason}`);
          throw new ExitError(1);
        }
      } finally {
        storage.close();
      }
    });

  const usersCmd = program.command('users').description('application users and their email addresses');
  common(usersCmd.command('import').argument('<file>', 'YAML (users: [{name, emails: [...]}]) or CSV (name,email rows)'))
    .description('add users and their addresses; a listed user’s addresses are replaced by the file’s')
    .action((file: string, opts: CommonOptions) => {
      const { users, errors } = readUsersFile(file);
      if (errors.length > 0) {
        io.out(`not imported; ${errors.length} problem(s) in ${file}:\n${errors.map((e) => `  ${e}`).join('\n')}`);
        throw new ExitError(1);
      }
      const storage = new SqliteStorage(opts.db);
      try {
        const n = storage.importUsers(users);
        io.out(`imported ${n.users} user(s) with ${n.emails} address(es)`);
      } finally {
        storage.close();
      }
    });

  common(program.command('run'))
    .description('sync every due mailbox; exits non-zero naming the mailboxes that failed')
    .option('--concurrency <n>', 'mailboxes synced at once (default: settings, 5)', rangedInt('--concurrency', OPTION_RANGES.concurrency))
    .option('--max-run-seconds <n>', 'stop starting mailboxes after this long, -1 unlimited (default: settings, 900)', rangedInt('--max-run-seconds', OPTION_RANGES.maxRunSeconds))
    .option('--max-mailboxes <n>', 'sync at most this many mailboxes', rangedInt('--max-mailboxes', OPTION_RANGES.maxMailboxes))
    .option('--min-interval <minutes>', 'skip mailboxes synced successfully less than this long ago (default: settings, 0)', rangedInt('--min-interval', OPTION_RANGES.minIntervalMinutes))
    .option('--mailbox <id...>', 'sync only these mailboxes (ids from status, or addresses); skips adding/deactivating mailboxes')
    .option('--no-bodies', 'import headers only; load bodies and attachments later with "ews-sync bodies"')
    .action(async (opts: CommonOptions & { concurrency?: number; maxRunSeconds?: number; maxMailboxes?: number; minInterval?: number; mailbox?: string[]; bodies: boolean }, cmd: Command) => {
      const { storage, box } = openStorage(opts, io);
      try {
        const settings = resolveSettings(cmd, opts, storage, box, io);
        let ids: number[] | undefined;
        if (opts.mailbox) {
          const all = storage.mailboxes().filter((m) => m.active);
          ids = opts.mailbox.map((ref) => {
            const found = /^\d+$/.test(ref) ? all.find((m) => m.id === Number(ref)) : all.find((m) => m.email.toLowerCase() === ref.toLowerCase());
            if (!found) {
              io.err(`no active mailbox ${ref}`);
              throw new ExitError(1);
            }
            return found.id;
          });
        }
        const progress = io.isTTY ? createProgress() : undefined;
        const log = createLog({ quiet: Boolean(progress), write: (l) => io.err(l) });
        // SIGTERM/SIGINT: finish the batches being saved, start nothing new, exit normally.
        const stopping = new AbortController();
        const onSignal = (signal: NodeJS.Signals) => {
          if (stopping.signal.aborted) return;
          log.warn(`${signal}: finishing the batches in progress, then stopping; the rest waits for the next run`);
          stopping.abort();
        };
        process.on('SIGTERM', onSignal);
        process.on('SIGINT', onSignal);
        const summary = await ewsRun().runSync(storage, settings, {
          stopSignal: stopping.signal,
          concurrency: opts.concurrency,
          maxRunSeconds: opts.maxRunSeconds,
          maxMailboxes: opts.maxMailboxes,
          minIntervalMinutes: opts.minInterval,
          mailboxIds: ids,
          withBodies: opts.bodies,
          log,
          progress,
        }).finally(() => {
          process.off('SIGTERM', onSignal);
          process.off('SIGINT', onSignal);
        });
        if (!summary.configured) {
          io.out('sync is not configured (integration disabled or no server); nothing synced');
          return;
        }
        io.out(`${summary.selected} mailbox(es) selected: ${summary.succeeded.length} succeeded, ${summary.failed.length} failed, ${summary.notStarted.length} not started`);
        if (summary.failed.length > 0) {
          io.out(`failed mailboxes:\n${summary.failed.map((f) => `  ${f.email} (id ${f.id}): ${f.error}`).join('\n')}`);
          throw new ExitError(1);
        }
      } finally {
        storage.close();
      }
    });

  common(program.command('status'))
    .description('every mailbox: address, state, last sync, folders and email counts, last error')
    .option('--json', 'print the stable JSON form')
    .option('--all', 'include inactive mailboxes')
    .action((opts: CommonOptions & { json?: boolean; all?: boolean }) => {
      const storage = new SqliteStorage(opts.db);
      try {
        const report = storage.status();
        const mailboxes = report.mailboxes.filter((m) => opts.all || m.active);
        if (opts.json) {
          io.out(JSON.stringify({ mailboxes }, null, 2));
          return;
        }
        if (mailboxes.length === 0) io.out('no mailboxes');
        for (const m of mailboxes) {
          io.out(`${m.email} (id ${m.id})${m.active ? '' : ' [inactive]'}: ${m.state}, last sync ${m.lastSyncAt ?? 'never'}, ${m.emails} email(s)`);
          if (m.lastError) io.out(`  last error: ${m.lastError}`);
          for (const f of m.folders) io.out(`  ${f.name} [${f.type}]: ${f.emails}`);
        }
      } finally {
        storage.close();
      }
    });

  common(program.command('bodies'))
    .description('load bodies and file attachments of emails imported without them (attachments only when enabled, within the size limit)')
    .option('--limit <n>', 'at most this many emails', intOption, 10_000)
    .action(async (opts: CommonOptions & { limit: number }, cmd: Command) => {
      const { storage, box } = openStorage(opts, io);
      try {
        const settings = resolveSettings(cmd, opts, storage, box, io);
        if (!settings.enabled || !settings.endpoint) {
          io.out('sync is not configured (integration disabled or no server); nothing loaded');
          return;
        }
        const result = await ewsBodies().loadBodies(storage, settings, createLog({ write: (l) => io.err(l) }), opts.limit);
        io.out(`loaded ${result.loaded} bod${result.loaded === 1 ? 'y' : 'ies'}, ${result.failed} failed`);
        if (result.failed > 0) throw new ExitError(1);
      } finally {
        storage.close();
      }
    });

  return program;
}

/** Runs the CLI and returns its exit code. */
export async function main(argv: string[] = process.argv, io: CliIo = processIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof ExitError) return err.code;
    if (err instanceof CommanderError) return err.exitCode;
    io.err(`error: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

if (require.main === module) {
  void main().then((code) => {
    process.exitCode = code;
  });
}
