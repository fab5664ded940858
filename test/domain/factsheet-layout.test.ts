// The fact sheet's layout rules (issue 13): one disagreement block per fact, the lead block's key figures, the order
// of the sections, the appendix of minor facts, filler left off, and claims with no subject counted under their
// article's context. Invented war, outlets and figures.
import { describe, expect, it } from 'vitest';
import type { ComparedClaim } from '../../src/domain/compare.js';
import { buildFactSheet, type FactSheetConflict, type FactSheetFilter, type FactSheetInput } from '../../src/domain/factsheet.js';
import type { Figure } from '../../src/domain/types.js';
import { toMarkdown } from '../../src/render/factsheet/index.js';
import { makeComparedClaim } from '../helpers/claim-builders.js';

const WAR = { subjectId: 1, subjectName: 'Valdorian war' };
const FRONT = { subjectId: 2, subjectName: 'Korvan Front' };
const MILITIA = { subjectId: 3, subjectName: 'Portbrak militia' };
const LINKS = [{ id: 2, partOfId: 1 }];
const FILTER: FactSheetFilter = { subjects: [], metrics: [], from: null, to: null, includeCandidates: false };

function claim(over: Partial<ComparedClaim> & { id: number; figure: Figure }): ComparedClaim {
  return makeComparedClaim({ sourceId: over.id, sourcePublisher: `Outlet ${over.id}`, ...WAR, ...over });
}

const date = (low: string, high: string): Figure => ({ unit: 'date', low, high });
const count = (low: number, high: number | null = low): Figure => ({ unit: 'count', low, high });

function toll(id: number, figure: Figure, over: Partial<ComparedClaim> = {}): ComparedClaim {
  return claim({ id, figure, kind: 'casualties', metric: 'killed', scopeFrom: '2024-03-01', scopeTo: '2025-03-01', ...over });
}

function openConflict(id: number, claimIds: number[], over: Partial<FactSheetConflict> = {}): FactSheetConflict {
  return { id, key: `event-date:${claimIds.join(',')}`, rule: 'event-date', severity: 0.9, status: 'open', resolutionNote: null, preferredClaimId: null, claimIds, explanation: `Conflict ${id}.`, ...over };
}

function build(over: Partial<FactSheetInput>) {
  return buildFactSheet({ claims: [], sources: [], conflicts: [], filter: FILTER, generatedAt: '2026-05-01T00:00:00.000Z', subjects: LINKS, ...over });
}

describe('disagreements', () => {
  it('one "Sources disagree" block per fact even with five claims: each competing figure once, with all its sources', () => {
    const claims = [
      claim({ id: 1, figure: date('2024-03-01', '2024-03-31'), valueText: 'March 2024' }),
      claim({ id: 2, figure: date('2024-03-01', '2024-03-31'), valueText: 'March 2024' }),
      claim({ id: 3, figure: date('2024-03-01', '2024-03-31'), valueText: 'in March 2024' }),
      claim({ id: 4, figure: date('2024-01-01', '2024-12-31'), valueText: '2024' }),
      claim({ id: 5, figure: date('2022-01-01', '2022-12-31'), valueText: '2022' }),
    ];
    // One conflict row per pair with the 2022 claim, as the pairwise rules store them.
    const conflicts = [1, 2, 3, 4].map((id) => openConflict(10 + id, [id, 5]));
    const sheet = build({ claims, conflicts });
    const [fact] = sheet.facts;
    expect(fact!.values).toEqual([]);
    expect(fact!.disagreement?.conflictIds).toEqual([11, 12, 13, 14]);
    expect(fact!.disagreement?.explanation).toBeNull();
    // "2024" agrees with "March 2024" (the intervals overlap): one figure, four sources; 2022 the other.
    expect(fact!.disagreement?.figures.map((g) => [g.statement, g.corroboration, g.claims.map((c) => c.claimId)])).toEqual([
      ['March 2024', 4, [4, 1, 2, 3]],
      ['2022', 1, [5]],
    ]);
    expect(sheet.counts.openDisagreements).toBe(1);
    const md = toMarkdown(sheet);
    expect(md.match(/\*\*Sources disagree\.\*\*/g)).toHaveLength(1);
    expect(md).toContain('- **March 2024** — 4 independent sources: Outlet 4, 1 January 2020 [^2]; Outlet 1, 1 January 2020 [^3]; Outlet 2, 1 January 2020 [^4]; Outlet 3, 1 January 2020 [^5]');
  });

  it('an undisputed figure of the same fact (another period) stays a value of its own', () => {
    const claims = [toll(1, count(10)), toll(2, count(40)), toll(3, count(131), { scopeFrom: '2026-01-01', scopeTo: '2026-03-31' })];
    const sheet = build({ claims, conflicts: [openConflict(9, [1, 2], { rule: 'period-count' })] });
    expect(sheet.facts[0]!.values.map((v) => v.statement)).toEqual(['131, January – March 2026']);
    expect(sheet.facts[0]!.disagreement?.figures.map((g) => g.statement)).toEqual(['10, 1 March 2024 – 1 March 2025', '40, 1 March 2024 – 1 March 2025']);
  });
});

