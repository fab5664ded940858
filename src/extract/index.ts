// extract(): article text → candidate claims, per the README ("How extraction works"), as five named stages over one
// record per sentence (README, "How extraction works"):
//   1 segment (segment.ts)        text → sentences with paragraphs, quotations, captions
//   2 mentions (figures.ts)       each sentence → its figures: dates, numbers, durations, ranges as one
//   3 analysis (analysis.ts)      each sentence → reporting clauses, entities, event phrases, places, hedges
//   4 reading (reading.ts)        each figure → kind, interval, subject, population, scope, speaker, hedge
//   5 document pass (document.ts) speakers and events carried between sentences; caveats and scopes as patches
// Pure: the publication date and the lexicon are arguments; every cache lives for one call.

import { entityNameOf } from '../domain/names.js';
import type { ExtractedClaim, IsoDate, Lexicon } from '../domain/types.js';
import { analyseSentence, type FigureGround, type SentenceAnalysis } from './analysis.js';
import { dateFinder } from './dates.js';
import { closingPass, eventMemory, speakerMemory, type ReadClaim } from './document.js';
import { findFigures, type SentenceFigures } from './figures.js';
import { findClauses } from './clauses.js';
import type { CompiledGrammar } from './grammar.js';
import { preparedOf, type PreparedLexicon } from './prepared.js';
import { readSentence, type ArticleGround } from './reading.js';
import { inQuote, segmentLazily, type SentenceRecord } from './segment.js';
import { articlePlaces } from './topic.js';
import { nameTheRebels, namedRebels } from './rebels.js';
import { finishedWarSpan } from './topic-war.js';

export { prepareLexicon, type PreparedLexicon } from './prepared.js';
export { loadTagger, type Tagger } from './nlp.js';

/** What extract() needs besides the text. */
export interface ExtractOptions {
  /** publication date: relative dates ("on Tuesday") resolve against it */
  published: IsoDate;
  /** the outlet: the speaker of its own first person ("we estimate") */
  publisher?: string | null;
  /** the vocabulary, or the same made ready by prepareLexicon() for extracting many articles with it */
  lexicon: Lexicon | PreparedLexicon;
  /** Stop reading further sentences once this many claims are found (a bound on the work for a pasted number dump). */
  maxClaims?: number;
}

/** Extracts the checkable claims of an article: each figure with its interval, kind, speaker and scope. */
export function extract(text: string, options: ExtractOptions): ExtractedClaim[] {
  const { published } = options;
  const prepared = preparedOf(options.lexicon);
  const findDates = dateFinder(published);
  const records = segmentLazily(text, prepared.grammar);
  const { read, figures } = figuresUpTo(records, options.maxClaims ?? Infinity, (s) => findFigures(s, prepared.lex, findDates));
  // the speaker memory looks a few sentences further for a quotation's closing clause
  const ahead = take(records, LOOKAHEAD);
  const seen = [...read, ...ahead];
  const analyses = [...read.map((s, i) => analyseSentence(s, figures[i]!, prepared, published)), ...ahead.map((s) => clausesOnly(s, prepared.grammar))];
  const speakers = speakerMemory(seen, analyses, prepared.lex, options.publisher ?? null, read.length);
  const { topic, country, war } = articlePlaces(text);
  const rebels = namedRebels(text);
  const contexts = eventMemory(text, read, analyses, prepared.events, topic, new Set(rebels.keys()), war);
  // the article's first sentences, read on past the cap when the cap came sooner
  const lead = [...seen, ...take(records, LEAD_SENTENCES - seen.length)].slice(0, LEAD_SENTENCES).map((r) => r.text).join(' ');
  const article: ArticleGround = { prepared, published, topic, country, war, finishedWar: finishedWarSpan(lead, topic, published), realName: memo(entityNameOf) };
  const claims: ReadClaim[] = [];
  read.forEach((s, i) => {
    const analysis = analyses[i]!;
    if (!hasGround(analysis)) return;
    for (const r of readSentence(article, s, figures[i]!, analysis, speakers[i]!, contexts[i]!)) claims.push({ ...r, sentence: i });
  });
  return nameTheRebels(closingPass(read, figures.map((f) => f.mentions.length > 0), claims, published, prepared.grammar, topic, war), rebels);
}

// How many sentences after a quotation the speaker memory looks for the clause that closes it (document.ts).
const LOOKAHEAD = 3;
// The title and the first sentences: where an article says which war it is about (topic-war.ts finishedWarSpan).
const LEAD_SENTENCES = 3;

/**
 * The sentences read and their figures: every sentence, or, with a cap, the sentences up to the one at which the
 * claims found (one per figure) reach the cap — the rest are not split off the text, let alone read.
 */
function figuresUpTo(
  records: Iterator<SentenceRecord>,
  maxClaims: number,
  find: (s: SentenceRecord) => SentenceFigures,
): { read: SentenceRecord[]; figures: SentenceFigures[] } {
  const read: SentenceRecord[] = [];
  const figures: SentenceFigures[] = [];
  let claims = 0;
  while (claims < maxClaims) {
    const next = records.next();
    if (next.done) break;
    const found = find(next.value);
    claims += found.mentions.length;
    read.push(next.value);
    figures.push(found);
  }
  return { read, figures };
}

/** The next `count` records (fewer at the end of the text). */
function take(records: Iterator<SentenceRecord>, count: number): SentenceRecord[] {
  const out: SentenceRecord[] = [];
  while (out.length < count) {
    const next = records.next();
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

/** A sentence past the cap, read only for the reporting clauses a quotation before it may end with. */
function clausesOnly(s: SentenceRecord, grammar: CompiledGrammar): SentenceAnalysis {
  const allClauses = findClauses(s.text, grammar);
  return { allClauses, clauses: allClauses.filter((c) => !inQuote(s, c.start)), entities: [], phrases: [], ground: null };
}

function hasGround(a: SentenceAnalysis): a is SentenceAnalysis & { ground: FigureGround } {
  return a.ground !== null;
}

/** A function's answers kept for one extract() call: a speaker phrase is checked once per article. */
function memo<T>(f: (key: string) => T): (key: string) => T {
  const seen = new Map<string, T>();
  return (key) => {
    if (!seen.has(key)) seen.set(key, f(key));
    return seen.get(key) as T;
  };
}
