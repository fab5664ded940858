// A desk of several people in Chromium: a reviewer confirms a claim and proposes how to resolve the conflict it is
// part of, an editor approves the proposal, and the activity page names both; a viewer sees no write controls, and a POST the viewer's browser sends anyway,
// or one without the session's token, is refused with 403 and changes nothing.
import { describe, expect, it } from 'vitest';
import { addUser } from '../../src/app/accounts.js';
import { getClaim } from '../../src/store/claims.js';
import { getConflict } from '../../src/store/conflicts.js';
import { listAudit } from '../../src/store/audit.js';
import { TEST_CTX } from '../helpers/index.js';
import { DESK_PASSWORD, seedStartDateConflict, signInPage, useBrowserRun } from './harness.js';

const EARLY = 'Ten years ago, in March 2011, the unrest that became the Valdorian war began in Portbrak.';
const LATE = 'The Valdorian war began in 2015, an adviser in East Tarn told the evening bulletin.';

describe('a review desk with accounts', () => {
  const browserRun = useBrowserRun();

  it('records who confirmed and proposed and who approved, and shows a viewer no way to change anything', { timeout: 90_000 }, async () => {
    const run = browserRun();
    const { baseUrl, db, browser } = run;
    for (const [name, role] of [['ilse', 'reviewer'], ['oskar', 'editor'], ['wren', 'viewer']] as const) {
      await addUser(db, { name, role, password: DESK_PASSWORD }, TEST_CTX);
    }
    const seeded = seedStartDateConflict(db, 'Valdorian war', [
      { title: 'Ten years on', publisher: 'Portbrak Weekly', body: EARLY, publishedAt: '2021-03-15', valueText: 'March 2011', from: '2011-03-01', to: '2011-03-31' },
      { title: 'Adviser on the war', publisher: 'Tarn Bulletin', body: LATE, publishedAt: '2019-03-19', valueText: '2015', from: '2015-01-01', to: '2015-12-31' },
    ]);
    const { conflictId, subject: war } = seeded;
    const [early, late] = [seeded.early.claim, seeded.late.claim];
    const [weekly, bulletin] = [seeded.early.source, seeded.late.source];

    // Signed out, every page leads to the sign-in form.
    await run.page.goto(`${baseUrl}/claims/${early.id}`);
    expect(new URL(run.page.url()).pathname).toBe('/login');

    // The reviewer confirms the first claim in the review queue.
    const reviewer = await browser.newPage();
    await signInPage(reviewer, baseUrl, 'ilse');
    await reviewer.goto(`${baseUrl}/review?source=${weekly.id}`);
    await reviewer.getByRole('button', { name: /Confirm/ }).click();
    await reviewer.waitForURL(/done=/);
    expect(getClaim(db, early.id).status).toBe('confirmed');
    await reviewer.goto(`${baseUrl}/claims/${early.id}`);
    expect(await reviewer.locator('.confirmed-by').textContent()).toContain('Confirmed by ilse');
    // A reviewer does not decide conflicts: the resolution is proposed, and only explaining is not offered at all.
    await reviewer.goto(`${baseUrl}/conflicts/${conflictId}`);
    expect(await reviewer.locator('#explain-form').count()).toBe(0);
    await reviewer.getByLabel(/Portbrak Weekly: March 2011/).check();
    await reviewer.locator('#resolve-reason').selectOption('error');
    await reviewer.locator('#resolve-note').fill('The unrest and the fighting began in 2011.');
    await reviewer.getByRole('button', { name: 'Propose', exact: true }).click();
    await reviewer.waitForURL(new RegExp(`/conflicts/${conflictId}\\?done=`));
    expect(await reviewer.locator('#proposal .proposer').textContent()).toBe('ilse');
    expect(await reviewer.getByRole('button', { name: 'Approve and resolve' }).count()).toBe(0);
    expect(getConflict(db, conflictId).status).toBe('open');

    // The editor sees the pending proposal with who proposed it and why, and approves it.
    const editor = await browser.newPage();
    await signInPage(editor, baseUrl, 'oskar');
    await editor.goto(`${baseUrl}/conflicts/${conflictId}`);
    expect(await editor.locator('#proposal').textContent()).toContain('The unrest and the fighting began in 2011.');
    await editor.getByRole('button', { name: 'Approve and resolve' }).click();
    await editor.waitForURL(new RegExp(`/conflicts/${conflictId}\\?done=`));
    expect(getConflict(db, conflictId)).toMatchObject({ status: 'resolved', preferredClaimId: early.id });
    expect(getClaim(db, late.id)).toMatchObject({ rank: 'deprecated', rankReason: 'error' });

    // The activity page names both.
    await editor.goto(`${baseUrl}/activity`);
    const actors = await editor.locator('tr[data-event-id] .actor').allTextContents();
    expect(actors).toContain('ilse');
    expect(actors).toContain('oskar');
    await editor.locator('#filter-user').fill('ilse');
    await editor.getByRole('button', { name: 'Filter' }).click();
    await editor.waitForURL(/user=ilse/);
    expect(new Set(await editor.locator('tr[data-event-id] .actor').allTextContents())).toEqual(new Set(['ilse']));

    // The viewer reads everything and sees no write control: the only form that posts is the sign-out.
    const viewer = await browser.newPage();
    await signInPage(viewer, baseUrl, 'wren');
    for (const path of ['/', '/sources', `/sources/${weekly.id}`, '/claims', `/claims/${late.id}`, `/review?source=${bulletin.id}`,
      `/conflicts/${conflictId}`, `/entities/${war.id}`, '/lexicon', `/facts/${war.id}/start%20date`]) {
      await viewer.goto(`${baseUrl}${path}`);
      const posting = await viewer.locator('form[method="post"]').evaluateAll((forms) => forms.map((f) => f.getAttribute('action')));
      expect(posting, path).toEqual(['/logout']);
      expect(await viewer.getByRole('link', { name: /Add a source|Edit|Delete/ }).count(), path).toBe(0);
      expect(await viewer.getByRole('button', { name: /Confirm|Reject|Flag|Resolve|Reopen/ }).count(), path).toBe(0);
    }

    // A POST the viewer's own page sends anyway (with a valid token) is refused by role; one without the session's
    // token is refused by the CSRF check. Neither changes the claim.
    const before = listAudit(db, 'claim', late.id).length;
    const statuses = await viewer.evaluate(async ({ claimId, version }) => {
      const doc = (globalThis as unknown as { document: any }).document;
      const token = doc.querySelector('form.sign-out input[name="_csrf"]').value as string;
      const send = (body: Record<string, string>) =>
        fetch(`/claims/${claimId}/review`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() }).then((r) => r.status);
      return [await send({ _csrf: token, decision: 'confirm', version: String(version) }), await send({ decision: 'confirm', version: String(version) })];
    }, { claimId: late.id, version: getClaim(db, late.id).version });
    expect(statuses).toEqual([403, 403]);
    expect(getClaim(db, late.id).status).not.toBe('confirmed');
    expect(listAudit(db, 'claim', late.id)).toHaveLength(before);
    expect(run.pageErrors).toEqual([]);
  });
});
