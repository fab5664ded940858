// Counts over periods (crosscheck.ts checkPrepared): two counts over the same period, a part of a period above its
// whole, and a closed period's toll above a later total of the same fact. Split from crosscheck.ts, which holds the
// other pairwise rules and the recomputation. Pure.

import { dayNumber, periodOverlapFraction, relativeGap } from './intervals.js';
import { figureWords, figuresOverlap, toldAsPart, SAME_PERIOD_OVERLAP, type ClaimInContext, type ComputedConflict, type CrosscheckSettings, type Prepared } from './conflict-model.js';
import { allowance, build, day, lead, ordered, says, topic } from './conflict-words.js';

export function periodCount(a: Prepared, b: Prepared, settings: CrosscheckSettings): ComputedConflict | null {
  if (!a.period || !b.period) return null;
  const shared = periodOverlapFraction(a.period, b.period);
  if (shared < SAME_PERIOD_OVERLAP) return nestedPeriods(a, b, settings);
  if (figuresOverlap(a, b, settings.tolerance)) return null;
  const [first, second] = ordered(a, b, (p) => dayNumber(p.period!.from));
  const explanation =
    `${lead(a, b, `${topic(a)} over the same period`)}${says(first)}; ${says(second)}. ` +
    `The periods share ${Math.round(shared * 100)} % of their days and the counts do not overlap, ` +
    `${allowance(a, b, settings.tolerance)}.`;
  return build('period-count', a, b, relativeGap(a.core, b.core), explanation);
}

/**
 * A count over part of a period cannot exceed the count over the whole of it: "200,000 dead in the 1992–1995 war"
 * against "110,000 dead in the war of the 1990s". A part below its whole is no disagreement (fewer died in one
 * year than in five). Only closed periods nest; a running total to its as-of date is another rule's.
 */
function nestedPeriods(a: Prepared, b: Prepared, settings: CrosscheckSettings): ComputedConflict | null {
  if (a.scope !== 'period' || b.scope !== 'period' || !a.period || !b.period) return null;
  const inside = (x: Prepared, y: Prepared): boolean => x.period!.from >= y.period!.from && x.period!.to <= y.period!.to;
  const [part, whole] = inside(a, b) ? [a, b] : inside(b, a) ? [b, a] : [null, null];
  if (!part || !whole || figuresOverlap(part, whole, settings.tolerance)) return null;
  if (part.core.low === null || whole.core.high === null || part.core.low <= whole.core.high) return null;
  const explanation =
    `${lead(a, b, `${topic(a)} over nested periods`)}${says(whole)} from ${day(whole.period!.from)} to ${day(whole.period!.to)}; ` +
    `${says(part)} from ${day(part.period!.from)} to ${day(part.period!.to)}, a part of that period, yet the count is higher, ` +
    `${allowance(part, whole, settings.tolerance)}.`;
  return build('period-count', a, b, relativeGap(a.core, b.core), explanation);
}

// A total told as the whole's: of a war or its violence, or "in all". (Most unscoped tolls are of one attack or one
// perpetrator: "40,000 killed in attacks by government forces" is no total that caps a period.)
const WHOLE_TOLL = /\b(?:war|conflict|fighting|violence|crackdown|insurgency|uprising|in\s+all|in\s+total|overall|altogether)\b/i;
const PARTIAL_TOLL = /\b(?:(?:attacks?|strikes?|raids?)\s+by|by\s+(?:the\s+)?(?:\p{L}+\s+){0,2}(?:forces|troops|army|militias?|rebels|fighters))\b/iu;
// "about 120 violent deaths a day": a rate, not a count over its period
const RATE = /^\s*(?:[\p{L}-]+\s+){0,3}(?:a|per|each|every)\s+(?:day|week|month|year)\b|^\s*(?:[\p{L}-]+\s+){0,3}(?:daily|weekly|monthly)\b/iu;

/** The words of the claim's quote after its figure. */
function after(c: ClaimInContext): string {
  return figureWords(c)?.after ?? '';
}

/**
 * A toll over a closed period is a part of any total of the same fact told after the period ended: "at least 10,000
 * killed in 2017" against "about 400 have died", said in 2018 with no period (the total so far), or "since 2015 …
 * 2,000". A period count above the later total is a conflict; below it, none. Tolls only: a count of the displaced or
 * of troops is a stock that can shrink. The total must be told as the whole's (WHOLE_TOLL), and the period count
 * not as a rate.
 */
export function periodWithinTotal(a: Prepared, b: Prepared, settings: CrosscheckSettings): ComputedConflict | null {
  const [part, total] = a.scope === 'period' ? [a, b] : [b, a];
  if (part.scope !== 'period' || !part.period || (total.scope !== 'point' && total.scope !== 'cumulative')) return null;
  if (part.claim.kind !== 'casualties' || total.claim.kind !== 'casualties' || total.claim.qualifier === 'vague') return null;
  if (!WHOLE_TOLL.test(total.claim.quote) || PARTIAL_TOLL.test(total.claim.quote) || toldAsPart(total.claim) || RATE.test(after(part.claim))) return null;
  const ended = dayNumber(part.period.to);
  if (total.asOf < ended || (total.period && total.period.from > part.period.from)) return null;
  // ("at least 25 since 2015" caps nothing: an open total stays open here, though "over n" is read as up to 2n elsewhere)
  if (part.core.low === null || total.interval.high === null || total.core.high === null || figuresOverlap(part, total, settings.tolerance) || part.core.low <= total.core.high) return null;
  const since = total.period ? ` since ${day(total.period.from)}` : '';
  const explanation =
    `${lead(a, b, `${topic(a)}: a period and a later total`)}${says(part)} from ${day(part.period.from)} to ${day(part.period.to)}; ` +
    `${says(total)} in all${since}, as of a later date, yet the count over the period is higher, ${allowance(part, total, settings.tolerance)}.`;
  return build('period-count', a, b, relativeGap(a.core, b.core), explanation);
}
