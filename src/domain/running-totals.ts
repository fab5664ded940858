// A count told as an update of an earlier one: "the toll has since climbed to 17" a week after 14, "officials now say the
// toll stands at 126". A later, higher figure so told is the same running count grown, not a rival. Pure.

import { figureWords, type Prepared } from './conflict-model.js';

// "the toll has since climbed to 17", "has risen to", "raised their toll to 27": the figure is a running count that grew
export const GREW_TO = /\b(?:ris\w*|rose|climb\w*|increas\w*|jump\w*|grow\w*|grew|swell\w*|mount\w*|reach\w*|rais\w*|push\w*|went\s+up)\s+(?:\S+\s+){0,4}?(?:to|at)\s+(?:\S+\s+){0,2}$/i;

/** A later, higher figure its words tell as a count that has grown since ("has since climbed to 17") updates the earlier. */
export function isUpdate(earlier: Prepared, later: Prepared): boolean {
  if (later.asOf <= earlier.asOf || later.core.low === null || earlier.core.high === null || later.core.low < earlier.core.high) return false;
  const words = figureWords(later.claim);
  const before = words?.before.slice(-80) ?? '';
  // "officials now say the toll stands at 126": a count told as today's, after an earlier one
  // (a share of territory "now" held is only the present tense: shares move both ways, and a rival's is no update)
  return before !== '' && (GREW_TO.test(before) || (later.claim.kind !== 'territory' && /\bnow\b[^.;,]{0,60}$/i.test(before)));
}

