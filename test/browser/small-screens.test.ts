// At 390 × 844 (a phone) no page of the sample set scrolls sideways: tables reflow to cards, the navigation
// collapses behind a Menu button, long words wrap. Printing hides the navigation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { loadSamples } from '../../src/app/samples.js';
import { listClaims } from '../../src/store/claim-list.js';
import { listConflicts } from '../../src/store/conflicts.js';
import { listEntities } from '../../src/store/entities.js';
import { listSources } from '../../src/store/sources.js';
import { FIXED_NOW } from '../helpers/index.js';
import { startBrowserRun, type BrowserRun } from './harness.js';

describe('small screens and print', () => {
  let run: BrowserRun;
  let pages: string[];
  beforeAll(async () => {
    run = await startBrowserRun();
    loadSamples(run.db, loadConfig({}, {}), () => FIXED_NOW);
    const source = listSources(run.db, { limit: 1 }).items[0]!;
    const claim = listClaims(run.db, { limit: 1 }).items[0]!;
    const conflict = listConflicts(run.db).items[0];
    const entity = listEntities(run.db, { limit: 1 }).items[0]!;
    const fact = listClaims(run.db, { limit: 200 }).items.find((c) => c.subjectId !== null);
    pages = [
      '/', '/sources', `/sources/${source.id}`, `/sources/${source.id}/edit`, '/sources/new', '/claims', `/claims/${claim.id}`,
      `/claims/${claim.id}/edit`, '/review', '/conflicts', ...(conflict ? [`/conflicts/${conflict.id}`] : []), '/entities',
      `/entities/${entity.id}`, ...(fact ? [`/facts/${fact.subjectId}/${encodeURIComponent(fact.metric)}`] : []), '/lexicon',
      '/search?q=killed', '/factsheet?include=1', `/claims/new?source=${source.id}`, '/activity', '/feeds',
      `/claims/${claim.id}/delete`, `/sources/${source.id}/delete`,
    ];
    await run.page.setViewportSize({ width: 390, height: 844 });
  });
  afterAll(async () => {
    await run?.close();
  });

  it('no page scrolls sideways at 390 px', { timeout: 120_000 }, async () => {
    const { page, baseUrl } = run;
    const wide: Record<string, number> = {};
    for (const path of pages) {
      const res = await page.goto(`${baseUrl}${path}`);
      expect(res?.status(), path).toBe(200);
      const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
      if (width > 390) wide[path] = width;
    }
    expect(wide).toEqual({});
    expect(run.pageErrors).toEqual([]);
  });

  it('a message with its Undo (after deleting a source) fits without sideways scrolling, and the Undo brings the source back', { timeout: 60_000 }, async () => {
    const { page, baseUrl } = run;
    const source = listSources(run.db, { limit: 1 }).items[0]!;
    await page.goto(`${baseUrl}/sources/${source.id}/delete`);
    await page.getByRole('button', { name: /^Delete/ }).click();
    const undo = page.locator('.flash').getByRole('button', { name: 'Undo' });
    await undo.waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await undo.isVisible()).toBe(true);
    await undo.click();
    await page.waitForURL(new RegExp(`/sources/${source.id}\\?done=`));
    expect(run.pageErrors).toEqual([]);
  });

  it('the navigation collapses behind a Menu button that opens it; the claims table reads as labelled cards', { timeout: 60_000 }, async () => {
    const { page, baseUrl } = run;
    await page.goto(`${baseUrl}/claims`);
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Conflicts' }).isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('link', { name: 'Conflicts' }).isVisible()).toBe(true);
    const cell = page.locator('table.claims tbody tr').first().locator('td').nth(1);
    expect(await cell.evaluate((td) => (globalThis as unknown as { getComputedStyle(e: unknown): { display: string } }).getComputedStyle(td).display)).toBe('block');
    expect(await cell.getAttribute('data-label')).toBeTruthy();
  });

  it('printing hides the navigation', { timeout: 60_000 }, async () => {
    const { page, baseUrl } = run;
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.goto(`${baseUrl}/claims`);
    expect(await page.locator('.site-header').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });
});
