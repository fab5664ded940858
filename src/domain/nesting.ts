// Facts that nest: one count is a part of another of the same subject. The metric of a count reads as words
// (extract/count-fact.ts metricOf): "[side] [role] measure" — "killed" (everyone), "civilians killed",
// "Valdorian soldiers wounded", "casualties". Two such metrics nest when
//   the measure nests:    killed ⊂ casualties, wounded ⊂ casualties (casualties are the killed and the wounded);
//   the population nests: soldiers, fighters, civilians, children, women ⊂ people (everyone);
// and the other part is the same (or nests too: "civilians killed" ⊂ "casualties"). The side must be the same on
// both: an unsided toll is often one side's own ("the ministry counts 4,000 killed"), so a sided part ("Tarnish
// soldiers killed") is not held against it, nor an unsided part against a sided whole.
// A part larger than its whole is a conflict (crosscheck.ts partAboveWhole); a part smaller than it is not.
// Pure.

import { normaliseMetric } from './conflict-model.js';

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
export function countWords(key: CountKey, wholeOfPopulation: boolean): string {
  const who = key.role === EVERYONE ? (key.side ? `${key.side} people ` : '') : `${key.side ? `${key.side} ` : ''}${key.role} `;
  const all = wholeOfPopulation && key.role === EVERYONE ? ' in all' : '';
  return `${who}${key.measure}${all}${key.measure === 'casualties' ? ' (killed and wounded)' : ''}`;
}
