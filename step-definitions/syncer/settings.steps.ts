import { Given, Then, When, World } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SecretBox } from '../../syncer/src/db/secret-box';
import { cli, installedCli, mockOf, mockSettings, query, syncer, writeSettings } from './syncer-world';

interface Violation {
  field: string;
  rule: string;
  message: string;
}

/** Violations as `validate` / `settings save` print them: "  field: message [rule]". */
function violations(world: World): Violation[] {
  const last = syncer(world).last;
  assert.ok(last, 'no command has run');
  return [...`${last.out}\n${last.err}`.matchAll(/^ {2}(\S+): (.*) \[([a-z-]+)\]$/gm)].map((m) => ({ field: m[1], message: m[2], rule: m[3] }));
}

function violationFor(world: World, field: string): Violation {
  const v = violations(world).find((x) => x.field === field);
  assert.ok(v, `no violation for ${field}; got:\n${syncer(world).last?.out}`);
  return v;
}

function savedSettings(world: World): Record<string, unknown> {
  const [row] = query(world, 'SELECT * FROM settings WHERE id = 1');
  assert.ok(row, 'no settings saved');
  return row;
}

async function showJson(world: World): Promise<Record<string, unknown>> {
  const r = await cli(world, ['settings', 'show', '--json']);
  assert.equal(r.code, 0, `settings show failed:\n${r.out}\n${r.err}`);
  return JSON.parse(r.out) as Record<string, unknown>;
}

Given('settings for a local Exchange server', function (this: World) {
  syncer(this).settings = {
    enabled: true,
    server: 'mail.example.com',
    version: '2010 SP2',
    login: 'svc-ews@acme.test',
    password: 'Passw0rd!',
    domainList: 'acme.test, globex.test',
  };
});

Given('the settings point at the mock', function (this: World) {
  syncer(this).settings = { ...syncer(this).settings, ...mockSettings() };
});

Given('the settings file contains:', function (this: World, text: string) {
  const s = syncer(this);
  s.settings = {};
  s.rawSettingsText = text;
});

Given('the setting {string} is {string}', function (this: World, field: string, value: string) {
  syncer(this).settings[field] = value;
});

Given(/^the setting "([^"]+)" is the YAML value (.+)$/, function (this: World, field: string, value: string) {
  syncer(this).settings[field] = parse(value);
});

Given('the setting {string} is removed', function (this: World, field: string) {
  delete syncer(this).settings[field];
});

Given('the environment variable {string} is {string}', function (this: World, name: string, value: string) {
  syncer(this).env[name] = value;
});

Given('the environment variable {string} is unset', function (this: World, name: string) {
  delete syncer(this).env[name];
});

Given('the settings are saved', async function (this: World) {
  const r = await saveCurrent(this);
  assert.equal(r.code, 0, `settings save failed:\n${r.out}`);
});

async function saveCurrent(world: World) {
  return cli(world, ['settings', 'save', await writeSettings(world)]);
}

When('I validate the settings', async function (this: World) {
  await cli(this, ['validate', await writeSettings(this)]);
});

When('I save the settings', async function (this: World) {
  await saveCurrent(this);
});

When('I run {string}', async function (this: World, command: string) {
  await cli(this, command.split(' '));
});

When('I run {string} as the installed command', async function (this: World, command: string) {
  await installedCli(this, command.split(' '));
});

Then('the settings are valid', function (this: World) {
  const last = syncer(this).last!;
  assert.equal(last.out.trim(), 'valid', `expected "valid", got:\n${last.out}\n${last.err}`);
  assert.equal(last.code, 0);
});

Then('validation reports {string} breaking rule {string}', function (this: World, field: string, rule: string) {
  const last = syncer(this).last!;
  assert.notEqual(last.code, 0, 'validation should have failed');
  const found = violations(this).filter((v) => v.field === field);
  assert.ok(
    found.some((v) => v.rule === rule),
    `expected ${field} to break ${rule}; violations:\n${violations(this).map((v) => `${v.field} ${v.rule}: ${v.message}`).join('\n')}`,
  );
});

Then('validation reports {int} violations', function (this: World, n: number) {
  const list = violations(this);
  assert.equal(list.length, n, `violations:\n${list.map((v) => `${v.field} ${v.rule}: ${v.message}`).join('\n')}`);
  assert.match(syncer(this).last!.out, new RegExp(`^${n} violation\\(s\\)`));
});

Then('the violation message for {string} is {string}', function (this: World, field: string, message: string) {
  assert.equal(violationFor(this, field).message, message);
});

Then('the violation message for {string} contains {string}', function (this: World, field: string, text: string) {
  const v = violations(this).filter((x) => x.field === field);
  assert.ok(v.some((x) => x.message.includes(text)), `no ${field} message contains "${text}":\n${v.map((x) => x.message).join('\n')}`);
});

