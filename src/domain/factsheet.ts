// The sourced fact sheet's model (issues 5 and 13): a briefing an editor can hand on. The topic's key figures
// lead; then one section per subject, the topic first and a whole before its parts; each value stated once with its
// sources; one "Sources disagree" block per disputed fact listing every competing figure once with all its sources;
// settled conflicts with the reviewer's reason; minor facts (dates of recurring events) in an appendix. Every
// figure is footnoted. buildFactSheet turns claims, sources and conflicts into one plain data object; the renderers
// in src/render/factsheet/ write it as Markdown, CSV, JSON or HTML. Deterministic: nothing here reads the clock.

import { agreement, DEFAULT_SETTINGS, effectiveAsOf, factKey, groupIntoFacts, normaliseMetric, type CrosscheckSettings, type Fact } from './crosscheck.js';
import type { ComparedClaim } from './compare.js';
import { formatFigure } from './figures.js';
import { competingFigures, foldText, isFiller, isMinor, leadFigures, sectionRanks, withInferredSubjects, type WorkingValue } from './factsheet-layout.js';
import type {
  FactSheet,
  FactSheetConflict,
  FactSheetFilter,
  FactSheetInput,
  FactSheetSource,
  SheetClaim,
  SheetDisagreement,
  SheetFact,
  SheetSection,
  SheetSettlement,
  SheetSource,
  SheetValue,
} from './factsheet-types.js';
import { capitalise, figureStatement } from './factsheet-words.js';
import { longDate, timeScopeWords } from './scope-words.js';
import { dayNumber } from './intervals.js';
import type { ConflictStatus } from './types.js';

export type * from './factsheet-types.js';

/**
 * Builds the fact sheet data from claims, their sources and conflicts, for a filter and generation time.
 * Claims with no subject count under the subject most of their article's other claims name (withInferredSubjects);
 * claims whose metric names no measure ("date", "count") are left off; minor facts go to the appendix, or are left
 * off with `minorFacts: 'omit'`.
 */
export function buildFactSheet(input: FactSheetInput): FactSheet {
  const settings = { ...DEFAULT_SETTINGS, ...input.settings, includeCandidates: input.filter.includeCandidates };
  const { claims, inferred } = withInferredSubjects(input.claims);
  const matching = claims.filter((c) => c.status !== 'rejected' && matchesFilter(c, input.filter));
  const included = matching.filter(
    (c) => (c.status === 'confirmed' || input.filter.includeCandidates) && !isFiller(c) && (input.minorFacts !== 'omit' || !isMinor(c)),
  );
  const claimsById = new Map(included.map((c) => [c.id, c]));
  const grouped = groupIntoFacts([...included].sort(byTime));
  const ranks = sectionRanks(grouped, input.subjects ?? [], input.topics ?? input.filter.subjects);
  const rankOf = (subjectId: number | null): number => ranks.get(subjectId) ?? ranks.size;
  const ordered = (facts: Fact<ComparedClaim>[]) =>
    facts.sort((a, b) => rankOf(a.claims[0]!.subjectId) - rankOf(b.claims[0]!.subjectId) || a.metric.localeCompare(b.metric, 'en'));
  const minor = (f: Fact<ComparedClaim>): boolean => isMinor(f.claims[0]!);
  const facts = [...ordered(grouped.filter((f) => !minor(f))), ...ordered(grouped.filter(minor))];

  const sheetSources = numberSources(included, new Map(input.sources.map((s) => [s.id, s])));
  const sourceById = new Map(sheetSources.map((s) => [s.id, s]));
  let footnote = 0;
  const sheetClaims = new Map<number, SheetClaim>();
  for (const fact of facts) {
    for (const c of fact.claims) {
      sheetClaims.set(c.id, toSheetClaim(c, ++footnote, sourceById.get(c.sourceId) ?? missingSource(c), inferred.has(c.id)));
    }
  }
  const cite = (id: number): SheetClaim[] => {
    const s = sheetClaims.get(id);
    return s ? [s] : [];
  };
  const conflicts = conflictsByFact(input.conflicts, facts, new Set(claimsById.keys()));
  const sheetFacts = facts.map((fact) => sheetFact(fact, conflicts.get(fact.key) ?? { own: [], touching: [] }, { claimsById, cite, settings }));

  const sections: SheetSection[] = [];
  for (const f of sheetFacts.filter((x) => !x.minor)) {
    const last = sections.at(-1);
    if (last && last.subject === f.subject) last.facts.push(f);
    else sections.push({ subject: f.subject, heading: f.subject ?? 'No subject', facts: [f] });
  }
  const subjectIdOf = new Map(facts.map((f) => [f.key, f.claims[0]!.subjectId]));
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
      openDisagreements: sheetFacts.filter((f) => f.disagreement !== null).length,
    },
    lead: leadFigures(sheetFacts, (f) => rankOf(subjectIdOf.get(f.key) ?? null), claimsById),
    sections,
    appendix: sheetFacts.filter((f) => f.minor),
    facts: sheetFacts,
    sources: sheetSources,
  };
}

