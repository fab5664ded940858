// The sourced fact sheet (issue 5): every figure stated plainly with its time scope, every figure
// footnoted to its sources, and every disagreement stated openly — never silently resolved. One data
// object (buildFactSheet) and four pure serializers (Markdown, CSV, JSON, HTML). Deterministic: the same
// data and generation time give the same bytes; nothing here reads the clock.

import { stringify } from 'csv-stringify/sync';
import { datePrecision, formatFigure, MONTH_NAMES } from './figures.js';
import { agreement, DEFAULT_SETTINGS, effectiveAsOf, factKey, groupIntoFacts, normaliseMetric, timeScopeKind, type CrosscheckSettings } from './crosscheck.js';
import type { ComparedClaim } from './compare.js';
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

/**
 * A value in words: hedge (when every claim stating it is hedged alike), figure, metric, subject and
 * time scope. "At least 400,000 killed (Syrian civil war), March 2011 – September 2021".
 */
function statementOf(claims: readonly ComparedClaim[]): string {
  const c = claims[0]!;
  const hedges = new Set(claims.map((x) => x.hedge));
  const hedge = hedges.size === 1 && c.hedge ? `${c.hedge} ` : '';
  const subject = c.subjectName ? ` (${c.subjectName})` : '';
  const text =
    c.figure.unit === 'date'
      ? `${c.metric}${subject}: ${dateWords(c.figure.low, c.figure.high)}`
      : `${figureWords(c)} ${c.metric}${subject}, ${scopeWords(c)}`;
  return capitalise(hedge + text);
}

function figureWords(c: ComparedClaim): string {
  const f = c.figure;
  if (f.unit === 'date') return dateWords(f.low, f.high);
  if (c.qualifier === 'vague') return `${c.valueText} (${formatFigure(f)})`;
  const n = (x: number): string => `${NUMBER.format(x)}${unitSuffix(f.unit, x)}`;
  const { low, high } = f;
  if (low !== null && high !== null && low === high) return n(low);
  if (c.qualifier === 'about' && low !== null && high !== null) return `about ${n(Number(((low + high) / 2).toPrecision(12)))}`;
  if (c.qualifier === 'nearly' && high !== null) return `nearly ${n(high)}`;
  if (low !== null && (high === null || (f.unit === 'percent' && high === 100))) return `at least ${n(low)}`;
  if ((low === null || low === 0) && high !== null) return `up to ${n(high)}`;
  if (low !== null && high !== null) return `between ${NUMBER.format(low)} and ${n(high)}`;
  return c.valueText;
}

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function unitSuffix(unit: string, n: number): string {
  if (unit === 'count') return '';
  if (unit === 'percent') return ' %';
  if (unit === 'km') return ' km';
  return ` ${unit}${n === 1 ? '' : 's'}`;
}

/** The claim's time scope in words with full month names: "as of 14 September 2021", "March 2011 – September 2021". */
function scopeWords(c: ComparedClaim): string {
  const asOf = effectiveAsOf(c);
  switch (timeScopeKind(c)) {
    case 'event':
      return `reported ${longDate(c.sourcePublishedAt)}`;
    case 'duration':
    case 'point':
      return `as of ${longDate(asOf)}`;
    case 'cumulative':
    case 'period':
      return periodWords(c.scopeFrom!, c.scopeTo ?? asOf);
  }
}

/** "March 2011 – September 2021" when both ends are whole months, else "1 March 2011 – 14 September 2021". */
function periodWords(from: IsoDate, to: IsoDate): string {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  const wholeMonths = fd === 1 && datePrecision(`${to.slice(0, 8)}01`, to) === 'month';
  if (wholeMonths) {
    if (fy === ty && fm === tm) return `${MONTH_NAMES[fm - 1]} ${fy}`;
    if (fy === ty) return `${MONTH_NAMES[fm - 1]} – ${MONTH_NAMES[tm - 1]} ${ty}`;
    return `${MONTH_NAMES[fm - 1]} ${fy} – ${MONTH_NAMES[tm - 1]} ${ty}`;
  }
  return `${longDate(from)} – ${longDate(to)}`;
}

/** A date interval in words at its precision: "2015", "March 2011", "18 June 2016", or a span. */
function dateWords(low: IsoDate | null, high: IsoDate | null): string {
  if (low === null && high === null) return 'unknown';
  if (low === null) return `by ${longDate(high!)}`;
  if (high === null) return `from ${longDate(low)}`;
  const precision = datePrecision(low, high);
  if (precision === 'day') return longDate(low);
  if (precision === 'month') return `${MONTH_NAMES[Number(low.slice(5, 7)) - 1]} ${low.slice(0, 4)}`;
  if (precision === 'year') return low.slice(0, 4);
  return periodWords(low, high);
}

function longDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Serializers
// ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Corroboration in words: "1 independent source", "3 independent sources". */
function corroborationText(n: number): string {
  return `${n} independent source${n === 1 ? '' : 's'}`;
}

function countsText(s: FactSheet): string {
  const unreviewed = `${s.counts.unreviewed} unreviewed${s.filter.includeCandidates ? '' : ' (not included)'}`;
  return `Claims: ${s.counts.reviewed} reviewed, ${unreviewed} · Facts: ${s.counts.facts} · Sources: ${s.counts.sources} · Open disagreements: ${s.counts.openDisagreements}`;
}

function settlementText(t: SheetSettlement): string {
  const what = t.status === 'resolved' ? 'Resolved' : 'Explained (different scope or definition)';
  return `${what}${t.note ? `: ${t.note}` : '.'}`;
}

// ── Markdown ────────────────────────────────────────────────────────────────────────────────────────

/**
 * Escapes text for inline Markdown: newlines become spaces (a line break could start a heading, a list or
 * a table row), and the characters that make emphasis, code, links, HTML, entities, tables or headings
 * get a backslash, which CommonMark allows before any ASCII punctuation. Characters that only matter at
 * the start of a line (-, +, 1.) stay as they are: user text never starts a line here.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>|~&#]/g, (ch) => `\\${ch}`);
}

/** The fact sheet as Markdown with footnotes ([^n]) and a numbered sources list. */
export function toMarkdown(s: FactSheet): string {
  const md = escapeMarkdown;
  const ref = (c: SheetClaim): string => `[^${c.footnote}]`;
  const out: string[] = [`# ${md(s.title)}`, '', `Generated ${md(s.generatedAt)} · ${md(s.filterText)}`, '', md(countsText(s)), ''];
  for (const f of s.facts) {
    out.push(`## ${md(f.heading)}`, '');
    for (const v of f.values) {
      const mark = v.preferred ? ' (preferred)' : '';
      out.push(`- **${md(v.statement)}**${mark} — ${corroborationText(v.corroboration)}: ${v.claims.map((c) => `${md(c.attribution)} ${ref(c)}`).join('; ')}`);
    }
    for (const d of f.disagreements) {
      out.push('', `**Sources disagree.** Flagged by the ${md(d.rule)} rule: ${md(d.explanation)}`, '');
      for (const c of d.claims) out.push(`- ${md(figureLine(c))} — ${md(c.attribution)} ${ref(c)}`);
    }
    for (const t of f.settlements) {
      out.push('', `**${md(settlementText(t))}**`, '');
      if (t.preferred) out.push(`- Preferred: ${md(figureLine(t.preferred))} — ${md(t.preferred.attribution)} ${ref(t.preferred)}`);
      for (const c of t.others) out.push(`- ${md(rankLine(c))}: ${md(figureLine(c))} — ${md(c.attribution)} ${ref(c)}`);
    }
    out.push('');
  }
  out.push('## Sources', '');
  for (const src of s.sources) out.push(`${src.number}. ${sourceLine(src, MARKDOWN_INLINE)}`);
  out.push('');
  for (const c of allClaims(s)) out.push(`[^${c.footnote}]: ${footnoteText(c, MARKDOWN_INLINE)}`);
  return `${out.join('\n')}\n`;
}

/** "reportedly 131 (131), 1 January – 30 September 2017" — the figure as written with its hedge and scope. */
function figureLine(c: SheetClaim): string {
  const hedge = c.hedge ? `${c.hedge} ` : '';
  return `${hedge}"${c.valueText}" (${c.intervalText}), ${c.timeScope}`;
}

function rankLine(c: SheetClaim): string {
  if (c.rank === 'deprecated') return `Deprecated${c.rankReason ? ` (${c.rankReason})` : ''}`;
  return c.rank === 'preferred' ? 'Preferred' : 'Also stated';
}

/** How one output format writes inline text and URLs; both return escaped markup. */
interface Inline {
  text(s: string): string;
  url(u: string): string;
}

function sourceLine(src: SheetSource, f: Inline): string {
  const parts = [f.text(src.publisher), f.text(longDate(src.publishedAt)), f.text(`"${src.title}"`)];
  if (src.author) parts.push(f.text(`by ${src.author}`));
  parts.push(src.url ? f.url(src.url) : 'no URL');
  parts.push(`sha256 ${f.text(src.sha256 || 'unknown')}`);
  return parts.join(', ');
}

