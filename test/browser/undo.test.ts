// A slip is one click from undone: confirm with `c` in the review queue, resolve a conflict or delete a claim,
// read what changed, press Undo.
import { describe, expect, it } from 'vitest';
import { getClaim } from '../../src/store/claims.js';
import { getConflict } from '../../src/store/conflicts.js';
import { listAudit } from '../../src/store/audit.js';
import { makeClaim, makeSource } from '../helpers/index.js';
import { seedStartDateConflict, useBrowserRun } from './harness.js';

describe('undo in the review queue', () => {
  const browserRun = useBrowserRun();

  it('confirm a claim with c, see the message, press Undo: the claim is a candidate again', { timeout: 60_000 }, async () => {
    const run = browserRun();
    const { page, baseUrl, db } = run;
    const source = makeSource(db);
    const claim = makeClaim(db, { sourceId: source.id });
    const current = () => page.locator('article.review-card').getAttribute('data-claim-id');

    await page.goto(`${baseUrl}/review`);
    expect(await current()).toBe(String(claim.id));
    await page.keyboard.press('c');
    const flash = page.locator('.flash');
    await flash.waitFor();
    expect(await flash.locator('p').textContent()).toContain(`Confirmed claim #${claim.id}`);
    expect(getClaim(db, claim.id).status).toBe('confirmed');
    expect(await page.locator('.empty-state').textContent()).toContain('Nothing left to review');

    await flash.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('.flash p').textContent()).toBe(`Undone: claim #${claim.id} is a candidate again.`);
    expect(await current()).toBe(String(claim.id));
    expect(getClaim(db, claim.id).status).toBe('candidate');
    expect(listAudit(db, 'claim', claim.id).map((e) => e.action)).toEqual(['create', 'update', 'undo']);
    // Reloading the page does not undo again: the message is only a message.
    await page.reload();
    expect(listAudit(db, 'claim', claim.id)).toHaveLength(3);
    expect(run.pageErrors).toEqual([]);
  });
});

describe('undo of other writes', () => {
  const browserRun = useBrowserRun();

  it('resolve a conflict, see the message, press Undo: the conflict is open again and its claims ranked normal', { timeout: 60_000 }, async () => {
    const run = browserRun();
    const { page, baseUrl, db } = run;
    const { conflictId, late } = seedStartDateConflict(db, 'Valdorian war', [
      { title: 'A decade on', publisher: 'Portbrak Weekly', body: 'The Valdorian war began in March 2011, the weekly recalled.', publishedAt: '2021-03-15', valueText: 'March 2011', from: '2011-03-01', to: '2011-03-31' },
      { title: 'The adviser speaks', publisher: 'Tarn Bulletin', body: 'The Valdorian war began in 2015, an adviser in East Tarn said.', publishedAt: '2019-03-19', valueText: '2015', from: '2015-01-01', to: '2015-12-31' },
    ]);

    await page.goto(`${baseUrl}/conflicts/${conflictId}`);
    await page.getByLabel(/Portbrak Weekly: March 2011/).check();
    await page.locator('#resolve-reason').selectOption('error');
    await page.getByRole('button', { name: 'Mark resolved' }).click();
    const flash = page.locator('.flash');
    await flash.waitFor();
    expect(await flash.locator('p').textContent()).toBe(`Resolved conflict #${conflictId}: the preferred claim is ranked first, the others deprecated.`);
    expect(getConflict(db, conflictId).status).toBe('resolved');

    await flash.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('.flash p').textContent()).toMatch(/^Undone: resolved conflict/);
    expect(await page.locator('.conflict-badges .conflict-status').textContent()).toBe('open');
    expect(getConflict(db, conflictId)).toMatchObject({ status: 'open', preferredClaimId: null });
    expect(getClaim(db, late.claim.id).rank).toBe('normal');
    expect(run.pageErrors).toEqual([]);
  });

  it('delete a claim, press Undo: the claim is back with its number, and the page shows it', { timeout: 60_000 }, async () => {
    const run = browserRun();
    const { page, baseUrl, db } = run;
    const claim = makeClaim(db, { sourceId: makeSource(db, { title: 'Upper Mires report' }).id });

    await page.goto(`${baseUrl}/claims/${claim.id}`);
    await page.getByRole('link', { name: 'Delete…' }).click();
    await page.getByRole('button', { name: 'Delete the claim' }).click();
    const flash = page.locator('.flash');
    await flash.waitFor();
    expect(await flash.locator('p').textContent()).toBe(`Deleted claim #${claim.id} “about 1,200”.`);
    expect(() => getClaim(db, claim.id)).toThrow();

    await flash.getByRole('button', { name: 'Undo' }).click();
    await page.waitForURL(new RegExp(`/claims/${claim.id}\\?done=`));
    expect(await page.locator('.flash p').textContent()).toBe(`Undone: deleted claim #${claim.id} “about 1,200”.`);
    expect(getClaim(db, claim.id)).toMatchObject({ valueText: 'about 1,200', quote: claim.quote, status: 'candidate' });
    expect(listAudit(db, 'claim', claim.id).map((e) => e.action)).toEqual(['create', 'delete', 'undo']);
    expect(run.pageErrors).toEqual([]);
  });
});
