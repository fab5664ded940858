// Counts that nest: a part (civilians killed, the killed among all casualties) larger than its whole is a conflict
// of its own kind; a part smaller than its whole, or counted over another time, is not. Claims as the store would
// hold them for the team's own sentences about an invented war.
import { describe, expect, it } from 'vitest';
import { checkPair, conflictsForFact, conflictsWithParts, DEFAULT_SETTINGS, nestingMetrics, readCountMetric, type ClaimInContext } from '../../src/domain/crosscheck.js';
import { nestsIn } from '../../src/domain/nesting.js';
import type { Figure } from '../../src/domain/types.js';
import { makeClaimInContext } from '../helpers/claim-builders.js';

const S = DEFAULT_SETTINGS;
const VALDORIA = 7;
const count = (low: number | null, high: number | null = low): Figure => ({ unit: 'count', low, high });

let nextId = 1;
/** A count about the war in Valdoria, each in an article of its own, as of early March 2026. */
function toll(metric: string, n: number, over: Partial<ClaimInContext> = {}): ClaimInContext {
  const id = over.id ?? nextId++;
  return makeClaimInContext({
    kind: 'casualties', metric, subjectId: VALDORIA, subjectName: 'Valdoria', valueText: n.toLocaleString('en-US'), figure: count(n),
    sourcePublisher: `Outlet ${id}`, sourcePublishedAt: '2026-03-04', ...over, id,
  });
}

describe('which counts nest', () => {
  const key = (m: string) => readCountMetric(m)!;

  it('reads a count metric back into side, role and measure', () => {
    expect(readCountMetric('killed')).toEqual({ side: null, role: 'people', measure: 'killed' });
    expect(readCountMetric('Valdorian soldiers wounded')).toEqual({ side: 'valdorian', role: 'soldiers', measure: 'wounded' });
    expect(readCountMetric('civilians casualties')).toEqual({ side: null, role: 'civilians', measure: 'casualties' });
    // not a toll: a deployment, a count of things, a date
    expect(readCountMetric('troops deployed')).toBeNull();
    expect(readCountMetric('townships')).toBeNull();
    expect(readCountMetric('start date')).toBeNull();
  });

  it('nests measures (killed, wounded ⊂ casualties) and populations (civilians, soldiers, children … ⊂ everyone)', () => {
    expect(nestsIn(key('killed'), key('casualties'))).toBe(true);
    expect(nestsIn(key('wounded'), key('casualties'))).toBe(true);
    expect(nestsIn(key('civilians killed'), key('killed'))).toBe(true);
    expect(nestsIn(key('children killed'), key('casualties'))).toBe(true);
    expect(nestsIn(key('tarnish soldiers killed'), key('tarnish people killed'))).toBe(true);
  });

  it('does not nest siblings, the reverse, one fact with itself, or a sided part under an unsided whole', () => {
    expect(nestsIn(key('killed'), key('wounded'))).toBe(false);
    expect(nestsIn(key('civilians killed'), key('soldiers killed'))).toBe(false);
    expect(nestsIn(key('casualties'), key('killed'))).toBe(false);
    expect(nestsIn(key('killed'), key('killed'))).toBe(false);
    // an unsided toll is often one side's own count: "Tarnish soldiers killed" is not held against it
    expect(nestsIn(key('tarnish soldiers killed'), key('killed'))).toBe(false);
    expect(nestsIn(key('civilians killed'), key('valdorian people killed'))).toBe(false);
  });

  it('finds the wholes and parts of a metric among a subject\'s metrics', () => {
    const metrics = ['killed', 'civilians killed', 'casualties', 'wounded', 'townships', 'start date'];
    expect(nestingMetrics('killed', metrics)).toEqual({ wholes: ['casualties'], parts: ['civilians killed'] });
    expect(nestingMetrics('casualties', metrics)).toEqual({ wholes: [], parts: ['killed', 'civilians killed', 'wounded'] });
    expect(nestingMetrics('townships', metrics)).toEqual({ wholes: [], parts: [] });
  });
});

