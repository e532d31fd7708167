// Browser harness for the console tests: Debian's Chromium driven by playwright-core.
//
//   const browser = useBrowser();            // in a describe block
//   it('…', async () => { const page = await browser.page(); await page.goto(url); … });
//
// Each test gets a fresh browser context (its own storage, zh-CN unless it says otherwise); a
// failing test leaves test-results/screenshots/<test name>.png and a .log of the page's console.
// A missing Chromium fails the tests with a message saying how to install it; nothing is skipped.
import fs from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, type TestContext } from 'vitest';
import { repoRoot } from '../../scripts/build-if-stale.mjs';

export const chromiumPath = process.env.TDS_CHROMIUM ?? '/usr/bin/chromium';
export const screenshotDir = path.join(repoRoot, 'test-results/screenshots');

// playwright-core also gives every launch a fresh temporary --user-data-dir and removes it on close.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}. The console tests drive a real browser: install Debian's ` +
        '`chromium` package (apt-get install chromium fonts-noto-cjk) or set TDS_CHROMIUM to a Chromium binary.',
    );
  }
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs, timeout: 60_000 });
}

/** A file name from a test's full name: letters, digits, CJK, dot, dash; the rest become '-'. */
export function screenshotName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 150) || 'test';
}

/** Saves a screenshot of the whole page under test-results/screenshots/; returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${screenshotName(name)}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

function fullName(context: TestContext): string {
  const names: string[] = [];
  for (let task: { name: string; suite?: unknown } | undefined = context.task; task; task = task.suite as typeof task) {
    if (task.name) names.unshift(task.name);
  }
  return names.join(' ');
}

export interface BrowserHarness {
  /** A new page in a fresh context; `locale` sets navigator.language and Accept-Language. */
  page(options?: { locale?: string }): Promise<Page>;
}

/** Registers the hooks that start Chromium once per file and give each test a fresh context. */
export function useBrowser(): BrowserHarness {
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let pages: { page: Page; log: string[] }[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      const name = fullName(context);
      for (const [i, { page, log }] of pages.entries()) {
        const suffix = pages.length > 1 ? ` ${i + 1}` : '';
        try {
          const file = await saveScreenshot(page, `${name}${suffix}`);
          await writeFile(file.replace(/\.png$/, '.log'), `${page.url()}\n${log.join('\n')}\n`);
          console.error(`screenshot of the failed test: ${file}`);
        } catch (error) {
          console.error(`could not save a screenshot of ${name}: ${(error as Error).message}`);
        }
      }
    }
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    contexts = [];
    pages = [];
  });

  afterAll(async () => {
    await browser?.close();
  });

  return {
    async page(options = {}) {
      if (!browser) throw new Error('useBrowser(): the browser did not start (see the beforeAll error)');
      const context = await browser.newContext({ locale: options.locale ?? 'zh-CN', viewport: { width: 1366, height: 860 } });
      contexts.push(context);
      const page = await context.newPage();
      const log: string[] = [];
      page.on('console', (message) => log.push(`[${message.type()}] ${message.text()}`));
      page.on('pageerror', (error) => log.push(`[pageerror] ${error.message}`));
      page.on('requestfailed', (request) => log.push(`[requestfailed] ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`));
      pages.push({ page, log });
      page.setDefaultTimeout(15_000);
      return page;
    },
  };
}

/** Screenshots for people reviewing the layout; written only when TDS_CONSOLE_SCREENSHOTS=1. */
export async function reviewScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.TDS_CONSOLE_SCREENSHOTS === '1') await saveScreenshot(page, name);
}
