// Two people splitting the work in Chromium: a reviewer takes a subject on its page and finds its claims under "mine"
// in the review queue, then proposes deprecating a wrong claim with a reason and a line saying why; an editor sees the
// proposal pending under the reviewer's name and applies it.
import { describe, expect, it } from 'vitest';
import { addUser } from '../../src/app/accounts.js';
import { getClaim } from '../../src/store/claims.js';
import { getProposal } from '../../src/store/proposals.js';
import { takenBy } from '../../src/store/assignments.js';
import { TEST_CTX } from '../helpers/index.js';
import { DESK_PASSWORD, seedStartDateConflict, signInPage, useBrowserRun } from './harness.js';

const EARLY = 'The Korvan Front opened in March 2011, when the first units crossed the river at Portbrak.';
const LATE = 'The fighting on the Korvan Front began in 2015, a commander in Upper Mires told the radio.';

describe('a desk splitting the work by subject', () => {
  const browserRun = useBrowserRun();

  it('takes a subject to review, proposes a deprecation with why, and an editor applies it', { timeout: 90_000 }, async () => {
    const { baseUrl, db, browser } = browserRun();
    for (const [name, role] of [['ilse', 'reviewer'], ['oskar', 'editor']] as const) await addUser(db, { name, role, password: DESK_PASSWORD }, TEST_CTX);
    const seeded = seedStartDateConflict(db, 'Korvan Front', [
      { title: 'The river crossing', publisher: 'Portbrak Weekly', body: EARLY, publishedAt: '2021-03-15', valueText: 'March 2011', from: '2011-03-01', to: '2011-03-31' },
      { title: 'A commander speaks', publisher: 'Mires Radio', body: LATE, publishedAt: '2019-03-19', valueText: '2015', from: '2015-01-01', to: '2015-12-31' },
    ]);
    const { conflictId, subject: front } = seeded;
    const late = seeded.late.claim;

    const reviewer = await browser.newPage();
    await signInPage(reviewer, baseUrl, 'ilse');
    await reviewer.goto(`${baseUrl}/entities/${front.id}`);
    expect(await reviewer.locator('.assignment-subject').textContent()).toContain('Nobody has taken this subject.');
    await reviewer.getByRole('button', { name: 'Take the subject' }).click();
    await reviewer.waitForURL(/done=/);
    expect(await reviewer.locator('.assignment-subject .assignee').textContent()).toBe('ilse');
    expect(takenBy(db, 'subject', front.id)).toBe('ilse');
    await reviewer.goto(`${baseUrl}/review?assigned=mine`);
    expect(await reviewer.locator('.review-card .assignment-subject .assignee').textContent()).toBe('ilse');

    await reviewer.goto(`${baseUrl}/conflicts/${conflictId}`);
    const column = reviewer.locator(`.comparison-column[data-claim-id="${late.id}"]`);
    await column.locator('select[name="reason"]').selectOption('error');
    await column.getByLabel('Why').fill('The radio later corrected the year to 2011.');
    await column.getByRole('button', { name: 'Propose deprecating this claim' }).click();
    await reviewer.waitForURL(new RegExp(`/conflicts/${conflictId}\\?done=`));
    expect(await reviewer.locator('#proposal .proposer').textContent()).toBe('ilse');
    expect(await reviewer.getByRole('button', { name: 'Approve and deprecate' }).count()).toBe(0);
    expect(getClaim(db, late.id).rank).toBe('normal');

    const editor = await browser.newPage();
    await signInPage(editor, baseUrl, 'oskar');
    await editor.goto(`${baseUrl}/conflicts/${conflictId}`);
    expect(await editor.locator('#proposal').textContent()).toContain('The radio later corrected the year to 2011.');
    await editor.getByRole('button', { name: 'Approve and deprecate' }).click();
    await editor.waitForURL(new RegExp(`/conflicts/${conflictId}\\?done=`));
    expect(await editor.locator('.flash').textContent()).toContain('Approved: the claim is deprecated');
    expect(getClaim(db, late.id)).toMatchObject({ rank: 'deprecated', rankReason: 'error' });
    expect(getProposal(db, conflictId)).toBeNull();
  });
});
