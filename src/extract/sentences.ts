// Text → paragraphs → sentences, each with its offsets into the original text (claims keep offsets, so the
// article view can highlight them). The sentence boundaries come from `sentence-splitter`; a few fix-ups
// follow for news copy it leaves joined: a quotation closed by a full stop and followed by a new sentence,
// and words glued by a lost space ("term.Assad") from copy-pasted web pages.

import { split } from 'sentence-splitter';

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

// Words that end with a full stop without ending the sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'maj', 'col', 'lt', 'capt', 'cpt', 'sgt', 'adm', 'cmdr', 'rep', 'sen', 'gov',
  'pres', 'st', 'jr', 'sr', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.u', 'a.m', 'p.m', 'approx', 'est', 'fig',
]);

function endsWithAbbreviation(text: string): boolean {
  const m = /([A-Za-z][A-Za-z.]*)\.["”’)]?$/.exec(text);
  if (!m) return false;
  const word = (m[1] ?? '').toLowerCase();
  return ABBREVIATIONS.has(word) || /^[a-z]$/.test(word) || /^([a-z]\.)+[a-z]$/.test(word);
}

/** Further cut points inside one splitter sentence (offsets relative to it). */
function extraCuts(text: string): number[] {
  const cuts: number[] = [];
  // A closing quote after a full stop, then a capitalised word: `…won." He added`.
  const quoteEnd = /[.!?]["”’]\s+(?=["“‘]?[A-Z])/g;
  for (let m = quoteEnd.exec(text); m; m = quoteEnd.exec(text)) {
    cuts.push(m.index + m[0].length);
  }
  // A number ending a sentence: the splitter reads "in 2014. Diplomats" as one sentence.
  const afterNumber = /\d[.!?]["”’)]?\s+(?=["“‘]?[A-Z])/g;
  for (let m = afterNumber.exec(text); m; m = afterNumber.exec(text)) {
    cuts.push(m.index + m[0].length);
  }
  // A full stop with no space before a capitalised word: "long-term.Assad" (but not "U.S." or "S.A").
  const glued = /[a-z]{2,}[.!?](?=[A-Z][a-z])/g;
  for (let m = glued.exec(text); m; m = glued.exec(text)) {
    cuts.push(m.index + m[0].length);
  }
  return cuts.sort((a, b) => a - b);
}

/** Splits one paragraph into sentences with document offsets. */
export function sentencesOf(paragraph: Span, index: number): Sentence[] {
  const pieces: Span[] = [];
  for (const node of split(paragraph.text)) {
    if (node.type !== 'Sentence') continue;
    const [from, to] = node.range;
    let last = from;
    for (const cut of extraCuts(node.raw)) {
      pieces.push({ text: paragraph.text.slice(last, from + cut).trimEnd(), start: last, end: from + cut });
      last = from + cut;
    }
    pieces.push({ text: paragraph.text.slice(last, to), start: last, end: to });
  }
  // Re-join pieces the splitter cut after an abbreviation ("7 a.m. | on Tuesday").
  const merged: Span[] = [];
  for (const piece of pieces) {
    const prev = merged[merged.length - 1];
    const body = piece.text.trim();
    if (!body) continue;
    if (prev && (/^[a-z]/.test(body) || endsWithAbbreviation(prev.text) && /^[A-Z][a-z]/.test(body) === false)) {
      merged[merged.length - 1] = { text: paragraph.text.slice(prev.start, piece.end), start: prev.start, end: piece.end };
    } else merged.push(piece);
  }
  return merged.map((s) => {
    const lead = s.text.length - s.text.trimStart().length;
    const body = s.text.trim();
    const start = paragraph.start + s.start + lead;
    return { text: body, start, end: start + body.length, paragraph: index };
  });
}

/** All sentences of a document, in order, with offsets into it. */
export function sentences(text: string): Sentence[] {
  return paragraphs(text).flatMap((p, i) => sentencesOf(p, i));
}