interface FactConflicts {
  /** Conflicts told under this fact. */
  own: FactSheetConflict[];
  /** Conflicts holding one of its claims. */
  touching: FactSheetConflict[];
}

/**
 * The conflicts each fact tells. A conflict is shown when every claim in it is on the sheet (with unreviewed claims
 * left out, a disagreement with one of them is not established yet), and told once: under the fact it is filed
 * under, else the first fact holding one of its claims (a duration-vs-start conflict spans two facts).
 */
function conflictsByFact(all: readonly FactSheetConflict[], facts: readonly Fact<ComparedClaim>[], onSheet: ReadonlySet<number>): Map<string, FactConflicts> {
  const conflicts = all.filter((k) => !k.stale && k.claimIds.length > 0 && k.claimIds.every((id) => onSheet.has(id)));
  const factKeys = new Set(facts.map((f) => f.key));
  const out = new Map<string, FactConflicts>(facts.map((f) => [f.key, { own: [], touching: [] }]));
  for (const k of [...conflicts].sort((a, b) => a.id - b.id)) {
    const filed = k.metric !== undefined && k.subjectId !== undefined ? factKey({ subjectId: k.subjectId, metric: k.metric }) : null;
    const holding = facts.filter((f) => f.claims.some((c) => k.claimIds.includes(c.id)));
    const home = filed !== null && factKeys.has(filed) ? filed : holding[0]?.key;
    for (const f of holding) out.get(f.key)!.touching.push(k);
    if (home !== undefined) out.get(home)!.own.push(k);
  }
  return out;
}

interface FactContext {
  claimsById: ReadonlyMap<number, ComparedClaim>;
  cite: (id: number) => SheetClaim[];
  settings: CrosscheckSettings;
}

/** One fact: its undisputed values, its one disagreement (built from its claims) and its settled conflicts. */
function sheetFact(fact: Fact<ComparedClaim>, conflicts: FactConflicts, ctx: FactContext): SheetFact {
  const first = fact.claims[0]!;
  const subject = first.subjectName ?? null;
  const values = workingValues(fact.claims, conflicts.touching, ctx.settings);
  const open = conflicts.own.filter((k) => k.status === 'open');
  const disputed = new Set(open.flatMap((k) => k.claimIds));
  const { figures, competing } = competingFigures(values, disputed, ctx.claimsById, ctx.cite, first.metric);
  const shown = values.filter((_, i) => !competing.has(i)).map((v) => sheetValue(v, ctx));
  const disagreement: SheetDisagreement | null =
    open.length === 0
      ? null
      : {
          rules: [...new Set(open.map((k) => k.rule))].sort(),
          explanation: open.length === 1 ? open[0]!.explanation : null,
          conflictIds: open.map((k) => k.id),
          figures,
        };
  return {
    key: fact.key,
    subject,
    metric: first.metric,
    heading: `${subject ?? 'No subject'} — ${first.metric}`,
    label: capitalise(first.metric),
    minor: isMinor(first),
    values: shown,
    disagreement,
    settlements: settlementsOf(
      conflicts.own.filter((k) => k.status !== 'open'),
      new Set([...shown, ...figures].flatMap((v) => v.claims.map((c) => c.claimId))),
      ctx.cite,
    ),
    claims: fact.claims.flatMap((c) => ctx.cite(c.id)),
  };
}

