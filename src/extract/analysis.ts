// Stage 3, sentence analysis: a sentence record and its figures → what the figures of that sentence are
// read against: reporting clauses, lexicon entities and keywords, event phrases, places, hedges and the
// period the sentence sets. Pure; worked out once per sentence, never once per figure.

import type { IsoDate } from '../domain/types.js';
import { findClauses, type Clause } from './clauses.js';
import { eventPhrases, hasEventNoun, type EventPhrase } from './event-phrases.js';
import type { SentenceFigures } from './figures.js';
import { clauseHedges, type ClauseHedge } from './hedges.js';
import { entityHits, type Hit } from './lexicon-match.js';
import type { PreparedLexicon } from './prepared.js';
import { sentenceScope } from './scope.js';
import { withTaggedSpeakers } from './tagged-speakers.js';
import { inQuote, type SentenceRecord } from './segment.js';
import { placesIn, type PlaceMention } from './sentence-places.js';

/** What a sentence with figures offers each of them. */
export interface FigureGround {
  /** measure keyword hits: where, and which lexicon metric */
  measureHits: { start: number; end: number; metric: string }[];
  /** keyword hits of casualty metrics */
  casualtyWords: Hit[];
  places: PlaceMention[];
  hedges: ClauseHedge[];
  /** the period the whole sentence sets for its counts ("since last September"), or null */
  sentenceWide: { from: IsoDate | null; to: IsoDate | null } | null;
}

export interface SentenceAnalysis {
  /** every reporting clause, quoted ones too (a quotation's closing "he said" is looked for among them) */
  allClauses: Clause[];
  /** the reporting clauses outside quotations: a verb inside a quotation belongs to the quoted speech */
  clauses: Clause[];
  /** lexicon entities; empty when the sentence has neither figures nor event nouns (nothing reads them) */
  entities: Hit[];
  /** noun phrases around event nouns ("the country's eight-year civil war") */
  phrases: EventPhrase[];
  /** null when the sentence has no figures */
  ground: FigureGround | null;
}

/** The reporting clauses of every sentence (a sentence's speakers may be named in the next one). */
export function analyseSentence(s: SentenceRecord, figures: SentenceFigures, prepared: PreparedLexicon, published: IsoDate): SentenceAnalysis {
  const allClauses = findClauses(s.text, prepared.grammar);
  const hasFigures = figures.mentions.length > 0;
  const handRead = allClauses.filter((c) => !inQuote(s, c.start));
  // where the hand rules missed a reporting verb's speaker, the tagger reads it (tagged-speakers.ts)
  const clauses = hasFigures && prepared.tagger ? withTaggedSpeakers(s.text, handRead, prepared.grammar, prepared.tagger, (at) => inQuote(s, at)) : handRead;
  if (!hasFigures && !hasEventNoun(prepared.events, s.text)) return { allClauses, clauses, entities: [], phrases: [], ground: null };
  const entities = entityHits(prepared.lex, s.text);
  const phrases = eventPhrases(prepared.events, s.text);
  return { allClauses, clauses, entities, phrases, ground: hasFigures ? figureGround(s, figures, prepared, published) : null };
}

function figureGround(s: SentenceRecord, figures: SentenceFigures, prepared: PreparedLexicon, published: IsoDate): FigureGround {
  const { metrics } = prepared.lex.lexicon;
  return {
    measureHits: figures.hits.map((h) => ({ start: h.start, end: h.end, metric: metrics[h.index]?.metric ?? '' })),
    casualtyWords: figures.hits.filter((h) => metrics[h.index]?.kind === 'casualties'),
    places: placesIn(s.text),
    hedges: clauseHedges(s.text, prepared.grammar),
    sentenceWide: sentenceScope(s.text, figures.dates, published),
  };
}
