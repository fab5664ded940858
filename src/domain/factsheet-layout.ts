// How the fact sheet is laid out, as an editor reads a briefing: which facts are filler or minor, the order of the
// subjects' sections (the topic first, a whole before its parts), the lead block's key figures, and each fact's
// disagreement told once with every competing figure. Pure; used by buildFactSheet (factsheet.ts).
import { independenceKey, isOnceOnlyEventMetric, normaliseMetric, type Fact } from './crosscheck.js';
import type { ComparedClaim } from './compare.js';
import type { LeadFigure, LeadKind, SheetClaim, SheetFact, SheetFigure, SheetSubjectLink } from './factsheet-types.js';
import { capitalise, figureStatement, leadStatement } from './factsheet-words.js';

// ── Which facts are told ──────────────────────────────────────────────────────────────────────────────

/**
 * Metrics that name no measure: extraction's fallbacks when no lexicon keyword is near a figure (src/extract/
 * classify.ts, DEFAULT_METRIC). "Date (Korvan Front): 20 September 2021" says nothing an editor can use.
 */
const MEASURELESS_METRICS: ReadonlySet<string> = new Set(['date', 'count', 'share']);

/** True for a claim whose metric names no measure: left off the sheet. */
export function isFiller(c: Pick<ComparedClaim, 'metric'>): boolean {
  return MEASURELESS_METRICS.has(normaliseMetric(c.metric));
}

/** True for a date of a recurring event (a visit, a meeting, an attack): a minor fact, told in the appendix. */
export function isMinor(c: Pick<ComparedClaim, 'metric' | 'figure'>): boolean {
  return c.figure.unit === 'date' && !isOnceOnlyEventMetric(c.metric);
}

/**
 * Claims with no subject count under their article's context, taken to be the subject most of the same source's
 * claims name (ties: the lowest entity id). A source none of whose claims names a subject leaves them without one.
 * Rejected claims have no say. Returns the claims (inferred ones copied with the subject) and the inferred ids.
 */
export function withInferredSubjects(claims: readonly ComparedClaim[]): { claims: ComparedClaim[]; inferred: Set<number> } {
  const counts = new Map<number, Map<number, { n: number; name: string | null }>>();
  for (const c of claims) {
    if (c.subjectId === null || c.status === 'rejected') continue;
    const bySubject = counts.get(c.sourceId) ?? new Map<number, { n: number; name: string | null }>();
    const entry = bySubject.get(c.subjectId) ?? { n: 0, name: c.subjectName };
    entry.n += 1;
    bySubject.set(c.subjectId, entry);
    counts.set(c.sourceId, bySubject);
  }
  const inferred = new Set<number>();
  const out = claims.map((c) => {
    // a start or end date extraction could not tie to an event ("Russia joined the conflict in 2015") is no one's start
    if (c.subjectId !== null || isOnceOnlyEventMetric(c.metric)) return c;
    const best = [...(counts.get(c.sourceId) ?? new Map()).entries()].sort(([a, x], [b, y]) => y.n - x.n || a - b)[0];
    if (!best) return c;
    inferred.add(c.id);
    return { ...c, subjectId: best[0], subjectName: best[1].name };
  });
  return { claims: out, inferred };
}

