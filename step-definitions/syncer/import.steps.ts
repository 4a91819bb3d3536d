import { DataTable, Given, Then, When, World } from '@cucumber/cucumber';
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RunningMock, startMock } from '../../mock-ews/src/server/start';
import { MockControl } from './mock-control';
import { main } from '../../syncer/src/cli';
import { startFaultProxy, FaultProxy } from './fault-proxy';
import { cli, cliWithSettings, control, mockOf, mockSettings, query, syncer, writeSettings } from './syncer-world';

/** Runs import whole mailboxes; big folders under parallel load need more than the default step time. */
const RUN_TIMEOUT = { timeout: 180_000 };

const USERS_FILE = join(__dirname, '../../fixtures/users/default-users.yaml');

interface ImportState {
  proxy?: FaultProxy;
  second?: RunningMock;
  firstEndpoint?: string;
  secondEndpoint?: string;
  runStarted?: number;
  runMs?: number;
  snapshot?: Map<string, { emailId: number; linkId: number }>;
  folderSnapshot?: Map<string, number>;
}
const importStates = new WeakMap<object, ImportState>();
function st(world: World): ImportState {
  let s = importStates.get(world);
  if (!s) importStates.set(world, (s = {}));
  return s;
}

// ---- database views ----

/** Message-IDs the database holds in a folder (by full name) of the active mailbox of `smtp`. */
function dbMessageIds(world: World, smtp: string, folder: string, server?: string): Set<string> {
  const rows = query<{ message_id: string }>(
    world,
    `SELECT e.message_id FROM emails e JOIN email_folders l ON l.email_id = e.id AND l.removed_at IS NULL
     JOIN folders f ON f.id = l.folder_id AND f.active = 1 JOIN mailboxes m ON m.id = f.mailbox_id
     WHERE m.email = ? AND m.active = 1 AND f.full_name = ? ${server ? 'AND m.server = ?' : ''}`,
    ...(server ? [smtp, folder, server] : [smtp, folder]),
  );
  return new Set(rows.map((r) => r.message_id));
}

function foldersOfMessage(world: World, smtp: string, messageId: string): string[] {
  return query<{ full_name: string }>(
    world,
    `SELECT f.full_name FROM emails e JOIN email_folders l ON l.email_id = e.id AND l.removed_at IS NULL
     JOIN folders f ON f.id = l.folder_id AND f.active = 1 JOIN mailboxes m ON m.id = f.mailbox_id
     WHERE m.email = ? AND m.active = 1 AND e.message_id = ? ORDER BY f.full_name`,
    smtp,
    messageId,
  ).map((r) => r.full_name);
}

function mailboxRow(world: World, smtp: string): Record<string, unknown> {
  const [row] = query(world, 'SELECT * FROM mailboxes WHERE email = ? AND active = 1', smtp);
  assert.ok(row, `no active mailbox record for ${smtp}`);
  return row;
}

async function messageId(world: World, name: string, smtp?: string): Promise<string> {
  const known = syncer(world).messages.get(name);
  if (known) return known;
  const c = await control(world);
  for (const box of smtp ? [smtp] : ['alice@acme.test', 'bob@acme.test', 'carol@globex.test']) {
    try {
      return await c.messageIdBySubject(box, name);
    } catch {
      // try the next mailbox
    }
  }
  const [row] = query<{ message_id: string }>(world, 'SELECT message_id FROM emails WHERE subject = ?', name);
  assert.ok(row, `no message named "${name}"`);
  return row.message_id;
}

