/**
 * Crash and shutdown tests of the syncer as a real process: SIGKILL at seeded random points of a
 * sync (counted in EWS requests the mock received from that process), SIGTERM mid-sync, and two
 * runs started at once. The CLI is compiled once (support/precompiled.ts) so each restart costs a
 * plain Node start, not a TypeScript compile. Used by scripts/kill-sync.ts and features/reliability/syncer-kill.feature.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { prng } from '../../mock-ews/src/scenario/generate';
import { precompiled } from '../support/precompiled';
import type { RunningMock } from '../../mock-ews/src/server/start';
import { chaosScenario, Comparison, compareWithMock, mailboxStates, mismatches, prepareSyncer, SyncerWorkspace, syncUntilDone } from './chaos';

interface Child {
  proc: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  out: string[];
}

function startRun(ws: SyncerWorkspace, cli: string): Child {
  const root = path.resolve(__dirname, '../..');
  const env: NodeJS.ProcessEnv = { ...ws.env };
  // These processes collect no coverage: the in-process scenarios count the syncer's code, and
  // collecting it would slow each of the many restarts.
  delete env.NODE_V8_COVERAGE;
  const proc = spawn(process.execPath, [cli, 'run', '--settings', ws.settings, '--db', ws.db], { env, cwd: root });
  const out: string[] = [];
  proc.stdout?.on('data', (d: Buffer) => out.push(d.toString()));
  proc.stderr?.on('data', (d: Buffer) => out.push(d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  return { proc, exited, out };
}

/** Number of the newest request in the mock's journal. */
const lastId = async (mock: RunningMock) => (await mock.admin.requestCount()).lastId;

/** Resolves once the mock has journalled `n` more requests than at `base`, or the child has exited. */
async function afterRequests(mock: RunningMock, base: number, n: number, child: Child): Promise<boolean> {
  let done = false;
  void child.exited.then(() => (done = true));
  while (!done) {
    // Only the requests after `base` are counted: a poll every 2 ms stays cheap however long the journal grows.
    if ((await mock.admin.requestCount({ after: base })).lastId - base >= n) return true;
    await new Promise((r) => setTimeout(r, 2));
  }
  return false;
}

export interface KillReport {
  kills: number;
  /** Request counts (into a run) at which each kill landed. */
  points: number[];
  /** Runs that finished before their kill point came. */
  finishedBeforeKill: number;
  messagesDelivered: number;
  sigterm?: { exitCode: number | null; seconds: number; logged: boolean; inProgressAfter: number };
  concurrent?: { exitCodes: (number | null)[]; mailboxesSyncedTwice: string[] };
  stuckInProgress: string[];
  comparison: Comparison;
}

export interface KillOptions {
  mailboxes: number;
  perFolder: number;
  kills: number;
  seed: number;
  sigterm: boolean;
  concurrent: boolean;
}

async function deliverSome(mock: RunningMock, boxes: string[], count: number, rnd: () => number, tag: string): Promise<number> {
  for (let i = 0; i < count; i++) {
    const to = boxes[Math.floor(rnd() * boxes.length)];
    await mock.admin.deliver(to, 'inbox', { subject: `${tag} ${i + 1}`, from: 'news@outside.test', to: [to], text: `${tag} body` });
  }
  return count;
}

async function finalRun(ws: SyncerWorkspace, cli: string): Promise<void> {
  const last = startRun(ws, cli);
  const end = await last.exited;
  if (end.code !== 0) {
    // A mailbox may have failed for its own reasons; the in-process loop retries the failed ones by name.
    await syncUntilDone(ws);
  }
}

