// Stage 1, segment: article text → one record per sentence, with its offsets, paragraph, quotations and
// whether it belongs to a photo caption. Pure; the only stage that reads the raw text.

import { SHIPPED_GRAMMAR, type CompiledGrammar } from './grammar.js';
import { paragraphs, sentencesOf, type Sentence, type Span } from './sentences.js';

/** One sentence as every later stage reads it. */
export interface SentenceRecord extends Sentence {
  /** its place among the article's sentences */
  index: number;
  /** where its paragraph starts in the document (a dateline opens its paragraph) */
  paragraphStart: number;
  /** the paragraph is a photo caption: its dates are the photo's */
  caption: boolean;
  /** quotation spans, offsets in the sentence */
  quotes: Span[];
  /** a quotation left open by the sentence before runs on into this one */
  startsInQuote: boolean;
  /** a quotation is still open at its end */
  openAtEnd: boolean;
}

/**
 * The sentences of an article as records; a quotation never runs on across a paragraph break. A paragraph is a
 * photo caption by the grammar vocabulary's caption words and agencies: it carries the photo's date, not a claim's.
 */
export function segment(text: string, grammar: CompiledGrammar = SHIPPED_GRAMMAR): SentenceRecord[] {
  return [...segmentLazily(text, grammar)];
}

/**
 * segment() one paragraph at a time, for a reader that may stop early: extraction with a claim cap stops splitting
 * sentences once the cap is reached, instead of splitting a 4 MB paste whole.
 */
export function* segmentLazily(text: string, grammar: CompiledGrammar = SHIPPED_GRAMMAR): Generator<SentenceRecord> {
  let before: SentenceRecord | undefined;
  let index = 0;
  for (const [p, paragraph] of paragraphs(text).entries()) {
    const caption = grammar.caption.test(paragraph.text);
    for (const s of sentencesOf(paragraph, p)) {
      const startsInQuote = before !== undefined && before.paragraph === s.paragraph && before.openAtEnd;
      const { spans, openAtEnd } = quoteSpans(s.text, startsInQuote);
      // the fields written out: spreading `s` cost a tenth of segmenting
      before = { text: s.text, start: s.start, end: s.end, paragraph: s.paragraph, index, paragraphStart: paragraph.start, caption, quotes: spans, startsInQuote, openAtEnd };
      index += 1;
      yield before;
    }
  }
}

/** True when the offset lies inside one of the sentence's quotations. */
export function inQuote(record: SentenceRecord, at: number): boolean {
  return record.quotes.some((q) => at >= q.start && at < q.end);
}

/** Quotation spans of a sentence, given whether a quotation was left open by the sentence before. */
export function quoteSpans(sentence: string, openAtStart: boolean): { spans: Span[]; openAtEnd: boolean } {
  const spans: Span[] = [];
  let open = openAtStart ? 0 : -1;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i];
    if (c === '“' || (c === '"' && open < 0)) {
      if (open < 0) open = i;
    } else if (c === '”' || c === '"') {
      if (open >= 0) {
        spans.push({ text: sentence.slice(open, i + 1), start: open, end: i + 1 });
        open = -1;
      }
    }
  }
  if (open >= 0) spans.push({ text: sentence.slice(open), start: open, end: sentence.length });
  // British single quotes (‘…’) within the sentence; a ’ before a letter is an apostrophe ("Russia’s").
  const single = /‘[^‘]*?’(?![A-Za-z])/g;
  for (let m = single.exec(sentence); m; m = single.exec(sentence)) {
    const at = m.index;
    if (!spans.some((q) => at >= q.start && at < q.end)) spans.push({ text: m[0], start: at, end: at + m[0].length });
  }
  return { spans: spans.sort((a, b) => a.start - b.start), openAtEnd: open >= 0 };
}