function splitFolders(list: string): string[] {
  return [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}

async function journal(world: World) {
  return (await control(world)).requests(syncer(world).journalStart);
}

// ---- setup ----

Given('the users of the default scenario are imported', async function (this: World) {
  const r = await cli(this, ['users', 'import', USERS_FILE]);
  assert.equal(r.code, 0, r.out);
});

Given('the users are imported from CSV:', async function (this: World, csv: string) {
  const file = join(syncer(this).dir, 'users.csv');
  writeFileSync(file, csv);
  const r = await cli(this, ['users', 'import', file]);
  assert.equal(r.code, 0, r.out);
});

Given('user {string} now has only the address {mailbox}', async function (this: World, name: string, email: string) {
  const file = join(syncer(this).dir, 'changed-users.yaml');
  writeFileSync(file, `users:\n  - name: ${name}\n    emails: [${email}]\n`);
  const r = await cli(this, ['users', 'import', file]);
  assert.equal(r.code, 0, r.out);
});

Given('the syncer settings point at the mock', function (this: World) {
  syncer(this).settings = mockSettings();
});

Given('the sync strategy is {string}', function (this: World, strategy: string) {
  syncer(this).settings.strategy = strategy;
});

Given('the syncer has run once', RUN_TIMEOUT, async function (this: World) {
  const r = await cliWithSettings(this, ['run']);
  assert.equal(r.code, 0, `${r.out}\n${r.err}`);
  st(this).firstEndpoint = (await mockOf(this)).url;
});

Given('a new message {string} arrives in {string} of {mailbox}', async function (this: World, name: string, folder: string, smtp: string) {
  const id = await (await control(this)).deliver(smtp, folder, { subject: `New: ${name}` });
  syncer(this).messages.set(name, id);
});

Given('the same message {string} arrives in {string} of {mailbox}', async function (this: World, name: string, folder: string, smtp: string) {
  await (await control(this)).deliver(smtp, folder, { subject: `New: ${name}`, messageId: syncer(this).messages.get(name) });
});

Given('a new message {string} with only the Bcc {mailbox} arrives in {string} of {mailbox}', async function (this: World, name: string, bcc: string, folder: string, smtp: string) {
  const id = await (await control(this)).deliver(smtp, folder, { subject: name, to: [], cc: [], bcc: [bcc] });
  syncer(this).messages.set(name, id);
});

Given('a new message {string} with no recipients arrives in {string} of {mailbox}', async function (this: World, name: string, folder: string, smtp: string) {
  const id = await (await control(this)).deliver(smtp, folder, { subject: name, to: [], cc: [], bcc: [] });
  syncer(this).messages.set(name, id);
});

Given('a message {string} with the file {string} and the attached message {string} arrives in {string} of {mailbox}', async function (this: World, subject: string, file: string, attached: string, folder: string, smtp: string) {
  const forwarded = `From: billing@globex.test\r\nTo: ${smtp}\r\nSubject: ${attached}\r\nMessage-ID: <${attached.replace(/\W+/g, '-')}@globex.test>\r\nDate: Mon, 02 Nov 2026 10:00:00 +0000\r\n\r\nThe original message.\r\n`;
  await (await mockOf(this)).admin.deliver(smtp, folder, {
    subject,
    from: { name: 'Carol', address: 'carol@globex.test' },
    to: [smtp],
    text: 'Both attached.',
    attachments: [
      { name: file, contentType: 'text/plain', content: `The content of ${file}.` },
      { name: attached, contentType: 'message/rfc822', content: forwarded },
    ],
  });
});

Given('a message {string} with two files named {string}, {string} and {string}, arrives in {string} of {mailbox}', async function (this: World, subject: string, file: string, first: string, second: string, folder: string, smtp: string) {
  await (await mockOf(this)).admin.deliver(smtp, folder, {
    subject,
    from: { name: 'Carol', address: 'carol@globex.test' },
    to: [smtp],
    text: 'Two files of one name.',
    attachments: [
      { name: file, contentType: 'text/plain', content: first },
      { name: file, contentType: 'text/plain', content: second },
    ],
  });
});

Given('a message {string} showing the inline image {string} with the Content-ID {string} arrives in {string} of {mailbox}', async function (this: World, subject: string, file: string, cid: string, folder: string, smtp: string) {
  const png = Buffer.from('89504e470d0a1a0a', 'hex').toString('base64');
  const mime = [
    'From: Carol <carol@globex.test>', `To: ${smtp}`, `Subject: ${subject}`, `Message-ID: <${subject.replace(/\W+/g, '-')}@globex.test>`,
    'Date: Mon, 02 Nov 2026 10:00:00 +0000', 'MIME-Version: 1.0', 'Content-Type: multipart/related; boundary="b1"', '',
    '--b1', 'Content-Type: text/html; charset=utf-8', '', `<p>Our logo: <img src="cid:${cid}"></p>`,
    '--b1', `Content-Type: image/png; name="${file}"`, 'Content-Transfer-Encoding: base64', `Content-ID: <${cid}>`, `Content-Disposition: inline; filename="${file}"`, '', png,
    '--b1--', '',
  ].join('\r\n');
  await (await mockOf(this)).admin.deliverMime(smtp, folder, mime);
});

Then('the attachment {string} of {string} is stored inline with the Content-ID {string}', function (this: World, name: string, subject: string, cid: string) {
  const rows = query<{ is_inline: number; content_id: string | null; content: Buffer | null }>(this, 'SELECT a.is_inline, a.content_id, a.content FROM attachments a JOIN emails e ON e.id = a.email_id WHERE e.subject = ? AND a.name = ?', subject, name);
  assert.equal(rows.length, 1, `${rows.length} attachments "${name}"`);
  assert.deepEqual([rows[0].is_inline, rows[0].content_id, rows[0].content?.length], [1, cid, 8]);
});

Then('the attachments of {string}, in order, hold {string}', function (this: World, subject: string, contents: string) {
  const rows = query<{ content: Buffer | null }>(this, 'SELECT a.content FROM attachments a JOIN emails e ON e.id = a.email_id WHERE e.subject = ? ORDER BY a.position', subject);
  assert.deepEqual(rows.map((r) => r.content?.toString('utf8') ?? null), contents.split(',').map((c) => c.trim()));
});

function snapshotLinks(world: World, smtp: string, messageId: string): void {
  const rows = query<{ email_id: number; link_id: number }>(
    world,
    `SELECT e.id AS email_id, l.id AS link_id FROM emails e JOIN email_folders l ON l.email_id = e.id
     JOIN mailboxes m ON m.id = l.mailbox_id WHERE m.email = ? AND m.active = 1 AND e.message_id = ?`,
    smtp,
    messageId,
  );
  assert.equal(rows.length, 1, `expected one link for ${messageId} before the move`);
  (st(world).snapshot ??= new Map()).set(messageId, { emailId: rows[0].email_id, linkId: rows[0].link_id });
}

Given(/^(?:the )?message "([^"]+)" is moved from "([^"]+)" to "([^"]+)" in (\S+@\S+)$/, async function (this: World, name: string, from: string, to: string, smtp: string) {
  const id = await messageId(this, name, smtp);
  snapshotLinks(this, smtp, id);
  await (await control(this)).move(smtp, id, from, to);
});

