import { DataTable, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as ews from 'ews-javascript-api';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD } from '../support/accounts';
import { issueToken } from '../../mock-ews/src/auth/tokens';

/**
 * Interop: ews-javascript-api at each of its ExchangeVersion values, and exchangelib (Python,
 * Debian's python3-exchangelib) as an independent client in another runtime.
 */

const SCRIPT = path.resolve('scripts/interop/exchangelib_client.py');
/** Debian's interpreter, where apt installs python3-exchangelib (a pyenv python3 may shadow it). */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
/** A Python client start plus a dozen EWS round trips; generous for loaded CI machines. */
const EXCHANGELIB_TIMEOUT = 240_000;

function run(cmd: string, args: string[], timeoutMs = EXCHANGELIB_TIMEOUT - 10_000): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

let available: Promise<boolean> | undefined;

/** Asked once per worker: importing exchangelib costs a Python start, as much as a scenario's own run. */
function exchangelibAvailable(): Promise<boolean> {
  available ??= run(PYTHON, ['-c', 'import exchangelib']).then((r) => r.code === 0, () => false);
  return available;
}

async function runExchangelib(world: EwsWorld, args: string[]): Promise<void> {
  if (!(await exchangelibAvailable())) {
    // CI installs python3-exchangelib (.ci/run); elsewhere the scenario cannot run and says why.
    if (process.env.CI) assert.fail('python3-exchangelib is not installed (apt-get install python3-exchangelib)');
    world.log('python3-exchangelib is not installed: apt-get install python3-exchangelib');
    world.results.set('exchangelib-skipped', true);
    return;
  }
  const mock = await world.ensureMock();
  const r = await run(PYTHON, [SCRIPT, '--url', mock.url, ...args]);
  let out: Record<string, unknown>;
  try {
    out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '');
  } catch {
    throw new Error(`exchangelib printed no JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr.slice(-3000)}`);
  }
  world.results.set('exchangelib', out);
}

/**
 * What exchangelib printed, once it ran without an error; undefined when it could not run here
 * (python3-exchangelib missing outside CI), and the Then step reports itself skipped.
 */
function exchangelibResult<T>(world: EwsWorld): T | undefined {
  if (world.results.get('exchangelib-skipped')) return undefined;
  const out = world.results.get('exchangelib') as T & { error?: string };
  assert.equal(out.error, undefined, out.error);
  return out;
}

When('exchangelib as {mailbox} impersonating {mailbox} reads the mailbox, choosing version and authentication itself', { timeout: EXCHANGELIB_TIMEOUT }, async function (this: EwsWorld, login: string, target: string) {
  await runExchangelib(this, ['--mailbox', target, '--user', login, '--password', DEFAULT_PASSWORD, '--impersonate']);
});

When('exchangelib as {mailbox} opens the mailbox {mailbox} as a delegate and reads it', { timeout: EXCHANGELIB_TIMEOUT }, async function (this: EwsWorld, login: string, owner: string) {
  // exchangelib's DELEGATE access type: every folder is named by DistinguishedFolderId with a Mailbox.
  await runExchangelib(this, ['--mailbox', owner, '--user', login, '--password', DEFAULT_PASSWORD, '--auth', 'basic']);
});

When('exchangelib as {mailbox} sends its own mailbox a message from {mailbox}', { timeout: EXCHANGELIB_TIMEOUT }, async function (this: EwsWorld, login: string, from: string) {
  await runExchangelib(this, ['--mailbox', login, '--user', login, '--password', DEFAULT_PASSWORD, '--auth', 'basic', '--send-as', from]);
});

Then('exchangelib received it from {string} with the sender {string} and kept {int} copy in Sent Items', function (this: EwsWorld, from: string, sender: string, copies: number) {
  const out = exchangelibResult<{ sentAs: [string, string, number] }>(this);
  if (!out) return 'skipped';
  assert.deepEqual(out.sentAs, [from, sender, copies]);
  return undefined;
});

When('exchangelib as {mailbox} impersonating {mailbox} creates, reads, updates, reads and deletes the user configuration {string} on the Inbox', { timeout: EXCHANGELIB_TIMEOUT }, async function (this: EwsWorld, login: string, target: string, name: string) {
  await runExchangelib(this, ['--mailbox', target, '--user', login, '--password', DEFAULT_PASSWORD, '--impersonate', '--auth', 'basic', '--user-config', name]);
});

interface ReadConfiguration {
  dictionary: Record<string, unknown>;
  xml: string | null;
  binary: number[] | null;
  hasId: boolean;
}

