// Facts that nest: one count is a part of another of the same subject. The metric of a count reads as words
// (extract/count-fact.ts metricOf): "[side] [role] measure" — "killed" (everyone), "civilians killed",
// "Valdorian soldiers wounded", "casualties". Two such metrics nest when
//   the measure nests:    killed ⊂ casualties, wounded ⊂ casualties (casualties are the killed and the wounded);
//   the population nests: soldiers, fighters, civilians, children, women ⊂ people (everyone);
// and the other part is the same (or nests too: "civilians killed" ⊂ "casualties"). The side must be the same on
// both: an unsided toll is often one side's own ("the ministry counts 4,000 killed"), so a sided part ("Tarnish
// soldiers killed") is not held against it, nor an unsided part against a sided whole.
// A part larger than its whole is a conflict (partAboveWhole, the rule crosscheck.ts calls); a part smaller than it
// is not.
// Pure.

import {
  CUMULATIVE_LOOKBACK_DAYS,
  figuresOverlap,
  normaliseMetric,
  SAME_PERIOD_OVERLAP,
  type ComputedConflict,
  type CrosscheckSettings,
  type Prepared,
} from './conflict-model.js';
import { allowance, build, lead, says, topic } from './conflict-words.js';
import { dayNumber, periodOverlapFraction, relativeGap } from './intervals.js';

/** Each measure that nests → the measures it is a part of. */
const MEASURE_WHOLES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  killed: ['casualties'],
  wounded: ['casualties'],
  casualties: [],
});

/** The population everyone is counted under, and the roles that are a part of it (population.ts roles). */
const EVERYONE = 'people';
const PART_ROLES: ReadonlySet<string> = new Set(['soldiers', 'fighters', 'civilians', 'children', 'women']);

/** A count's metric read back into who is counted and what happened to them. */
export interface CountKey {
  side: string | null;
  role: string;
  measure: string;
}

/** "russian soldiers killed" → side russian, role soldiers, measure killed; null for a metric that does not nest. */
export function readCountMetric(metric: string): CountKey | null {
  const words = normaliseMetric(metric).split(' ');
  const measure = words.pop()!;
  if (MEASURE_WHOLES[measure] === undefined) return null;
  if (words.length === 0) return { side: null, role: EVERYONE, measure };
  const role = words.pop()!;
  if (role !== EVERYONE && !PART_ROLES.has(role)) return null;
  return { side: words.length > 0 ? words.join(' ') : null, role, measure };
}

/** True when a count of `part` is a part of a count of `whole` (a different fact; see the header). */
export function nestsIn(part: CountKey, whole: CountKey): boolean {
  if (part.side !== whole.side) return false;
  const role = part.role === whole.role || (whole.role === EVERYONE && PART_ROLES.has(part.role));
  const measure = part.measure === whole.measure || MEASURE_WHOLES[part.measure]!.includes(whole.measure);
  return role && measure && (part.role !== whole.role || part.measure !== whole.measure);
}

/** Of the given metrics, those whose counts hold `metric`'s (wholes) and those within it (parts). */
export function nestingMetrics(metric: string, among: Iterable<string>): { wholes: string[]; parts: string[] } {
  const key = readCountMetric(metric);
  const found = { wholes: [] as string[], parts: [] as string[] };
  if (!key) return found;
  for (const other of among) {
    const k = readCountMetric(other);
    if (!k) continue;
    if (nestsIn(key, k)) found.wholes.push(other);
    else if (nestsIn(k, key)) found.parts.push(other);
  }
  return found;
}

/** The words of a nesting count: "civilians killed", "casualties (killed and wounded)", "killed in all". */
function countWords(key: CountKey, wholeOfPopulation: boolean): string {
  const who = key.role === EVERYONE ? (key.side ? `${key.side} people ` : '') : `${key.side ? `${key.side} ` : ''}${key.role} `;
  const all = wholeOfPopulation && key.role === EVERYONE ? ' in all' : '';
  return `${who}${key.measure}${all}${key.measure === 'casualties' ? ' (killed and wounded)' : ''}`;
}

/** Two claims of nested facts: which is the part and which the whole, and the words of each count. */
export interface NestedPair {
  part: Prepared;
  whole: Prepared;
  words: [string, string];
}

/** Which of two counts of different metrics is the part and which the whole, or null when they do not nest. */
export function partAndWhole(a: Prepared, b: Prepared): NestedPair | null {
  const [x, y] = [readCountMetric(a.metric), readCountMetric(b.metric)];
  if (!x || !y) return null;
  const [part, whole, p, w] = nestsIn(x, y) ? [a, b, x, y] : nestsIn(y, x) ? [b, a, y, x] : [null, null, x, y];
  if (!part || !whole) return null;
  return { part, whole, words: [countWords(p, false), countWords(w, p.role !== w.role)] };
}

/**
 * A part cannot be larger than its whole: "5,000 killed" against "3,000 casualties (killed and wounded)", "900
 * civilians killed" against "600 killed" in all. A part below its whole is no disagreement, nor one above a vague
 * whole ("thousands"). The two must hold at
 * comparable times (comparableParts); the conflict is filed under the whole's fact.
 */
export function partAboveWhole(a: Prepared, b: Prepared, nested: NestedPair, settings: CrosscheckSettings): ComputedConflict | null {
  const { part, whole, words } = nested;
  // "thousands have been killed" says how many at least, not at most: it caps no part
  if (whole.claim.qualifier === 'vague') return null;
  // exact counts get no slack when told as of one day (a running toll told on two days grew: figuresOverlap)
  const asTold = part.asOf === whole.asOf;
  if (!comparableParts(part, whole, settings) || figuresOverlap(part, whole, settings.tolerance, asTold)) return null;
  if (part.core.low === null || whole.core.high === null || part.core.low <= whole.core.high) return null;
  const other = a.claim.sourceId === b.claim.sourceId ? 'the same article gives' : 'another source gives';
  const explanation =
    `${lead(a, b, `${topic(whole)} and a part of it`)}${says(part)} for ${words[0]}; ${says(whole)} for ${words[1]}. ` +
    `"${part.claim.valueText}" ${words[0]} is more than the "${whole.claim.valueText}" ${words[1]} ${other}, ` +
    `though the first is a part of the second, ${allowance(part, whole, settings.tolerance, asTold)}.`;
  return build('part-above-whole', a, b, relativeGap(a.core, b.core), explanation, whole);
}

/**
 * A part and its whole are held against each other when they count over comparable times: figures as of dates
 * within the window; running totals from starts within the window, the part's no later than the whole's (a
 * total can only grow, so an earlier part of up to CUMULATIVE_LOOKBACK_DAYS still caps nothing above the later
 * whole); periods the same (≥ 80 % of days shared) or the part's within the whole's.
 */
function comparableParts(part: Prepared, whole: Prepared, settings: CrosscheckSettings): boolean {
  const w = settings.asOfWindowDays;
  if (part.scope !== whole.scope) return false;
  if (part.scope === 'point') return Math.abs(part.asOf - whole.asOf) <= w;
  if (!part.period || !whole.period) return false;
  if (part.scope === 'cumulative') {
    const starts = Math.abs(dayNumber(part.period.from) - dayNumber(whole.period.from));
    return starts <= w && part.asOf - whole.asOf <= w && whole.asOf - part.asOf <= CUMULATIVE_LOOKBACK_DAYS;
  }
  if (part.scope !== 'period') return false;
  const inside = part.period.from >= whole.period.from && part.period.to <= whole.period.to;
  return inside || periodOverlapFraction(part.period, whole.period) >= SAME_PERIOD_OVERLAP;
}