/** A claim's footnote: outlet, date, speaker, relay, hedge, URL and the quote. */
function footnoteText(c: SheetClaim, f: Inline): string {
  const parts = [f.text(`${c.source.publisher}, ${longDate(c.source.publishedAt)}`)];
  parts.push(f.text(`speaker: ${c.speaker ?? 'the outlet itself'}`));
  if (c.relay) parts.push(f.text(`relayed by: ${c.relay}`));
  if (c.hedge) parts.push(f.text(`hedge: ${c.hedge}`));
  if (c.status !== 'confirmed') parts.push('unreviewed');
  parts.push(c.source.url ? f.url(c.source.url) : 'no URL');
  parts.push(`source ${c.sourceNumber}`);
  return `${parts.join('; ')}. ${f.text(`"${c.quote}"`)}`;
}

/**
 * A URL as a CommonMark autolink <…>: backslash escapes do not work inside one, and the only characters
 * that would end or break it (space, <, >) are percent-encoded.
 */
function markdownUrl(url: string): string {
  return `<${url.replace(/[\s<>]/g, (ch) => encodeURIComponent(ch))}>`;
}

/** A URL as a link when it is http(s); anything else (javascript:, data:) is shown as text only. */
function htmlUrl(url: string): string {
  const e = escapeHtml(url);
  return /^https?:\/\//i.test(url) ? `<a href="${e}">${e}</a>` : e;
}

const MARKDOWN_INLINE: Inline = { text: (t) => escapeMarkdown(t), url: markdownUrl };
const HTML_INLINE: Inline = { text: (t) => escapeHtml(t), url: htmlUrl };

function allClaims(s: FactSheet): SheetClaim[] {
  return s.facts.flatMap((f) => f.claims).sort(byFootnote);
}

function byFootnote(a: SheetClaim, b: SheetClaim): number {
  return a.footnote - b.footnote;
}

// ── CSV ─────────────────────────────────────────────────────────────────────────────────────────────

export const CSV_COLUMNS = [
  'footnote', 'fact', 'subject', 'metric', 'claim_id', 'status', 'rank', 'rank_reason', 'kind', 'value_text', 'qualifier',
  'low', 'high', 'unit', 'interval', 'scope_from', 'scope_to', 'as_of', 'time_scope', 'speaker', 'attribution_cue', 'relay',
  'hedge', 'quote', 'open_disagreement', 'source_number', 'source_id', 'publisher', 'author', 'published', 'title', 'url', 'sha256',
] as const;

/** One row per claim with all its source's fields (csv-stringify: RFC 4180 quoting, header row). */
export function toCsv(s: FactSheet): string {
  const rows = s.facts.flatMap((f) => {
    const disputed = new Set(f.disagreements.flatMap((d) => d.claims.map((c) => c.claimId)));
    return f.claims.map((c) => [
      c.footnote, f.heading, f.subject ?? '', f.metric, c.claimId, c.status, c.rank, c.rankReason ?? '', c.kind, c.valueText, c.qualifier,
      c.figure.low ?? '', c.figure.high ?? '', c.figure.unit, c.intervalText, c.scopeFrom ?? '', c.scopeTo ?? '', c.asOf, c.timeScope,
      c.speaker ?? '', c.attributionCue ?? '', c.relay ?? '', c.hedge ?? '', c.quote, disputed.has(c.claimId) ? 'yes' : 'no',
      c.sourceNumber, c.source.id, c.source.publisher, c.source.author ?? '', c.source.publishedAt, c.source.title, c.source.url ?? '', c.source.sha256,
    ]);
  });
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS] });
}

// ── JSON ────────────────────────────────────────────────────────────────────────────────────────────