Given('the message {string} is copied from {string} to {string} in {mailbox}', async function (this: World, name: string, from: string, to: string, smtp: string) {
  await (await control(this)).copy(smtp, await messageId(this, name, smtp), from, to);
});

Given('the message {string} is deleted from {string} in {mailbox}', async function (this: World, name: string, from: string, smtp: string) {
  await (await control(this)).delete(smtp, await messageId(this, name, smtp), from);
});

Given('folder {string} of {mailbox} is renamed to {string}', async function (this: World, path: string, smtp: string, name: string) {
  const [row] = query<{ id: number }>(
    this,
    'SELECT f.id FROM folders f JOIN mailboxes m ON m.id = f.mailbox_id WHERE m.email = ? AND m.active = 1 AND f.full_name = ?',
    smtp,
    path,
  );
  assert.ok(row, `no folder ${path} in the database`);
  (st(this).folderSnapshot ??= new Map()).set(`${smtp}|${path.replace(/[^/]+$/, name)}`, row.id);
  await (await control(this)).renameFolder(smtp, path, name);
});

Given('folder {string} is created in {mailbox} with {int} messages', async function (this: World, path: string, smtp: string, count: number) {
  const c = await control(this);
  const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  await c.createFolder(smtp, parent, path.slice(path.lastIndexOf('/') + 1));
  await c.deliverMany(smtp, path, count, path);
});

Given('svc-ews@acme.test may no longer impersonate {mailbox}', async function (this: World, smtp: string) {
  await (await control(this)).denyImpersonation('svc-ews@acme.test', smtp);
});

Given('mailbox {mailbox} has been in progress for {int} {word}', function (this: World, smtp: string, n: number, unit: string) {
  const ms = n * (unit.startsWith('day') ? 86_400_000 : unit.startsWith('hour') ? 3_600_000 : 60_000);
  const db = new Database(syncer(this).db);
  try {
    db.prepare(`UPDATE mailboxes SET state = 'in_progress', changed_at = ? WHERE email = ? AND active = 1`).run(new Date(Date.now() - ms).toISOString(), smtp);
  } finally {
    db.close();
  }
});

Given('a second mock server runs the default scenario', async function (this: World) {
  const second = await startMock({ port: 0 });
  syncer(this).closers.push(() => second.close());
  st(this).second = second;
  st(this).secondEndpoint = second.url;
});

Given('the settings point at the second mock server', function (this: World) {
  syncer(this).serverOverride = st(this).secondEndpoint;
});

async function proxy(world: World): Promise<FaultProxy> {
  const s = st(world);
  if (!s.proxy) {
    s.proxy = await startFaultProxy((await mockOf(world)).url);
    const p = s.proxy;
    syncer(world).closers.push(() => p.close());
    syncer(world).serverOverride = p.url;
  }
  return s.proxy;
}

Given('the server answers the first {int} requests with ErrorServerBusy and BackOffMilliseconds {int}', async function (this: World, n: number, ms: number) {
  Object.assign((await proxy(this)).behaviour, { busyCount: n, backOffMs: ms });
});

Given('the server answers every request with ErrorServerBusy and no BackOffMilliseconds', async function (this: World) {
  Object.assign((await proxy(this)).behaviour, { busyCount: Number.POSITIVE_INFINITY, backOffMs: undefined });
});

Given('the server delays every answer by {int} ms', async function (this: World, ms: number) {
  (await proxy(this)).behaviour.delayMs = ms;
});

When('the server stops delaying answers', async function (this: World) {
  (await proxy(this)).behaviour.delayMs = 0;
});

Given('the server answers GetItem for the message {string} of {mailbox} with ErrorItemNotFound', async function (this: World, name: string, smtp: string) {
  const c = await control(this);
  const id = await messageId(this, name, smtp);
  const itemId = await c.itemIdOf(smtp, id);
  (await proxy(this)).behaviour.failItemId = itemId;
});

// ---- running ----

async function run(world: World, args: string[] = []): Promise<void> {
  const s = st(world);
  s.runStarted = Date.now();
  await cliWithSettings(world, ['run', ...args]);
  s.runMs = Date.now() - s.runStarted;
}

When('the syncer runs', RUN_TIMEOUT, async function (this: World) {
  await run(this);
});

When('the syncer runs with {string}', RUN_TIMEOUT, async function (this: World, args: string) {
  await run(this, args.split(' '));
});

When('I run {string} with the settings', RUN_TIMEOUT, async function (this: World, command: string) {
  await cliWithSettings(this, command.split(' '));
});