/**
 * The fact's settled conflicts, one block per decision (status, note, preferred claim): pairwise conflicts settled
 * alike are told once. Claims the values already state are cited, not listed again.
 */
function settlementsOf(settled: readonly FactSheetConflict[], stated: ReadonlySet<number>, cite: (id: number) => SheetClaim[]): SheetSettlement[] {
  const blocks = new Map<string, FactSheetConflict[]>();
  for (const k of settled) {
    const key = JSON.stringify([k.status, k.resolutionNote, k.preferredClaimId]);
    blocks.set(key, [...(blocks.get(key) ?? []), k]);
  }
  return [...blocks.values()].map((ks) => {
    const k = ks[0]!;
    const preferred = k.preferredClaimId !== null ? (cite(k.preferredClaimId)[0] ?? null) : null;
    const otherIds = [...new Set(ks.flatMap((x) => x.claimIds))].filter((id) => id !== k.preferredClaimId);
    const others = otherIds.flatMap(cite).sort(byFootnote);
    return {
      conflictIds: ks.map((x) => x.id),
      status: k.status as Exclude<ConflictStatus, 'open'>,
      note: k.resolutionNote,
      preferred,
      others,
      unstated: [...(preferred ? [preferred] : []), ...others].filter((c) => !stated.has(c.claimId)),
    };
  });
}

/** The filter in words: "subjects: Valdorian war · metrics: all · dates: any · unreviewed claims: excluded". */
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
  if (f.subjects.length && !f.subjects.some((s) => foldText(s) === foldText(c.subjectName ?? ''))) return false;
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

function byTime(a: ComparedClaim, b: ComparedClaim): number {
  const [a0] = claimTime(a);
  const [b0] = claimTime(b);
  return (a0 ?? -Infinity) - (b0 ?? -Infinity) || a.sourcePublishedAt.localeCompare(b.sourcePublishedAt) || a.id - b.id;
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

function toSheetClaim(c: ComparedClaim, footnote: number, source: SheetSource, subjectInferred: boolean): SheetClaim {
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
    timeScope: timeScopeWords(c, 'long'),
    speaker: c.speakerName,
    attributionCue: c.attributionCue,
    relay: c.relay,
    hedge: c.hedge,
    quote: c.quote,
    attribution: attributionOf(c, source),
    subjectInferred,
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
function workingValues(claims: readonly ComparedClaim[], conflicts: readonly FactSheetConflict[], settings: CrosscheckSettings): WorkingValue[] {
  const preferredIds = new Set<number>([
    ...claims.filter((c) => c.rank === 'preferred').map((c) => c.id),
    ...conflicts.filter((k) => k.status === 'resolved' && k.preferredClaimId !== null).map((k) => k.preferredClaimId!),
  ]);
  const live = claims.filter((c) => c.rank !== 'deprecated');
  const values = agreement(live, settings).map((v) => ({
    claimIds: v.claimIds,
    supportingClaimIds: v.supportingClaimIds,
    corroboration: v.independentSources,
    preferred: v.claimIds.some((id) => preferredIds.has(id)),
  }));
  // Preferred first, then the best backed, then in time order (claims are in time order, as are their ids' positions).
  const position = new Map(claims.map((c, i) => [c.id, i]));
  const first = (v: WorkingValue): number => Math.min(...v.claimIds.map((id) => position.get(id) ?? Infinity));
  return values.sort((a, b) => Number(b.preferred) - Number(a.preferred) || b.corroboration - a.corroboration || first(a) - first(b));
}

function sheetValue(v: WorkingValue, ctx: FactContext): SheetValue {
  const claims = v.claimIds.flatMap(ctx.cite).sort(byFootnote);
  return {
    statement: figureStatement(claims.map((c) => ctx.claimsById.get(c.claimId)!)),
    corroboration: v.corroboration,
    preferred: v.preferred,
    claims,
  };
}

/** Footnote order: the order claims are cited in through the sheet. */
export function byFootnote(a: SheetClaim, b: SheetClaim): number {
  return a.footnote - b.footnote;
}

/** Every claim of the sheet in footnote order. */
export function allClaims(s: FactSheet): SheetClaim[] {
  return s.facts.flatMap((f) => f.claims).sort(byFootnote);
}
