// What each conflict rule means, in the reviewer's words, shown beside the explanation the rule wrote for
// one pair. Kept next to the web layer because it is presentation; the rules themselves are in
// src/domain/crosscheck.ts and these sentences must say what they check.
import { independenceKey, normaliseMetric, type RuleId } from '../domain/crosscheck.js';
import { CROWDED_RULE } from '../domain/crowded-fact.js';
import type { StoredConflict } from '../store/rows.js';
import type { ValueClaim } from '../store/crosscheck-queries.js';

const RULE_TEXT: Record<RuleId | 'manual' | typeof CROWDED_RULE, { name: string; meaning: string }> = {
  'event-date': {
    name: 'Event dates',
    meaning: 'An event that happens once (a war’s start or end) is given dates that do not overlap, so both cannot be right.',
  },
  'point-in-time': {
    name: 'Figures at the same time',
    meaning: 'Two figures that hold at dates close together (within the as-of window) do not overlap, even allowing the tolerance either way.',
  },
  'period-count': {
    name: 'Counts for the same period',
    meaning: 'Two counts for (nearly) the same period — at least 80 % of their days in common — do not overlap, even allowing the tolerance.',
  },
  'cumulative-total': {
    name: 'Running totals',
    meaning: 'Totals counted from the same start cannot go down over time (a toll told with no period is the total so far), and totals given at about the same date should overlap.',
  },
  'duration-vs-start': {
    name: 'Duration against start date',
    meaning: 'How long something has lasted, counted back from when it was said, puts its start elsewhere than a stated start date.',
  },
  lengths: {
    name: 'Different lengths',
    meaning: 'Two articles give one episode (a curfew, a siege, a campaign) lengths that differ, and counted back from when each was said they put its start on different dates too.',
  },
  'part-above-whole': {
    name: 'A part above its whole',
    meaning: 'A count of a part (civilians, the killed) is larger than a count of its whole (everyone, all casualties) at a comparable time; a part can only be smaller.',
  },
  revision: {
    name: 'A figure revised',
    meaning: 'An article tells a figure as a revision of an earlier one for the same fact ("revised that number down to 920"): the two values cannot both be the count.',
  },
  [CROWDED_RULE]: {
    name: 'Too many values to compare',
    meaning: 'So many different figures are given for this fact that they are one conflict rather than one per pair of values: the fact page lays them out.',
  },
  manual: { name: 'Flagged by a reviewer', meaning: 'A reviewer marked these claims as conflicting; the note says why.' },
};

/** The name and plain-language meaning of a conflict rule (unknown rules get a neutral text). */
export function ruleText(rule: string): { name: string; meaning: string } {
  return RULE_TEXT[rule as RuleId] ?? { name: rule, meaning: 'A rule found these claims incompatible.' };
}

/** One competing value of a conflict as the list and the page name it. */
export interface ValueSummary {
  group: number;
  /** The figure as the first claim backing it wrote it. */
  valueText: string;
  /** Who states it: "Outlet, citing Speaker", each once, at most SOURCES_SHOWN. */
  sources: string[];
  /** How many more sources state it than `sources` names. */
  moreSources: number;
  claims: number;
  /** Independent origins (one speaker relayed by three outlets is one; domain independenceKey). */
  origins: number;
  /** Claims backing it that are not deprecated. */
  standing: number;
}

const SOURCES_SHOWN = 3;

/** Who states a claim, in a list row: "Northgate Wire, citing the health ministry". */
function sourceLabel(c: ValueClaim): string {
  return c.speaker ? `${c.publisher}, citing ${c.speaker}` : c.publisher;
}

/** The conflict's values in group order, each with its figure and its sources. */
export function summariseValues(conflict: StoredConflict, claims: readonly ValueClaim[]): ValueSummary[] {
  const byId = new Map(claims.map((c) => [c.claimId, c]));
  return conflict.valueGroups.map((g) => {
    const backing = g.claimIds.map((id) => byId.get(id)).filter((c): c is ValueClaim => c !== undefined);
    const sources = [...new Set(backing.map(sourceLabel))];
    const origins = new Set(
      backing.map((c) => independenceKey({ speakerId: c.speakerId, relay: c.relay, sourcePublisher: c.publisher } as Parameters<typeof independenceKey>[0])),
    );
    const first = backing[0];
    // a part held against its whole says what it counts: "5,000 civilians killed" under the fact "killed"
    const other = first && normaliseMetric(first.metric) !== normaliseMetric(conflict.metric) ? ` ${first.metric}` : '';
    return {
      group: g.group,
      valueText: first ? `${first.valueText}${other}` : '',
      sources: sources.slice(0, SOURCES_SHOWN),
      moreSources: Math.max(0, sources.length - SOURCES_SHOWN),
      claims: backing.length,
      origins: origins.size,
      standing: backing.filter((c) => c.rank !== 'deprecated').length,
    };
  });
}

/**
 * Why a conflict ranks where it does, in words: how far apart its values are (severity, 0–1) and how well the
 * weaker one is sourced — the two things the rank score (store conflicts.ts rankScore) weighs.
 */
export function severityText(severity: number, values: readonly ValueSummary[]): string {
  const gap = severity >= 0.75 ? 'Far apart' : severity >= 0.4 ? 'Clearly apart' : severity >= 0.1 ? 'Apart' : 'Only just apart';
  const weakest = Math.min(...values.map((v) => v.origins));
  const sourcing = !Number.isFinite(weakest)
    ? ''
    : weakest >= 2
      ? `each figure has at least ${weakest} independent sources`
      : values.every((v) => v.origins <= 1)
        ? 'each figure rests on a single source'
        : 'one figure rests on a single source';
  return `${gap} (severity ${severity.toFixed(2)})${sourcing ? `; ${sourcing}` : ''}.`;
}

/** A disagreement within one article, named by who holds each figure: "In one article: the ministry vs the monitor". */
export function inOneArticleLabel(values: readonly ValueSummary[], claims: readonly ValueClaim[], conflict: StoredConflict): string {
  const byId = new Map(claims.map((c) => [c.claimId, c]));
  const who = conflict.valueGroups.map((g) => {
    const first = byId.get(g.claimIds[0] ?? -1);
    return first?.speaker ?? first?.publisher ?? '';
  });
  const distinct = new Set(who).size === who.length;
  return `In one article: ${(distinct ? who : values.map((v) => v.valueText)).join(' vs ')}`;
}