Then('exchangelib read the user configuration as created with the dictionary {string}, the XML {string} and the bytes {string}', function (this: EwsWorld, dictionary: string, xml: string, bytes: string) {
  const out = exchangelibResult<{ userConfig: { created: ReadConfiguration } }>(this);
  if (!out) return 'skipped';
  const { created } = out.userConfig;
  assert.deepEqual(created, { dictionary: JSON.parse(dictionary), xml, binary: bytes.split(' ').map(Number), hasId: true });
  return undefined;
});

Then('after the update the dictionary was {string}, and after the delete reading it raised {word}', function (this: EwsWorld, dictionary: string, error: string) {
  const out = exchangelibResult<{ userConfig: { updated: ReadConfiguration; afterDelete: string } }>(this);
  if (!out) return 'skipped';
  assert.deepEqual([out.userConfig.updated.dictionary, out.userConfig.afterDelete], [JSON.parse(dictionary), error]);
  return undefined;
});

When('exchangelib as {mailbox} impersonating {mailbox} saves a draft {string}, changes its subject, saves it again and sends it', { timeout: EXCHANGELIB_TIMEOUT }, async function (this: EwsWorld, login: string, target: string, subject: string) {
  await runExchangelib(this, ['--mailbox', target, '--user', login, '--password', DEFAULT_PASSWORD, '--impersonate', '--auth', 'basic', '--draft', subject]);
});

Then('exchangelib saved the draft as {string}, and Sent Items then held it and Drafts did not', function (this: EwsWorld, subject: string) {
  const out = exchangelibResult<{ draft: { saved: string; sent: string[]; drafts: number } }>(this);
  if (!out) return 'skipped';
  assert.deepEqual(out.draft, { saved: subject, sent: [subject], drafts: 0 });
  return undefined;
});

When('exchangelib as {mailbox} impersonating {mailbox} exports the inbox message {string} and uploads it to Junk Email, then over that copy', { timeout: EXCHANGELIB_TIMEOUT }, async function (this: EwsWorld, login: string, target: string, subject: string) {
  await runExchangelib(this, ['--mailbox', target, '--user', login, '--password', DEFAULT_PASSWORD, '--impersonate', '--auth', 'basic', '--export-upload', subject]);
});

Then('exchangelib read back the upload as {string}, read {word}, from {string} with the attachments {string}', function (this: EwsWorld, subject: string, read: string, from: string, attachments: string) {
  const out = exchangelibResult<{ uploaded: [string, boolean, string | null, string[]] }>(this);
  if (!out) return 'skipped';
  assert.deepEqual(out.uploaded, [subject, read === 'true', from, attachments === '' ? [] : attachments.split(', ')]);
  return undefined;
});

Then('the update kept the copy\'s id with a new ChangeKey, and Junk Email holds {int} copy', function (this: EwsWorld, copies: number) {
  const out = exchangelibResult<{ updateKeptId: boolean; updateChangedKey: boolean; junkCopies: number }>(this);
  if (!out) return 'skipped';
  assert.deepEqual([out.updateKeptId, out.updateChangedKey, out.junkCopies], [true, true, copies]);
  return undefined;
});

When('exchangelib as {mailbox} impersonating {mailbox} reads the mailbox with {word} authentication', { timeout: EXCHANGELIB_TIMEOUT }, async function (this: EwsWorld, login: string, target: string, auth: string) {
  await runExchangelib(this, ['--mailbox', target, '--user', login, '--password', DEFAULT_PASSWORD, '--impersonate', '--auth', auth.toLowerCase()]);
});

When('exchangelib with an app-only OAuth token impersonating {mailbox} reads the mailbox', { timeout: EXCHANGELIB_TIMEOUT }, async function (this: EwsWorld, target: string) {
  const mock = await this.ensureMock();
  const token = issueToken({ audience: (await mock.admin.profile()).online ? 'https://outlook.office365.com' : mock.baseUrl });
  await runExchangelib(this, ['--mailbox', target, '--token', token, '--impersonate']);
});

Then('exchangelib opened the standard folders, empty:', function (this: EwsWorld, table: DataTable) {
  const out = exchangelibResult<{ standardFolders: [string, string, number][] }>(this);
  if (!out) return 'skipped';
  assert.deepEqual(out.standardFolders.map(([name, kind, total]) => [name, kind, String(total)]), table.raw());
  return undefined;
});

Then('exchangelib saw build {string}, used API version {string} and authentication {string}', function (this: EwsWorld, build: string, api: string, auth: string) {
  const out = exchangelibResult<{ build?: string; apiVersion?: string; authType?: string }>(this);
  if (!out) return 'skipped';
  assert.equal(out.build, build);
  assert.equal(out.apiVersion, api);
  assert.equal(out.authType, auth);
  return undefined;
});

