/**
 * One command to see the syncer work: starts the mock on the default scenario (any free port),
 * imports the default users, runs `ews-sync run` with fixtures/settings/local-mock.yaml pointed at
 * that mock, prints `ews-sync status`, and stops the mock. The database stays in .data/ for a look.
 *
 *   npm run sync:demo [-- --strategy find-item] [-- --db .data/demo.sqlite]
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { startMock } from '../../mock-ews/src/server/start';
import { main } from './cli';

const ROOT = resolve(__dirname, '../..');

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

async function demo(): Promise<number> {
  const db = resolve(option('db', join(ROOT, '.data/demo.sqlite')));
  const strategy = option('strategy', 'sync-state');
  mkdirSync(join(ROOT, '.data'), { recursive: true });
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });

  const mock = await startMock({ port: 0 });
  try {
    process.stderr.write(`mock-ews listening on ${mock.url}\n`);
    const settings = parse(readFileSync(join(ROOT, 'fixtures/settings/local-mock.yaml'), 'utf8')) as Record<string, unknown>;
    const settingsFile = join(ROOT, '.data/demo-settings.yaml');
    writeFileSync(settingsFile, stringify({ ...settings, server: mock.url, strategy }), { mode: 0o600 });
    const env = { ...process.env, EWS_SYNC_KEY: process.env.EWS_SYNC_KEY ?? 'demo key: local mock only' };
    const io = {
      out: (t: string) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
      err: (t: string) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
      env,
      isTTY: Boolean(process.stderr.isTTY),
    };
    const cli = (args: string[]) => main(['node', 'ews-sync', ...args, '--db', db], io);
    for (const args of [
      ['users', 'import', join(ROOT, 'fixtures/users/default-users.yaml')],
      ['check', '--settings', settingsFile],
      ['run', '--settings', settingsFile],
      ['status'],
    ]) {
      io.out(`\n$ ews-sync ${args.map((a) => a.replace(`${ROOT}/`, '')).join(' ')}`);
      const code = await cli(args);
      if (code !== 0) return code;
    }
    io.out(`\ndatabase: ${db}`);
    return 0;
  } finally {
    await mock.close();
  }
}

void demo().then((code) => {
  process.exitCode = code;
});
