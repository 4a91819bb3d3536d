import { After, Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD } from '../support/accounts';
import { envelope, postSoap } from '../support/soap';
import { precompiled } from '../support/precompiled';

// The mock-ews CLI, driven as a child process the way a person or a CI job starts it. Every process
// a scenario starts is stopped in the After hook below, by its own process group id. "mock-ews" is
// the CLI compiled once per worker (support/precompiled.ts: the same sources, started without tsx);
// "the installed mock-ews command" is bin/mock-ews.js started through its shebang, as `npx
// mock-ews` starts it, and "npm start" goes through tsx as the README says.

const ROOT = path.resolve(__dirname, '..', '..');
const LISTENING = /mock-ews listening on (https?:\/\/\S+\/EWS\/Exchange\.asmx)/;

interface CliRun {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  exitCode?: number | null;
  exited: Promise<number | null>;
}

function runs(world: EwsWorld): CliRun[] {
  let list = world.results.get('cli-runs') as CliRun[] | undefined;
  if (!list) world.results.set('cli-runs', (list = []));
  return list;
}

function lastRun(world: EwsWorld): CliRun {
  const list = runs(world);
  assert.ok(list.length > 0, 'no CLI was started');
  return list[list.length - 1];
}

function start(world: EwsWorld, command: string, args: string[]): CliRun {
  // detached: the CLI gets its own process group, so npm's children stop with it.
  const child = spawn(command, args, { cwd: ROOT, detached: true, env: { ...process.env, MOCK_EWS_LOG_LEVEL: 'error' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const run: CliRun = { child, stdout: '', stderr: '', exited: Promise.resolve(null) };
  run.exited = new Promise((resolve) => {
    child.once('exit', (code) => {
      run.exitCode = code;
      resolve(code);
    });
  });
  child.stdout!.on('data', (d: Buffer) => (run.stdout += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (run.stderr += d.toString('utf8')));
  runs(world).push(run);
  return run;
}

/** Splits a command line into arguments; double quotes group words. */
function splitArgs(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

/** Starting the CLI compiles TypeScript through tsx: slow on a loaded machine, so steps that start one get this long. */
const START_TIMEOUT = 120_000;

async function waitFor(run: CliRun, test: () => boolean, what: string, ms = START_TIMEOUT - 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!test()) {
    if (run.exitCode !== undefined) throw new Error(`the CLI exited (${run.exitCode}) before ${what}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Replaces {name} in a command line with a prepared file, or {mockPort} with the in-process mock's port. */
function substitute(world: EwsWorld, args: string): string[] {
  const files: Record<string, string> = { ...((world.results.get('cli-files') as Record<string, string> | undefined) ?? {}) };
  if (world.mock) files.mockPort = String(world.mock.port);
  return splitArgs(args).map((a) => a.replace(/\{(\w+)\}/g, (_, k: string) => {
    assert.ok(files[k], `no file {${k}} was prepared`);
    return files[k];
  }));
}

After(async function (this: EwsWorld) {
  for (const run of runs(this)) {
    if (run.exitCode !== undefined || run.child.pid === undefined) continue;
    try {
      process.kill(-run.child.pid, 'SIGTERM');
    } catch {
      continue;
    }
    const stopped = await Promise.race([run.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);
    if (!stopped) {
      try {
        process.kill(-run.child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  for (const file of Object.values((this.results.get('cli-files') as Record<string, string> | undefined) ?? {})) {
    rmSync(path.dirname(file), { recursive: true, force: true });
  }
});

Given('a certificate and key for 127.0.0.1 in temporary files', async function (this: EwsWorld) {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  } as Parameters<typeof generate>[1]);
  const dir = mkdtempSync(path.join(tmpdir(), 'mock-ews-tls-'));
  const files = { cert: path.join(dir, 'cert.pem'), key: path.join(dir, 'key.pem') };
  writeFileSync(files.cert, pems.cert);
  writeFileSync(files.key, pems.private);
  this.results.set('cli-files', { ...((this.results.get('cli-files') as object) ?? {}), ...files });
  this.results.set('cli-ca', pems.cert);
});

Given('a scenario file {word} containing:', function (this: EwsWorld, name: string, yaml: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'mock-ews-cli-'));
  const file = path.join(dir, `${name}.yaml`);
  writeFileSync(file, yaml);
  this.results.set('cli-files', { ...((this.results.get('cli-files') as object) ?? {}), [name]: file });
});

const cli = () => precompiled('mock-ews/src/cli.ts');

When('I run mock-ews with {string}', { timeout: START_TIMEOUT }, async function (this: EwsWorld, args: string) {
  const run = start(this, process.execPath, [await cli(), ...substitute(this, args)]);
  await run.exited;
});

When('I start mock-ews with {string}', { timeout: START_TIMEOUT }, async function (this: EwsWorld, args: string) {
  const run = start(this, process.execPath, [await cli(), ...substitute(this, args)]);
  await waitFor(run, () => LISTENING.test(run.stdout), 'the listening line');
});

When('I start the installed mock-ews command with {string}', { timeout: START_TIMEOUT }, async function (this: EwsWorld, args: string) {
  const run = start(this, path.join(ROOT, 'bin', 'mock-ews.js'), substitute(this, args));
  await waitFor(run, () => LISTENING.test(run.stdout), 'the listening line');
});

When('I start the mock with {string}', { timeout: START_TIMEOUT }, async function (this: EwsWorld, command: string) {
  const [cmd, ...args] = splitArgs(command);
  const run = start(this, cmd, args);
  await waitFor(run, () => LISTENING.test(run.stdout), 'the listening line');
});

Then('it exits with status {int}', function (this: EwsWorld, code: number) {
  const run = lastRun(this);
  assert.equal(run.exitCode, code, `stdout: ${run.stdout}\nstderr: ${run.stderr}`);
});

Then('it prints on standard output {string}', async function (this: EwsWorld, text: string) {
  const run = lastRun(this);
  // The banner's lines may arrive in separate chunks after the listening line.
  if (run.exitCode === undefined) await waitFor(run, () => run.stdout.includes(text), `"${text}"`, 10_000).catch(() => undefined);
  assert.ok(run.stdout.includes(text), run.stdout);
});

Then('it prints on standard error {string}', function (this: EwsWorld, text: string) {
  const run = lastRun(this);
  assert.ok(run.stderr.includes(text), `stderr: ${run.stderr}`);
});

Then('the help lists the options:', function (this: EwsWorld, table: { raw(): string[][] }) {
  const run = lastRun(this);
  for (const [option] of table.raw()) assert.match(run.stdout, new RegExp(`(^|[\\s,])${option}\\b`), `${option} missing from:\n${run.stdout}`);
});

Then('the listening line names a {word} URL with a real port', function (this: EwsWorld, scheme: string) {
  const url = new URL(LISTENING.exec(lastRun(this).stdout)![1]);
  assert.equal(url.protocol, `${scheme}:`);
  const port = Number(url.port);
  assert.ok(Number.isInteger(port) && port > 0 && port < 65536, `port ${url.port}`);
  assert.equal(url.hostname, '127.0.0.1');
});

function listeningUrl(world: EwsWorld): string {
  return LISTENING.exec(lastRun(world).stdout)![1];
}

const inboxRequest = envelope(
  '<m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder>',
  { impersonate: 'alice@acme.test' },
);

When('svc-ews@acme.test impersonating alice@acme.test gets the inbox folder at the printed URL', async function (this: EwsWorld) {
  this.reply = await postSoap(listeningUrl(this), inboxRequest);
});

/** An https POST with node's own TLS stack, trusting `ca` or (without it) skipping verification. */
function httpsPost(url: string, body: string, ca?: string): Promise<{ status: number; body: string; peer: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method: 'POST',
        ca,
        rejectUnauthorized: ca !== undefined,
        headers: {
          'Content-Type': 'text/xml; charset=utf-8',
          Authorization: 'Basic ' + Buffer.from(`svc-ews@acme.test:${DEFAULT_PASSWORD}`).toString('base64'),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        const peer = (res.socket as import('node:tls').TLSSocket).getPeerCertificate();
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), peer: String(peer.subject?.CN ?? '') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

When('an https client that does not verify certificates gets alice@acme.test\'s inbox folder at the printed URL', async function (this: EwsWorld) {
  this.results.set('https', await httpsPost(listeningUrl(this), inboxRequest));
});

When('an https client trusting that certificate gets alice@acme.test\'s inbox folder at the printed URL', async function (this: EwsWorld) {
  this.results.set('https', await httpsPost(listeningUrl(this), inboxRequest, this.results.get('cli-ca') as string));
});

When('an https client that verifies certificates against the system store calls the printed URL', async function (this: EwsWorld) {
  try {
    await new Promise<void>((resolve, reject) => {
      const req = https.request(listeningUrl(this), { method: 'POST' }, () => resolve());
      req.on('error', reject);
      req.end('<x/>');
    });
    this.results.set('https-error', undefined);
  } catch (err) {
    this.results.set('https-error', err);
  }
});

Then('the connection is refused as self-signed', function (this: EwsWorld) {
  const err = this.results.get('https-error') as NodeJS.ErrnoException | undefined;
  assert.ok(err, 'the untrusted certificate was accepted');
  assert.match(String(err.code), /SELF_SIGNED|UNABLE_TO_VERIFY/);
});

Then('the https answer is the folder {string} with {int} items, served under the certificate of {string}', function (this: EwsWorld, name: string, count: number, cn: string) {
  const res = this.results.get('https') as { status: number; body: string; peer: string };
  assert.equal(res.status, 200, res.body);
  assert.match(res.body, new RegExp(`<t:DisplayName>${name}</t:DisplayName><t:TotalCount>${count}</t:TotalCount>`));
  assert.equal(res.peer, cn);
});
