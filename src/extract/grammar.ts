// Grammar vocabulary as data: the word lists the extraction rules read — reporting verbs, hedges, role
// nouns, force words, caption words and agencies — so that reading another kind of reporting needs a data
// edit, not a code edit. Shipped in db/lexicon/grammar.json, stored and edited with the rest of the lexicon
// (the lexicon page); compiled into patterns once per prepared lexicon (prepared.ts), never per article.
// Checked with zod: a malformed file stops the program with a message naming the field.

import { createRequire } from 'node:module';
import { z } from 'zod';
import type { GrammarVocabulary } from '../domain/types.js';
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
}) satisfies z.ZodType<GrammarVocabulary>;

export type Grammar = GrammarVocabulary;

/** The grammar vocabulary in a parsed file; a malformed one is refused with the fields at fault named. */
export function parseGrammar(data: unknown, name = 'db/lexicon/grammar.json'): Grammar {
  const parsed = GrammarFile.safeParse(data);
  if (!parsed.success) throw new Error(`${name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

// Two folders up from src/extract and from dist/extract alike: the project's db/lexicon.
/** The grammar vocabulary, as the shipped file has it (what a lexicon without its own grammar is read with). */
export const GRAMMAR: Readonly<Grammar> = Object.freeze(parseGrammar(createRequire(import.meta.url)('../../db/lexicon/grammar.json')));

/** Words as regular-expression alternatives, in the order given (literal: special characters escaped); none matches nothing. */
export function alternatives(list: readonly string[]): string {
  return list.length === 0 ? '(?!)' : list.map(escapeRegExp).join('|');
}

/** The grammar vocabulary as the stages read it: patterns and sets built once per prepared lexicon. */
export interface CompiledGrammar {
  /** a reporting verb or pattern; group 1 is the verb as written (clauses.ts) */
  readonly verbs: RegExp;
  /** a hedge word; group 1 is the hedge (hedges.ts) */
  readonly hedges: RegExp;
  /** a photo caption's words or agency signature (segment.ts) */
  readonly caption: RegExp;
  /** words a force is named with after its demonym (events.ts) */
  readonly forceWords: ReadonlySet<string>;
  /** head noun → the role it counts (population.ts) */
  readonly roleNouns: ReadonlyMap<string, string>;
}

/** Compiles a grammar vocabulary (the lists are trusted to be valid: parseGrammar or the store checked them). */
export function compileGrammar(g: Grammar): CompiledGrammar {
  const patterns = g.reportingPatterns.length === 0 ? '' : `|${g.reportingPatterns.join('|')}`;
  // Photo captions carry the photo's date, not a claim's ("…, Upper Mires, 19 March 2019. Photo: handout").
  // "(Getty …)" is matched by the agency's first word, a signature at the end by its whole name.
  const agencyFirst = alternatives(g.captionAgencies.map((a) => a.split(/\s+/)[0]!));
  const caption = `\\b(${alternatives(g.captionWords)})\\b|\\((?:${agencyFirst})[^)]*\\)|^[a-z]{2,6}\\d{5,}|\\s(?:${alternatives(g.captionAgencies)})\\.?$`;
  return Object.freeze({
    verbs: new RegExp(`\\b(${alternatives(g.reportingVerbs)}${patterns})\\b`),
    hedges: new RegExp(`\\b(${alternatives(g.hedges)})\\b`, 'i'),
    caption: new RegExp(caption, 'i'),
    forceWords: new Set(g.forceWords.map((w) => w.toLowerCase())),
    roleNouns: new Map(Object.entries(g.roleNouns).flatMap(([role, nouns]) => nouns.map((w): [string, string] => [w.toLowerCase(), role]))),
  });
}

/** The shipped vocabulary compiled: the default of the stage functions that tests call on their own. */
export const SHIPPED_GRAMMAR: CompiledGrammar = compileGrammar(GRAMMAR);
