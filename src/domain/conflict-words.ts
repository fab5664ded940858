// The words of a conflict's explanation: who gives which figure, what the fact is about, dates and gaps in plain
// language; and the conflict itself, keyed and filed under its fact (crosscheck.ts rules call build()). Pure.

import { formatDateInterval } from './figures.js';
import {
  conflictKey,
  independenceKey,
  isDurationMetric,
  isOnceOnlyEventMetric,
  METRIC_END_DATE,
  METRIC_START_DATE,
  type ComputedConflict,
  type Prepared,
  type RuleId,
} from './conflict-model.js';
import type { IsoDate } from './types.js';


/** The conflict of a pair, filed under `filedUnder`'s fact (a nesting pair under its whole), else under a's. */
export function build(rule: RuleId, a: Prepared, b: Prepared, severity: number, explanation: string, filedUnder?: Prepared): ComputedConflict {
  const ids = [a.claim.id, b.claim.id].sort((x, y) => x - y);
  // Stored under the start-date side's metric as written, so the store finds it with that fact.
  const startSide = filedUnder ?? (isDurationMetric(a.metric) ? b : a);
  return {
    key: conflictKey(rule, ids),
    rule,
    severity: Math.round(severity * 1000) / 1000,
    explanation,
    claimIds: ids,
    subjectId: a.claim.subjectId,
    metric: startSide.claim.metric,
    internal: a.claim.sourceId === b.claim.sourceId,
  };
}

/** "Sources disagree on when the Valdorian war began: " or, within one article, "Internal inconsistency in …". */
export function lead(a: Prepared, b: Prepared, about: string): string {
  if (a.claim.sourceId === b.claim.sourceId) {
    if (independenceKey(a.claim) !== independenceKey(b.claim) || a.scope !== 'event') {
      return `${a.claim.sourcePublisher} (${day(a.claim.sourcePublishedAt)}) reports disagreeing figures on ${about}: `;
    }
    return `Internal inconsistency in ${a.claim.sourcePublisher} (${day(a.claim.sourcePublishedAt)}) on ${about}: `;
  }
  return `Sources disagree on ${about}: `;
}

/** What the fact is about, in words: "when the Valdorian war began", "territory controlled (Valdorian government)". */
export function topic(p: Prepared): string {
  const subject = p.claim.subjectName ?? 'the subject';
  if (p.metric === METRIC_START_DATE) return `when ${withArticle(subject)} began`;
  if (p.metric === METRIC_END_DATE) return `when ${withArticle(subject)} ended`;
  if (isOnceOnlyEventMetric(p.metric)) return `the ${p.metric} of ${withArticle(subject)}`;
  return `${p.metric} (${subject})`;
}

/**
 * "Valdorian war" → "the Valdorian war". Only descriptions (with a lower-case word) get an article;
 * proper names ("Operation Dawn", "Ilse Varga", "Ahmad bin Ali") and names that already have one
 * stay as they are.
 */
function withArticle(subject: string): string {
  if (/^(the|a|an)\s/i.test(subject)) return subject;
  const descriptive = subject.split(/\s+/).some((w) => /^\p{Ll}/u.test(w) && !NAME_PARTICLES.has(w) && !/^\p{Ll}+-\p{Lu}/u.test(w));
  return descriptive ? `the ${subject}` : subject;
}

/** Lower-case words that belong to personal names. */
const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'abu', 'de', 'da', 'di', 'du', 'del', 'della', 'van', 'von', 'der', 'den', 'la', 'le', 'y']);

/** "The National (19 Mar 2019), citing X, via Y, gives "2015" (reportedly)". */
export function says(p: Prepared): string {
  const c = p.claim;
  const who = [`${c.sourcePublisher} (${day(c.sourcePublishedAt)})`];
  if (c.speakerName) who.push(`citing ${c.speakerName}`);
  if (c.relay) who.push(`via ${c.relay}`);
  const hedge = c.hedge ? ` (${c.hedge})` : '';
  // A comma closes the attribution aside: "Courier, citing Varga, gives …".
  return `${who.join(', ')}${who.length > 1 ? ',' : ''} gives "${c.valueText}"${hedge}`;
}

export function day(iso: IsoDate): string {
  return formatDateInterval(iso, iso);
}

export function days(n: number): string {
  return n === 1 ? '1 day' : `${n.toLocaleString('en-US')} days`;
}

export function percent(t: number): string {
  return `${Math.round(t * 1000) / 10} %`;
}

/** The slack the figures were given, in words, to end "… do not overlap, ": exact counts get none (figuresOverlap). */
export function allowance(a: Prepared, b: Prepared, tolerance: number, asTold = true): string {
  if (asTold && a.exact && b.exact) return 'and both are exact counts';
  const rounded = asTold && (a.exact || b.exact) ? ' to the rounded figure' : '';
  return `even allowing ${percent(tolerance)} either way${rounded}`;
}

export function ordered(a: Prepared, b: Prepared, by: (p: Prepared) => number): [Prepared, Prepared] {
  const [x, y] = [by(a), by(b)];
  return x < y || (x === y && a.claim.id < b.claim.id) ? [a, b] : [b, a];
}

