import { After, AfterAll } from '@cucumber/cucumber';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { EwsWorld } from '../support/world';

/**
 * A real headless browser for the inspector scenarios: Debian's chromium driven by playwright-core
 * (playwright's own browser download needs the internet). Debian's chromium-headless-shell is the
 * same engine without the desktop browser around it — what playwright itself runs for headless
 * pages — and starts several times faster; the full chromium is the fallback. The browser starts
 * once per Cucumber worker, on the first inspector scenario; every scenario gets its own browser
 * context (fresh cookies, storage and cache, as a new browser profile would have), closed after it.
 */

export const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((f) => existsSync(f)) ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const SCREENSHOTS = path.resolve('reports', 'screenshots');

let shared: Promise<Browser> | undefined;

/** The worker's browser, started on first use and again if it went away. */
async function browser(): Promise<Browser> {
  if (shared) {
    const b = await shared.catch(() => undefined);
    if (b?.isConnected()) return b;
  }
  // Loaded here, not at the top: playwright-core costs seconds to load and only these scenarios use it.
  const { chromium } = await import('playwright-core');
  shared = chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  return shared;
}

export async function page(world: EwsWorld): Promise<Page> {
  const existing = world.results.get('browser:page') as Page | undefined;
  if (existing) return existing;
  const context = await (await browser()).newContext({ viewport: { width: 1280, height: 900 } });
  const p = await context.newPage();
  world.results.set('browser:context', context);
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
  const context = this.results.get('browser:context') as BrowserContext | undefined;
  this.results.delete('browser:context');
  this.results.delete('browser:page');
  if (context) await context.close();
});

AfterAll({ timeout: 60_000 }, async function () {
  const b = shared && (await shared.catch(() => undefined));
  shared = undefined;
  if (b) await b.close();
});
