// The sourced fact sheet's model (issue 5): every figure stated plainly with its time scope, every figure
// footnoted to its sources, and every disagreement stated openly — never silently resolved. buildFactSheet
// turns claims, sources and conflicts into one plain data object; the renderers in src/render/factsheet/ write
// it as Markdown, CSV, JSON or HTML. Deterministic: the same data and generation time give the same data;
// nothing here reads the clock.

import { agreement, DEFAULT_SETTINGS, effectiveAsOf, factKey, groupIntoFacts, normaliseMetric, type CrosscheckSettings } from './crosscheck.js';
import type { ComparedClaim } from './compare.js';
import { formatFigure } from './figures.js';
import { longDate, scopeWords, statementOf } from './factsheet-words.js';
import { dayNumber } from './intervals.js';
import type { Conflict, ConflictStatus, Figure, IsoDate, Source } from './types.js';

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Input and output shapes
// ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** What the reviewer picked. Empty lists mean "all"; null dates mean "open". */
export interface FactSheetFilter {
  subjects: string[];
  metrics: string[];
  from: IsoDate | null;
  to: IsoDate | null;
  /** Include unreviewed (candidate) claims; off by default in the builder page. */
  includeCandidates: boolean;
}

export type FactSheetSource = Pick<Source, 'id' | 'title' | 'publisher' | 'author' | 'url' | 'publishedAt' | 'bodySha256'>;
export type FactSheetConflict = Pick<
  Conflict,
  'id' | 'key' | 'rule' | 'severity' | 'explanation' | 'status' | 'resolutionNote' | 'preferredClaimId' | 'claimIds'
> & {
  stale?: boolean;
  /** The fact the conflict is filed under (a duration-vs-start conflict under the start date); shown there once. */
  subjectId?: number | null;
  metric?: string;
};

export interface FactSheetInput {
  claims: readonly ComparedClaim[];
  sources: readonly FactSheetSource[];
  conflicts: readonly FactSheetConflict[];
  filter: FactSheetFilter;
  /** ISO timestamp of generation, passed in (the clock is never read here). */
  generatedAt: string;
  settings?: CrosscheckSettings;
}

/** One claim as the sheet cites it; `footnote` numbers run through the whole sheet. */
export interface SheetClaim {
  footnote: number;
  claimId: number;
  status: string;
  rank: string;
  rankReason: string | null;
  kind: string;
  valueText: string;
  qualifier: string;
  figure: Figure;
  intervalText: string;
  scopeFrom: IsoDate | null;
  scopeTo: IsoDate | null;
  asOf: IsoDate;
  timeScope: string;
  speaker: string | null;
  attributionCue: string | null;
  relay: string | null;
  hedge: string | null;
  quote: string;
  /** "The Gazette, 19 March 2019; according to Sergei Shoigu; via TASS; reportedly" */
  attribution: string;
  /** Number of the source in the sources list. */
  sourceNumber: number;
  source: SheetSource;
}

export interface SheetSource {
  number: number;
  id: number;
  publisher: string;
  author: string | null;
  publishedAt: IsoDate;
  title: string;
  url: string | null;
  sha256: string;
}

/** A value of a fact: the figure in words and who backs it. */
export interface SheetValue {
  /** "At least 400,000 killed (Syrian civil war), March 2011 – September 2021" */
  statement: string;
  /** Independent sources backing it (one speaker relayed by several outlets counts once). */
  corroboration: number;
  preferred: boolean;
  /** Footnotes of the claims that state it, with their attribution and hedge. */
  claims: SheetClaim[];
}

/** An open conflict: the competing figures, each with its attribution. */
export interface SheetDisagreement {
  conflictId: number;
  rule: string;
  explanation: string;
  claims: SheetClaim[];
}

/** A settled conflict: what the reviewer decided and why. */
export interface SheetSettlement {
  conflictId: number;
  status: Exclude<ConflictStatus, 'open'>;
  note: string | null;
  preferred: SheetClaim | null;
  /** The other claims, with their rank and its reason. */
  others: SheetClaim[];
}

