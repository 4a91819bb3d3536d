import { After, Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { issueToken } from '../../mock-ews/src/auth/tokens';
import type { EwsWorld } from '../support/world';
import { envelope } from '../support/soap';
import { CHAOS_LOGIN, CHAOS_PASSWORD, cli, mailboxStates, prepareSyncer, SyncerWorkspace, syncUntilDone } from './chaos';

interface SecretsState {
  log: string[];
  outputs: string[];
  token?: string;
  journal?: string;
  dir: string;
  ws?: SyncerWorkspace;
  lastErr?: string;
}
const states = new WeakMap<EwsWorld, SecretsState>();

function state(world: EwsWorld): SecretsState {
  let s = states.get(world);
  if (!s) {
    s = { log: [], outputs: [], dir: mkdtempSync(path.join(tmpdir(), 'secrets-')) };
    states.set(world, s);
  }
  return s;
}

After(function (this: EwsWorld) {
  const s = states.get(this);
  if (s) rmSync(s.dir, { recursive: true, force: true });
});

async function workspace(world: EwsWorld, settings: Record<string, unknown> = {}): Promise<SyncerWorkspace> {
  const s = state(world);
  const mock = await world.ensureMock();
  const boxes = (await mock.admin.mailboxes()).map((m) => m.smtp);
  s.ws = await prepareSyncer(path.join(s.dir, `ws-${Date.now()}`), mock, boxes, { settings });
  return s.ws;
}

Given("the mock's log is captured", function (this: EwsWorld) {
  const s = state(this);
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      s.log.push(chunk.toString());
      done();
    },
  });
  this.mockOptions.logger = pino({ level: 'debug', name: 'mock-ews' }, sink);
});

Given('the mock refuses the first request with HTTP 401 and resets the next {int} connections', async function (this: EwsWorld, n: number) {
  const mock = await this.ensureMock();
  await mock.admin.addFault({ kind: 'http-status', status: 401, count: 1 });
  await mock.admin.addFault({ kind: 'connection-reset', count: n });
});

When('the syncer checks the connection, syncs until done and reports its status', async function (this: EwsWorld) {
  const s = state(this);
  const ws = await workspace(this);
  const keep = (r: { out: string; err: string }) => s.outputs.push(r.out, r.err);
  keep(await cli(ws, ['check', '--settings', ws.settings]));
  const run = await syncUntilDone(ws);
  s.outputs.push(run.log);
  keep(await cli(ws, ['status']));
  keep(await cli(ws, ['status', '--json', '--all']));
  keep(await cli(ws, ['settings', 'save', ws.settings]));
  keep(await cli(ws, ['settings', 'show']));
  keep(await cli(ws, ['settings', 'show', '--json']));
  keep(await cli(ws, ['validate', ws.settings]));
  assert.ok(mailboxStates(ws.db).every((m) => m.state === 'succeeded'), 'the syncer did not finish');
  assert.ok(run.log.includes('refused the login or password') || run.log.includes('failed'), `the faults left no error to inspect:\n${run.log}`);
});

When('a client sends the mock a request with an OAuth token and one with a wrong password', async function (this: EwsWorld) {
  const s = state(this);
  const mock = await this.ensureMock();
  s.token = issueToken({ account: CHAOS_LOGIN });
  const xml = envelope('<m:ResolveNames ReturnFullContactData="false"><m:UnresolvedEntry>user001</m:UnresolvedEntry></m:ResolveNames>');
  const a = await fetch(mock.url, { method: 'POST', headers: { 'Content-Type': 'text/xml', Authorization: `Bearer ${s.token}`, 'X-Api-Token': s.token }, body: xml });
  const b = await fetch(mock.url, { method: 'POST', headers: { 'Content-Type': 'text/xml', Authorization: 'Basic ' + Buffer.from(`${CHAOS_LOGIN}:${CHAOS_PASSWORD}-wrong`).toString('base64') }, body: xml });
  s.outputs.push(await a.text(), await b.text());
  assert.equal(b.status, 401);
});

When('the request journal is read through the admin API', async function (this: EwsWorld) {
  const mock = await this.ensureMock();
  const entries = await mock.admin.requests();
  const full = await Promise.all(entries.slice(0, 50).map((e) => mock.admin.request(e.id!)));
  state(this).journal = JSON.stringify(entries) + JSON.stringify(full);
});

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

