// The review queue with the keyboard only: move with j/k, confirm one (c), edit one (e), reject one (r).
import { describe, expect, it } from 'vitest';
import { getClaim } from '../../src/store/claims.js';
import { DEFAULT_BODY, makeClaim, makeSource } from '../helpers/index.js';
import { useBrowserRun } from './harness.js';

const SECOND = 'A ministry spokesman put the toll at 900, according to a state broadcaster.';

describe('the review queue by keyboard', () => {
  const browserRun = useBrowserRun();

  it('confirms one, edits one, rejects one', { timeout: 60_000 }, async () => {
    const run = browserRun();
    const { page, baseUrl, db } = run;
    const source = makeSource(db);
    const start = DEFAULT_BODY.indexOf(SECOND);
    const first = makeClaim(db, { sourceId: source.id });
    const second = makeClaim(db, { sourceId: source.id, quote: SECOND, quoteStart: start, quoteEnd: start + SECOND.length, valueText: '900', figure: { unit: 'count', low: 900, high: 900 }, qualifier: 'exact' });
    // Same sentence as the second, so the queue's text order is first, second, third.
    const third = makeClaim(db, { sourceId: source.id, quote: SECOND, quoteStart: start, quoteEnd: start + SECOND.length, valueText: 'last year', kind: 'date', metric: 'fighting', figure: { unit: 'date', low: '2018-01-01', high: '2018-12-31' }, qualifier: 'exact' });
    const current = () => page.locator('article.review-card').getAttribute('data-claim-id');

    await page.goto(`${baseUrl}/review`);
    expect(await current()).toBe(String(first.id));
    await page.keyboard.press('j');
    await page.waitForURL(`${baseUrl}/review?source=${source.id}&i=1`);
    expect(await current()).toBe(String(second.id));
    await page.keyboard.press('k');
    await page.waitForURL(`${baseUrl}/review?source=${source.id}`);

    await page.keyboard.press('c');
    await expect.poll(current).toBe(String(second.id));
    await expect.poll(() => page.locator('[data-count="remaining"]').textContent()).toBe('2 candidates');

    await page.keyboard.press('e');
    await page.waitForURL(new RegExp(`/claims/${second.id}/edit`));
    const figure = page.getByLabel(/^Figure as written/);
    await figure.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('nearly 950');
    await expect.poll(() => page.locator('#figure-preview .interval').textContent(), { timeout: 5000 }).toBe('855–950');
    await page.keyboard.press('Enter');
    // Back in the queue, with the message of what the edit saved.
    await page.waitForURL((url) => url.pathname === '/review' && url.searchParams.get('source') === String(source.id) && url.searchParams.has('done'));
    await expect.poll(current).toBe(String(third.id));

    await page.keyboard.press('r');
    await page.locator('.empty-state').waitFor();
    expect(await page.locator('.empty-state').textContent()).toContain('Nothing left to review');

    expect(getClaim(db, first.id).status).toBe('confirmed');
    expect(getClaim(db, second.id)).toMatchObject({ status: 'confirmed', valueText: 'nearly 950', figure: { unit: 'count', low: 855, high: 950 }, qualifier: 'nearly' });
    expect(getClaim(db, third.id).status).toBe('rejected');
    expect(run.pageErrors).toEqual([]);
  });
});
