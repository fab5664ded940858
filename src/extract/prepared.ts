// The lexicon made ready for extraction: its matchers, event index, grammar patterns and entity types, and the
// part-of-speech tagger when the caller loaded one. Built once per extract() call, or once by a caller that extracts
// many articles with one lexicon and passes it on (no cache hides in a module: what is reused is what the caller holds).

import type { EntityType, Lexicon } from '../domain/types.js';
import { eventIndex, type EventIndex } from './events.js';
import { compileGrammar, GRAMMAR, type CompiledGrammar } from './grammar.js';
import { compileLexicon, type CompiledLexicon } from './lexicon-match.js';
import type { Tagger } from './nlp.js';

export interface PreparedLexicon {
  readonly prepared: true;
  readonly lex: CompiledLexicon;
  readonly events: EventIndex;
  /** the grammar vocabulary's patterns: the lexicon's own, else the shipped one */
  readonly grammar: CompiledGrammar;
  /** the part-of-speech tagger (nlp.ts loadTagger), or null: speakers then come from the hand rules alone */
  readonly tagger: Tagger | null;
  /** the lexicon type of an entity name (the first entity of a name, as the lexicon lists it) */
  readonly entityTypes: ReadonlyMap<string, EntityType>;
}

/** Compiles a lexicon for extract(); pass the result as `lexicon` to extract many articles with it. */
export function prepareLexicon(lexicon: Lexicon, tagger: Tagger | null = null): PreparedLexicon {
  const lex = compileLexicon(lexicon);
  const grammar = compileGrammar(lexicon.grammar ?? GRAMMAR);
  const entityTypes = new Map<string, EntityType>();
  for (const e of lexicon.entities) if (!entityTypes.has(e.name)) entityTypes.set(e.name, e.type);
  return { prepared: true, lex, events: eventIndex(lex, grammar.forceWords), grammar, tagger, entityTypes };
}

/** The prepared form of a lexicon, prepared now unless the caller already did. */
export function preparedOf(lexicon: Lexicon | PreparedLexicon): PreparedLexicon {
  return 'prepared' in lexicon ? lexicon : prepareLexicon(lexicon);
}
