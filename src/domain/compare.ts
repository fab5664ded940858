// Side-by-side comparison of the claims of a conflict or a fact: one column per claim with who said it,
// when, how hedged, the figure and its interval and time scope, and the quote with the words that differ
// from the other quotes marked. Returns plain data (segments, not HTML) so that templates escape it.

import { diffArrays } from 'diff';
import { formatDateInterval, formatFigure } from './figures.js';
import { impliedStart, timeScopeKind, type ClaimInContext, type TimeScopeKind } from './crosscheck.js';
import type { ClaimRank, ClaimStatus, Figure, IsoDate, Qualifier } from './types.js';
import { timeScopeWords } from './scope-words.js';

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
    timeScope: timeScopeWords(c, 'short'),
    impliedStart: implied ? formatDateInterval(implied.low, implied.high) : null,
    status: c.status,
    rank: c.rank,
    quote,
  };
}

/**
 * Splits each quote into segments, marking as changed the words it shares with no other quote. A single
 * quote has nothing to differ from. With more than two quotes, a word counts as shared when any other
 * quote has it in the same order. Words are compared ignoring case and the kind of apostrophe; a hyphenated
 * word ("al-Assad", "eight-year") and a number with separators ("10,000") are one word.
 */
export function markQuoteDifferences(quotes: readonly string[]): QuoteSegment[][] {
  const tokenized = quotes.map(tokenize);
  return tokenized.map((tokens, i) => {
    if (quotes[i] === '') return [];
    const shared = new Array<boolean>(tokens.length).fill(quotes.length < 2);
    tokenized.forEach((other, j) => {
      if (j !== i) markShared(tokens, other, shared);
    });
    absorbStrayFunctionWords(tokens, shared);
    return segments(tokens, shared);
  });
}

interface Token {
  text: string;
  /** What is compared: lower case, one kind of apostrophe. */
  key: string;
  space: boolean;
  /** A word that carries meaning (not punctuation, not a function word); these anchor the alignment. */
  content: boolean;
}