// ── Sections ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * The order of the subjects' sections: the topics (the subjects asked for, in their order) first, then the other
 * subjects with the most claims (their parts' included); each subject followed by its parts, a whole before its
 * parts, and "no subject" last. Returns the rank of each subject id (null = no subject).
 */
export function sectionRanks(facts: readonly Fact<ComparedClaim>[], links: readonly SheetSubjectLink[], topics: readonly string[]): Map<number | null, number> {
  const names = new Map<number, string>();
  const own = new Map<number, number>();
  for (const f of facts) {
    for (const c of f.claims) {
      if (c.subjectId === null) continue;
      names.set(c.subjectId, c.subjectName ?? '');
      own.set(c.subjectId, (own.get(c.subjectId) ?? 0) + 1);
    }
  }
  const parentLink = new Map(links.map((l) => [l.id, l.partOfId]));
  // The nearest ancestor on the sheet (a part of a part whose whole has no claim hangs under the whole's whole).
  const parentOf = (id: number): number | null => {
    const seen = new Set<number>([id]);
    for (let p = parentLink.get(id) ?? null; p !== null && !seen.has(p); p = parentLink.get(p) ?? null) {
      if (names.has(p)) return p;
      seen.add(p);
    }
    return null;
  };
  const children = new Map<number | null, number[]>();
  for (const id of names.keys()) {
    const parent = parentOf(id);
    children.set(parent, [...(children.get(parent) ?? []), id]);
  }
  const weight = (id: number): number => (own.get(id) ?? 0) + (children.get(id) ?? []).reduce((n, child) => n + weight(child), 0);
  const folded = topics.map(foldText);
  const topicRank = (id: number): number => {
    const at = folded.indexOf(foldText(names.get(id) ?? ''));
    return at === -1 ? Infinity : at;
  };
  const order = (ids: number[]): number[] =>
    [...ids].sort((a, b) => topicRank(a) - topicRank(b) || weight(b) - weight(a) || names.get(a)!.localeCompare(names.get(b)!, 'en') || a - b);
  const ranks = new Map<number | null, number>();
  const visit = (id: number): void => {
    ranks.set(id, ranks.size);
    for (const child of order(children.get(id) ?? [])) visit(child);
  };
  for (const root of order(children.get(null) ?? [])) visit(root);
  ranks.set(null, ranks.size);
  return ranks;
}

export function foldText(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().trim().replace(/\s+/g, ' ');
}

// ── Disagreements ─────────────────────────────────────────────────────────────────────────────────────

/** A value of a fact as the builder works it out: its claims and the claims that agree with it within the tolerance. */
export interface WorkingValue {
  claimIds: number[];
  supportingClaimIds: number[];
  /** Independent sources backing it. */
  corroboration: number;
  preferred: boolean;
}

/**
 * The competing figures of a fact whose claims `disputed` are in open conflicts: the fact's values holding a
 * disputed claim, merged where their intervals agree within the tolerance (one figure, all its sources), plus any
 * disputed claim no value holds (a deprecated claim, or a claim of another fact such as a duration set against a
 * start date) as a figure of its own. The fact's own figures first, best backed first.
 */
export function competingFigures(
  values: readonly WorkingValue[],
  disputed: ReadonlySet<number>,
  claimsById: ReadonlyMap<number, ComparedClaim>,
  cite: (id: number) => SheetClaim[],
  ownMetric: string,
): { figures: SheetFigure[]; competing: Set<number> } {
  const competing = values.map((v, i) => ({ v, i })).filter(({ v }) => v.claimIds.some((id) => disputed.has(id)));
  // Union of values that agree: one value's claims support the other's.
  const group = new Map<number, number>(competing.map(({ i }) => [i, i]));
  const root = (i: number): number => (group.get(i) === i ? i : root(group.get(i)!));
  for (const a of competing) {
    for (const b of competing) {
      if (a.i < b.i && b.v.claimIds.some((id) => a.v.supportingClaimIds.includes(id))) group.set(root(b.i), root(a.i));
    }
  }
  // Each group is told in the words of its value stated by most claims ("March 2011" over one source's "2011").
  const groups = new Map<number, { ids: number[]; words: number[] }>();
  for (const { v, i } of competing) {
    const g = groups.get(root(i)) ?? { ids: [], words: v.claimIds };
    g.ids.push(...v.claimIds);
    if (v.claimIds.length > g.words.length) g.words = v.claimIds;
    groups.set(root(i), g);
  }
  // Disputed claims no value holds, grouped by metric and figure: "Duration: 8 years" set against a start date.
  const covered = new Set(competing.flatMap(({ v }) => v.claimIds));
  const loose = new Map<string, { ids: number[]; words: number[] }>();
  for (const id of [...disputed].sort((a, b) => a - b)) {
    const c = claimsById.get(id);
    if (covered.has(id) || !c) continue;
    const key = JSON.stringify([normaliseMetric(c.metric), c.figure.unit, c.figure.low, c.figure.high]);
    const g = loose.get(key) ?? { ids: [], words: [id] };
    g.ids.push(id);
    loose.set(key, g);
  }
  // The fact's own figures first (best backed, then in time order), then those of claims from elsewhere.
  const ranked = [
    ...[...groups.values()].map((g) => ({ own: true, figure: figureOf(g, claimsById, cite, null) })),
    ...[...loose.values()].map((g) => ({ own: false, figure: figureOf(g, claimsById, cite, ownMetric) })),
  ];
  ranked.sort(
    (a, b) =>
      Number(b.own) - Number(a.own) ||
      b.figure.corroboration - a.figure.corroboration ||
      (a.figure.claims[0]?.footnote ?? 0) - (b.figure.claims[0]?.footnote ?? 0),
  );
  return { figures: ranked.map((r) => r.figure), competing: new Set(competing.map(({ i }) => i)) };
}

/** A figure in words with its sources; a figure of another fact (a metric other than `ownMetric`) names its metric. */
function figureOf(
  group: { ids: readonly number[]; words: readonly number[] },
  claimsById: ReadonlyMap<number, ComparedClaim>,
  cite: (id: number) => SheetClaim[],
  ownMetric: string | null,
): SheetFigure {
  const sheetClaims = group.ids.flatMap(cite).sort((a, b) => a.footnote - b.footnote);
  const claims = sheetClaims.map((s) => claimsById.get(s.claimId)!);
  const words = group.words.flatMap((id) => claimsById.get(id) ?? []);
  const statement = figureStatement(words.length ? words : claims);
  const metric = (words[0] ?? claims[0])?.metric;
  const elsewhere = ownMetric !== null && metric !== undefined && normaliseMetric(metric) !== normaliseMetric(ownMetric) ? metric : null;
  return {
    statement: elsewhere ? `${capitalise(elsewhere)}: ${statement}` : statement,
    corroboration: new Set(claims.map(independenceKey)).size,
    claims: sheetClaims,
    otherMetric: elsewhere,
  };
}

// ── The lead block ────────────────────────────────────────────────────────────────────────────────────

interface LeadMeasure {
  kind: LeadKind;
  label: string;
  matches(c: ComparedClaim): boolean;
  /** The measure itself, not a part of it ("killed", not "civilians killed"): preferred. */
  bare(metric: string): boolean;
}

const TOLL_WORDS = /\b(killed|deaths?|dead|toll|fatalities)\b/;
const FORCE_WORDS = /\b(troops|soldiers|servicemen|personnel|forces|fighters|deployed)\b/;

/** The topic's key figures, in this order. */
const LEAD_MEASURES: readonly LeadMeasure[] = [
  { kind: 'toll', label: 'Toll', matches: (c) => c.kind === 'casualties' && TOLL_WORDS.test(normaliseMetric(c.metric)), bare: (m) => ['killed', 'deaths', 'dead', 'death toll'].includes(m) },
  { kind: 'start', label: 'Start', matches: (c) => c.figure.unit === 'date' && /(^| )start date$/.test(normaliseMetric(c.metric)), bare: (m) => m === 'start date' },
  { kind: 'territory', label: 'Territory held', matches: (c) => c.kind === 'territory', bare: (m) => m === 'territory controlled' },
  { kind: 'forces', label: 'Forces', matches: (c) => c.kind === 'count' && FORCE_WORDS.test(normaliseMetric(c.metric)) && !TOLL_WORDS.test(normaliseMetric(c.metric)), bare: (m) => m === 'troops deployed' },
];

/** True when a claim of the figure names the subject itself, rather than having it inferred from its article. */
function named(claims: readonly SheetClaim[]): boolean {
  return claims.some((c) => !c.subjectInferred);
}

/** A figure's size, for numbers: its lower bound, else its upper bound; 0 for dates. */
function magnitude(claims: readonly SheetClaim[]): number {
  const f = claims[0]?.figure;
  if (!f || f.unit === 'date') return 0;
  return Number(f.low ?? f.high ?? 0);
}

/**
 * A fact's best-backed figure: the preferred value, else the one with most independent sources, else one a claim
 * names the subject of (not only inferred from its article), else the earliest.
 */
function bestFigure(fact: SheetFact): { statementClaims: SheetClaim[]; corroboration: number; preferred: boolean } | null {
  const options = [
    ...fact.values.map((v) => ({ statementClaims: v.claims, corroboration: v.corroboration, preferred: v.preferred })),
    ...(fact.disagreement?.figures ?? [])
      .filter((f) => f.otherMetric === null)
      .map((f) => ({ statementClaims: f.claims, corroboration: f.corroboration, preferred: false })),
  ].filter((o) => o.statementClaims.length > 0);
  options.sort(
    (a, b) =>
      Number(b.preferred) - Number(a.preferred) ||
      b.corroboration - a.corroboration ||
      Number(named(b.statementClaims)) - Number(named(a.statementClaims)) ||
      a.statementClaims[0]!.footnote - b.statementClaims[0]!.footnote,
  );
  return options[0] ?? null;
}

/**
 * The lead block: for each measure (toll, start, territory held, forces), of the facts that measure it: the topic's
 * own first, then the bare measure before a part of it ("killed" before "civilians killed"), then the best backed,
 * then the larger figure (a whole's toll before a part's), then the subject nearest the topic (section order); of
 * that fact, its best-backed figure.
 */
export function leadFigures(facts: readonly SheetFact[], rankOf: (f: SheetFact) => number, claimsById: ReadonlyMap<number, ComparedClaim>): LeadFigure[] {
  const lead: LeadFigure[] = [];
  for (const measure of LEAD_MEASURES) {
    const candidates = facts
      .filter((f) => !f.minor && f.claims.length > 0 && measure.matches(claimsById.get(f.claims[0]!.claimId)!))
      .map((f) => ({ f, best: bestFigure(f) }))
      .filter((x): x is { f: SheetFact; best: NonNullable<ReturnType<typeof bestFigure>> } => x.best !== null);
    const isTopic = (f: SheetFact): number => Number(rankOf(f) === 0);
    const bare = (f: SheetFact): number => Number(measure.bare(normaliseMetric(f.metric)));
    candidates.sort(
      (a, b) =>
        isTopic(b.f) - isTopic(a.f) ||
        bare(b.f) - bare(a.f) ||
        b.best.corroboration - a.best.corroboration ||
        magnitude(b.best.statementClaims) - magnitude(a.best.statementClaims) ||
        rankOf(a.f) - rankOf(b.f) ||
        a.best.statementClaims[0]!.footnote - b.best.statementClaims[0]!.footnote,
    );
    const chosen = candidates[0];
    if (!chosen) continue;
    const claims = chosen.best.statementClaims;
    lead.push({
      kind: measure.kind,
      label: measure.label,
      factKey: chosen.f.key,
      heading: chosen.f.heading,
      statement: leadStatement(claims.map((c) => claimsById.get(c.claimId)!)),
      corroboration: chosen.best.corroboration,
      claims,
      disputed: chosen.f.disagreement !== null,
    });
  }
  return lead;
}