describe('settled conflicts', () => {
  it('settled alike (same decision and note) are told once, citing the values already stated', () => {
    const claims = [toll(1, count(100)), toll(2, count(300)), toll(3, count(500))];
    const explained = (id: number, ids: number[]) => openConflict(id, ids, { rule: 'period-count', status: 'explained', resolutionNote: 'Different counting methods.' });
    const sheet = build({ claims, conflicts: [explained(21, [1, 2]), explained(22, [1, 3]), explained(23, [2, 3])] });
    const [fact] = sheet.facts;
    expect(fact!.disagreement).toBeNull();
    expect(fact!.settlements.map((t) => [t.conflictIds, t.others.map((c) => c.claimId), t.unstated])).toEqual([[[21, 22, 23], [1, 2, 3], []]]);
    expect(toMarkdown(sheet)).toContain('**Explained (different scope or definition): Different counting methods.** [^1] [^2] [^3]\n\n## Sources');
  });
});

describe('the lead block', () => {
  it("picks the topic's best-sourced toll, and its start, territory and forces", () => {
    const claims = [
      toll(1, count(1200)),
      toll(2, count(2000, 2400), { qualifier: 'range', scopeTo: '2025-06-30' }),
      toll(3, count(2000, 2400), { qualifier: 'range', scopeTo: '2025-06-30' }),
      // A part's toll, better sourced still, does not lead: the topic's own comes first.
      ...[4, 5, 6].map((id) => toll(id, count(300), { ...FRONT })),
      // "civilians killed" is a part of the toll; the bare measure leads.
      ...[7, 8, 9].map((id) => toll(id, count(900), { metric: 'civilians killed' })),
      claim({ id: 10, figure: date('2024-03-01', '2024-03-31') }),
      claim({ id: 11, figure: { unit: 'percent', low: 40, high: 40 }, kind: 'territory', metric: 'territory controlled', ...MILITIA }),
      claim({ id: 12, figure: count(5000), kind: 'count', metric: 'troops deployed', ...FRONT }),
      claim({ id: 13, figure: date('2025-02-02', '2025-02-02'), metric: 'meeting date' }),
    ];
    const sheet = build({ claims, topics: ['Valdorian war'] });
    expect(sheet.lead.map((l) => [l.label, l.statement, l.corroboration, l.claims.map((c) => c.claimId)])).toEqual([
      ['Toll', 'Between 2,000 and 2,400 killed (Valdorian war), March 2024 – June 2025', 2, [2, 3]],
      ['Start', 'March 2024 (Valdorian war, start date)', 1, [10]],
      ['Territory held', '40 % territory controlled (Portbrak militia), as of 1 January 2020', 1, [11]],
      ['Forces', '5,000 troops deployed (Korvan Front), as of 1 January 2020', 1, [12]],
    ]);
    expect(toMarkdown(sheet)).toContain('## Key figures\n\n- **Toll:** Between 2,000 and 2,400 killed (Valdorian war), March 2024 – June 2025 — 2 independent sources: Outlet 2');
  });
});

