// The ways in and out, in a real browser against a local web server: an article imported by its URL from the
// add-source form shows its claims; after the served text changes, "Fetch again" shows the word diff and the
// versions; the changed claim is confirmed (its flag goes), rated, and its ClaimReview JSON-LD downloaded.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FETCH_LIMITS } from '../../src/config.js';
import { getClaimRating } from '../../src/store/claim-ratings.js';
import { listVersions } from '../../src/store/versions.js';
import { body, PAGE, startTestServer, type TestServer } from '../helpers/http-server.js';
import { useBrowserRun } from './harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  server.route('/floods.html', body('text/html; charset=utf-8', PAGE));
});
afterAll(async () => {
  await server.close();
});

describe('import by URL, versions and a rating in the browser', () => {
  const browserRun = useBrowserRun({ fetch: { ...DEFAULT_FETCH_LIMITS, allowPrivate: true } });

  it('imports a page by URL, refetches it after an edit, shows the diff, rates the changed claim and downloads its ClaimReview', { timeout: 90_000 }, async () => {
    const run = browserRun();
    const { page, baseUrl, db } = run;

    await page.goto(`${baseUrl}/sources/new`);
    await page.getByLabel('Fetch it from a URL').fill(server.url('/floods.html'));
    await page.getByRole('button', { name: 'Save the source' }).click();
    await page.waitForURL(/\/sources\/1(\?|$)/);
    expect(await page.locator('h1').textContent()).toBe('Floods cut the Portbrak road');
    expect(await page.locator('.source-meta').textContent()).toContain(server.url('/floods.html'));
    expect(await page.locator('#article-body mark.figure').allTextContents()).toEqual(expect.arrayContaining(['1,400']));
    // The claims table's row whose figure (its second cell) is the toll.
    const tollRow = () => page.locator('table.claims tbody tr').filter({ has: page.locator('td:nth-child(2)', { hasText: /^1,400/ }) });
    expect(await tollRow().count()).toBe(1);

    // The outlet edits the story: the figure changes.
    server.route('/floods.html', body('text/html; charset=utf-8', PAGE.replace('1,400 people', '2,100 people')));
    await page.getByRole('button', { name: 'Fetch again' }).click();
    await page.waitForURL(/\/sources\/2\/diff\?/);
    expect(await page.locator('.word-diff del').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('1,400')]));
    expect(await page.locator('.word-diff ins').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('2,100')]));
    expect(listVersions(db, 1).map((v) => v.id)).toEqual([1, 2]);

    await page.goto(`${baseUrl}/sources/1`);
    expect(await page.locator('.versions li').count()).toBe(2);
    const oldRow = tollRow();
    expect(await oldRow.locator('.version-flag').textContent()).toBe('Review: the figure vanished in a newer version');

    // Open the claim, confirm it (which answers the flag), rate it and download its review.
    await oldRow.locator('a').first().click();
    await page.waitForURL(/\/claims\/\d+$/);
    const claimId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('button', { name: 'Save and confirm' }).click();
    await page.waitForURL(new RegExp(`/claims/${claimId}(\\?|$)`));
    await page.getByLabel('Rating', { exact: true }).selectOption('2');
    await page.getByLabel('Explanation').fill('The outlet raised the figure to 2,100 a day later.');
    await page.getByRole('button', { name: 'Rate', exact: true }).click();
    await page.locator('.rating-given').waitFor();
    expect(await page.locator('.rating-given').textContent()).toContain('Rated 2 — Mostly false');
    expect(getClaimRating(db, claimId)).toMatchObject({ rating: 2 });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download its ClaimReview (JSON-LD)' }).click()]);
    const reviews = JSON.parse(await readFile((await download.path())!, 'utf8')) as Record<string, any>[];
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({
      '@type': 'ClaimReview',
      url: `${baseUrl}/claims/${claimId}`,
      reviewRating: { ratingValue: 2, alternateName: 'Mostly false', ratingExplanation: 'The outlet raised the figure to 2,100 a day later.' },
      itemReviewed: { appearance: [{ url: server.url('/floods.html') }] },
    });

    await page.goto(`${baseUrl}/sources/1`);
    expect(await tollRow().locator('.version-flag').count()).toBe(0);
    // The other claim of the edited sentence (its date) is still flagged: "Checked" clears it from the page.
    const flags = await page.locator('table.claims .version-flag').count();
    expect(flags).toBeGreaterThan(0);
    await page.locator('table.claims form.version-check').first().getByRole('button', { name: 'Checked' }).click();
    await page.locator('.flash').waitFor();
    expect(await page.locator('.flash').textContent()).toContain('checked against the newer version: its flag is cleared.');
    expect(await page.locator('table.claims .version-flag').count()).toBe(flags - 1);
    expect(run.pageErrors).toEqual([]);
  });
});