Then('exchangelib found {int} messages in Inbox, newest first {string}, the subfolder {string}, {int} created by a full sync and {int} in Sent Items', function (this: EwsWorld, total: number, newest: string, child: string, synced: number, sent: number) {
  const out = exchangelibResult<{ inbox: { total: number; newest: (string | null)[]; children: string[]; synced: number }; sentTotal: number }>(this);
  if (!out) return 'skipped';
  assert.equal(out.inbox.total, total);
  assert.equal(out.inbox.newest[0], newest);
  assert.deepEqual(out.inbox.children, [child]);
  assert.equal(out.inbox.synced, synced);
  assert.equal(out.sentTotal, sent);
  return undefined;
});

Then('exchangelib found {int} messages in Inbox, newest first {string}, no subfolder and {int} created by a full sync', function (this: EwsWorld, total: number, newest: string, synced: number) {
  const out = exchangelibResult<{ inbox: { total: number; newest: (string | null)[]; children: string[]; synced: number } }>(this);
  if (!out) return 'skipped';
  assert.equal(out.inbox.total, total);
  assert.equal(out.inbox.newest[0], newest);
  assert.deepEqual(out.inbox.children, []);
  assert.equal(out.inbox.synced, synced);
  return undefined;
});

When('exchangelib as {mailbox} impersonating {mailbox} writes to the mailbox with {word} authentication', { timeout: EXCHANGELIB_TIMEOUT }, async function (this: EwsWorld, login: string, target: string, auth: string) {
  const mock = await this.ensureMock();
  const before = (await mock.admin.requestCount()).lastId;
  await runExchangelib(this, ['--mailbox', target, '--user', login, '--password', DEFAULT_PASSWORD, '--impersonate', '--auth', auth.toLowerCase(), '--writes']);
  const operations = (await mock.admin.journal({ after: before })).map((r) => r.operation);
  this.results.set('exchangelib-operations', operations.filter((op, i) => op !== operations[i - 1]));
});

When('exchangelib as {mailbox} impersonating {mailbox} reads, schedules and reads again the out-of-office settings', { timeout: EXCHANGELIB_TIMEOUT }, async function (this: EwsWorld, login: string, target: string) {
  await runExchangelib(this, ['--mailbox', target, '--user', login, '--password', DEFAULT_PASSWORD, '--impersonate', '--oof']);
});

Then('exchangelib read the out-of-office settings, before and after:', function (this: EwsWorld, table: DataTable) {
  const out = exchangelibResult<{ oof?: string[][] }>(this);
  if (!out) return 'skipped';
  assert.deepEqual(out.oof, table.raw());
  return undefined;
});

When('exchangelib as {mailbox} expands the distribution list {string}', { timeout: EXCHANGELIB_TIMEOUT }, async function (this: EwsWorld, login: string, list: string) {
  await runExchangelib(this, ['--mailbox', login, '--user', login, '--password', DEFAULT_PASSWORD, '--expand-dl', list]);
});

Then('exchangelib read the members:', function (this: EwsWorld, table: DataTable) {
  const out = exchangelibResult<{ members?: string[][] }>(this);
  if (!out) return 'skipped';
  assert.deepEqual(out.members, table.raw());
  return undefined;
});

When('exchangelib as {mailbox} impersonating {mailbox} soft-deletes the Inbox message {string}', { timeout: EXCHANGELIB_TIMEOUT }, async function (this: EwsWorld, login: string, target: string, subject: string) {
  await runExchangelib(this, ['--mailbox', target, '--user', login, '--password', DEFAULT_PASSWORD, '--impersonate', '--soft-delete', subject]);
});

Then('exchangelib counted {int} messages left in Inbox and found only {string} in the Deletions folder of Recoverable Items', function (this: EwsWorld, total: number, subject: string) {
  const out = exchangelibResult<{ inboxTotal?: number; deletions?: string[] }>(this);
  if (!out) return 'skipped';
  assert.equal(out.inboxTotal, total);
  assert.deepEqual(out.deletions, [subject]);
  return undefined;
});

When('exchangelib as {mailbox} impersonating {mailbox} fetches the {int} newest Inbox messages by id', { timeout: EXCHANGELIB_TIMEOUT }, async function (this: EwsWorld, login: string, target: string, n: number) {
  await runExchangelib(this, ['--mailbox', target, '--user', login, '--password', DEFAULT_PASSWORD, '--impersonate', '--fetch', String(n)]);
});