export interface SheetFact {
  key: string;
  subject: string | null;
  metric: string;
  /** "Syrian civil war — start date" */
  heading: string;
  values: SheetValue[];
  disagreements: SheetDisagreement[];
  settlements: SheetSettlement[];
  claims: SheetClaim[];
}

export interface FactSheet {
  title: string;
  generatedAt: string;
  filter: FactSheetFilter;
  /** The filter in words for the header. */
  filterText: string;
  counts: { reviewed: number; unreviewed: number; included: number; facts: number; sources: number; openDisagreements: number };
  facts: SheetFact[];
  sources: SheetSource[];
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Building
// ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Builds the fact sheet data from claims, their sources and conflicts, for a filter and generation time. */
export function buildFactSheet(input: FactSheetInput): FactSheet {
  const settings = { ...DEFAULT_SETTINGS, ...input.settings, includeCandidates: input.filter.includeCandidates };
  const matching = input.claims.filter((c) => c.status !== 'rejected' && matchesFilter(c, input.filter));
  const included = matching.filter((c) => c.status === 'confirmed' || input.filter.includeCandidates);
  const facts = groupIntoFacts([...included].sort(byTime)).sort(byHeading);

  const sourcesById = new Map(input.sources.map((s) => [s.id, s]));
  const sheetSources = numberSources(included, sourcesById);
  const sourceByNumberId = new Map(sheetSources.map((s) => [s.id, s]));

  let footnote = 0;
  const sheetClaims = new Map<number, SheetClaim>();
  for (const fact of facts) {
    for (const c of fact.claims) sheetClaims.set(c.id, toSheetClaim(c, ++footnote, sourceByNumberId.get(c.sourceId) ?? missingSource(c)));
  }
  const includedIds = new Set(included.map((c) => c.id));
  // A conflict is shown when every claim in it is on the sheet: with unreviewed claims left out, a
  // disagreement with one of them is not established yet.
  const conflicts = input.conflicts.filter((k) => !k.stale && k.claimIds.length > 0 && k.claimIds.every((id) => includedIds.has(id)));

  // Each conflict is told once, under the fact it is filed under, else under the first fact holding one of its
  // claims: a duration-vs-start conflict spans two facts and would otherwise be repeated under both.
  const factKeys = new Set(facts.map((f) => f.key));
  const homeOf = new Map<number, string>();
  for (const k of conflicts) {
    const filed = k.metric !== undefined && k.subjectId !== undefined ? factKey({ subjectId: k.subjectId, metric: k.metric }) : null;
    const home = filed !== null && factKeys.has(filed) ? filed : facts.find((f) => f.claims.some((c) => k.claimIds.includes(c.id)))?.key;
    if (home !== undefined) homeOf.set(k.id, home);
  }

  const sheetFacts = facts.map((fact): SheetFact => {
    const ids = new Set(fact.claims.map((c) => c.id));
    const touching = conflicts.filter((k) => k.claimIds.some((id) => ids.has(id)));
    const own = touching.filter((k) => homeOf.get(k.id) === fact.key).sort((a, b) => a.id - b.id);
    const cite = (id: number): SheetClaim[] => {
      const s = sheetClaims.get(id);
      return s ? [s] : [];
    };
    const subject = fact.claims[0]?.subjectName ?? null;
    return {
      key: fact.key,
      subject,
      metric: fact.claims[0]?.metric ?? fact.metric,
      heading: `${subject ?? 'No subject'} — ${fact.claims[0]?.metric ?? fact.metric}`,
      values: factValues(fact.claims, touching, sheetClaims, settings),
      disagreements: own
        .filter((k) => k.status === 'open')
        .map((k) => ({ conflictId: k.id, rule: k.rule, explanation: k.explanation, claims: k.claimIds.flatMap(cite).sort(byFootnote) })),
      settlements: own
        .filter((k) => k.status !== 'open')
        .map((k) => ({
          conflictId: k.id,
          status: k.status as Exclude<ConflictStatus, 'open'>,
          note: k.resolutionNote,
          preferred: k.preferredClaimId !== null ? (sheetClaims.get(k.preferredClaimId) ?? null) : null,
          others: k.claimIds.filter((id) => id !== k.preferredClaimId).flatMap(cite).sort(byFootnote),
        })),
      claims: fact.claims.flatMap((c) => cite(c.id)),
    };
  });

  const subjectsText = input.filter.subjects.length ? input.filter.subjects.join(', ') : 'all';
  return {
    title: input.filter.subjects.length ? `Fact sheet: ${subjectsText}` : 'Fact sheet',
    generatedAt: input.generatedAt,
    filter: input.filter,
    filterText: describeFilter(input.filter),
    counts: {
      reviewed: matching.filter((c) => c.status === 'confirmed').length,
      unreviewed: matching.filter((c) => c.status === 'candidate').length,
      included: included.length,
      facts: sheetFacts.length,
      sources: sheetSources.length,
      openDisagreements: sheetFacts.reduce((n, f) => n + f.disagreements.length, 0),
    },
    facts: sheetFacts,
    sources: sheetSources,
  };
}

/** The filter in words: "subjects: Syrian civil war · metrics: all · dates: any · unreviewed claims: excluded". */
export function describeFilter(f: FactSheetFilter): string {
  const dates =
    f.from && f.to ? `${longDate(f.from)} to ${longDate(f.to)}` : f.from ? `from ${longDate(f.from)}` : f.to ? `until ${longDate(f.to)}` : 'any';
  return [
    `subjects: ${f.subjects.length ? f.subjects.join(', ') : 'all'}`,
    `metrics: ${f.metrics.length ? f.metrics.join(', ') : 'all'}`,
    `dates: ${dates}`,
    `unreviewed claims: ${f.includeCandidates ? 'included' : 'excluded'}`,
  ].join(' · ');
}

function matchesFilter(c: ComparedClaim, f: FactSheetFilter): boolean {
  if (f.subjects.length && !f.subjects.some((s) => fold(s) === fold(c.subjectName ?? ''))) return false;
  if (f.metrics.length && !f.metrics.some((m) => normaliseMetric(m) === normaliseMetric(c.metric))) return false;
  if (f.from || f.to) {
    const [lo, hi] = claimTime(c);
    if (f.from && hi !== null && hi < dayNumber(f.from)) return false;
    if (f.to && lo !== null && lo > dayNumber(f.to)) return false;
  }
  return true;
}

/** The days a claim is about: its date, its period, or its as-of date; null = open. */
function claimTime(c: ComparedClaim): [number | null, number | null] {
  if (c.figure.unit === 'date') {
    return [c.figure.low === null ? null : dayNumber(c.figure.low), c.figure.high === null ? null : dayNumber(c.figure.high)];
  }
  const asOf = dayNumber(effectiveAsOf(c));
  return [c.scopeFrom ? dayNumber(c.scopeFrom) : asOf, c.scopeTo ? dayNumber(c.scopeTo) : asOf];
}

function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().trim().replace(/\s+/g, ' ');
}

