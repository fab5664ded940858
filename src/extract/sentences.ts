// Text → paragraphs → sentences, each with its offsets into the original text (claims keep offsets, so the
// article view can highlight them). The sentence boundaries come from wink-nlp (nlp.ts sentenceBounds); the rules
// here are ours because they are about news copy and how attribution reads it, which no library knows: further cuts
// (a closing quotation, a number or a lost space before a capitalised word, a credit line after a dash) and re-joins
// (a bracket still open, a title before a name, a numbered line's mark, a footnote mark).
// Every later stage looks around each figure within its sentence, so a sentence must stay short whatever
// is pasted: an over-long paragraph reaches the splitter in pieces, and a sentence longer than
// MAX_SENTENCE (a paste without full stops, a table flattened to one line) is cut at a semicolon, a comma
// or a space. That keeps extraction linear in the size of the text.

import { matchesOf } from './regex.js';
import { sentenceBounds } from './nlp.js';

/** A piece of the document with offsets: text === document.slice(start, end). */
export interface Span {
  text: string;
  start: number;
  end: number;
}

/** A sentence and the paragraph it belongs to (by index), for speakers carried across sentences. */
export interface Sentence extends Span {
  paragraph: number;
}

/** Splits the document into paragraphs at line breaks, trimmed, empty ones dropped. */
export function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body) out.push({ text: body, start: m.index + lead, end: m.index + lead + body.length });
  }
  return out;
}

// Words that end with a full stop without ending the sentence (the team's short list of news-copy abbreviations).
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.u', 'a.m', 'p.m', 'approx', 'est', 'fig',
]);
// Titles: they stand before a name, so a capitalised word after one goes on the sentence ("Maj. Gen. Ivan Petrov").
const TITLES: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'maj', 'col', 'lt', 'capt', 'cpt', 'sgt', 'adm', 'cmdr', 'rep', 'sen', 'gov',
  'pres', 'st', 'jr', 'sr',
]);

/** The word before a closing full stop at the end of the text, lower-cased ("u.s" in "the U.S."), or null. */
function wordBeforeStop(text: string): string | null {
  // only the end matters; an unanchored search over a long piece would cost its whole length each time
  const m = /([A-Za-z][A-Za-z.]*)\.["”’)]?$/.exec(text.slice(-24));
  return m ? (m[1] ?? '').toLowerCase() : null;
}

function endsWithAbbreviation(text: string): boolean {
  const word = wordBeforeStop(text);
  return word !== null && (ABBREVIATIONS.has(word) || TITLES.has(word) || /^[a-z]$/.test(word) || /^([a-z]\.)+[a-z]$/.test(word));
}

function endsWithTitle(text: string): boolean {
  const word = wordBeforeStop(text);
  return word !== null && TITLES.has(word);
}

/** Further cut points inside one splitter sentence (offsets relative to it). */
function extraCuts(text: string): number[] {
  const cuts: number[] = [];
  // A closing quote after a full stop, then a capitalised word: `…won." He added`.
  const quoteEnd = /[.!?]["”’]\s{1,20}(?=["“‘]?[A-Z])/g;
  for (let m = quoteEnd.exec(text); m; m = quoteEnd.exec(text)) {
    cuts.push(m.index + m[0].length);
  }
  // A number ending a sentence ("in 2014. Diplomats"), whatever the splitter makes of it.
  const afterNumber = /\d[.!?]["”’)]?\s{1,20}(?=["“‘]?[A-Z])/g;
  for (let m = afterNumber.exec(text); m; m = afterNumber.exec(text)) {
    cuts.push(m.index + m[0].length);
  }
  // A byline or credit after a dash: "…the ministry said. — Valdoria Wire".
  const dash = /[.!?]["”’)]?\s{1,20}(?=[—–]\s)/g;
  for (let m = dash.exec(text); m; m = dash.exec(text)) {
    cuts.push(m.index + m[0].length);
  }
  // A full stop with no space before a capitalised word: "long-term.Assad" (but not "U.S." or "S.A").
  // The letters are a lookbehind: a leading [a-z]{2,} would rescan a long run of letters at every offset.
  const glued = /(?<=[a-z]{2})[.!?](?=[A-Z][a-z])/g;
  for (let m = glued.exec(text); m; m = glued.exec(text)) {
    cuts.push(m.index + m[0].length);
  }
  return cuts.sort((a, b) => a - b);
}

/** The longest sentence kept whole; longer ones are cut (see cutLong). */
export const MAX_SENTENCE = 1000;
// A paragraph longer than this reaches the splitter in pieces, cut at a sentence end where there is one (the
// splitter's work stays linear), and a piece without any full stop does not need it at all.
const SPLIT_CHUNK = 8000;

/** The last match of a regex ending in text[from, to), as the offset just after it, or -1. */
function lastBreak(text: string, from: number, to: number, re: RegExp): number {
  let at = -1;
  const window = text.slice(from, to);
  for (const m of matchesOf(re, window)) at = from + m.index + m[0].length;
  return at;
}

/**
 * Where to cut a text that must not run past `limit` characters from `from`: the last of the given
 * breaks in the second half of the window (in order of preference), else a hard cut at the limit.
 */
function cutPoint(text: string, from: number, limit: number, breaks: readonly RegExp[]): number {
  const to = from + limit;
  for (const re of breaks) {
    const at = lastBreak(text, from + Math.floor(limit / 2), to, re);
    if (at > from) return at;
  }
  return to;
}

const SENTENCE_END = /[.!?]["”’)]?\s+(?=["“‘(]?\p{Lu})/u;
const SEMICOLON = /;\s*/;
const COMMA = /,\s+/;
const SPACE = /\s+/;