When('two syncer runs start at the same time', RUN_TIMEOUT, async function (this: World) {
  const s = syncer(this);
  const file = await writeSettings(this);
  const outputs: string[] = [];
  const io = { out: (t: string) => outputs.push(t), err: (t: string) => outputs.push(t), env: s.env, isTTY: false };
  const args = ['node', 'ews-sync', 'run', '--settings', file, '--db', s.db, '--concurrency', '1'];
  const codes = await Promise.all([main(args, io), main(args, io)]);
  s.last = { code: Math.max(...codes), out: outputs.join('\n'), err: '' };
});

// ---- outcomes ----

Then('the run succeeds', function (this: World) {
  const last = syncer(this).last!;
  assert.equal(last.code, 0, `exit ${last.code}:\n${last.out}\n${last.err}`);
});

Then('the run fails naming {mailbox}', function (this: World, smtp: string) {
  const last = syncer(this).last!;
  assert.notEqual(last.code, 0, `the run should fail:\n${last.out}`);
  const failedPart = last.out.slice(last.out.indexOf('failed mailboxes:'));
  assert.ok(last.out.includes('failed mailboxes:') && failedPart.includes(smtp), `expected ${smtp} among the failed:\n${last.out}`);
});

Then(/^mailbox (\S+@\S+) is (succeeded|failed|in_progress|new) with (\d+) successful syncs?$/, function (this: World, smtp: string, state: string, n: string) {
  const row = mailboxRow(this, smtp);
  assert.equal(row.state, state, `state of ${smtp}; last error: ${row.last_error}`);
  assert.equal(row.success_count, Number(n));
  if (state === 'succeeded') assert.ok(row.last_sync_at, 'last_sync_at is set');
});

Then(/^mailbox (\S+@\S+) is (succeeded|failed|in_progress|new)$/, function (this: World, smtp: string, state: string) {
  assert.equal(mailboxRow(this, smtp).state, state);
});

Then('the last error of {mailbox} says {string}', function (this: World, smtp: string, text: string) {
  const row = mailboxRow(this, smtp);
  assert.ok(String(row.last_error ?? '').includes(text), `last error of ${smtp}: ${row.last_error}`);
});

Then('the synced folders of {mailbox} are:', function (this: World, smtp: string, table: DataTable) {
  const rows = query<{ full_name: string; type: string }>(
    this,
    'SELECT f.full_name, f.type FROM folders f JOIN mailboxes m ON m.id = f.mailbox_id WHERE m.email = ? AND m.active = 1 AND f.active = 1 ORDER BY f.full_name',
    smtp,
  );
  const expected = table.hashes().map((h) => ({ full_name: h.name, type: h.type })).sort((a, b) => a.full_name.localeCompare(b.full_name));
  assert.deepEqual(rows, expected);
});

Then(
  /^the database holds exactly the messages of (\S+@\S+) in (.+?)( on the second server)?$/,
  async function (this: World, smtp: string, list: string, second?: string) {
    const c = second ? new MockControl(st(this).second!) : await control(this);
    const server = second ? st(this).secondEndpoint : undefined;
    for (const folder of splitFolders(list)) {
      const expected = new Set((await c.items(smtp, folder)).map((i) => i.internetMessageId));
      const actual = dbMessageIds(this, smtp, folder, server);
      assert.ok(expected.size > 0, `the mock's ${folder} of ${smtp} is empty`);
      assert.deepEqual([...actual].sort(), [...expected].sort(), `messages of ${smtp} "${folder}"`);
    }
  },
);

Then('the database holds all messages of {mailbox} in {string} but {string}', async function (this: World, smtp: string, folder: string, name: string) {
  const c = await control(this);
  const skip = await messageId(this, name, smtp);
  const expected = (await c.items(smtp, folder)).map((i) => i.internetMessageId).filter((id) => id !== skip);
  assert.deepEqual([...dbMessageIds(this, smtp, folder)].sort(), expected.sort());
});

Then('the database holds {int} emails in {string} of {mailbox}', function (this: World, n: number, folder: string, smtp: string) {
  assert.equal(dbMessageIds(this, smtp, folder).size, n);
});

Then('some messages of {mailbox} are not yet in the database', async function (this: World, smtp: string) {
  const c = await control(this);
  let inMock = 0;
  for (const f of ['Inbox', 'Inbox/Projects', 'Inbox/Projects/Archive 2025', 'Inbox/Bulk', 'Sent Items']) inMock += (await c.items(smtp, f)).length;
  const [{ n }] = query<{ n: number }>(
    this,
    `SELECT COUNT(*) AS n FROM email_folders l JOIN mailboxes m ON m.id = l.mailbox_id WHERE m.email = ? AND l.removed_at IS NULL`,
    smtp,
  );
  assert.ok(n < inMock, `all ${inMock} messages are already stored`);
});

Then('no message of {mailbox} from {string} or {string} is in the database', async function (this: World, smtp: string, a: string, b: string) {
  const c = await control(this);
  for (const folder of [a, b]) {
    for (const item of await c.items(smtp, folder)) {
      assert.deepEqual(foldersOfMessage(this, smtp, item.internetMessageId), [], `${item.subject} from ${folder} was imported`);
    }
  }
  const names = query<{ full_name: string }>(this, 'SELECT full_name FROM folders').map((r) => r.full_name);
  assert.ok(!names.some((n) => /^(Drafts|Deleted Items|Junk Email|Outbox)/.test(n)), `unexpected folders: ${names.join(', ')}`);
});

