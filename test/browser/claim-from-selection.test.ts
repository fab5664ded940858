// The main path in a real browser: import an article through the form, select a sentence in the article view,
// create a claim from it, then see it highlighted in the article and listed in the claims table.
import { describe, expect, it } from 'vitest';
import { getClaim } from '../../src/store/claims.js';
import { getSource } from '../../src/store/sources.js';
import { selectText, useBrowserRun } from './harness.js';

// The team's own text, shaped like the sample articles.
const ARTICLE = [
  'Relief workers reached the northern valley on Thursday after a week of heavy fighting.',
  'The regional health office said at least 37 civilians had been killed since the start of the month, and that two clinics had closed.',
  'A spokesman for the armed opposition gave a higher toll, which could not be verified.',
].join('\n\n') + '\n';
const SENTENCE = 'The regional health office said at least 37 civilians had been killed since the start of the month, and that two clinics had closed.';

describe('a claim from a text selection', () => {
  const browserRun = useBrowserRun();

  it('imports, selects, creates, highlights and lists', { timeout: 60_000 }, async () => {
    const run = browserRun();
    const { page, baseUrl, db } = run;

    await page.goto(`${baseUrl}/sources/new`);
    await page.getByLabel('… or paste the text').fill(ARTICLE);
    await page.getByLabel('Title').fill('Aid reaches the northern valley');
    await page.getByLabel('Publisher').fill('Valley Post (sample)');
    await page.getByLabel('Published').fill('2016-03-10');
    await page.getByRole('button', { name: 'Save the source' }).click();
    await page.waitForURL(`${baseUrl}/sources/1`);
    expect(getSource(db, 1).body).toBe(ARTICLE);

    await selectText(page, '#article-body', SENTENCE);
    const button = page.getByRole('button', { name: 'New claim from selection' });
    await button.waitFor({ state: 'visible' });
    await button.click();

    await page.waitForURL(/\/claims\/new\?/);
    expect(await page.getByLabel(/^Quote/).inputValue()).toBe(SENTENCE);
    const start = ARTICLE.indexOf(SENTENCE);
    expect(await page.getByLabel('Starts at character').inputValue()).toBe(String(start));
    expect(await page.getByLabel('Ends before character').inputValue()).toBe(String(start + SENTENCE.length));

    await page.getByLabel('Kind').selectOption('casualties');
    await page.getByLabel(/^Figure as written/).fill('at least 37');
    await expect.poll(() => page.locator('#figure-preview .interval').textContent(), { timeout: 5000 }).toBe('37 or more');
    await page.getByLabel(/^Metric/).fill('civilians killed');
    await page.getByLabel('Speaker', { exact: true }).fill('Regional health office');
    await page.getByLabel('Attribution cue').fill('said');
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    // Import also proposed candidates by extraction, so the new claim's id is read from where saving leads.
    await page.waitForURL((url) => url.pathname === '/sources/1' && url.searchParams.has('done') && /^#quote-\d+$/.test(url.hash));
    const claimId = Number(new URL(page.url()).hash.slice('#quote-'.length));
    const claim = getClaim(db, claimId);
    expect(claim).toMatchObject({ origin: 'manual', status: 'confirmed', quoteStart: start, quoteEnd: start + SENTENCE.length, figure: { unit: 'count', low: 37, high: null } });
    const highlighted = await page.locator(`#article-body a.quote[data-claims~="${claimId}"]`).allTextContents();
    expect(highlighted.join('')).toBe(SENTENCE);
    expect(await page.locator(`#article-body #quote-${claimId}`).count()).toBe(1);

    await page.getByRole('link', { name: 'Claims', exact: true }).click();
    const row = page.locator(`tr[data-claim-id="${claimId}"]`);
    expect(await row.textContent()).toContain('at least 37');
    expect((await row.textContent())?.toLowerCase()).toContain('regional health office');
    expect(run.pageErrors).toEqual([]);
  });
});
