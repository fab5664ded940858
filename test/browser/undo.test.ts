// A slip in the review queue is one click from undone: confirm with `c`, read what changed, press Undo.
import { describe, expect, it } from 'vitest';
import { getClaim, listAudit } from '../../src/store/index.js';
import { makeClaim, makeSource } from '../helpers/index.js';
import { useBrowserRun } from './harness.js';

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