Then('every request for a mailbox impersonated it with SmtpAddress', async function (this: World) {
  const requests = await (await control(this)).requests();
  const impersonated = requests.filter((r) => /ExchangeImpersonation/.test(r.requestXml ?? ''));
  assert.ok(impersonated.length > 0, 'no impersonated request');
  for (const r of impersonated) {
    const sid = /<\w+:SmtpAddress>([^<]+)<\/\w+:SmtpAddress>/.exec(r.requestXml ?? '');
    assert.ok(sid, `no SmtpAddress in ${r.operation}`);
    assert.equal(sid[1].toLowerCase(), r.mailbox?.toLowerCase() ?? sid[1].toLowerCase());
  }
});

Then(/^every impersonated request named the mailbox with (PrincipalName|PrimarySmtpAddress|SmtpAddress)$/, async function (this: World, kind: string) {
  const impersonated = (await (await control(this)).requests()).filter((r) => /ExchangeImpersonation/.test(r.requestXml ?? ''));
  assert.ok(impersonated.length > 0, 'no impersonated request');
  for (const r of impersonated) {
    const sid = /<\w+:ConnectingSID>\s*<\w+:(\w+)>([^<]+)</.exec(r.requestXml ?? '');
    assert.deepEqual(sid?.slice(1, 3), [kind, r.mailbox ?? sid?.[2]], `ConnectingSID of ${r.operation}`);
  }
});

Then('the email {string} of {mailbox} has', async function (this: World, name: string, smtp: string, table: DataTable) {
  const id = await messageId(this, name, smtp);
  const [row] = query(
    this,
    `SELECT e.*, l.is_read, f.full_name FROM emails e JOIN email_folders l ON l.email_id = e.id AND l.removed_at IS NULL
     JOIN folders f ON f.id = l.folder_id JOIN mailboxes m ON m.id = l.mailbox_id WHERE m.email = ? AND m.active = 1 AND e.message_id = ?`,
    smtp,
    id,
  );
  assert.ok(row, `"${name}" is not in the database for ${smtp}`);
  const addresses = (json: unknown) => (JSON.parse(String(json)) as { address: string }[]).map((a) => a.address).join(',');
  for (const { field, value } of table.hashes()) {
    const actual: Record<string, () => string> = {
      from: () => String(row.from_address),
      to: () => addresses(row.to_addresses),
      cc: () => addresses(row.cc_addresses),
      bcc: () => addresses(row.bcc_addresses),
      importance: () => String(row.importance),
      read: () => String(row.is_read === 1),
      received_at: () => String(row.received_at),
      folder: () => String(row.full_name),
    };
    assert.ok(actual[field], `unknown field ${field}`);
    assert.equal(actual[field](), value, `${field} of "${name}"`);
  }
});

Then('the email {string} has no To, Cc or Bcc', async function (this: World, name: string) {
  const [row] = query<Record<string, string>>(this, 'SELECT * FROM emails WHERE message_id = ?', await messageId(this, name));
  assert.ok(row);
  assert.deepEqual([row.to_addresses, row.cc_addresses, row.bcc_addresses], ['[]', '[]', '[]']);
});

Then('every email of {mailbox} has a Message-ID, an ItemId and a ConversationId', function (this: World, smtp: string) {
  const rows = query<Record<string, string | null>>(
    this,
    `SELECT e.message_id, l.item_id, l.conversation_id FROM emails e JOIN email_folders l ON l.email_id = e.id JOIN mailboxes m ON m.id = l.mailbox_id WHERE m.email = ?`,
    smtp,
  );
  assert.ok(rows.length > 0);
  for (const r of rows) {
    assert.match(String(r.message_id), /^<.+@.+>$/);
    assert.ok(r.item_id && r.conversation_id, `missing ids: ${JSON.stringify(r)}`);
  }
});

Then('no email of {mailbox} has a ConversationId', function (this: World, smtp: string) {
  const rows = query(
    this,
    `SELECT l.conversation_id FROM email_folders l JOIN mailboxes m ON m.id = l.mailbox_id WHERE m.email = ? AND l.conversation_id IS NOT NULL`,
    smtp,
  );
  assert.equal(rows.length, 0);
});

