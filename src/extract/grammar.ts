// Grammar vocabulary as data: the word lists the extraction rules read — reporting verbs, hedges, role
// nouns, force words, caption words and agencies — loaded once at start from db/lexicon/grammar.json and
// never changed after, so that reading another kind of reporting needs a data edit, not a code edit.
// Checked with zod at load: a malformed file stops the program with a message naming the field.

import { createRequire } from 'node:module';
import { z } from 'zod';
import { escapeRegExp } from './regex.js';

const words = z.array(z.string().trim().min(1));

const GrammarFile = z.object({
  /** speech verbs and fixed phrases ("said", "declined to comment"), tried in this order */
  reportingVerbs: words,
  /** reporting phrases written as regular-expression patterns ("put the (?:death )?toll at"), tried after the verbs */
  reportingPatterns: words,
  /** words that mark a figure as unconfirmed ("reportedly", "could not be verified") */
  hedges: words,
  /** role → the head nouns that count it ("soldiers": soldier, troops, personnel…) */
  roleNouns: z.record(z.string(), words),
  /** words a force is named with after its demonym ("Valdorian forces", "Valdorian armed forces") */
  forceWords: words,
  /** words that make a paragraph a photo caption ("photo", "handout") */
  captionWords: words,
  /** picture agencies that sign captions ("AP", "Getty Images") */
  captionAgencies: words,
});

export type Grammar = z.infer<typeof GrammarFile>;

/** The grammar vocabulary in a parsed file; a malformed one is refused with the fields at fault named. */
export function parseGrammar(data: unknown, name = 'db/lexicon/grammar.json'): Grammar {
  const parsed = GrammarFile.safeParse(data);
  if (!parsed.success) throw new Error(`${name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

// Two folders up from src/extract and from dist/extract alike: the project's db/lexicon.
/** The grammar vocabulary, as the shipped file has it. */
export const GRAMMAR: Readonly<Grammar> = Object.freeze(parseGrammar(createRequire(import.meta.url)('../../db/lexicon/grammar.json')));

/** Words as regular-expression alternatives, in the order given (literal: special characters escaped). */
export function alternatives(list: readonly string[]): string {
  return list.map(escapeRegExp).join('|');
}