describe('sections, appendix and filler', () => {
  const claims = [
    claim({ id: 1, figure: count(7), kind: 'count', metric: 'fighters', ...MILITIA }),
    claim({ id: 2, figure: count(8), kind: 'count', metric: 'troops deployed', ...FRONT }),
    claim({ id: 3, figure: count(9), kind: 'count', metric: 'troops deployed', ...FRONT }),
    claim({ id: 4, figure: date('2024-03-01', '2024-03-31') }),
    claim({ id: 5, figure: date('2025-02-02', '2025-02-02'), metric: 'meeting date', ...FRONT }),
    claim({ id: 6, figure: date('2025-02-03', '2025-02-03'), metric: 'date', ...FRONT }),
  ];

  it('the topic first, a whole before its parts; minor facts in the appendix; a date with no measure left off', () => {
    const sheet = build({ claims, topics: ['Valdorian war'] });
    expect(sheet.sections.map((s) => [s.heading, s.facts.map((f) => f.label)])).toEqual([
      ['Valdorian war', ['Start date']],
      ['Korvan Front', ['Troops deployed']],
      ['Portbrak militia', ['Fighters']],
    ]);
    expect(sheet.appendix.map((f) => f.heading)).toEqual(['Korvan Front — meeting date']);
    expect(sheet.facts.flatMap((f) => f.claims.map((c) => c.claimId))).not.toContain(6);
    expect(sheet.counts).toMatchObject({ reviewed: 6, included: 5, facts: 4 });
    expect(toMarkdown(sheet)).toContain('## Appendix: minor facts\n\n### Korvan Front — meeting date\n\n- **2 February 2025** — 1 independent source');
  });

  it('without topics, the subject with most claims (its parts counted) leads; minor facts can be left out', () => {
    const sheet = build({ claims, minorFacts: 'omit' });
    expect(sheet.sections.map((s) => s.heading)).toEqual(['Valdorian war', 'Korvan Front', 'Portbrak militia']);
    expect(sheet.appendix).toEqual([]);
    expect(sheet.facts.flatMap((f) => f.claims.map((c) => c.claimId))).not.toContain(5);
    expect(toMarkdown(sheet)).not.toContain('Appendix');
  });
});

describe('claims with no subject', () => {
  it("count under the subject most of their article's claims name, and their footnote says so", () => {
    const noSubject = { subjectId: null, subjectName: null };
    const claims = [
      toll(1, count(5000), { sourceId: 100, ...noSubject, hedge: 'more than' }),
      claim({ id: 2, figure: date('2024-03-01', '2024-03-31'), sourceId: 100 }),
      claim({ id: 3, figure: count(40), kind: 'count', metric: 'troops deployed', sourceId: 100 }),
      claim({ id: 4, figure: count(12), kind: 'count', metric: 'fighters', sourceId: 100, ...MILITIA }),
      // A source whose claims name no subject leaves its claim without one.
      toll(5, count(3), { sourceId: 200, ...noSubject }),
    ];
    const sheet = build({ claims, filter: { ...FILTER } });
    expect(sheet.lead[0]).toMatchObject({ label: 'Toll', statement: 'More than 5,000 killed (Valdorian war), 1 March 2024 – 1 March 2025' });
    const killed = sheet.facts.find((f) => f.heading === 'Valdorian war — killed')!;
    expect(killed.claims.map((c) => [c.claimId, c.subjectInferred])).toEqual([[1, true]]);
    expect(sheet.sections.at(-1)!.heading).toBe('No subject');
    expect(toMarkdown(sheet)).toContain("; subject from the article's other claims;");
    // A subject filter finds it too.
    const filtered = build({ claims, filter: { ...FILTER, subjects: ['Valdorian war'] } });
    expect(filtered.facts.flatMap((f) => f.claims.map((c) => c.claimId)).sort()).toEqual([1, 2, 3]);
  });
});
