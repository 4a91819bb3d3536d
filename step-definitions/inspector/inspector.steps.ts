import { Before, DataTable, Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { EwsWorld } from '../support/world';
import { page, screenshot } from './browser';

/** Browser steps may wait for chromium to start; on a busy CI machine that takes a while. */
const BROWSER = { timeout: 120_000 };

Before({ tags: '@inspector' }, function (this: EwsWorld, { pickle }) {
  this.results.set('scenario:name', pickle.name);
});

async function adminBase(world: EwsWorld): Promise<string> {
  const mock = await world.ensureMock();
  assert.ok(mock.adminUrl, 'the admin API is off');
  return mock.adminUrl;
}

When('the tester opens the inspector', BROWSER, async function (this: EwsWorld) {
  const p = await page(this);
  const res = await p.goto(`${await adminBase(this)}/ui`);
  assert.equal(res?.status(), 200);
  await screenshot(this, 'home');
});

When('the tester opens the inspector page {string}', BROWSER, async function (this: EwsWorld, path: string) {
  const p = await page(this);
  const res = await p.goto(`${await adminBase(this)}/ui${path}`);
  this.results.set('browser:status', res?.status());
  await screenshot(this, 'page');
});

When('the tester follows the link {string}', BROWSER, async function (this: EwsWorld, text: string) {
  const p = await page(this);
  await p.getByRole('link', { name: text, exact: true }).first().click();
  await p.waitForLoadState('load');
  await screenshot(this, text);
});

When('the tester presses {string}', BROWSER, async function (this: EwsWorld, text: string) {
  const p = await page(this);
  await p.getByRole('button', { name: text }).click();
  await p.waitForLoadState('load');
  await screenshot(this, text);
});

When('the tester fills in the delivery form:', BROWSER, async function (this: EwsWorld, table: DataTable) {
  const p = await page(this);
  for (const [field, value] of table.raw()) {
    if (field === 'mailbox') await p.selectOption('#deliver select[name=mailbox]', value);
    else await p.fill(`#deliver [name=${field}]`, value);
  }
});

Then('the page heading is {string}', BROWSER, async function (this: EwsWorld, heading: string) {
  assert.equal(await (await page(this)).locator('h1').innerText(), heading);
});

Then('the inspector page answered {int}', function (this: EwsWorld, status: number) {
  assert.equal(this.results.get('browser:status'), status);
});

/** The text of every cell in the first `columns` columns of a table, row by row (header row skipped). */
async function tableRows(world: EwsWorld, id: string, columns: number): Promise<string[][]> {
  const p = await page(world);
  return p.locator(`table#${id} tr`).evaluateAll(
    (rows, n) => rows.slice(1).map((r) => [...r.querySelectorAll('td')].slice(0, n).map((td) => (td.textContent ?? '').trim())),
    columns,
  );
}

Then('the table {string} starts with the rows:', BROWSER, async function (this: EwsWorld, id: string, table: DataTable) {
  const expected = table.raw();
  const rows = await tableRows(this, id, expected[0].length);
  assert.deepEqual(rows.slice(0, expected.length), expected);
});

Then('the table {string} has a row:', BROWSER, async function (this: EwsWorld, id: string, table: DataTable) {
  const expected = table.raw()[0];
  const rows = await tableRows(this, id, expected.length);
  assert.ok(rows.some((r) => JSON.stringify(r) === JSON.stringify(expected)), JSON.stringify(rows.slice(0, 10)));
});

/** Tables of <th>name</th><td>value</td> rows: message headers, the profile. */
async function keyValues(world: EwsWorld, id: string, table: DataTable): Promise<void> {
  const p = await page(world);
  const shown = await p.locator(`table#${id} tr`).evaluateAll((rows) => rows.map((r) => [r.querySelector('th')?.textContent ?? '', r.querySelector('td')?.textContent ?? '']));
  for (const [name, value] of table.raw()) assert.ok(shown.some(([n, v]) => n === name && v === value), `${name}: ${value} not in ${JSON.stringify(shown)}`);
}

Then('the message headers show:', BROWSER, async function (this: EwsWorld, table: DataTable) {
  await keyValues(this, 'headers', table);
});

Then('the profile shows:', BROWSER, async function (this: EwsWorld, table: DataTable) {
  await keyValues(this, 'profile-table', table);
});

Then('the out-of-office settings show:', BROWSER, async function (this: EwsWorld, table: DataTable) {
  await keyValues(this, 'out-of-office', table);
});

Then('the HTML body is shown in a sandboxed frame that reads {string}', BROWSER, async function (this: EwsWorld, text: string) {
  const p = await page(this);
  const frameEl = p.locator('iframe#html-body');
  assert.equal(await frameEl.getAttribute('sandbox'), '', 'the frame is not fully sandboxed');
  const frame = await (await frameEl.elementHandle())!.contentFrame();
  assert.ok(frame);
  assert.equal((await frame.locator('body').innerText()).trim(), text);
});

Then('no script from the message ran', BROWSER, async function (this: EwsWorld) {
  const p = await page(this);
  const frame = await (await p.locator('iframe#html-body').elementHandle())!.contentFrame();
  assert.ok(frame);
  // The message's script would have added an element with id "pwned" to its own document.
  assert.equal(await frame.locator('#pwned').count(), 0);
  assert.equal(await p.locator('#pwned').count(), 0);
  assert.notEqual(await p.title(), 'pwned');
});

Then('the page shows the text {string} literally and has no {word} element from it', BROWSER, async function (this: EwsWorld, text: string, tag: string) {
  const p = await page(this);
  assert.ok((await p.locator('main').innerText()).includes(text), 'text not shown');
  assert.equal(await p.locator(`main ${tag}`).count(), 0, `a ${tag} element was injected`);
});

Then('the block {string} shows the line {string}', BROWSER, async function (this: EwsWorld, id: string, line: string) {
  const text = await (await page(this)).locator(`#${id}`).innerText();
  assert.ok(text.split('\n').includes(line), text.slice(0, 3000));
});

Then('the block {string} does not contain {string}', BROWSER, async function (this: EwsWorld, id: string, secret: string) {
  const text = await (await page(this)).locator(`#${id}`).innerText();
  assert.ok(!text.includes(secret), `found ${secret}`);
});

Then('the element {string} reads {string}', BROWSER, async function (this: EwsWorld, selector: string, text: string) {
  assert.equal((await (await page(this)).locator(selector).innerText()).trim(), text);
});

Then('the page refreshes itself every {int} seconds', BROWSER, async function (this: EwsWorld, seconds: number) {
  const content = await (await page(this)).locator('meta[http-equiv=refresh]').getAttribute('content');
  assert.equal(content, String(seconds));
});

Then('the page loads nothing from another origin', BROWSER, async function (this: EwsWorld) {
  const p = await page(this);
  const origin = new URL(p.url()).origin;
  const external = await p.evaluate((o) => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => !n.startsWith(o) && !n.startsWith('about:') && !n.startsWith('data:')), origin);
  assert.deepEqual(external, []);
});

Given('a message with the subject {string} and the HTML body {string} was delivered to the inbox of {mailbox}', BROWSER, async function (this: EwsWorld, subject: string, html: string, smtp: string) {
  await (await this.admin()).deliver(smtp, 'inbox', { subject, html, from: { name: 'Mallory', address: 'mallory@evil.test' }, received: '2027-01-01T00:00:00Z' });
});

Then('the table {string} has a row with:', BROWSER, async function (this: EwsWorld, id: string, table: DataTable) {
  const p = await page(this);
  const rows = await p.locator(`table#${id} tr`).evaluateAll((trs) => {
    const headers = [...trs[0].querySelectorAll('th')].map((th) => (th.textContent ?? '').trim());
    return trs.slice(1).map((tr) => Object.fromEntries([...tr.querySelectorAll('td')].map((td, i) => [headers[i], (td.textContent ?? '').trim()])));
  });
  const wanted = Object.fromEntries(table.raw());
  assert.ok(rows.some((r) => Object.entries(wanted).every(([k, v]) => r[k] === v)), `no row with ${JSON.stringify(wanted)} in ${JSON.stringify(rows.slice(0, 5))}`);
});
