import { After, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD } from '../support/accounts';

/**
 * DavMail (Debian's davmail-server or davmail, Java) as an independent EWS client: an IMAP gateway in front of the
 * mock. Its IMAP session (scripts/interop/davmail_imap.py) turns into GetFolder, FindFolder,
 * FindItem with MAPI properties, GetItem with MIME, UpdateItem, CopyItem, CreateItem and DeleteItem.
 */

/** What both Debian packages install; run with the system's java, in server mode. */
const DAVMAIL_JAR = '/usr/share/davmail/davmail.jar';
const SCRIPT = path.resolve('scripts/interop/davmail_imap.py');
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const TIMEOUT = 180_000;

interface Gateway {
  child: ChildProcess;
  dir: string;
  log: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Starts DavMail in server mode, IMAP and SMTP, against `ewsUrl`; resolves once it listens. */
async function startGateway(world: EwsWorld, ewsUrl: string, imapPort: number, smtpPort: number): Promise<Gateway> {
  const dir = mkdtempSync(path.join(tmpdir(), 'davmail-'));
  const properties = path.join(dir, 'davmail.properties');
  writeFileSync(
    properties,
    [
      'davmail.server=true',
      'davmail.mode=EWS',
      `davmail.url=${ewsUrl}`,
      `davmail.imapPort=${imapPort}`,
      `davmail.smtpPort=${smtpPort}`,
      'davmail.popPort=',
      'davmail.caldavPort=',
      'davmail.ldapPort=',
      'davmail.allowRemote=false',
      'davmail.disableUpdateCheck=true',
      `davmail.logFilePath=${path.join(dir, 'davmail.log')}`,
      'log4j.rootLogger=WARN',
      'log4j.logger.davmail=INFO',
    ].join('\n'),
  );
  const gateway: Gateway = { child: spawn('java', ['-jar', DAVMAIL_JAR, '-server', properties], { stdio: ['ignore', 'pipe', 'pipe'] }), dir, log: '' };
  world.results.set('davmail', gateway);
  gateway.child.stdout!.on('data', (d: Buffer) => (gateway.log += d.toString('utf8')));
  gateway.child.stderr!.on('data', (d: Buffer) => (gateway.log += d.toString('utf8')));
  const until = Date.now() + TIMEOUT / 2;
  while (!/listening on .*IMAP port/.test(gateway.log)) {
    if (gateway.child.exitCode !== null) throw new Error(`davmail exited (${gateway.child.exitCode}):\n${gateway.log}`);
    if (Date.now() > until) throw new Error(`davmail did not start:\n${gateway.log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return gateway;
}

After(async function (this: EwsWorld) {
  const gateway = this.results.get('davmail') as Gateway | undefined;
  if (!gateway) return;
  if (gateway.child.exitCode === null) {
    gateway.child.kill('SIGTERM');
    await Promise.race([new Promise((r) => gateway.child.once('exit', r)), new Promise((r) => setTimeout(r, 5000))]);
    if (gateway.child.exitCode === null) gateway.child.kill('SIGKILL');
  }
  rmSync(gateway.dir, { recursive: true, force: true });
});

When('a mail program logs in to DavMail as {mailbox}, reads, flags, copies, appends and expunges over IMAP and sends {mailbox} a message over SMTP', { timeout: TIMEOUT }, async function (this: EwsWorld, login: string, to: string) {
  if (!existsSync(DAVMAIL_JAR)) {
    // CI installs davmail-server (.ci/run); elsewhere the scenario cannot run and says why.
    if (process.env.CI) assert.fail('DavMail is not installed (apt-get install davmail-server)');
    this.log('DavMail is not installed: apt-get install davmail-server');
    this.results.set('davmail-skipped', true);
    return;
  }
  const mock = await this.ensureMock();
  const port = await freePort();
  const smtpPort = await freePort();
  await startGateway(this, mock.url, port, smtpPort);
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(PYTHON, [SCRIPT, '--port', String(port), '--smtp-port', String(smtpPort), '--user', login, '--password', DEFAULT_PASSWORD, '--to', to], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', () => (stdout.trim() ? resolve(stdout) : reject(new Error(`the IMAP session printed nothing:\n${stderr}`))));
  });
  this.results.set('imap', JSON.parse(output.trim().split('\n').pop()!));
});

function imap(world: EwsWorld): Record<string, unknown> | undefined {
  if (world.results.get('davmail-skipped')) return undefined;
  const out = world.results.get('imap') as Record<string, unknown>;
  const gateway = world.results.get('davmail') as Gateway | undefined;
  assert.equal(out.error, undefined, `${String(out.error)}\n${JSON.stringify(out)}\ndavmail: ${gateway?.log.slice(-3000)}`);
  return out;
}

Then('the IMAP session listed the folders {string}', function (this: EwsWorld, folders: string) {
  const out = imap(this);
  if (!out) return 'skipped';
  assert.deepEqual(out.folders, folders.split(',').map((f) => f.trim()));
  return undefined;
});

Then('it found {int} messages in INBOX, {int} of them unseen, the first {string}', function (this: EwsWorld, total: number, unseen: number, first: string) {
  const out = imap(this);
  if (!out) return 'skipped';
  assert.equal(out.inbox, total);
  assert.equal(out.unseen, unseen);
  assert.equal(out.firstSubject, first);
  return undefined;
});

Then('after it marked the first seen, {int} were unseen', function (this: EwsWorld, unseen: number) {
  const out = imap(this);
  if (!out) return 'skipped';
  assert.equal(out.unseenAfterStore, unseen);
  return undefined;
});

Then('the keyword {string} it gave {string} is a category of the message in the mock, read back as {string}', async function (this: EwsWorld, keyword: string, subject: string, shown: string) {
  const out = imap(this);
  if (!out) return 'skipped';
  assert.ok(String(out.keywordFlags).includes(shown), String(out.keywordFlags));
  const admin = (await this.ensureMock()).admin;
  const [item] = (await admin.allItems('alice@acme.test', { subject })).filter((i) => i.subject === subject);
  assert.ok(item, `no message "${subject}"`);
  assert.deepEqual((await admin.item('alice@acme.test', item.id)).categories, [keyword]);
  return undefined;
});

Then('its appended message held {string}; INBOX went to {int} messages and back to {int} after the expunge', function (this: EwsWorld, body: string, afterAppend: number, afterExpunge: number) {
  const out = imap(this);
  if (!out) return 'skipped';
  assert.equal(out.append, 'OK');
  assert.equal(out.appendedBody, body);
  assert.equal(out.inboxAfterAppend, afterAppend);
  assert.equal(out.inboxAfterExpunge, afterExpunge);
  return undefined;
});

Then('the message it sent arrived in {word}\'s Inbox with {string}, and a copy is in its Sent Items', async function (this: EwsWorld, to: string, body: string) {
  const out = imap(this);
  if (!out) return 'skipped';
  assert.deepEqual(out.smtpRefused, {});
  const admin = (await this.ensureMock()).admin;
  const received = (await admin.allItems(to, {})).filter((i) => i.subject === 'Sent through DavMail');
  assert.deepEqual(received.map((i) => i.folder), ['Inbox']);
  const item = await admin.item(to, received[0].id);
  assert.ok(item.body.text?.includes(body), JSON.stringify(item.body));
  const sent = (await admin.allItems('alice@acme.test', {})).filter((i) => i.subject === 'Sent through DavMail');
  assert.deepEqual(sent.map((i) => i.folder), ['Sent Items']);
  return undefined;
});

Then('the message it copied, {string}, is also in {word}\'s folder {string}', async function (this: EwsWorld, subject: string, owner: string, folder: string) {
  const out = imap(this);
  if (!out) return 'skipped';
  assert.equal(out.copy, 'OK');
  assert.equal(out.copied, subject);
  const items = await (await this.ensureMock()).admin.allItems(owner, {});
  assert.ok(items.some((i) => i.subject === subject && i.folder === folder), `"${subject}" is not in ${folder}`);
  return undefined;
});
