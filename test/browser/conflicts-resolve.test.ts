// Settling a disagreement in Chromium: open the conflicts list, open the war-start conflict, see both quotes
// side by side with the differing words marked and the chart, resolve it with a reason, see it leave the
// open list. The articles are our own sentences; the conflict comes from the rules, not from a fixture.
import { describe, expect, it } from 'vitest';
import { getClaim } from '../../src/store/claims.js';
import { getConflict } from '../../src/store/conflicts.js';
import { makeClaim } from '../helpers/index.js';
import { seedStartDateConflict, useBrowserRun } from './harness.js';

const EARLY = 'Ten years ago, in March 2011, the protests that became the civil war began in the south.';
const LATE = 'The civil war began in 2015, a ministry adviser told the evening bulletin.';

describe('resolving a conflict in the browser', () => {
  const browserRun = useBrowserRun();

  it('opens the war-start conflict, compares the quotes and the chart, resolves it, and it leaves the open list', { timeout: 60_000 }, async () => {
    const run = browserRun();
    const { page, baseUrl, db } = run;
    const seeded = seedStartDateConflict(db, 'Sample civil war', [
      { title: 'Ten years on', publisher: 'Sample Weekly', body: EARLY, publishedAt: '2021-03-15', valueText: 'March 2011', from: '2011-03-01', to: '2011-03-31' },
      { title: 'Adviser on the war', publisher: 'Evening Bulletin', body: LATE, publishedAt: '2019-03-19', valueText: '2015', from: '2015-01-01', to: '2015-12-31' },
    ]);
    const { conflictId } = seeded;
    const [early, late] = [seeded.early.claim, seeded.late.claim];

    await page.goto(`${baseUrl}/conflicts?status=open`);
    const link = page.locator(`tr[data-conflict-id="${conflictId}"] a.conflict-link`);
    expect((await link.textContent())?.replace(/\s+/g, ' ').trim()).toBe('March 2011 vs 2015');
    await link.click();
    await page.waitForURL(`${baseUrl}/conflicts/${conflictId}`);

    const columns = page.locator('.comparison-column');
    expect(await columns.count()).toBe(2);
    expect(await columns.nth(0).locator('.citation').textContent()).toContain('Sample Weekly');
    expect(await columns.nth(1).locator('.citation').textContent()).toContain('Evening Bulletin');
    const marked = (await page.locator('.compared-quote mark').allTextContents()).join(' ');
    expect(marked).toContain('March');
    expect(marked).toContain('2015');
    // The chart is a same-origin SVG image that actually loaded and has a size.
    const chart = page.locator('.claims-chart img');
    await expect.poll(() => chart.evaluate((img: { complete: boolean; naturalWidth: number }) => img.complete && img.naturalWidth > 0)).toBe(true);

    await page.getByLabel(/Sample Weekly: March 2011/).check();
    await page.locator('#resolve-reason').selectOption('error');
    await page.locator('#resolve-note').fill('The protests and the fighting began in 2011.');
    await page.getByRole('button', { name: 'Mark resolved' }).click();
    await page.waitForURL(new RegExp(`/conflicts/${conflictId}\\?done=`));
    expect(await page.locator('.flash').textContent()).toContain('Resolved');
    expect(await page.locator('.conflict-badges .conflict-status').textContent()).toBe('resolved');

    await page.goto(`${baseUrl}/conflicts?status=open`);
    expect(await page.locator('tr[data-conflict-id]').count()).toBe(0);
    expect(await page.locator('.empty-state').textContent()).toContain('No conflicts match');

    expect(getConflict(db, conflictId)).toMatchObject({ status: 'resolved', preferredClaimId: early.id });
    expect(getClaim(db, late.id)).toMatchObject({ rank: 'deprecated', rankReason: 'error' });
    expect(run.pageErrors).toEqual([]);
  });

  it('flags two ticked claims from the claims table; Enter in the note flags rather than confirms', { timeout: 60_000 }, async () => {
    const run = browserRun();
    const { page, baseUrl, db } = run;
    const first = makeClaim(db);
    const second = makeClaim(db, { valueText: 'about 1,250', figure: { unit: 'count', low: 1125, high: 1375 } });
    await page.goto(`${baseUrl}/claims`);
    await page.locator(`#select-${first.id}`).check();
    await page.locator(`#select-${second.id}`).check();
    await page.locator('#flag-note').fill('One count covers the province, the other the city.');
    await page.locator('#flag-note').press('Enter');
    await page.waitForURL(/\/conflicts\/\d+\?done=/);
    expect(await page.locator('.conflict-badges').textContent()).toContain('flagged by hand');
    expect(await page.locator('.rule-explanation').textContent()).toBe('One count covers the province, the other the city.');
    expect(getClaim(db, first.id).status).toBe('candidate');
    expect(run.pageErrors).toEqual([]);
  });
});
