/**
 * The syncer against a misbehaving server: a generated scenario of many mailboxes, random faults
 * injected through the admin API's fault engine (probability + seed), syncer runs repeated until
 * every mailbox succeeded, and a comparison of the syncer's database with the mock's truth.
 * Shared by scripts/chaos-sync.ts, scripts/kill-sync.ts and features/reliability/*.feature.
 */
import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { RunningMock } from '../../mock-ews/src/server/start';
import type { FaultInput } from '../../mock-ews/src/client/admin-client';
import { main } from '../../syncer/src/cli';

export const CHAOS_PASSWORD = 'Chaos-Passw0rd!';
export const CHAOS_LOGIN = 'svc-sync@chaos.test';
export const CHAOS_DOMAIN = 'chaos.test';

/** `mailboxes` users with an Inbox, a subfolder and Sent Items of generated mail, and a super-user over the domain. */
export function chaosScenario(mailboxes: number, perFolder: number, seed: number): object {
  const users = Array.from({ length: mailboxes }, (_, i) => `user${String(i + 1).padStart(3, '0')}@${CHAOS_DOMAIN}`);
  return {
    name: 'chaos',
    profile: 'Exchange2010_SP2',
    domains: [CHAOS_DOMAIN],
    accounts: [{ smtp: CHAOS_LOGIN, password: CHAOS_PASSWORD, displayName: 'Sync Service', mailbox: false }, ...users.map((smtp) => ({ smtp, password: CHAOS_PASSWORD }))],
    grants: [{ account: CHAOS_LOGIN, scope: { domains: [CHAOS_DOMAIN] } }],
    mailboxes: users.map((smtp, i) => ({
      smtp,
      folders: [
        {
          name: 'inbox',
          generate: { count: perFolder, seed: seed + i * 3, attachmentRate: 0.05, attachmentSize: 2048, bodySize: 200 },
          folders: [{ name: 'Reports', generate: { count: Math.max(1, Math.floor(perFolder / 2)), seed: seed + i * 3 + 1, attachmentRate: 0, bodySize: 100 } }],
        },
        { name: 'sentitems', generate: { count: Math.max(1, Math.floor(perFolder / 3)), seed: seed + i * 3 + 2, attachmentRate: 0, bodySize: 100 } },
      ],
    })),
  };
}

/** The random faults: every kind the issue names, each drawn with its own seeded probability. */
export function chaosFaults(share: number, seed: number): FaultInput[] {
  // Shares of the total fault rate; the first matching fault answers, so the rates compound slightly below `share`.
  const kinds: [number, FaultInput][] = [
    [0.2, { kind: 'http-status', status: 503 }],
    [0.15, { kind: 'server-busy', backOffMilliseconds: 150 }],
    [0.15, { kind: 'response-code', code: 'ErrorServerBusy', shape: 'fault', message: 'The server cannot service this request right now. Try again later.' }],
    [0.15, { kind: 'connection-reset' }],
    [0.1, { kind: 'empty-reply' }],
    [0.15, { kind: 'malformed-xml' }],
    [0.1, { kind: 'delay', ms: 400 }],
  ];
  return kinds.map(([part, f], i) => ({ ...f, probability: Math.min(1, share * part * 1.08), seed: seed * 31 + i }) as FaultInput);
}

export interface SyncerWorkspace {
  dir: string;
  db: string;
  settings: string;
  env: NodeJS.ProcessEnv;
}

/** A directory with the syncer's settings (pointing at the mock) and its database with the users imported. */
export async function prepareSyncer(dir: string, mock: RunningMock, mailboxes: string[], options: { concurrency?: number; settings?: Record<string, unknown> } = {}): Promise<SyncerWorkspace> {
  mkdirSync(dir, { recursive: true });
  const ws: SyncerWorkspace = { dir, db: path.join(dir, 'sync.sqlite'), settings: path.join(dir, 'settings.yaml'), env: { ...process.env, EWS_SYNC_KEY: 'c'.repeat(64) } };
  writeFileSync(
    ws.settings,
    stringify({
      enabled: true,
      server: mock.url,
      version: '2010 SP2',
      login: CHAOS_LOGIN,
      password: CHAOS_PASSWORD,
      domainList: CHAOS_DOMAIN,
      concurrency: options.concurrency ?? 5,
      mailboxTimeBudgetSeconds: 600,
      maxRunSeconds: -1,
      attachments: { enabled: true, maxSizeBytes: 1_048_576 },
      ...options.settings,
    }),
    { mode: 0o600 },
  );
  const users = path.join(dir, 'users.yaml');
  writeFileSync(users, stringify({ users: mailboxes.map((m, i) => ({ name: `User ${i + 1}`, emails: [m] })) }));
  const r = await cli(ws, ['users', 'import', users]);
  if (r.code !== 0) throw new Error(`users import failed: ${r.out}\n${r.err}`);
  return ws;
}

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `ews-sync <args>` in-process against the workspace's database. */
export async function cli(ws: SyncerWorkspace, args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'ews-sync', ...args, '--db', ws.db], { out: (t) => out.push(t), err: (t) => err.push(t), env: ws.env, isTTY: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface MailboxRow {
  id: number;
  email: string;
  state: string;
}

export function mailboxStates(db: string): MailboxRow[] {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare('SELECT id, email, state FROM mailboxes WHERE active = 1 ORDER BY id').all() as MailboxRow[];
  } finally {
    d.close();
  }
}

/**
 * Runs the syncer until every mailbox succeeded: a full run, then runs of the failed mailboxes by
 * name (failed ones otherwise wait half an hour), at most `maxRounds` runs.
 */
