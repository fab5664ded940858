// Side-by-side comparison of the claims of a conflict or a fact: one column per claim with who said it,
// when, how hedged, the figure and its interval and time scope, and the quote with the words that differ
// from the other quotes marked. Returns plain data (segments, not HTML) so that templates escape it.

import { diffWordsWithSpace } from 'diff';
import { formatDateInterval, formatFigure } from './figures.js';
import { effectiveAsOf, impliedStart, timeScopeKind, type ClaimInContext, type TimeScopeKind } from './crosscheck.js';
import type { ClaimRank, ClaimStatus, Figure, IsoDate, Qualifier } from './types.js';

/** A claim as the comparison shows it: the store's ClaimView satisfies this. */
export interface ComparedClaim extends ClaimInContext {
  sourceTitle: string;
  sourceUrl: string | null;
}

/** A run of quote text; `changed` marks words this quote does not share with any other compared quote. */
export interface QuoteSegment {
  text: string;
  changed: boolean;
}

export interface ComparisonColumn {
  claimId: number;
  sourceId: number;
  outlet: string;
  sourceTitle: string;
  sourceUrl: string | null;
  published: IsoDate;
  speaker: string | null;
  attributionCue: string | null;
  relay: string | null;
  hedge: string | null;
  /** The figure as written in the article. */
  valueText: string;
  qualifier: Qualifier;
  figure: Figure;
  /** The interval in words: "400,000 or more", "1–31 Mar 2011". */
  intervalText: string;
  scopeKind: TimeScopeKind;
  /** The time scope in words: "as of 19 Mar 2019", "1 Jan – 30 Sep 2017", "since 30 Sep 2015, as of 19 Jun 2016". */
  timeScope: string;
  /** For durations: the start they imply, in words; otherwise null. */
  impliedStart: string | null;
  status: ClaimStatus;
  rank: ClaimRank;
  quote: QuoteSegment[];
}

export interface Comparison {
  columns: ComparisonColumn[];
}

/** One column per claim, in the order given, with each quote's differing words marked. */
export function compareClaims(claims: readonly ComparedClaim[]): Comparison {
  const quotes = markQuoteDifferences(claims.map((c) => c.quote));
  return { columns: claims.map((c, i) => column(c, quotes[i] ?? [])) };
}

function column(c: ComparedClaim, quote: QuoteSegment[]): ComparisonColumn {
  const implied = impliedStart(c);
  return {
    claimId: c.id,
    sourceId: c.sourceId,
    outlet: c.sourcePublisher,
    sourceTitle: c.sourceTitle,
    sourceUrl: c.sourceUrl,
    published: c.sourcePublishedAt,
    speaker: c.speakerName,
    attributionCue: c.attributionCue,
    relay: c.relay,
    hedge: c.hedge,
    valueText: c.valueText,
    qualifier: c.qualifier,
    figure: c.figure,
    intervalText: formatFigure(c.figure),
    scopeKind: timeScopeKind(c),
    timeScope: describeTimeScope(c),
    impliedStart: implied ? formatDateInterval(implied.low, implied.high) : null,
    status: c.status,
    rank: c.rank,
    quote,
  };
}

/** The time scope of a claim in words, for comparison columns and fact sheets. */
export function describeTimeScope(c: ClaimInContext): string {
  const asOf = effectiveAsOf(c);
  const day = (iso: IsoDate): string => formatDateInterval(iso, iso);
  switch (timeScopeKind(c)) {
    case 'event':
      return `reported ${day(c.sourcePublishedAt)}`;
    case 'duration':
    case 'point':
      return `as of ${day(asOf)}`;
    case 'cumulative':
      return `since ${day(c.scopeFrom ?? asOf)}, as of ${day(c.scopeTo ?? asOf)}`;
    case 'period':
      return formatDateInterval(c.scopeFrom, c.scopeTo);
  }
}

/**
 * Splits each quote into segments, marking as changed the words it shares with no other quote (word-level
 * diff against every other quote). A single quote has nothing to differ from. With two quotes this is the
 * plain two-way diff; with more, a word counts as shared when any other quote has it in the same order.
 */
export function markQuoteDifferences(quotes: readonly string[]): QuoteSegment[][] {
  return quotes.map((quote, i) => {
    if (quote === '') return [];
    if (quotes.length < 2) return [{ text: quote, changed: false }];
    const shared = new Uint8Array(quote.length);
    quotes.forEach((other, j) => {
      if (j !== i) markShared(quote, other, shared);
    });
    return segments(quote, shared);
  });
}

/** Sets shared[k] = 1 for every character of `quote` the word diff finds common with `other`. */
function markShared(quote: string, other: string, shared: Uint8Array): void {
  // WithSpace: whitespace is its own token, so common parts are byte-identical in both strings and
  // offsets into `quote` stay exact.
  let pos = 0;
  for (const change of diffWordsWithSpace(quote, other)) {
    if (change.added) continue;
    if (!change.removed) shared.fill(1, pos, pos + change.value.length);
    pos += change.value.length;
  }
}

/**
 * The diff may pair a space on either side of a changed word with the other quote's; marking only the
 * words, not the spaces at the edge of a changed run, gives the same marks whichever space it chose.
 */
function trimChangedRuns(quote: string, shared: Uint8Array): void {
  for (let k = 0; k < quote.length; ) {
    if (shared[k] === 1) {
      k++;
      continue;
    }
    let end = k;
    while (end < quote.length && shared[end] === 0) end++;
    let a = k;
    let b = end - 1;
    while (a <= b && /\s/.test(quote[a]!)) shared[a++] = 1;
    while (b >= a && /\s/.test(quote[b]!)) shared[b--] = 1;
    k = end;
  }
}

function segments(quote: string, shared: Uint8Array): QuoteSegment[] {
  trimChangedRuns(quote, shared);
  const runs: QuoteSegment[] = [];
  for (let k = 0; k < quote.length; ) {
    const changed = shared[k] === 0;
    let end = k + 1;
    while (end < quote.length && (shared[end] === 0) === changed) end++;
    runs.push({ text: quote.slice(k, end), changed });
    k = end;
  }
  // A shared space between two changed words reads as part of one changed phrase ("March 2011").
  const merged: QuoteSegment[] = [];
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    const prev = merged[merged.length - 1];
    const next = runs[r + 1];
    if (!run.changed && /^\s+$/.test(run.text) && prev?.changed && next?.changed) {
      prev.text += run.text + next.text;
      r++;
      continue;
    }
    if (prev && prev.changed === run.changed) prev.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
}
