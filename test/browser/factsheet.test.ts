// The fact sheet path in Chromium: choose a subject in the builder (the preview follows), download the HTML sheet,
// open the downloaded file, print it (Chromium's PDF, A4): the footnotes are there and there is no navigation.
// Also: the printable view opened from the app gets its embedded style under the download's own CSP.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleFactSheet } from '../web/factsheet-fixture.js';
import { startBrowserRun, type BrowserRun } from './harness.js';

describe('fact sheet in a browser', () => {
  let run: BrowserRun;
  let downloads = '';
  beforeAll(async () => {
    run = await startBrowserRun();
    seedSampleFactSheet(run.db);
  });
  afterAll(async () => {
    await run?.close();
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  it('builds, downloads and prints a sheet with footnotes and no navigation', { timeout: 60_000 }, async () => {
    const { page, baseUrl, browser } = run;
    await page.goto(`${baseUrl}/factsheet`);
    // Choosing a subject submits the form (app.js), and the preview follows.
    await page.getByLabel('Subjects').selectOption('Syrian civil war');
    await page.waitForURL(/\/factsheet\?subject=Syrian\+civil\+war&/);
    await expect.poll(() => page.locator('.factsheet-preview h3').allTextContents()).toEqual(['Key figures', 'Syrian civil war', 'Sources', 'Notes']);
    expect(await page.locator('.factsheet-preview h4').allTextContents()).toEqual(['Killed', 'Start date']);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'HTML (print)' }).click()]);
    expect(download.suggestedFilename()).toBe('fact-sheet-syrian-civil-war-2026-01-15.html');
    // Saved under its suggested name: the .html extension is what makes the browser open it as a document.
    downloads = mkdtempSync(path.join(tmpdir(), 'crosscheck-sheet-'));
    const file = path.join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('<!doctype html>')).toBe(true);

    const sheet = await browser.newPage();
    const sheetErrors: string[] = [];
    sheet.on('console', (m) => {
      if (m.type() === 'error') sheetErrors.push(m.text());
    });
    await sheet.goto(`file://${file}`);
    await sheet.emulateMedia({ media: 'print' });
    const printed = await sheet.evaluate(() => {
      const doc = (globalThis as unknown as { document: any; getComputedStyle: (e: unknown) => { display: string; visibility: string; fontFamily: string } }).document;
      const style = (globalThis as unknown as { getComputedStyle: (e: unknown) => { display: string; visibility: string; fontFamily: string } }).getComputedStyle;
      const visible = (e: unknown) => style(e).display !== 'none' && style(e).visibility !== 'hidden';
      const notes = [...doc.querySelectorAll('ol.footnotes li')];
      return {
        notes: notes.filter(visible).map((li: { textContent: string }) => li.textContent),
        refs: [...doc.querySelectorAll('sup a')].filter(visible).map((a: { textContent: string }) => a.textContent),
        nav: doc.querySelectorAll('nav, header, footer, form, button, script').length,
        appLinks: [...doc.querySelectorAll('a[href]')].map((a: { getAttribute: (n: string) => string }) => a.getAttribute('href')).filter((h: string) => !h.startsWith('#') && !/^https?:/.test(h)),
        font: style(doc.body).fontFamily,
        body: doc.body.innerText as string,
      };
    });
    expect(printed.notes).toHaveLength(5);
    expect(printed.notes[0]).toContain('Radio Halvard, 20 June 2016; speaker: United Nations');
    expect(printed.notes.join('\n')).toContain('"The uprising against Assad began in March 2011');
    expect(new Set(printed.refs)).toEqual(new Set(['1', '2', '3', '4', '5']));
    expect(printed.nav).toBe(0);
    expect(printed.appLinks).toEqual([]);
    expect(printed.font).toContain('Georgia');
    expect(printed.body).toContain('Key figures');
    expect(printed.body.match(/Sources disagree\./g)).toHaveLength(1);
    expect(printed.body).not.toContain('Crosscheck —');

    const pdf = await sheet.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(4);
    // A4 is 595 × 842 points.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 595(\.\d+)? 841(\.\d+)?|\/MediaBox\s*\[\s*0 0 595(\.\d+)? 842/);
    expect(sheetErrors).toEqual([]);
    await sheet.close();
  });

  it('the printable view opened from the app is styled under its own CSP, with no violation', { timeout: 30_000 }, async () => {
    const { page, baseUrl, pageErrors } = run;
    await page.goto(`${baseUrl}/factsheet?subject=Syrian+civil+war`);
    await page.getByRole('link', { name: 'Open the printable HTML' }).click();
    await page.waitForURL(/\/factsheet\/download\/html\?subject=Syrian\+civil\+war&inline=1$/);
    const font = await page.evaluate(() => {
      const g = globalThis as unknown as { document: { body: unknown }; getComputedStyle: (e: unknown) => { fontFamily: string } };
      return g.getComputedStyle(g.document.body).fontFamily;
    });
    expect(font).toContain('Georgia');
    expect(await page.locator('h1').textContent()).toBe('Fact sheet: Syrian civil war');
    // (The browser's own request for /favicon.ico may 404: the standalone document links no icon.)
    expect(pageErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  });
});
