import { After } from '@cucumber/cucumber';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, Browser, Page } from 'playwright-core';
import type { EwsWorld } from '../support/world';

/**
 * A real headless browser for the inspector scenarios: Debian's chromium driven by playwright-core
 * (playwright's own browser download needs the internet). One browser per scenario, closed after.
 */

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const SCREENSHOTS = path.resolve('reports', 'screenshots');

export async function page(world: EwsWorld): Promise<Page> {
  const existing = world.results.get('browser:page') as Page | undefined;
  if (existing) return existing;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await context.newPage();
  world.results.set('browser', browser);
  world.results.set('browser:page', p);
  return p;
}

/** Keeps a screenshot under reports/screenshots/ and attaches it to the Cucumber report. */
export async function screenshot(world: EwsWorld, label: string): Promise<void> {
  const p = await page(world);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const scenario = String(world.results.get('scenario:name') ?? 'inspector');
  const n = ((world.results.get('browser:shots') as number | undefined) ?? 0) + 1;
  world.results.set('browser:shots', n);
  const file = path.join(SCREENSHOTS, `${scenario.replace(/[^\w-]+/g, '-').slice(0, 80)}-${n}-${label.replace(/[^\w-]+/g, '-')}.png`);
  const png = await p.screenshot({ path: file, fullPage: true });
  world.attach(png, 'image/png');
}

After({ tags: '@inspector', timeout: 60_000 }, async function (this: EwsWorld) {
  const browser = this.results.get('browser') as Browser | undefined;
  this.results.delete('browser');
  this.results.delete('browser:page');
  if (browser) await browser.close();
});