/** Cuts [from, to) of a text into pieces of at most `limit` characters, at the preferred breaks. */
function pieces(text: string, from: number, to: number, limit: number, breaks: readonly RegExp[]): [number, number][] {
  const out: [number, number][] = [];
  let at = from;
  while (to - at > limit) {
    const cut = cutPoint(text, at, limit, breaks);
    out.push([at, cut]);
    at = cut;
  }
  out.push([at, to]);
  return out;
}

// What can end a sentence for the splitter, and what may follow that end.
const TERMINAL = /[.．。?？!！…]/;
const CLOSING = /[.．。?？!！…"”’')\]\s]/;

/** True when a sentence-ending mark stands anywhere but in the closing run at the end of the text. */
function hasInnerTerminal(text: string): boolean {
  let end = text.length;
  while (end > 0 && CLOSING.test(text[end - 1] ?? '')) end--;
  return TERMINAL.test(text.slice(0, end));
}

/** Sentence spans of one piece of a paragraph (offsets in the paragraph), from the splitter and extraCuts. */
function splitPiece(text: string, from: number, to: number): Span[] {
  const piece = text.slice(from, to);
  // A piece with no sentence end before its last characters is one sentence: no need to pay for the
  // splitter (it reads every character, and a paste may hold a hundred thousand lines).
  if (!hasInnerTerminal(piece) || (piece.length > MAX_SENTENCE && !/[.!?]["”’)]?(?:\s|$)/.test(piece))) return [{ text: piece, start: from, end: to }];
  const out: Span[] = [];
  for (const [a, b] of sentenceBounds(piece)) {
    let last = from + a;
    for (const cut of extraCuts(piece.slice(a, b))) {
      out.push({ text: text.slice(last, from + a + cut).trimEnd(), start: last, end: from + a + cut });
      last = from + a + cut;
    }
    out.push({ text: text.slice(last, from + b), start: last, end: from + b });
  }
  return out;
}

/**
 * "according to U.S. | Special Envoy …": a dotted abbreviation right after a preposition or article
 * modifies the next words; a sentence does not end there.
 */
function modifierAbbreviation(text: string): boolean {
  return /\b(?:to|by|of|from|for|with|the|a|an|and|senior|top)\s+(?:\p{Lu}\.){2,}\s*$/u.test(text);
}

/** A bracket opened in the text and not closed by its end. */
function bracketOpenAtEnd(text: string): boolean {
  let open = 0;
  for (const ch of text) {
    if (ch === '(') open += 1;
    else if (ch === ')') open = Math.max(0, open - 1);
  }
  return open > 0;
}

// A numbered line's mark on its own ("3."): it opens the sentence after it.
const LIST_MARK = /^\d{1,3}[.)]$/;

/**
 * Whether a piece goes on the sentence before it: it starts in lower case; the sentence ends with an abbreviation
 * ("7 a.m. | on Tuesday"), a title before a name ("Maj. | Gen."), a dotted modifier ("by U.N. | envoys") or is a
 * numbered line's mark; the piece has no letters (a footnote mark, "[12]"); or the sentence leaves a bracket open
 * that closes within reach. A quotation's sentences stay apart: the document pass gives them the speaker of the
 * clause that closes the quotation.
 */
function joinsPrevious(text: string, prev: Span, piece: Span, body: string): boolean {
  if (piece.end - prev.start > MAX_SENTENCE) return false;
  if (/^[a-z]/.test(body) || modifierAbbreviation(prev.text) || LIST_MARK.test(prev.text.trim())) return true;
  if (!/\p{L}/u.test(body) && !LIST_MARK.test(body)) return true;
  if (endsWithTitle(prev.text) ? /^\p{Lu}/u.test(body) : endsWithAbbreviation(prev.text) && !/^[A-Z][a-z]/.test(body)) return true;
  return bracketOpenAtEnd(prev.text) && text.slice(piece.start, prev.start + MAX_SENTENCE).includes(')');
}

/** Splits one paragraph into sentences with document offsets, none longer than MAX_SENTENCE. */
export function sentencesOf(paragraph: Span, index: number): Sentence[] {
  const { text } = paragraph;
  const spans = pieces(text, 0, text.length, SPLIT_CHUNK, [SENTENCE_END, SEMICOLON, SPACE]).flatMap(([a, b]) => splitPiece(text, a, b));
  const merged: Span[] = [];
  for (const piece of spans) {
    const prev = merged[merged.length - 1];
    const body = piece.text.trim();
    if (!body) continue;
    if (prev && joinsPrevious(text, prev, piece, body)) {
      merged[merged.length - 1] = { text: text.slice(prev.start, piece.end), start: prev.start, end: piece.end };
    } else merged.push(piece);
  }
  return merged.flatMap((s) => cutLong(text, s)).flatMap((s) => {
    const lead = s.text.length - s.text.trimStart().length;
    const body = s.text.trim();
    if (!body) return [];
    const start = paragraph.start + s.start + lead;
    return [{ text: body, start, end: start + body.length, paragraph: index }];
  });
}

/** A sentence longer than MAX_SENTENCE, cut at semicolons, commas or spaces (offsets in the paragraph). */
function cutLong(text: string, s: Span): Span[] {
  if (s.text.length <= MAX_SENTENCE) return [s];
  return pieces(text, s.start, s.end, MAX_SENTENCE, [SEMICOLON, COMMA, SPACE]).map(([a, b]) => ({ text: text.slice(a, b), start: a, end: b }));
}

/** All sentences of a document, in order, with offsets into it. */
export function sentences(text: string): Sentence[] {
  return paragraphs(text).flatMap((p, i) => sentencesOf(p, i));
}