export async function killTest(mock: RunningMock, o: KillOptions): Promise<KillReport> {
  const cli = await precompiled('syncer/src/cli.ts');
  const dir = mkdtempSync(path.join(tmpdir(), 'kill-sync-'));
  try {
    const loaded = await mock.admin.loadScenario(chaosScenario(o.mailboxes, o.perFolder, o.seed));
    const boxes = loaded.mailboxes;
    const ws = await prepareSyncer(dir, mock, boxes, { concurrency: 3 });
    const rnd = prng(o.seed);
    // How many requests a whole first sync takes, measured on a scratch copy of the database.
    const scratch = await prepareSyncer(path.join(dir, 'scratch'), mock, boxes, { concurrency: 3 });
    const before = await lastId(mock);
    await syncUntilDone(scratch);
    const fullSync = Math.max(2, (await lastId(mock)) - before);

    const report: KillReport = { kills: 0, points: [], finishedBeforeKill: 0, messagesDelivered: 0, stuckInProgress: [], comparison: undefined as unknown as Comparison };
    for (let attempt = 0; report.kills < o.kills && attempt < o.kills * 3; attempt++) {
      // New mail before each restart, so every run has something to import when it is killed.
      if (attempt > 0) report.messagesDelivered += await deliverSome(mock, boxes, 3, rnd, `kill ${attempt}`);
      const point = 1 + Math.floor(rnd() * fullSync);
      const child = startRun(ws, cli);
      const base = await lastId(mock);
      if (await afterRequests(mock, base, point, child)) {
        child.proc.kill('SIGKILL');
        await child.exited;
        report.kills++;
        report.points.push(point);
      } else report.finishedBeforeKill++;
    }
    await finalRun(ws, cli);

    if (o.sigterm) {
      report.messagesDelivered += await deliverSome(mock, boxes, boxes.length * 2, rnd, 'before SIGTERM');
      const child = startRun(ws, cli);
      const base = await lastId(mock);
      await afterRequests(mock, base, 1 + Math.floor(rnd() * Math.max(2, fullSync / 4)), child);
      const t0 = Date.now();
      child.proc.kill('SIGTERM');
      const end = await child.exited;
      report.sigterm = {
        exitCode: end.code,
        seconds: (Date.now() - t0) / 1000,
        logged: child.out.join('').includes('SIGTERM: finishing'),
        inProgressAfter: mailboxStates(ws.db).filter((m) => m.state === 'in_progress').length,
      };
      await finalRun(ws, cli);
    }

    if (o.concurrent) {
      report.messagesDelivered += await deliverSome(mock, boxes, boxes.length, rnd, 'two runs');
      // Each mailbox sync is held 3 s at its first request, so the two runs really overlap: without
      // it one process may finish every mailbox before the other has booted, and the second run
      // then starts after the first ended, which is a later run, not one "at once".
      await mock.admin.addFault({ kind: 'delay', ms: 3000, operation: 'FindFolder' });
      const base = await lastId(mock);
      const a = startRun(ws, cli);
      const b = startRun(ws, cli);
      const ends = await Promise.all([a.exited, b.exited]);
      await mock.admin.clearFaults();
      // Each mailbox sync starts with one FindFolder of its folder tree: two of them mean two syncs.
      const counts = new Map<string, number>();
      for (const r of await mock.admin.journal({ after: base, operation: 'FindFolder' })) {
        if (r.mailbox) counts.set(r.mailbox, (counts.get(r.mailbox) ?? 0) + 1);
      }
      report.concurrent = { exitCodes: ends.map((e) => e.code), mailboxesSyncedTwice: [...counts].filter(([, n]) => n > 1).map(([m]) => m) };
      await finalRun(ws, cli);
    }

    report.stuckInProgress = mailboxStates(ws.db).filter((m) => m.state === 'in_progress').map((m) => m.email);
    report.comparison = await compareWithMock(ws.db, mock);
    return report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function killFailures(r: KillReport, o: KillOptions): string[] {
  const f: string[] = [];
  if (r.kills < o.kills) f.push(`only ${r.kills} kills landed`);
  if (mismatches(r.comparison) > 0) f.push(`${mismatches(r.comparison)} mismatches between the database and the mock`);
  if (r.stuckInProgress.length) f.push(`stuck in progress: ${r.stuckInProgress.join(', ')}`);
  if (r.sigterm && (r.sigterm.exitCode !== 0 || !r.sigterm.logged || r.sigterm.inProgressAfter > 0)) f.push(`SIGTERM: ${JSON.stringify(r.sigterm)}`);
  if (r.concurrent && (r.concurrent.mailboxesSyncedTwice.length > 0 || r.concurrent.exitCodes.some((c) => c !== 0))) f.push(`two runs: ${JSON.stringify(r.concurrent)}`);
  return f;
}