Then('every date in the emails table is UTC ISO 8601', function (this: World) {
  const rows = query<Record<string, string | null>>(this, 'SELECT sent_at, received_at, created_at FROM emails');
  for (const r of rows) {
    for (const v of Object.values(r)) if (v !== null) assert.match(v, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  }
});

Then('the email with an empty subject from {mailbox} is in {string} of {mailbox}', function (this: World, from: string, folder: string, smtp: string) {
  const rows = query(
    this,
    `SELECT e.subject FROM emails e JOIN email_folders l ON l.email_id = e.id JOIN folders f ON f.id = l.folder_id JOIN mailboxes m ON m.id = l.mailbox_id
     WHERE m.email = ? AND f.full_name = ? AND e.from_address = ? AND e.subject = ''`,
    smtp,
    folder,
    from,
  );
  assert.equal(rows.length, 1);
});

Then('the emails table holds the subject {string}', function (this: World, subject: string) {
  assert.equal(query(this, 'SELECT 1 FROM emails WHERE subject = ?', subject).length, 1, `no email "${subject}"`);
});

Then('the emails table is empty', function (this: World) {
  assert.equal(query(this, 'SELECT 1 FROM emails').length, 0);
});

Then('{mailbox} has no emails in the database', function (this: World, smtp: string) {
  assert.equal(query(this, 'SELECT 1 FROM email_folders l JOIN mailboxes m ON m.id = l.mailbox_id WHERE m.email = ?', smtp).length, 0);
});

Then(/^message "([^"]+)" is in "([^"]+)" of (\S+@\S+)( only)?$/, async function (this: World, name: string, folder: string, smtp: string, only?: string) {
  const folders = foldersOfMessage(this, smtp, await messageId(this, name, smtp));
  if (only) assert.deepEqual(folders, [folder]);
  else assert.ok(folders.includes(folder), `"${name}" is in ${JSON.stringify(folders)}, not "${folder}"`);
});

Then('message {string} is in no folder of {mailbox}', async function (this: World, name: string, smtp: string) {
  assert.deepEqual(foldersOfMessage(this, smtp, await messageId(this, name, smtp)), []);
});

Then('message {string} is not in the database', async function (this: World, name: string) {
  assert.equal(query(this, 'SELECT 1 FROM emails WHERE message_id = ?', await messageId(this, name)).length, 0);
});

Then('message {string} kept its email row and its folder link', async function (this: World, name: string) {
  const id = await messageId(this, name);
  const before = st(this).snapshot?.get(id);
  assert.ok(before, 'no snapshot taken before the move');
  const rows = query<{ email_id: number; link_id: number }>(
    this,
    'SELECT e.id AS email_id, l.id AS link_id FROM emails e JOIN email_folders l ON l.email_id = e.id WHERE e.message_id = ?',
    id,
  );
  assert.deepEqual(rows, [{ email_id: before.emailId, link_id: before.linkId }]);
});

Then('message {string} is one email row with {int} folder links', async function (this: World, name: string, n: number) {
  const id = await messageId(this, name);
  const rows = query<{ email_id: number }>(
    this,
    'SELECT e.id AS email_id FROM emails e JOIN email_folders l ON l.email_id = e.id AND l.removed_at IS NULL WHERE e.message_id = ?',
    id,
  );
  assert.equal(rows.length, n);
  assert.equal(new Set(rows.map((r) => r.email_id)).size, 1);
});

Then('no email is stored twice', function (this: World) {
  const dup = query(this, 'SELECT message_id, COUNT(*) n FROM emails GROUP BY message_id HAVING n > 1');
  assert.deepEqual(dup, []);
  const dupLinks = query(this, 'SELECT email_id, folder_id, COUNT(*) n FROM email_folders WHERE removed_at IS NULL GROUP BY email_id, folder_id HAVING n > 1');
  assert.deepEqual(dupLinks, []);
});

Then('the last run fetched with GetItem only the {int} new messages', async function (this: World, n: number) {
  const c = await control(this);
  const getItems = (await journal(this)).filter((r) => r.operation === 'GetItem');
  const ids = getItems.flatMap((r) => [...(r.requestXml ?? '').matchAll(/<\w+:ItemId Id="([^"]+)"/g)].map((m) => m[1]));
  const fetched = new Set(await Promise.all(ids.map((id) => c.messageIdOfItem(id))));
  const fresh = new Set([...syncer(this).messages.values()]);
  assert.equal(fresh.size, n);
  assert.deepEqual([...fetched].sort(), [...fresh].sort());
});

Then('every SyncFolderItems request of the last run carried a sync state', async function (this: World) {
  const syncs = (await journal(this)).filter((r) => r.operation === 'SyncFolderItems');
  assert.ok(syncs.length > 0);
  for (const r of syncs) assert.match(r.requestXml ?? '', /<\w+:SyncState>[^<]+<\/\w+:SyncState>/);
});

Then('the last run sent no GetItem', async function (this: World) {
  assert.deepEqual((await journal(this)).filter((r) => r.operation === 'GetItem').length, 0);
});

Then('the last run paged {string} with at least {int} {word} requests', async function (this: World, _folder: string, n: number, operation: string) {
  const count = (await journal(this)).filter((r) => r.operation === operation).length;
  assert.ok(count >= n, `${count} ${operation} requests`);
});

Then("the last run's FindItem requests carried a Restriction on DateTimeReceived, or DateTimeSent in sent folders", async function (this: World) {
  const c = await control(this);
  const finds = (await journal(this)).filter((r) => r.operation === 'FindItem');
  assert.ok(finds.length > 0);
  for (const r of finds) {
    const xml = r.requestXml ?? '';
    assert.match(xml, /<\w+:Restriction>/);
    assert.doesNotMatch(xml, /QueryString/);
    const folderId = /<\w+:FolderId Id="([^"]+)"/.exec(xml)?.[1];
    const sent = folderId === (await c.folder(r.mailbox ?? '', 'Sent Items')).id;
    assert.ok(xml.includes(`FieldURI="item:${sent ? 'DateTimeSent' : 'DateTimeReceived'}"`), `wrong date field in ${xml}`);
  }
});

