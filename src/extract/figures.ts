// Stage 2, mentions: a sentence record → its figures (dates, numbers, vague quantities, durations, ranges as
// one mention), with datelines, captions and scope-only dates set aside. Pure; reads the lexicon's metric
// keywords only to tell a counted "one" from a pronoun.

import { findClockTimes, type DateFinder } from './dates.js';
import { keywordHits, type CompiledLexicon, type Hit } from './lexicon-match.js';
import type { Mention } from './mentions.js';
import { findNumericFigures } from './numbers.js';
import type { SentenceRecord } from './segment.js';

// A sentence (at most MAX_SENTENCE characters) holding more figures than this is a table or a list of
// numbers run into one line, not statements in prose: only its first figures are proposed. Without a
// bound, a pasted number dump would become hundreds of thousands of candidates for the reviewer.
const MAX_FIGURES = 50;

/** The figures of one sentence. */
export interface SentenceFigures {
  /** every date, a caption's and a dateline's too */
  allDates: Mention[];
  /** the dates that are claims */
  dates: Mention[];
  numbers: Mention[];
  /** dates and numbers in order, at most MAX_FIGURES */
  mentions: Mention[];
  /** the lexicon's metric keywords in the sentence */
  hits: Hit[];
}

/** A date that opens its paragraph and is followed by a time, a byline or nothing is a dateline. */
function isDateline(m: Mention, s: SentenceRecord): boolean {
  if (s.start !== s.paragraphStart) return false;
  const lead = s.text.slice(0, m.start);
  // "Published: 12 May 2024", "BEIRUT, March 19 (Reuters) -" and a bare date heading the paragraph
  if (/^(?:(?:first\s+)?published|updated|last updated|posted)\b[:\s]*(?:on\s+)?$/i.test(lead)) return true;
  // "BEIRUT, March 19 (Reuters) –" and "LATAKIA, Syria, June 19 (Northgate Wire) –"
  if (/^[A-Z][A-Z .'-]+,(?:\s*[A-Z][\p{L} .'-]*,)?\s*$/u.test(lead)) return /^\s*(?:\(|[–—-])/.test(s.text.slice(m.end));
  // "Briefing note, 16 June 2016", "Radio Halvard – Foreign desk – 20 June 2016": a short heading that
  // ends with the date after a separator, with no other figure and no full stop, dates the piece
  if (/^[^\d.!?]{1,60}[,–—|-]\s*$/u.test(lead) && /^\s*$/.test(s.text.slice(m.end))) return true;
  if (lead.trim() !== '') return false;
  // a time, a byline ("– Jane Roe –", "by staff") or nothing; "March 2, 2016 – Talks open" is a timeline entry
  return /^\s*(?:\d{1,2}[:.]\d{2}\b|[–—|-]\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\s*(?:[–—|-]|$)|by\b|$|GMT|UTC)/i.test(s.text.slice(m.end));
}

/** "the first nine months of 2017" names the scope of a count, not a date someone asserts. */
function isScopeOnly(d: Mention, text: string): boolean {
  return /\b(?:months|weeks|days)\s+$/i.test(text.slice(Math.max(0, d.start - 8), d.start)) && /^of\s/i.test(d.text);
}

/** The figures of a sentence: dates first, then numbers outside them. */
export function findFigures(s: SentenceRecord, lex: CompiledLexicon, findDates: DateFinder): SentenceFigures {
  const taken = findClockTimes(s.text);
  const allDates = findDates(s.text, taken);
  const dates = allDates.filter((d) => !s.caption && !isDateline(d, s) && !isScopeOnly(d, s.text));
  const hits = keywordHits(lex, s.text);
  const keywordNear = (a: number, b: number): boolean => hits.some((h) => h.start < b && h.end > a);
  // Numbers inside any date (a caption's or dateline's too) are parts of that date, not counts.
  const numbers = findNumericFigures(s.text, [...taken, ...allDates], keywordNear);
  const mentions = [...dates, ...numbers].sort((a, b) => a.start - b.start).slice(0, MAX_FIGURES);
  return { allDates, dates, numbers, mentions, hits };
}