export async function syncUntilDone(ws: SyncerWorkspace, maxRounds = 15): Promise<{ rounds: number; failedRuns: number; log: string }> {
  let failedRuns = 0;
  const log: string[] = [];
  let args = ['run', '--settings', ws.settings];
  for (let round = 1; round <= maxRounds; round++) {
    const r = await cli(ws, args);
    log.push(r.out, r.err);
    if (r.code !== 0) failedRuns++;
    const pending = mailboxStates(ws.db).filter((m) => m.state !== 'succeeded');
    if (pending.length === 0) return { rounds: round, failedRuns, log: log.join('\n') };
    args = ['run', '--settings', ws.settings, '--mailbox', ...pending.map((m) => m.email)];
  }
  return { rounds: maxRounds, failedRuns, log: log.join('\n') };
}

export interface Comparison {
  mailboxes: number;
  /** Messages the mock holds in the folders the syncer synced. */
  messages: number;
  missing: string[];
  extra: string[];
  duplicates: string[];
  /** Mailboxes not in state succeeded (failed, new or stuck in progress). */
  notSucceeded: string[];
  /** Folders of the mock with mail that the syncer has no record of. */
  foldersNotSynced: string[];
}

/** The database against the mock's mailboxes (read through its admin API): every item of every synced folder once, nothing else. */
export async function compareWithMock(db: string, mock: RunningMock): Promise<Comparison> {
  const d = new Database(db, { readonly: true });
  const admin = mock.admin;
  const mailboxes = new Map((await admin.mailboxes()).map((m) => [m.smtp.toLowerCase(), m]));
  const c: Comparison = { mailboxes: 0, messages: 0, missing: [], extra: [], duplicates: [], notSucceeded: [], foldersNotSynced: [] };
  try {
    const boxes = d.prepare('SELECT id, email, state FROM mailboxes WHERE active = 1').all() as MailboxRow[];
    for (const box of boxes) {
      c.mailboxes++;
      if (box.state !== 'succeeded') c.notSucceeded.push(`${box.email} (${box.state})`);
      const mailbox = mailboxes.get(box.email.toLowerCase());
      if (!mailbox) {
        c.extra.push(`${box.email}: no such mailbox on the server`);
        continue;
      }
      const folders = d.prepare('SELECT id, ews_id, full_name FROM folders WHERE mailbox_id = ? AND active = 1').all(box.id) as { id: number; ews_id: string; full_name: string }[];
      const synced = new Set(folders.map((f) => f.ews_id));
      // The mailbox's folders from the top down; the first is the top itself.
      for (const f of mailbox.folders.slice(1)) {
        if (f.totalCount > 0 && !synced.has(f.id)) c.foldersNotSynced.push(`${box.email}/${f.displayName}`);
      }
      const links = d.prepare(
        `SELECT l.folder_id, l.item_id, e.message_id FROM email_folders l JOIN emails e ON e.id = l.email_id WHERE l.mailbox_id = ? AND l.removed_at IS NULL`,
      );
      const byFolder = new Map<number, { item_id: string; message_id: string }[]>();
      for (const row of links.all(box.id) as { folder_id: number; item_id: string; message_id: string }[]) {
        const list = byFolder.get(row.folder_id) ?? [];
        list.push(row);
        byFolder.set(row.folder_id, list);
      }
      for (const f of folders) {
        const exists = mailbox.folders.some((m) => m.id === f.ews_id);
        const rows = byFolder.get(f.id) ?? [];
        const truth = new Map((exists ? await admin.allItems(mailbox.smtp, { folder: f.ews_id }) : []).map((i) => [i.id, i.internetMessageId]));
        c.messages += truth.size;
        const seenItems = new Set<string>();
        const seenMessages = new Set<string>();
        for (const r of rows) {
          if (seenItems.has(r.item_id) || seenMessages.has(r.message_id)) c.duplicates.push(`${box.email}/${f.full_name}: ${r.message_id}`);
          seenItems.add(r.item_id);
          seenMessages.add(r.message_id);
          if (!truth.has(r.item_id)) c.extra.push(`${box.email}/${f.full_name}: ${r.message_id}`);
        }
        for (const [id, mid] of truth) if (!seenItems.has(id)) c.missing.push(`${box.email}/${f.full_name}: ${mid}`);
      }
    }
    // Emails rows without any link would be mail the database holds for nobody.
    const orphans = d.prepare('SELECT message_id FROM emails e WHERE NOT EXISTS (SELECT 1 FROM email_folders l WHERE l.email_id = e.id)').pluck().all() as string[];
    for (const o of orphans) c.extra.push(`(no folder): ${o}`);
  } finally {
    d.close();
  }
  return c;
}

export function mismatches(c: Comparison): number {
  return c.missing.length + c.extra.length + c.duplicates.length + c.notSucceeded.length + c.foldersNotSynced.length;
}

export function describe(c: Comparison): string {
  const sample = (label: string, xs: string[]) => (xs.length ? `\n  ${label} (${xs.length}): ${xs.slice(0, 5).join('; ')}${xs.length > 5 ? '; …' : ''}` : '');
  return (
    `${c.mailboxes} mailboxes, ${c.messages} messages compared, mismatches: ${mismatches(c)}` +
    sample('missing', c.missing) +
    sample('extra', c.extra) +
    sample('twice', c.duplicates) +
    sample('mailboxes not succeeded', c.notSucceeded) +
    sample('folders with mail not synced', c.foldersNotSynced)
  );
}