Then('no output contains {string}', function (this: World, secret: string) {
  const last = syncer(this).last!;
  assert.ok(!last.out.includes(secret) && !last.err.includes(secret), `the output shows "${secret}":\n${last.out}\n${last.err}`);
});

Then('the output contains {string}', function (this: World, text: string) {
  const last = syncer(this).last!;
  assert.ok(`${last.out}\n${last.err}`.includes(text), `expected "${text}" in:\n${last.out}\n${last.err}`);
});

Then('the command succeeds', function (this: World) {
  const last = syncer(this).last!;
  assert.equal(last.code, 0, `exit ${last.code}:\n${last.out}\n${last.err}`);
});

Then('the command fails', function (this: World) {
  const last = syncer(this).last!;
  assert.notEqual(last.code, 0, `expected failure, got:\n${last.out}`);
});

Then('the saved endpoint is {string}', async function (this: World, endpoint: string) {
  assert.equal(syncer(this).last!.code, 0, syncer(this).last!.out);
  assert.equal((await showJson(this)).endpoint, endpoint);
});

Then('the saved server is {string}', function (this: World, server: string) {
  assert.equal(savedSettings(this).server, server);
});

Then('the saved version is {string}', function (this: World, version: string) {
  assert.equal(syncer(this).last!.code, 0, syncer(this).last!.out);
  assert.equal(savedSettings(this).version, version);
});

Then('the saved domain list is {string}', function (this: World, list: string) {
  assert.equal(syncer(this).last!.code, 0, syncer(this).last!.out);
  assert.deepEqual(JSON.parse(savedSettings(this).domain_list as string), list.split(','));
});

Then('checking the saved settings sends RequestServerVersion {string}', async function (this: World, wire: string) {
  const mock = await mockOf(this);
  const before = (await mock.admin.requestCount()).lastId;
  await cli(this, ['check']);
  // Read from the request itself: the journal leaves the version out when the server refuses it.
  const sent = (await mock.admin.journal({ after: before })).map((r) => /RequestServerVersion[^>]*Version="([^"]+)"/.exec(r.requestXml ?? '')?.[1]);
  assert.ok(sent.length > 0, 'the check sent no request');
  assert.deepEqual([...new Set(sent)], [wire]);
});

Then('the stored password is encrypted and opens to {string}', function (this: World, password: string) {
  const sealed = savedSettings(this).password_sealed as string;
  assert.match(sealed, /^v1:/);
  assert.ok(!sealed.includes(password));
  const box = SecretBox.fromEnvironment(join(syncer(this).dir, 'unused.key'), syncer(this).env);
  assert.equal(box.open(sealed), password);
});

Then('the database does not contain {string}', function (this: World, secret: string) {
  const s = syncer(this);
  for (const file of [s.db, `${s.db}-wal`]) {
    if (existsSync(file)) assert.ok(!readFileSync(file).includes(Buffer.from(secret)), `${file} contains "${secret}" in clear`);
  }
});

Then('{string} prints {string}', async function (this: World, command: string, text: string) {
  const r = await cli(this, command.split(' '));
  assert.equal(r.code, 0, `${command} failed:\n${r.out}\n${r.err}`);
  assert.ok(r.out.includes(text), `expected "${text}" in:\n${r.out}`);
});

Then('the output shows the password masked', function (this: World) {
  assert.match(syncer(this).last!.out, /^password: "?\*{8}"?$/m);
});

Then('{string} shows the password masked', async function (this: World, command: string) {
  const r = await cli(this, command.split(' '));
  assert.equal(r.code, 0, `${command} failed:\n${r.out}\n${r.err}`);
  assert.match(r.out, /^password: "?\*{8}"?$/m);
});

Then('a key file {string} exists beside the database with mode {int}', function (this: World, name: string, mode: number) {
  const file = join(syncer(this).dir, name);
  assert.ok(existsSync(file), `${file} missing`);
  assert.equal((statSync(file).mode & 0o777).toString(8), String(mode));
});

// ---- OAuth (auth: oauth) ----

Given('the settings use an app registration for Exchange Online', function (this: World) {
  const { password: _password, ...rest } = syncer(this).settings;
  syncer(this).settings = {
    ...rest,
    version: 'Exchange Online',
    auth: 'oauth',
    tenant: '7d1f1a3e-0000-4000-8000-00000000ec57',
    clientId: '8a4e2f10-0000-4000-8000-000000e75ec5',
    clientSecret: 'Sync-App-S3cret!',
    login: 'alice@acme.test',
  };
});

Then('{string} shows the {word} {string} and the client secret masked', async function (this: World, command: string, field: string, value: string) {
  const r = await cli(this, command.split(' '));
  assert.equal(r.code, 0, `${command} failed:\n${r.out}\n${r.err}`);
  assert.match(r.out, /^clientSecret: "?\*{8}"?$/m);
  assert.match(r.out, new RegExp(`^${field}: ${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'), r.out);
  assert.doesNotMatch(r.out, /^password:/m);
});
