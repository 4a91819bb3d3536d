import { After, Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadScenarioFile, loadScenarioText, LoadedScenario } from '../../mock-ews/src/scenario/load';
import type { EwsWorld } from '../support/world';

// Scenario files as their authors write them: YAML in a temporary directory, loaded through the
// same loader the CLI and startMock use.

interface Loaded {
  file: string;
  scenario?: LoadedScenario;
  error?: Error;
}

function scratchDir(world: EwsWorld): string {
  let dir = world.results.get('scenario-dir') as string | undefined;
  if (!dir) world.results.set('scenario-dir', (dir = mkdtempSync(path.join(tmpdir(), 'mock-ews-scenarios-'))));
  return dir;
}

After(function (this: EwsWorld) {
  const dir = this.results.get('scenario-dir') as string | undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

Given('the mock serves this scenario:', function (this: EwsWorld, yaml: string) {
  const file = path.join(scratchDir(this), 'served.yaml');
  writeFileSync(file, yaml);
  this.useScenario(file);
});

Given('the scenario file {word} contains:', function (this: EwsWorld, name: string, yaml: string) {
  writeFileSync(path.join(scratchDir(this), name), yaml);
});

When('the scenario file {word} is loaded', async function (this: EwsWorld, name: string) {
  const file = path.join(scratchDir(this), name);
  const loaded: Loaded = { file };
  try {
    loaded.scenario = await loadScenarioFile(file);
  } catch (err) {
    loaded.error = err as Error;
  }
  this.results.set('loaded', loaded);
});

Then('loading fails naming the file, the path {string} and the rule {string}', function (this: EwsWorld, where: string, rule: string) {
  const loaded = this.results.get('loaded') as Loaded;
  assert.ok(loaded.error, 'the scenario loaded');
  const message = loaded.error.message;
  assert.ok(message.startsWith(`scenario ${loaded.file}`) || message.startsWith(loaded.file), `"${message}" does not start with the file name`);
  assert.ok(message.includes(where), `"${message}" does not name ${where}`);
  assert.ok(message.includes(rule), `"${message}" does not say "${rule}"`);
});

Then('it loads with the mailboxes {string}', function (this: EwsWorld, list: string) {
  const loaded = this.results.get('loaded') as Loaded;
  assert.equal(loaded.error, undefined, loaded.error?.message);
  const smtps = [...loaded.scenario!.store.mailboxes.values()].map((m) => m.smtp).sort();
  assert.deepEqual(smtps, list.split(',').map((s) => s.trim()).sort());
});

Then('the loaded {word} of {mailbox} holds {int} messages', function (this: EwsWorld, folder: string, smtp: string, count: number) {
  const loaded = this.results.get('loaded') as Loaded;
  const store = loaded.scenario!.store;
  const mailbox = store.mailbox(smtp)!;
  assert.equal(store.distinguishedFolder(mailbox, folder as never).items.size, count);
});

// ---- the generator ----

interface Generated {
  subject: string;
  messageId: string;
  received: string;
}

async function generateInbox(count: number, seed: number): Promise<Generated[]> {
  const yaml = [
    'domains: [acme.test]',
    'accounts: [{ smtp: alice@acme.test, password: x }]',
    'mailboxes:',
    '  - smtp: alice@acme.test',
    `    folders: [{ name: inbox, generate: { count: ${count}, seed: ${seed} } }]`,
  ].join('\n');
  const { store } = await loadScenarioText(yaml, 'generated');
  const mailbox = store.mailbox('alice@acme.test')!;
  return [...store.distinguishedFolder(mailbox, 'inbox').items.values()].map((i) => ({
    subject: i.data.subject,
    messageId: i.data.internetMessageId,
    received: i.data.dateTimeReceived.toISOString(),
  }));
}

When('an inbox is generated with {int} messages from seed {int} as {string}', async function (this: EwsWorld, count: number, seed: number, label: string) {
  this.results.set(`generated:${label}`, await generateInbox(count, seed));
});

function generated(world: EwsWorld, label: string): Generated[] {
  const g = world.results.get(`generated:${label}`) as Generated[] | undefined;
  assert.ok(g, `nothing generated as ${label}`);
  return g;
}

Then('{string} and {string} hold the same messages in the same order', function (this: EwsWorld, a: string, b: string) {
  assert.deepEqual(generated(this, a), generated(this, b));
});

Then('{string} holds {int} messages, oldest first', function (this: EwsWorld, label: string, count: number) {
  const g = generated(this, label);
  assert.equal(g.length, count);
  for (let i = 1; i < g.length; i++) assert.ok(g[i - 1].received < g[i].received, `message ${i} is older than message ${i - 1}`);
});

Then('every message of {string} is in {string} with the same subject, in the same order', function (this: EwsWorld, small: string, large: string) {
  const big = new Map(generated(this, large).map((m, i) => [m.messageId, { ...m, index: i }]));
  let last = -1;
  for (const m of generated(this, small)) {
    const twin = big.get(m.messageId);
    assert.ok(twin, `${m.messageId} is missing from ${large}`);
    assert.equal(twin.subject, m.subject);
    assert.ok(twin.index > last, `${m.messageId} is out of order in ${large}`);
    last = twin.index;
  }
});

Then('{string} and {string} differ in their subjects', function (this: EwsWorld, a: string, b: string) {
  const sa = generated(this, a).map((m) => m.subject);
  const sb = generated(this, b).map((m) => m.subject);
  assert.notDeepEqual(sa, sb);
});

// ---- the documentation's examples ----

When('every YAML example in docs\\/SCENARIOS.md is loaded', async function (this: EwsWorld) {
  const doc = readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'SCENARIOS.md'), 'utf8');
  const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
  const outcomes: { index: number; error?: string; mailboxes: number }[] = [];
  for (const [index, yaml] of blocks.entries()) {
    try {
      const loaded = await loadScenarioText(yaml, `example ${index + 1}`, path.resolve(__dirname, '..', '..', 'fixtures', 'scenarios'));
      outcomes.push({ index, mailboxes: loaded.store.mailboxes.size });
    } catch (err) {
      outcomes.push({ index, error: (err as Error).message, mailboxes: 0 });
    }
  }
  this.results.set('doc-examples', outcomes);
});

Then('at least {int} examples load, each with at least one mailbox', function (this: EwsWorld, min: number) {
  const outcomes = this.results.get('doc-examples') as { index: number; error?: string; mailboxes: number }[];
  assert.ok(outcomes.length >= min, `only ${outcomes.length} YAML examples`);
  for (const o of outcomes) {
    assert.equal(o.error, undefined, `example ${o.index + 1}: ${o.error}`);
    assert.ok(o.mailboxes > 0, `example ${o.index + 1} has no mailbox`);
  }
});