describe('a part above its whole', () => {
  // "The Portbrak ministry puts the Valdorian toll at 3,000 casualties, killed and wounded."
  const casualties = toll('casualties', 3000, { id: 11, sourcePublisher: 'Portbrak Daily' });

  it('5,000 killed against 3,000 casualties (killed and wounded) conflicts, explained in words', () => {
    // "5,000 people have been killed in the war in Valdoria, the East Tarn monitor said."
    const killed = toll('killed', 5000, { id: 12, sourcePublisher: 'East Tarn Courier' });
    const c = checkPair(killed, casualties, S);
    expect(c).toMatchObject({ rule: 'part-above-whole', key: 'part-above-whole:11,12', metric: 'casualties', subjectId: VALDORIA, internal: false });
    expect(c!.explanation).toBe(
      'Sources disagree on casualties (Valdoria) and a part of it: East Tarn Courier (4 Mar 2026) gives "5,000" for killed; ' +
        'Portbrak Daily (4 Mar 2026) gives "3,000" for casualties (killed and wounded). "5,000" killed is more than the "3,000" ' +
        'casualties (killed and wounded) another source gives, though the first is a part of the second, even allowing 5 % either way.',
    );
    expect(c!.severity).toBeCloseTo(0.4, 3);
    // the same conflict whichever way the pair is met
    expect(checkPair(casualties, killed, S)).toEqual(c);
  });

  it('a part below its whole, or within the tolerance of it, is no disagreement', () => {
    expect(checkPair(toll('killed', 1200), casualties, S)).toBeNull();
    expect(checkPair(toll('wounded', 3100), casualties, S)).toBeNull();
    // "thousands have been killed" is no upper bound: 12,000 civilians killed does not exceed it
    const thousands = toll('killed', 2000, { qualifier: 'vague', valueText: 'thousands', figure: count(2000, 9999) });
    expect(checkPair(toll('civilians killed', 12000), thousands, S)).toBeNull();
    // while a vague part is at least its low bound: "thousands of civilians" is more than 1,500 killed in all
    const vaguePart = toll('civilians killed', 2000, { qualifier: 'vague', valueText: 'thousands', figure: count(2000, 9999) });
    expect(checkPair(vaguePart, toll('killed', 1500), S)?.rule).toBe('part-above-whole');
  });

  it('900 civilians killed against 600 killed in all conflicts; 300 does not', () => {
    const all = toll('killed', 600, { id: 21, sourcePublisher: 'Harbour Gazette' });
    const c = checkPair(toll('civilians killed', 900, { id: 22, sourcePublisher: 'Korvan Bulletin' }), all, S);
    expect(c?.rule).toBe('part-above-whole');
    expect(c!.metric).toBe('killed');
    expect(c!.explanation).toContain('"900" civilians killed is more than the "600" killed in all another source gives');
    expect(checkPair(toll('civilians killed', 300), all, S)).toBeNull();
    // two parts of everyone are no part of each other: 900 civilians against 600 soldiers is no conflict
    expect(checkPair(toll('civilians killed', 900), toll('soldiers killed', 600), S)).toBeNull();
  });

  it('counts at different times are not compared: reports further apart than the window, or other periods', () => {
    const later = toll('killed', 5000, { sourcePublishedAt: '2026-06-20' });
    expect(checkPair(later, casualties, S)).toBeNull();
    // 5,000 killed in 2025 against 3,000 casualties in the first quarter of 2026
    const lastYear = toll('killed', 5000, { scopeFrom: '2025-01-01', scopeTo: '2025-12-31' });
    const quarter = toll('casualties', 3000, { scopeFrom: '2026-01-01', scopeTo: '2026-03-31', sourcePublishedAt: '2026-04-10' });
    expect(checkPair(lastYear, quarter, S)).toBeNull();
    // a point figure is not set against a running total
    expect(checkPair(toll('killed', 5000, { scopeFrom: '2025-09-01' }), casualties, S)).toBeNull();
  });

  it('a part counted over a period within the whole\'s period conflicts when it is higher', () => {
    const year = toll('killed', 2000, { scopeFrom: '2025-01-01', scopeTo: '2025-12-31', sourcePublishedAt: '2026-01-15' });
    const summer = toll('civilians killed', 2600, { scopeFrom: '2025-06-01', scopeTo: '2025-08-31', sourcePublishedAt: '2025-09-10' });
    expect(checkPair(summer, year, S)?.rule).toBe('part-above-whole');
    // the whole's period within the part's is no nesting of periods
    const winter = toll('killed', 2000, { scopeFrom: '2025-12-01', scopeTo: '2025-12-31', sourcePublishedAt: '2026-01-15' });
    expect(checkPair(toll('civilians killed', 2600, { scopeFrom: '2025-01-01', scopeTo: '2025-12-31', sourcePublishedAt: '2026-01-15' }), winter, S)).toBeNull();
  });

  it('running totals: an earlier part above a later whole conflicts, a later part above an earlier whole does not', () => {
    const since = { scopeFrom: '2025-09-01' };
    const whole = toll('killed', 4000, { ...since, sourcePublishedAt: '2026-03-04' });
    expect(checkPair(toll('civilians killed', 4500, { ...since, sourcePublishedAt: '2026-01-10' }), whole, S)?.rule).toBe('part-above-whole');
    expect(checkPair(toll('civilians killed', 4500, { ...since, sourcePublishedAt: '2026-06-10' }), whole, S)).toBeNull();
  });

  it('within one article a whole and a part are compared only when one sentence sets them against each other', () => {
    const quote = 'The army counts 900 civilians killed, not the 600 dead the ministry gives.';
    const one = { sourceId: 5, quote, quoteStart: 0, sourcePublisher: 'Tarn Observer' };
    const civilians = toll('civilians killed', 900, { ...one, valueText: '900', speakerId: 31, speakerName: 'army' });
    const all = toll('killed', 600, { ...one, valueText: '600', speakerId: 32, speakerName: 'ministry' });
    const c = checkPair(civilians, all, S);
    expect(c).toMatchObject({ rule: 'part-above-whole', internal: true });
    expect(c!.explanation).toContain('the same article gives');
    // two speakers in two sentences of one article: a breakdown, not a dispute
    const apart = toll('killed', 600, { ...one, quote: 'The ministry gives 600 dead.', quoteStart: 80, valueText: '600', speakerId: 32 });
    expect(checkPair(civilians, apart, S)).toBeNull();
  });

  it('a whole\'s group meets the claims of its parts (full recomputation), and a group alone never does', () => {
    const all = toll('killed', 600);
    const civilians = toll('civilians killed', 900);
    const rival = toll('civilians killed', 100);
    expect(conflictsForFact([all], S)).toEqual([]);
    const found = conflictsWithParts([all], [civilians, rival], S);
    expect(found.map((c) => c.claimIds)).toEqual([[all.id, civilians.id]]);
    // pairs among the parts belong to their own group's recomputation
    expect(found.every((c) => c.metric === 'killed')).toBe(true);
  });
});