function byTime(a: ComparedClaim, b: ComparedClaim): number {
  const [a0] = claimTime(a);
  const [b0] = claimTime(b);
  return (a0 ?? -Infinity) - (b0 ?? -Infinity) || a.sourcePublishedAt.localeCompare(b.sourcePublishedAt) || a.id - b.id;
}

function byHeading<T extends { claims: ComparedClaim[]; metric: string }>(a: T, b: T): number {
  const sa = a.claims[0]?.subjectName ?? null;
  const sb = b.claims[0]?.subjectName ?? null;
  if (sa === null && sb !== null) return 1;
  if (sb === null && sa !== null) return -1;
  return (sa ?? '').localeCompare(sb ?? '', 'en') || a.metric.localeCompare(b.metric, 'en');
}

/** Sources of the included claims, numbered by publication date, publisher and id. */
function numberSources(claims: readonly ComparedClaim[], byId: ReadonlyMap<number, FactSheetSource>): SheetSource[] {
  const ids = [...new Set(claims.map((c) => c.sourceId))];
  const rows = ids.map((id) => {
    const s = byId.get(id);
    const c = claims.find((x) => x.sourceId === id)!;
    return {
      id,
      publisher: s?.publisher ?? c.sourcePublisher,
      author: s?.author ?? null,
      publishedAt: s?.publishedAt ?? c.sourcePublishedAt,
      title: s?.title ?? c.sourceTitle,
      url: s?.url ?? c.sourceUrl,
      sha256: s?.bodySha256 ?? '',
    };
  });
  rows.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.publisher.localeCompare(b.publisher, 'en') || a.id - b.id);
  return rows.map((r, i) => ({ number: i + 1, ...r }));
}