Then('no output, log, status, error, journal entry, database file or report contains the password, its Basic credentials or the token', function (this: EwsWorld) {
  const s = state(this);
  const secrets = [CHAOS_PASSWORD, Buffer.from(`${CHAOS_LOGIN}:${CHAOS_PASSWORD}`).toString('base64'), s.token!, s.token!.split('.')[2]];
  const sources: [string, string][] = [
    ['syncer output and logs', s.outputs.join('\n')],
    ['request journal', s.journal ?? ''],
    ["mock's log", s.log.join('')],
  ];
  const ws = s.ws!;
  for (const f of [ws.db, `${ws.db}-wal`]) if (existsSync(f)) sources.push([`database ${path.basename(f)}`, readFileSync(f).toString('latin1')]);
  for (const f of filesUnder(path.resolve('reports'))) if (statSync(f).size < 50 * 1024 * 1024) sources.push([f, readFileSync(f).toString('latin1')]);
  assert.ok(s.journal && s.journal.length > 100 && s.log.length > 0 && s.outputs.join('').length > 100, 'nothing was captured to inspect');
  const leaks = sources.flatMap(([where, text]) => secrets.filter((x) => text.includes(x)).map((x) => `${where} contains ${x === CHAOS_PASSWORD ? 'the password' : x === s.token ? 'the token' : 'a credential'}`));
  assert.deepEqual(leaks, []);
  this.log(`inspected ${sources.length} sources, ${sources.reduce((n, [, t]) => n + t.length, 0)} characters`);
});

Then("the journal still shows who called: the super-user's requests are there", function (this: EwsWorld) {
  assert.ok(state(this).journal!.includes(CHAOS_LOGIN));
});

async function validate(world: EwsWorld, mode: number): Promise<void> {
  const s = state(world);
  const ws = s.ws ?? (await workspace(world));
  chmodSync(ws.settings, mode);
  const r = await cli(ws, ['validate', ws.settings]);
  assert.equal(r.code, 0, r.out);
  s.lastErr = r.err;
}

When('the settings file with the password is readable by everyone and the settings are validated', async function (this: EwsWorld) {
  await validate(this, 0o644);
});

When('the settings file is readable by its owner only and the settings are validated', async function (this: EwsWorld) {
  await validate(this, 0o600);
});

Then('the syncer warns that the settings file is readable by every user', function (this: EwsWorld) {
  const err = state(this).lastErr ?? '';
  assert.match(err, /holds the password and is readable by every user of this machine \(mode 644\)/);
  assert.ok(!err.includes(CHAOS_PASSWORD));
});

Then('the syncer gives no warning about the settings file', function (this: EwsWorld) {
  assert.equal(state(this).lastErr ?? '', '');
});

When('the syncer runs with the default settings', async function (this: EwsWorld) {
  const ws = await workspace(this);
  const r = await cli(ws, ['run', '--settings', ws.settings]);
  state(this).outputs.push(r.out, r.err);
  assert.notEqual(r.code, 0, 'the run succeeded against a certificate nobody trusts');
});

When('the syncer runs with tlsVerify false', async function (this: EwsWorld) {
  const ws = await workspace(this, { tlsVerify: false });
  const r = await cli(ws, ['run', '--settings', ws.settings]);
  state(this).outputs.push(r.out, r.err);
  state(this).lastErr = r.err;
  assert.equal(r.code, 0, `${r.out}\n${r.err}`);
});

Then('every mailbox failed with a TLS failure', function (this: EwsWorld) {
  const ws = state(this).ws!;
  const out = state(this).outputs.join('\n');
  assert.ok(mailboxStates(ws.db).every((m) => m.state === 'failed'));
  assert.match(out, /TLS failure/);
});

Then('every mailbox succeeded', function (this: EwsWorld) {
  assert.ok(mailboxStates(state(this).ws!.db).every((m) => m.state === 'succeeded'));
});

Then('the syncer logged that TLS certificate verification is off', function (this: EwsWorld) {
  assert.match(state(this).lastErr ?? '', /WARN TLS certificate verification is OFF for https:\/\//);
});
