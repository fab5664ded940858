// Browser tests' harness: the real app on an ephemeral port over a fresh in-memory database, and headless Chromium.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { createApp } from '../../src/web/app.js';
import type { Db } from '../../src/store/database.js';
import { createTestDb, FIXED_NOW, makeClaim, makeEntity, makeSource, TEST_CTX } from '../helpers/index.js';
import { DEFAULT_SETTINGS } from '../../src/domain/crosscheck.js';
import { recomputeConflicts } from '../../src/app/recompute.js';
import { listConflicts } from '../../src/store/conflicts.js';
import type { Claim, Source } from '../../src/domain/types.js';

export interface BrowserRun {
  db: Db;
  baseUrl: string;
  browser: Browser;
  page: Page;
  /** Console errors and CSP violations the page reported; a test asserts there are none. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** Serves createApp on 127.0.0.1:<random> (with settings overridden, e.g. fetching from a local server) and opens one Chromium page. */
export async function startBrowserRun(overrides: Partial<Config> = {}): Promise<BrowserRun> {
  const db = createTestDb();
  const app = createApp({ db, clock: () => FIXED_NOW, config: loadConfig({ csrfSecret: 'browser-test-secret', ...overrides }, {}) });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return {
    db,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    page,
    pageErrors,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
    },
  };
}

/**
 * One run for the tests of the enclosing describe: started before the first, closed after the last. Call it in the
 * describe; the returned function gives the run inside a test or a later beforeAll.
 */
export function useBrowserRun(overrides: Partial<Config> = {}): () => BrowserRun {
  let run: BrowserRun | undefined;
  beforeAll(async () => {
    run = await startBrowserRun(overrides);
  });
  afterAll(async () => {
    await run?.close();
  });
  return () => {
    if (run === undefined) throw new Error('The browser run has not started: call useBrowserRun in a describe and read the run inside its tests.');
    return run;
  };
}

/**
 * Selects `text` inside the element matching `selector` the way a reader's drag would: a DOM Range over the
 * text nodes, set as the document selection (which fires selectionchange for the page's script).
 */
export async function selectText(page: Page, selector: string, text: string): Promise<void> {
  const found = await page.evaluate(
    ({ selector, text }) => {
      const doc = (globalThis as unknown as { document: any }).document;
      const container = doc.querySelector(selector);
      const walker = doc.createTreeWalker(container, 4 /* NodeFilter.SHOW_TEXT */);
      const nodes: any[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
      const full = nodes.map((n) => n.data).join('');
      const start = full.indexOf(text);
      if (start === -1) return false;
      const end = start + text.length;
      const locate = (offset: number) => {
        let seen = 0;
        for (const node of nodes) {
          if (offset <= seen + node.data.length) return { node, offset: offset - seen };
          seen += node.data.length;
        }
        throw new Error('offset outside the text');
      };
      const a = locate(start);
      const b = locate(end);
      const range = doc.createRange();
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      const selection = doc.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    },
    { selector, text },
  );
  if (!found) throw new Error(`"${text}" is not in ${selector}`);
}

/** One side of a war-start disagreement: the article's outlet, title, date and text, and the start date it gives. */
export interface StartDateReport {
  publisher: string;
  title: string;
  publishedAt: string;
  body: string;
  valueText: string;
  from: string;
  to: string;
}

/**
 * Two articles that give a war different start dates, each with its claim (the whole text is the quote), and the
 * conflict the rules raise between them.
 */
export function seedStartDateConflict(db: Db, war: string, reports: [StartDateReport, StartDateReport]) {
  const subject = makeEntity(db, { name: war, type: 'event' });
  const made = reports.map((report) => {
    const source = makeSource(db, { title: report.title, publisher: report.publisher, body: report.body, publishedAt: report.publishedAt });
    const claim = makeClaim(db, {
      kind: 'date', metric: 'start date', subjectId: subject.id, qualifier: 'exact', asOf: null, sourceId: source.id,
      quote: report.body, quoteStart: 0, quoteEnd: report.body.length, valueText: report.valueText, figure: { unit: 'date', low: report.from, high: report.to },
    });
    return { source, claim };
  }) as [{ source: Source; claim: Claim }, { source: Source; claim: Claim }];
  recomputeConflicts(db, made.map((m) => m.claim), DEFAULT_SETTINGS, TEST_CTX);
  return { subject, early: made[0], late: made[1], conflictId: listConflicts(db).items[0]!.id };
}

/** The password of the users the desk browser tests add. */
export const DESK_PASSWORD = 'a long desk password';

/** Signs `page` in as `name` through the sign-in form and waits for the dashboard that names them. */
export async function signInPage(page: Page, baseUrl: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('User name').fill(name);
  await page.getByLabel('Password').fill(DESK_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${baseUrl}/`);
  expect(await page.locator('.signed-in-as').textContent()).toContain(name);
}