Then('exchangelib fetched, with every property:', function (this: EwsWorld, table: DataTable) {
  const out = exchangelibResult<{ fetched?: [string, string | null, string | null, boolean, string[]][] }>(this);
  if (!out) return 'skipped';
  const rows = (out.fetched ?? []).map(([kind, subject, sender, read, attachments]) => [kind, subject ?? '', sender ?? '', read ? 'read' : 'unread', attachments.join(', ')]);
  assert.deepEqual(rows, table.raw());
  return undefined;
});

interface Writes {
  folder: string;
  pulled: string[];
  streamed: string[];
  attachments: [string, string][];
  marked: [string, string][];
  sentCopies: number;
  filed: string[];
  childrenAfterDelete: string[];
}

function writes(world: EwsWorld): Writes | undefined {
  return exchangelibResult<Writes>(world);
}

Then('exchangelib created and renamed the folder {string}, filed {string} in it, and deleted it', function (this: EwsWorld, folder: string, subject: string) {
  const out = writes(this);
  if (!out) return 'skipped';
  assert.equal(out.folder, folder);
  assert.deepEqual(out.filed, [subject]);
  assert.deepEqual(out.childrenAfterDelete, ['Projects']);
  return undefined;
});

Then('exchangelib heard of the new mail by pull \\(GetEvents) and by streaming \\(GetStreamingEvents): {word}', function (this: EwsWorld, events: string) {
  const out = writes(this);
  if (!out) return 'skipped';
  assert.deepEqual(out.pulled, [events]);
  assert.deepEqual(out.streamed, [events]);
  return undefined;
});

Then('the message arrived with these attachments, and Sent Items kept {int} copies:', function (this: EwsWorld, copies: number, table: DataTable) {
  const out = writes(this);
  if (!out) return 'skipped';
  // A file is listed with its text, an attached message with "subject: body"; a body read back from
  // MIME ends with the line break of its last line, which is not what is compared here.
  assert.deepEqual(out.attachments.map(([name, text]) => [name, text.trimEnd()]), table.raw());
  assert.equal(out.sentCopies, copies);
  return undefined;
});

Then('exchangelib marked {string} with its own property {string} and found it by it', function (this: EwsWorld, subject: string, value: string) {
  const out = writes(this);
  if (!out) return 'skipped';
  assert.deepEqual(out.marked, [[subject, value]]);
  return undefined;
});

Then('exchangelib used, in this order, the operations:', function (this: EwsWorld, table: { raw(): string[][] }) {
  if (this.results.get('exchangelib-skipped')) return 'skipped';
  const used = this.results.get('exchangelib-operations') as string[];
  // Version probing and folder look-ups come first; from the first write on, the order is the client's.
  assert.deepEqual(used.slice(used.indexOf('CreateFolder')), table.raw().map((r) => r[0]));
  return undefined;
});

Then('exchangelib failed with {string}', function (this: EwsWorld, text: string) {
  if (this.results.get('exchangelib-skipped')) return 'skipped';
  const out = this.results.get('exchangelib') as { error?: string };
  assert.ok(out.error?.includes(text), out.error ?? JSON.stringify(out));
  return undefined;
});

When('{mailbox} impersonating {mailbox} binds to the {folder} folder with ews-javascript-api at {word}', async function (this: EwsWorld, login: string, target: string, folder: string, version: string) {
  const mock = await this.ensureMock();
  const v = ews.ExchangeVersion[version as keyof typeof ews.ExchangeVersion];
  assert.ok(v !== undefined, `ews-javascript-api knows no ExchangeVersion ${version}`);
  const svc = new ews.ExchangeService(v);
  // Exchange Online takes OAuth only: there the application's token stands in for the super-user.
  svc.Credentials = (await mock.admin.profile()).authSchemes.includes('Basic')
    ? new ews.WebCredentials(login, DEFAULT_PASSWORD)
    : new ews.OAuthCredentials(issueToken({ audience: 'https://outlook.office365.com' }));
  svc.Url = new ews.Uri(mock.url);
  svc.ImpersonatedUserId = new ews.ImpersonatedUserId(ews.ConnectingIdType.SmtpAddress, target);
  const wk = folder === 'inbox' ? ews.WellKnownFolderName.Inbox : ews.WellKnownFolderName.SentItems;
  this.results.set('folder', await this.attempt(() => ews.Folder.Bind(svc, wk)));
  this.results.set('requested', version);
});

Then('the request carried RequestServerVersion {word}', async function (this: EwsWorld, version: string) {
  const [last] = this.mock ? await this.mock.admin.requests({ limit: 1 }) : [];
  assert.equal(last?.version, version);
});
