#!/usr/bin/env node
import { Command, InvalidArgumentError } from 'commander';
import { readFileSync } from 'node:fs';
import { DEFAULT_PROFILE, isProfileName, PROFILE_NAMES } from './profiles/profiles';

const program = new Command()
  .name('mock-ews')
  .description('A stateful Exchange Web Services emulator for testing EWS clients without an Exchange server.')
  .option('-p, --port <port>', 'port to listen on (0 = any free port)', parsePort, 8080)
  .option('-H, --host <host>', 'interface to listen on', '127.0.0.1')
  .option('--profile <name>', `Exchange generation to emulate: ${PROFILE_NAMES.join(', ')} (default: the scenario's, else ${DEFAULT_PROFILE})`, parseProfile)
  .option('-s, --scenario <file>', 'scenario file (YAML); the built-in default scenario when omitted')
  .option('--tls', 'serve https with a self-signed certificate generated on start')
  .option('--cert <file>', 'certificate (PEM) for https; implies --tls')
  .option('--key <file>', 'private key (PEM) for https; implies --tls')
  .option('--admin-port <port>', 'serve the admin API (/__admin) on this port instead of the EWS port', parsePort)
  .option('--no-admin', 'do not serve the admin API')
  .option('--admin-token <token>', 'require Authorization: Bearer <token> on admin routes (default: $MOCK_EWS_ADMIN_TOKEN)')
  .showHelpAfterError();

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be an integer from 0 to 65535');
  return n;
}

function parseProfile(value: string): string {
  if (!isProfileName(value)) throw new InvalidArgumentError(`must be one of ${PROFILE_NAMES.join(', ')}`);
  return value;
}

async function main(): Promise<void> {
  if (process.argv[2] === 'token') return (require('./auth/token-cli') as typeof import('./auth/token-cli')).tokenCommand(process.argv.slice(3));
  program.parse();
  const o = program.opts<{ port: number; host: string; profile?: string; scenario?: string; tls?: boolean; cert?: string; key?: string; admin: boolean; adminPort?: number; adminToken?: string }>();
  if ((o.cert && !o.key) || (o.key && !o.cert)) program.error('error: --cert and --key must be given together');
  const tls = o.cert && o.key ? { cert: readFileSync(o.cert, 'utf8'), key: readFileSync(o.key, 'utf8') } : Boolean(o.tls);
  // The server is loaded only now: --help and a bad option answer at once instead of after loading
  // the whole mock (about a second of module loading). require, not import(): tsx runs this file as
  // CommonJS, where import() would go to Node's ESM loader, which does not resolve .ts files.
  const { startMock } = require('./server/start') as typeof import('./server/start');
  const mock = await startMock({
    port: o.port,
    host: o.host,
    profile: o.profile as never,
    scenario: o.scenario,
    tls,
    admin: o.admin,
    adminPort: o.adminPort,
    adminToken: o.adminToken ?? process.env.MOCK_EWS_ADMIN_TOKEN,
  });
  const accounts = [...mock.state.store.accounts.values()];
  const admin = accounts.find((a) => mock.state.store.grants.some((g) => g.account.toLowerCase() === a.smtp.toLowerCase()));
  console.log(`mock-ews listening on ${mock.url}`);
  if (mock.adminUrl) console.log(`admin API ${mock.adminUrl} (inspector ${mock.adminUrl}/ui)${o.adminToken ?? process.env.MOCK_EWS_ADMIN_TOKEN ? '; needs the admin token' : ''}`);
  console.log(`profile ${mock.state.profile.name}; ${mock.state.store.mailboxes.size} mailboxes`);
  if (admin) console.log(`super-user ${admin.smtp} / ${admin.password} (may impersonate)`);
  for (const a of accounts.filter((x) => x !== admin).slice(0, 6)) console.log(`user ${a.smtp} / ${a.password}`);
  const stop = () => void mock.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  // A scenario that breaks a rule (ScenarioError) names the file, the path and the rule in its message.
  console.error('mock-ews:', err instanceof Error ? err.message : err);
  process.exit(1);
});