function missingSource(c: ComparedClaim): SheetSource {
  return { number: 0, id: c.sourceId, publisher: c.sourcePublisher, author: null, publishedAt: c.sourcePublishedAt, title: c.sourceTitle, url: c.sourceUrl, sha256: '' };
}

function toSheetClaim(c: ComparedClaim, footnote: number, source: SheetSource): SheetClaim {
  return {
    footnote,
    claimId: c.id,
    status: c.status,
    rank: c.rank,
    rankReason: c.rankReason,
    kind: c.kind,
    valueText: c.valueText,
    qualifier: c.qualifier,
    figure: c.figure,
    intervalText: formatFigure(c.figure),
    scopeFrom: c.scopeFrom,
    scopeTo: c.scopeTo,
    asOf: effectiveAsOf(c),
    timeScope: scopeWords(c),
    speaker: c.speakerName,
    attributionCue: c.attributionCue,
    relay: c.relay,
    hedge: c.hedge,
    quote: c.quote,
    attribution: attributionOf(c, source),
    sourceNumber: source.number,
    source,
  };
}

/** "The Gazette, 19 March 2019; according to Sergei Shoigu; via TASS; reportedly" — nothing dropped. */
function attributionOf(c: ComparedClaim, source: SheetSource): string {
  const parts = [`${source.publisher}, ${longDate(source.publishedAt)}`];
  if (c.speakerName) parts.push(`according to ${c.speakerName}`);
  if (c.relay) parts.push(`via ${c.relay}`);
  if (c.hedge) parts.push(c.hedge);
  return parts.join('; ');
}

/**
 * The values of a fact, most backed first. A preferred claim (a settled conflict's choice, or ranked
 * preferred) leads; deprecated claims state no value of their own (they appear under the settlement).
 */
function factValues(
  claims: readonly ComparedClaim[],
  conflicts: readonly FactSheetConflict[],
  sheetClaims: ReadonlyMap<number, SheetClaim>,
  settings: CrosscheckSettings,
): SheetValue[] {
  const preferredIds = new Set<number>([
    ...claims.filter((c) => c.rank === 'preferred').map((c) => c.id),
    ...conflicts.filter((k) => k.status === 'resolved' && k.preferredClaimId !== null).map((k) => k.preferredClaimId!),
  ]);
  const live = claims.filter((c) => c.rank !== 'deprecated');
  const values = agreement(live, settings).map((v) => {
    const stating = live.filter((c) => v.claimIds.includes(c.id));
    return {
      statement: statementOf(stating),
      corroboration: v.independentSources,
      preferred: stating.some((c) => preferredIds.has(c.id)),
      claims: stating.flatMap((c) => {
        const s = sheetClaims.get(c.id);
        return s ? [s] : [];
      }),
    };
  });
  // Preferred first, then the best backed, then in time order (footnotes follow time).
  const first = (v: SheetValue): number => v.claims[0]?.footnote ?? 0;
  return values.sort((a, b) => Number(b.preferred) - Number(a.preferred) || b.corroboration - a.corroboration || first(a) - first(b));
}

/** Footnote order: the order claims are cited in through the sheet. */
export function byFootnote(a: SheetClaim, b: SheetClaim): number {
  return a.footnote - b.footnote;
}

/** Every claim of the sheet in footnote order. */
export function allClaims(s: FactSheet): SheetClaim[] {
  return s.facts.flatMap((f) => f.claims).sort(byFootnote);
}