// A word: letters and digits, joined by hyphens or apostrophes inside it, and digits by separators inside a
// number. Anything else that is not whitespace is a token of its own. diff's own word tokenizer splits at
// every word boundary, so "al-Assad" became "al", "-", "Assad" and only part of a name was marked.
const TOKEN = /[\p{L}\p{N}\p{M}]+(?:(?:[-\u2010\u2011'\u2019][\p{L}\p{N}\p{M}]+)|(?:(?<=\p{N})[.,](?=\p{N})\p{N}+))*|\s+|[^\s]/gu;

// Short words of English grammar. They are shared by almost any two sentences, so they must not decide how
// two quotes line up, and one left between two changed phrases is a coincidence, not a shared part.
const FUNCTION_WORDS = new Set(
  ('a an the and or but of in on at to for from by with as into onto over under about since than that which who ' +
    'whom whose this these those it its is are was were be been being has have had do does did not no so ' +
    'he she they we i you his her their our your him them us me my there here then when while after before')
    .split(' '),
);

function tokenize(quote: string): Token[] {
  return [...quote.matchAll(TOKEN)].map(([text]) => {
    const key = text.toLowerCase().replace(/\u2019/g, "'");
    const space = /^\s/.test(text);
    return { text, key, space, content: !space && /[\p{L}\p{N}]/u.test(text) && !FUNCTION_WORDS.has(key) };
  });
}

/**
 * Sets shared[k] for every word of `tokens` that lines up with a word of `other`. The meaningful words
 * are aligned first (a word diff over them alone), then each gap between two aligned words is diffed
 * word for word: so "began in" lines up with "began in", not a stray "in" elsewhere in the other quote.
 */
function markShared(tokens: readonly Token[], other: readonly Token[], shared: boolean[]): void {
  for (const [k] of alignQuotes(tokens, other)) shared[k] = true;
}

/**
 * Pairs of positions (in `tokens`, in `other`) of the words the two quotes have in common, in order.
 * Quotes often have several alignments of the meaningful words of the same length ("military" or "began"
 * in common, not both); the diff picks one arbitrarily, so it is run forwards and backwards and the
 * alignment whose common words stand together more is kept: that is the one a reader sees as shared.
 */
function alignQuotes(tokens: readonly Token[], other: readonly Token[]): [number, number][] {
  const words = indicesOf(tokens, (t) => !t.space);
  const otherWords = indicesOf(other, (t) => !t.space);
  const content = words.filter((k) => tokens[k]!.content);
  const otherContent = otherWords.filter((k) => other[k]!.content);
  const candidates = [
    commonPairs(content, otherContent, tokens, other),
    commonPairs([...content].reverse(), [...otherContent].reverse(), tokens, other).reverse(),
  ].map((anchors) => {
    const bounds: [number, number][] = [[-1, -1], ...anchors, [tokens.length, other.length]];
    const pairs: [number, number][] = [];
    for (let n = 0; n + 1 < bounds.length; n++) {
      const [a0, b0] = bounds[n]!;
      const [a1, b1] = bounds[n + 1]!;
      if (n > 0) pairs.push([a0, b0]);
      const gapMine = words.filter((k) => k > a0 && k < a1);
      const gapTheirs = otherWords.filter((k) => k > b0 && k < b1);
      pairs.push(...commonPairs(gapMine, gapTheirs, tokens, other));
    }
    return pairs;
  });
  return candidates.reduce((best, c) => (contiguity(c) > contiguity(best) ? c : best));
}

function commonPairs(mine: number[], theirs: number[], tokens: readonly Token[], other: readonly Token[]): [number, number][] {
  const pairs: [number, number][] = [];
  let a = 0;
  let b = 0;
  for (const change of diffArrays(mine.map((k) => tokens[k]!.key), theirs.map((k) => other[k]!.key))) {
    const count = change.count ?? change.value.length;
    if (change.added) b += count;
    else if (change.removed) a += count;
    else for (let n = 0; n < count; n++) pairs.push([mine[a++]!, theirs[b++]!]);
  }
  return pairs;
}

/** How much an alignment keeps words together: pairs whose predecessor is also the neighbour in both quotes. */
function contiguity(pairs: readonly [number, number][]): number {
  let score = pairs.length;
  for (let n = 1; n < pairs.length; n++) {
    const [a0, b0] = pairs[n - 1]!;
    const [a1, b1] = pairs[n]!;
    if (a1 - a0 <= 2 && b1 - b0 <= 2) score++; // next word, allowing for the space between
  }
  return score;
}

function indicesOf(tokens: readonly Token[], keep: (t: Token) => boolean): number[] {
  return tokens.flatMap((t, k) => (keep(t) ? [k] : []));
}

/**
 * A run of at most three shared function words or punctuation with changed words on both sides ("… the
 * protesters in March 2011" against "… in 2015") lined up by coincidence: it is marked with its neighbours
 * so the change reads as one phrase instead of being chopped up. The same holds for function words
 * between a changed phrase and the start or end of the quote ("A drone struck…"), but not for punctuation
 * alone there: the full stop after a changed figure is still shared.
 */
function absorbStrayFunctionWords(tokens: readonly Token[], shared: boolean[]): void {
  const words = indicesOf(tokens, (t) => !t.space);
  for (let w = 0; w < words.length; ) {
    if (!shared[words[w]!]) {
      w++;
      continue;
    }
    let end = w;
    while (end < words.length && shared[words[end]!]) end++;
    const run = words.slice(w, end);
    const hasWord = run.some((k) => /[\p{L}\p{N}]/u.test(tokens[k]!.text));
    const flanked = (w > 0 || hasWord) && (end < words.length || hasWord) && (w > 0 || end < words.length);
    if (flanked && run.length <= 3 && run.every((k) => !tokens[k]!.content)) for (const k of run) shared[k] = false;
    w = end;
  }
}

/**
 * Runs of changed and unchanged text. Whitespace between two changed words belongs to the changed phrase
 * ("March 2011"); any other whitespace is unchanged, so marks never start or end with a space.
 */
function segments(tokens: readonly Token[], shared: readonly boolean[]): QuoteSegment[] {
  const runs: QuoteSegment[] = [];
  tokens.forEach((t, k) => {
    const changed = t.space ? !shared[k - 1] && k > 0 && !shared[k + 1] && k + 1 < tokens.length : !shared[k];
    const last = runs[runs.length - 1];
    if (last && last.changed === changed) last.text += t.text;
    else runs.push({ text: t.text, changed });
  });
  return runs;
}