/** The fact sheet as JSON: facts → claims → sources, with values, disagreements and settlements. */
export function toJson(s: FactSheet): string {
  const claimJson = (c: SheetClaim) => ({
    footnote: c.footnote,
    id: c.claimId,
    status: c.status,
    rank: c.rank,
    rankReason: c.rankReason,
    kind: c.kind,
    valueText: c.valueText,
    qualifier: c.qualifier,
    value: { low: c.figure.low, high: c.figure.high, unit: c.figure.unit },
    interval: c.intervalText,
    scope: { from: c.scopeFrom, to: c.scopeTo },
    asOf: c.asOf,
    timeScope: c.timeScope,
    speaker: c.speaker,
    attributionCue: c.attributionCue,
    relay: c.relay,
    hedge: c.hedge,
    quote: c.quote,
    attribution: c.attribution,
    source: c.source,
  });
  const doc = {
    format: 'crosscheck-factsheet/1',
    title: s.title,
    generatedAt: s.generatedAt,
    filter: s.filter,
    counts: s.counts,
    facts: s.facts.map((f) => ({
      subject: f.subject,
      metric: f.metric,
      heading: f.heading,
      values: f.values.map((v) => ({ statement: v.statement, corroboration: v.corroboration, preferred: v.preferred, claims: v.claims.map((c) => c.claimId) })),
      disagreements: f.disagreements.map((d) => ({ conflictId: d.conflictId, rule: d.rule, explanation: d.explanation, claims: d.claims.map((c) => c.claimId) })),
      settlements: f.settlements.map((t) => ({
        conflictId: t.conflictId,
        status: t.status,
        note: t.note,
        preferred: t.preferred?.claimId ?? null,
        others: t.others.map((c) => c.claimId),
      })),
      claims: f.claims.map(claimJson),
    })),
    sources: s.sources,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

// ── HTML ────────────────────────────────────────────────────────────────────────────────────────────

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

// A downloaded, standalone document (not a page of the app), so its print stylesheet is embedded.
const PRINT_CSS = `@page { size: A4; margin: 18mm 16mm 20mm; }
body { font: 10.5pt/1.45 Georgia, "Times New Roman", serif; color: #111; max-width: 180mm; margin: 0 auto; }
h1 { font-size: 18pt; margin: 0 0 4pt; }
h2 { font-size: 13pt; margin: 16pt 0 4pt; border-bottom: 0.5pt solid #999; break-after: avoid; }
.meta { color: #444; font-size: 9pt; margin: 0; }
.fact { break-inside: avoid-page; }
.value strong { font-weight: bold; }
.disagree { border-left: 2pt solid #b00; padding-left: 6pt; margin: 6pt 0; }
.settled { border-left: 2pt solid #555; padding-left: 6pt; margin: 6pt 0; }
sup { font-size: 7pt; line-height: 0; }
sup a { color: inherit; text-decoration: none; }
.footnotes, .sources { font-size: 8.5pt; }
.footnotes li, .sources li { margin-bottom: 2pt; overflow-wrap: anywhere; }
a { color: #114; }
@media screen { body { margin: 2em auto; } }
`;

/** The fact sheet as a standalone, print-ready HTML document (A4, footnotes, no navigation, no script). */
export function toHtml(s: FactSheet): string {
  const e = escapeHtml;
  // A claim can be cited twice (as a value and in a disagreement); only the first citation carries the
  // id the footnote's back link points to, so ids stay unique.
  const anchored = new Set<number>();
  const ref = (c: SheetClaim): string => {
    const id = anchored.has(c.footnote) ? '' : ` id="ref-${c.footnote}"`;
    anchored.add(c.footnote);
    return `<sup><a href="#fn-${c.footnote}"${id}>${c.footnote}</a></sup>`;
  };
  const cited = (c: SheetClaim): string => `${e(c.attribution)}${ref(c)}`;
  const body: string[] = [
    `<h1>${e(s.title)}</h1>`,
    `<p class="meta">Generated ${e(s.generatedAt)} · ${e(s.filterText)}</p>`,
    `<p class="meta">${e(countsText(s))}</p>`,
  ];
  for (const f of s.facts) {
    body.push(`<section class="fact">`, `<h2>${e(f.heading)}</h2>`);
    if (f.values.length) {
      body.push('<ul>');
      for (const v of f.values) {
        body.push(
          `<li class="value"><strong>${e(v.statement)}</strong>${v.preferred ? ' (preferred)' : ''} — ${e(corroborationText(v.corroboration))}: ${v.claims.map(cited).join('; ')}</li>`,
        );
      }
      body.push('</ul>');
    }
    for (const d of f.disagreements) {
      body.push(`<div class="disagree"><p><strong>Sources disagree.</strong> Flagged by the ${e(d.rule)} rule: ${e(d.explanation)}</p><ul>`);
      for (const c of d.claims) body.push(`<li>${e(figureLine(c))} — ${cited(c)}</li>`);
      body.push('</ul></div>');
    }
    for (const t of f.settlements) {
      body.push(`<div class="settled"><p><strong>${e(settlementText(t))}</strong></p><ul>`);
      if (t.preferred) body.push(`<li>Preferred: ${e(figureLine(t.preferred))} — ${cited(t.preferred)}</li>`);
      for (const c of t.others) body.push(`<li>${e(rankLine(c))}: ${e(figureLine(c))} — ${cited(c)}</li>`);
      body.push('</ul></div>');
    }
    body.push('</section>');
  }
  body.push('<h2>Sources</h2>', '<ol class="sources">');
  for (const src of s.sources) body.push(`<li id="src-${src.number}">${sourceLine(src, HTML_INLINE)}</li>`);
  body.push('</ol>', '<h2>Notes</h2>', '<ol class="footnotes">');
  for (const c of allClaims(s)) body.push(`<li id="fn-${c.footnote}">${footnoteText(c, HTML_INLINE)} <a href="#ref-${c.footnote}">↩</a></li>`);
  body.push('</ol>');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${e(s.title)}</title>`,
    `<style>\n${PRINT_CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
