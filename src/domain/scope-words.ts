// A claim's time scope in words — the one wording of it, in two date styles: 'short' for the comparison columns of a
// conflict ("as of 19 Jun 2016", "since 30 Sep 2015, as of 19 Jun 2016") and 'long' for fact sheets ("as of 19 June
// 2016", "March 2011 – September 2021"). What kind of scope a claim has is timescope's and the rules' (timeScopeKind).
import { datePrecision, MONTH_NAMES } from './calendar.js';
import { effectiveAsOf, timeScopeKind, type ClaimInContext } from './crosscheck.js';
import { formatDateInterval } from './figures.js';
import type { IsoDate } from './types.js';

/** The claim's time scope in words, with dates as the style writes them. */
export function timeScopeWords(c: ClaimInContext, style: 'short' | 'long'): string {
  const asOf = effectiveAsOf(c);
  const day = style === 'long' ? longDate : (iso: IsoDate): string => formatDateInterval(iso, iso);
  switch (timeScopeKind(c)) {
    case 'event':
      return `reported ${day(c.sourcePublishedAt)}`;
    case 'duration':
    case 'point':
      return `as of ${day(asOf)}`;
    case 'cumulative':
      if (style === 'long') return periodWords(c.scopeFrom!, c.scopeTo ?? asOf);
      return `since ${day(c.scopeFrom ?? asOf)}, as of ${day(c.scopeTo ?? asOf)}`;
    case 'period':
      return style === 'long' ? periodWords(c.scopeFrom!, c.scopeTo ?? asOf) : formatDateInterval(c.scopeFrom, c.scopeTo);
  }
}

/** "March 2011 – September 2021" when both ends are whole months, else "1 March 2011 – 14 September 2021". */
export function periodWords(from: IsoDate, to: IsoDate): string {
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

export function longDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}
