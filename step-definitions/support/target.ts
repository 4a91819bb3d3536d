/**
 * Running the protocol features against an EWS endpoint that is not the mock (another team's
 * emulator, a real Exchange test server). Set EWS_TARGET_URL and the suite talks to that server
 * instead of starting a mock; scenarios tagged @needs-admin or @mock-only are skipped there.
 *
 *   EWS_TARGET_URL        https://ex.example.test/EWS/Exchange.asmx
 *   EWS_TARGET_VERSION    ExchangeVersion the client asks for (default Exchange2010_SP2)
 *   EWS_TARGET_LOGIN      the super-user that may impersonate (stands for svc-ews@acme.test)
 *   EWS_TARGET_PASSWORD   its password
 *   EWS_TARGET_MAILBOXES  which real mailboxes stand for the scenario's: "alice@acme.test=a@corp.test,…";
 *                         bare addresses fill alice, bob, carol, dave of the default scenario in order
 */
import { DEFAULT_PASSWORD, SUPER_USER } from './accounts';

export interface ExternalTarget {
  url: string;
  version?: string;
  login: string;
  password: string;
  /** Scenario address (lower case) → the target's address. */
  mailboxes: Map<string, string>;
}

const DEFAULT_MAILBOXES = ['alice@acme.test', 'bob@acme.test', 'carol@globex.test', 'dave@initech.test'];

export function externalTarget(env: NodeJS.ProcessEnv = process.env): ExternalTarget | undefined {
  const url = env.EWS_TARGET_URL?.trim();
  if (!url) return undefined;
  const mailboxes = new Map<string, string>();
  let next = 0;
  for (const entry of (env.EWS_TARGET_MAILBOXES ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [from, to] = entry.includes('=') ? entry.split('=', 2).map((s) => s.trim()) : [DEFAULT_MAILBOXES[next++], entry];
    if (from && to) mailboxes.set(from.toLowerCase(), to);
  }
  const login = env.EWS_TARGET_LOGIN?.trim() || SUPER_USER;
  if (login.toLowerCase() !== SUPER_USER) mailboxes.set(SUPER_USER, login);
  return { url, version: env.EWS_TARGET_VERSION?.trim() || undefined, login, password: env.EWS_TARGET_PASSWORD ?? DEFAULT_PASSWORD, mailboxes };
}

/** The target's address for a scenario address (unchanged when not mapped). */
export function targetAddress(target: ExternalTarget, smtp: string): string {
  return target.mailboxes.get(smtp.toLowerCase()) ?? smtp;
}

/** Rewrites every mapped scenario address in a request body. */
export function translateAddresses(target: ExternalTarget, text: string): string {
  let out = text;
  for (const [from, to] of target.mailboxes) out = out.replace(new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), to);
  return out;
}

/** The super-user's scenario credentials become the target's; other logins pass through. */
export function targetCredentials(target: ExternalTarget, login: string, password: string): [string, string] {
  return login.toLowerCase() === SUPER_USER && password === DEFAULT_PASSWORD ? [target.login, target.password] : [targetAddress(target, login), password];
}

export const SKIP_REASON = 'skipped: this scenario needs the mock (admin API or mock internals) and the suite runs against EWS_TARGET_URL';
