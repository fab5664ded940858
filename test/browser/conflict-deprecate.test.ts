// One wrong figure, settled once: "began in 2015" disagrees with two articles that say March 2011 and with an
// "eight-year war" said in 2019. Deprecating that one claim on a conflict page settles the disagreement it
// caused everywhere it appeared. The articles are our own sentences about an invented war.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/domain/crosscheck.js';
import { recomputeConflicts } from '../../src/app/recompute.js';
import { getClaim } from '../../src/store/claims.js';
import { getConflict, listConflicts } from '../../src/store/conflicts.js';
import { listAudit } from '../../src/store/audit.js';
import { makeClaim, makeEntity, makeSource, TEST_CTX } from '../helpers/index.js';
import { useBrowserRun } from './harness.js';

const WRONG = 'The Valdorian war began in 2015, a ministry adviser told the evening bulletin.';
const EARLY = 'The Valdorian war began in March 2011 with protests in Portbrak.';
const AGAIN = 'Fighting in Valdoria started in March 2011, the Upper Mires paper recalled.';
const LENGTH = 'Eight years into the Valdorian war, East Tarn is still divided.';

describe('deprecating one claim on a conflict page', () => {
  const browserRun = useBrowserRun();

  it('settles the disagreement the claim caused in every conflict it was in', { timeout: 60_000 }, async () => {
    const run = browserRun();
    const { page, baseUrl, db } = run;
    const war = makeEntity(db, { name: 'Valdorian war', type: 'event' });
    const source = (publisher: string, body: string, publishedAt: string) => makeSource(db, { title: `${publisher} on the war`, publisher, body, publishedAt });
    const start = { kind: 'date' as const, metric: 'start date', subjectId: war.id, qualifier: 'exact' as const, asOf: null, quoteStart: 0 };
    const claim = (src: ReturnType<typeof source>, body: string, valueText: string, low: string, high: string) =>
      makeClaim(db, { ...start, sourceId: src.id, quote: body, quoteEnd: body.length, valueText, figure: { unit: 'date', low, high } });
    const wrong = claim(source('Evening Bulletin', WRONG, '2019-03-19'), WRONG, '2015', '2015-01-01', '2015-12-31');
    const early = claim(source('Portbrak Weekly', EARLY, '2021-03-15'), EARLY, 'March 2011', '2011-03-01', '2011-03-31');
    const again = claim(source('Upper Mires Herald', AGAIN, '2020-03-15'), AGAIN, 'March 2011', '2011-03-01', '2011-03-31');
    const length = makeClaim(db, {
      kind: 'duration', metric: 'duration', subjectId: war.id, qualifier: 'exact', asOf: null, quoteStart: 0, quote: LENGTH, quoteEnd: LENGTH.length,
      sourceId: source('East Tarn Courier', LENGTH, '2019-06-01').id, valueText: 'Eight years', figure: { unit: 'year', low: 8, high: 8 },
    });
    recomputeConflicts(db, [wrong, early, again, length], DEFAULT_SETTINGS, TEST_CTX);
    // Two disagreements: "2015" against "March 2011" (both articles in one conflict) and against "eight years".
    const conflicts = listConflicts(db).items;
    expect(conflicts.map((k) => k.valueGroups.map((g) => g.claimIds)).sort()).toEqual(
      [[[wrong.id], [early.id, again.id]], [[wrong.id], [length.id]]].sort(),
    );
    const startConflict = conflicts.find((k) => k.rule === 'event-date')!;

    await page.goto(`${baseUrl}/conflicts/${startConflict.id}`);
    const groups = page.locator('.value-group');
    expect(await groups.count()).toBe(2);
    expect(await groups.nth(0).locator('h3').textContent()).toBe('2015');
    expect(await groups.nth(1).locator('.comparison-column').count()).toBe(2);
    const column = page.locator(`.comparison-column[data-claim-id="${wrong.id}"]`);
    await column.locator('select[name="reason"]').selectOption('error');
    await column.getByRole('button', { name: 'Deprecate this claim' }).click();
    await page.waitForURL(new RegExp(`/conflicts/${startConflict.id}\\?done=`));
    expect(await page.locator('.flash').textContent()).toContain('Claim deprecated');
    expect(await page.locator('.conflict-badges .conflict-status').textContent()).toBe('resolved');

    // Settled everywhere: nothing is open any more, and the other conflict says why it was settled.
    await page.goto(`${baseUrl}/conflicts?status=open`);
    expect(await page.locator('tr[data-conflict-id]').count()).toBe(0);
    const other = conflicts.find((k) => k.rule === 'duration-vs-start')!;
    await page.goto(`${baseUrl}/conflicts/${other.id}`);
    expect(await page.locator('.conflict-badges .conflict-status').textContent()).toBe('resolved');
    expect(await page.locator('.decisions').textContent()).toContain(`Claim #${wrong.id} (“2015”) deprecated: error`);

    expect(getClaim(db, wrong.id)).toMatchObject({ rank: 'deprecated', rankReason: 'error' });
    expect(getConflict(db, other.id)).toMatchObject({ status: 'resolved', preferredClaimId: length.id });
    expect(listAudit(db, 'conflict', other.id).map((e) => e.action)).toEqual(['create', 'resolve']);
    expect(run.pageErrors).toEqual([]);
  });
});