Then("the last run's FindItem requests carried an AQS query", async function (this: World) {
  const finds = (await journal(this)).filter((r) => r.operation === 'FindItem');
  assert.ok(finds.length > 0);
  for (const r of finds) assert.match(r.requestXml ?? '', /<\w+:QueryString>(received|sent):(&gt;|>)=\d{4}-\d\d-\d\d<\/\w+:QueryString>/);
});

Then('the mock received no GetItem asking for ConversationId', async function (this: World) {
  const bad = (await (await control(this)).requests()).filter((r) => r.operation === 'GetItem' && /ConversationId/.test(r.requestXml ?? ''));
  assert.equal(bad.length, 0);
});

Then('the mock received no request for {mailbox}', async function (this: World, smtp: string) {
  const hits = (await journal(this)).filter((r) => r.mailbox?.toLowerCase() === smtp || (r.requestXml ?? '').toLowerCase().includes(smtp));
  assert.equal(hits.length, 0, `${hits.length} request(s) for ${smtp}`);
});

Then('the mock received no request', async function (this: World) {
  assert.equal((await (await control(this)).requests()).length, 0);
});

Then('the mock received no GetAttachment', async function (this: World) {
  assert.equal((await (await control(this)).requests()).filter((r) => r.operation === 'GetAttachment').length, 0);
});

Then('there is no mailbox record for {mailbox}', function (this: World, smtp: string) {
  assert.equal(query(this, 'SELECT 1 FROM mailboxes WHERE email = ?', smtp).length, 0);
});

Then('there are no mailbox records', function (this: World) {
  assert.equal(query(this, 'SELECT 1 FROM mailboxes').length, 0);
});

Then('there is an active mailbox record for {mailbox}', function (this: World, smtp: string) {
  mailboxRow(this, smtp);
});

Then('the mailbox record of {mailbox} is inactive', function (this: World, smtp: string) {
  const rows = query<{ active: number }>(this, 'SELECT active FROM mailboxes WHERE email = ?', smtp);
  assert.ok(rows.length > 0, `no mailbox record for ${smtp}`);
  assert.ok(rows.every((r) => r.active === 0));
});

Then('the mailboxes of the first server are inactive', function (this: World) {
  const rows = query<{ active: number }>(this, 'SELECT active FROM mailboxes WHERE server = ?', st(this).firstEndpoint);
  assert.equal(rows.length, 3);
  assert.ok(rows.every((r) => r.active === 0));
});

Then('{mailbox} has an active mailbox record on the second server', function (this: World, smtp: string) {
  assert.equal(mailboxRow(this, smtp).server, st(this).secondEndpoint);
});

Then('each mailbox was synced exactly once', function (this: World) {
  const rows = query<{ email: string; success_count: number; state: string }>(this, 'SELECT email, success_count, state FROM mailboxes WHERE active = 1');
  assert.equal(rows.length, 3);
  for (const r of rows) assert.deepEqual([r.email, r.state, r.success_count], [r.email, 'succeeded', 1]);
  const started = syncer(this).last!.out.match(/sync started/g) ?? [];
  assert.equal(started.length, 3, syncer(this).last!.out);
});

Then('{int} mailboxes are succeeded and {int} has never been synced', function (this: World, ok: number, fresh: number) {
  const rows = query<{ state: string }>(this, 'SELECT state FROM mailboxes WHERE active = 1');
  assert.equal(rows.filter((r) => r.state === 'succeeded').length, ok);
  assert.equal(rows.filter((r) => r.state === 'new').length, fresh);
});

Then('all {int} mailboxes are succeeded', function (this: World, n: number) {
  const rows = query<{ state: string }>(this, 'SELECT state FROM mailboxes WHERE active = 1');
  assert.equal(rows.length, n);
  assert.ok(rows.every((r) => r.state === 'succeeded'), JSON.stringify(rows));
});

Then('at least one mailbox has never been synced', function (this: World) {
  assert.ok(query(this, `SELECT 1 FROM mailboxes WHERE active = 1 AND state = 'new'`).length >= 1);
});

Then('the busy server refused {int} requests', function (this: World, n: number) {
  assert.equal(st(this).proxy!.busyAnswered, n);
});

Then('the run took at least {int} ms', function (this: World, ms: number) {
  assert.ok((st(this).runMs ?? 0) >= ms, `the run took ${st(this).runMs} ms`);
});

Then('folder {string} of {mailbox} is the same record as before the rename', function (this: World, path: string, smtp: string) {
  const before = st(this).folderSnapshot?.get(`${smtp}|${path}`);
  const [row] = query<{ id: number }>(
    this,
    'SELECT f.id FROM folders f JOIN mailboxes m ON m.id = f.mailbox_id WHERE m.email = ? AND m.active = 1 AND f.full_name = ?',
    smtp,
    path,
  );
  assert.equal(row?.id, before);
});

