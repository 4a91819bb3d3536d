import { Command, InvalidArgumentError } from 'commander';
import { issueToken, ONLINE_AUDIENCE } from './tokens';
import { tokenSecret } from './authenticate';

/**
 * `mock-ews token`: prints a signed test OAuth token. Tokens are signed with MOCK_EWS_TOKEN_SECRET
 * (or the built-in test key), so any mock started with the same secret accepts them.
 */
export function tokenCommand(argv: string[]): void {
  const cmd = new Command()
    .name('mock-ews token')
    .description('Print a signed test OAuth token (app-only unless --account is given).')
    .option('--account <smtp>', 'delegated token for this account (scope EWS.AccessAsUser.All)')
    .option('--app <id>', 'application (client) id')
    .option('--roles <list>', 'comma-separated application permissions (default for app-only tokens: full_access_as_app)', list)
    .option('--scopes <list>', 'comma-separated delegated scopes (default: EWS.AccessAsUser.All)', list)
    .option('--audience <aud>', `audience: ${ONLINE_AUDIENCE} for ExchangeOnline, the mock's base URL (e.g. http://127.0.0.1:8080) on premises`, ONLINE_AUDIENCE)
    .option('--lifetime <seconds>', 'seconds until expiry (negative: already expired)', seconds, 3600)
    .option('--json', 'print the token with its claims as JSON')
    .showHelpAfterError();
  cmd.parse(argv, { from: 'user' });
  const o = cmd.opts<{ account?: string; app?: string; roles?: string[]; scopes?: string[]; audience: string; lifetime: number; json?: boolean }>();
  const token = issueToken({ account: o.account, app: o.app, roles: o.roles, scopes: o.scopes, audience: o.audience, lifetimeSeconds: o.lifetime, secret: tokenSecret() });
  if (!o.json) {
    console.log(token);
    return;
  }
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as unknown;
  console.log(JSON.stringify({ token_type: 'Bearer', access_token: token, claims }, null, 2));
}

function list(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('must be a whole number of seconds');
  return n;
}
