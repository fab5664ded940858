// An entity merge in the browser asks first: the page lists what would move, and only its button merges; its
// message offers an Undo that brings the merged entity back.
import { describe, expect, it } from 'vitest';
import { getClaim } from '../../src/store/claims.js';
import { getEntity, resolveEntity } from '../../src/store/entities.js';
import { makeClaim, makeEntity, makeSource } from '../helpers/index.js';
import { useBrowserRun } from './harness.js';

describe('merging two entities in the browser', () => {
  const browserRun = useBrowserRun();

  it('a partial name is refused; a whole alias shows what moves; confirming merges and says so', { timeout: 60_000 }, async () => {
    const run = browserRun();
    const { page, baseUrl, db } = run;
    const sohr = makeEntity(db, { name: 'Syrian Observatory for Human Rights', type: 'organisation', aliases: ['SOHR'] });
    const duplicate = makeEntity(db, { name: 'Syrian Observatory HR', type: 'organisation' });
    const claim = makeClaim(db, { sourceId: makeSource(db).id, speakerId: duplicate.id });

    await page.goto(`${baseUrl}/entities/${duplicate.id}`);
    const into = page.locator('#merge-form input[name="into"]');
    await into.fill('Syrian Observatory');
    await page.getByRole('button', { name: 'Review the merge…' }).click();
    expect(await page.locator('#merge-form .field-error').first().textContent()).toContain('No entity is called “Syrian Observatory”');

    await page.locator('#merge-form input[name="into"]').fill('sohr');
    await page.getByRole('button', { name: 'Review the merge…' }).click();
    await page.locator('#merge-confirm').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Merge “Syrian Observatory HR” into “Syrian Observatory for Human Rights”?');
    expect(await page.locator('[data-count="speaker"]').textContent()).toBe('1');
    expect(await page.locator('.merge-claims tr[data-claim-id]').getAttribute('data-claim-id')).toBe(String(claim.id));
    expect(getEntity(db, duplicate.id).name).toBe('Syrian Observatory HR');

    await page.getByRole('button', { name: 'Merge into Syrian Observatory for Human Rights' }).click();
    await page.locator('.flash').waitFor();
    expect(await page.locator('.flash p').textContent()).toBe('Merged “Syrian Observatory HR” into “Syrian Observatory for Human Rights”: 1 claim moved.');
    expect(page.url()).toContain(`/entities/${sohr.id}?done=`);
    expect(getClaim(db, claim.id).speakerId).toBe(sohr.id);
    expect(resolveEntity(db, 'Syrian Observatory HR')?.id).toBe(sohr.id);

    // Undo: the merged entity is back with its number, and its claim speaks for it again.
    await page.locator('.flash').getByRole('button', { name: 'Undo' }).click();
    await page.waitForURL(new RegExp(`/entities/${duplicate.id}\\?done=`));
    expect(await page.locator('.flash p').textContent()).toMatch(/^Undone: merged “Syrian Observatory HR”/);
    expect(getClaim(db, claim.id).speakerId).toBe(duplicate.id);
    expect(resolveEntity(db, 'Syrian Observatory HR')?.id).toBe(duplicate.id);
    expect(getEntity(db, sohr.id).aliases).toEqual(['SOHR']);
    // The refused partial name answered 422, which the browser logs; nothing else went wrong.
    expect(run.pageErrors.filter((error) => !error.includes('422'))).toEqual([]);
  });
});