Then('the status JSON lists alice@acme.test, bob@acme.test and carol@globex.test as succeeded', function (this: World) {
  const status = JSON.parse(syncer(this).last!.out) as { mailboxes: { email: string; state: string; lastSyncAt: string | null; lastError: string | null; emails: number; folders: unknown[] }[] };
  assert.deepEqual(status.mailboxes.map((m) => [m.email, m.state]).sort(), [
    ['alice@acme.test', 'succeeded'],
    ['bob@acme.test', 'succeeded'],
    ['carol@globex.test', 'succeeded'],
  ]);
  for (const m of status.mailboxes) {
    for (const key of ['email', 'state', 'lastSyncAt', 'lastError', 'emails', 'folders']) assert.ok(key in m, `status JSON lacks ${key}`);
  }
});

Then('the status JSON counts for {mailbox} match the database', function (this: World, smtp: string) {
  const status = JSON.parse(syncer(this).last!.out) as { mailboxes: { email: string; emails: number; folders: { name: string; type: string; emails: number }[] }[] };
  const m = status.mailboxes.find((x) => x.email === smtp)!;
  for (const f of m.folders) assert.equal(f.emails, dbMessageIds(this, smtp, f.name).size, f.name);
  const [{ n }] = query<{ n: number }>(
    this,
    'SELECT COUNT(DISTINCT l.email_id) AS n FROM email_folders l JOIN mailboxes mb ON mb.id = l.mailbox_id WHERE mb.email = ? AND l.removed_at IS NULL',
    smtp,
  );
  assert.equal(m.emails, n);
});

Then('the status JSON for {mailbox} has folder {string} of type {string}', function (this: World, smtp: string, name: string, type: string) {
  const status = JSON.parse(syncer(this).last!.out) as { mailboxes: { email: string; folders: { name: string; type: string }[] }[] };
  const f = status.mailboxes.find((x) => x.email === smtp)?.folders.find((x) => x.name === name);
  assert.equal(f?.type, type);
});

// ---- bodies and attachments ----

function attachment(world: World, name: string, subject: string) {
  const [row] = query<{ content: Buffer | null; size: number; skipped_reason: string | null }>(
    world,
    'SELECT a.content, a.size, a.skipped_reason FROM attachments a JOIN emails e ON e.id = a.email_id WHERE a.name = ? AND e.subject = ?',
    name,
    subject,
  );
  assert.ok(row, `no attachment ${name} of "${subject}"`);
  return row;
}

Then('the email {string} has the attachments {string} and no other', function (this: World, subject: string, names: string) {
  const rows = query<{ name: string }>(this, 'SELECT a.name FROM attachments a JOIN emails e ON e.id = a.email_id WHERE e.subject = ? ORDER BY a.name', subject);
  assert.deepEqual(rows.map((r) => r.name), names.split(',').map((n) => n.trim()).sort());
});

Then('the attachment {string} of {string} holds {string}', function (this: World, name: string, subject: string, text: string) {
  assert.equal(attachment(this, name, subject).content?.toString('utf8'), text);
});

Then('the attachment {string} of {string} holds {int} bytes', function (this: World, name: string, subject: string, n: number) {
  const a = attachment(this, name, subject);
  assert.equal(a.content?.length, n);
  assert.equal(a.size, n);
});

Then('the attachment {string} of {string} has no content because {string}', function (this: World, name: string, subject: string, reason: string) {
  const a = attachment(this, name, subject);
  assert.equal(a.content, null);
  assert.equal(a.skipped_reason, reason);
});

Then('the email {string} has a(n) {word} body containing {string}', function (this: World, subject: string, type: string, text: string) {
  const [row] = query<{ body_type: string; content: string }>(this, 'SELECT b.body_type, b.content FROM bodies b JOIN emails e ON e.id = b.email_id WHERE e.subject = ?', subject);
  assert.ok(row, `no body for "${subject}"`);
  assert.equal(row.body_type, type);
  assert.ok(row.content.includes(text), row.content);
});

Then('the bodies table is empty', function (this: World) {
  assert.equal(query(this, 'SELECT 1 FROM bodies').length, 0);
});

Then('every email has a body', function (this: World) {
  assert.equal(query(this, 'SELECT 1 FROM emails e WHERE NOT EXISTS (SELECT 1 FROM bodies b WHERE b.email_id = e.id)').length, 0);
});

Then('every GetItem of the last command impersonated the mailbox holding its items', async function (this: World) {
  const c = await control(this);
  const gets = (await journal(this)).filter((r) => r.operation === 'GetItem');
  assert.ok(gets.length > 0);
  for (const r of gets) {
    const ids = [...(r.requestXml ?? '').matchAll(/<\w+:ItemId Id="([^"]+)"/g)].map((m) => m[1]);
    const impersonated = /<\w+:SmtpAddress>([^<]+)<\/\w+:SmtpAddress>/.exec(r.requestXml ?? '')?.[1];
    for (const id of ids) assert.equal(await c.mailboxOfItem(id), impersonated);
  }
});
