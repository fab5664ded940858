// Sentence analysis, speakers from parts of speech: where the hand rules (clauses.ts) find a reporting verb but no
// speaker for it — no phrase at all ("Ilse Marrow, who led the survey for six years, said…") or one that names
// nobody ("…and its partner clinics in East Tarn reported") — the tagger (nlp.ts) reads the verb's subject: the
// first noun phrase of the clause the verb closes, stepping over one ", who …," aside. A candidate must be a noun
// phrase with a noun or proper noun at its head, and the "verb" must be tagged a verb ("a claim that…" is a noun).
// Only sentences with figures and such a verb are tagged, so the tagger costs little.

import { entityNameOf } from '../domain/names.js';
import { isReportingUse, LEADING, type Clause } from './clauses.js';
import type { CompiledGrammar } from './grammar.js';
import type { Tagger, Token } from './nlp.js';
import { matchesOf } from './regex.js';

// Tokens that end the clause a subject is looked for in: punctuation, subordinators, relative pronouns, verbs.
const BOUNDARY_POS: ReadonlySet<string> = new Set(['PUNCT', 'SCONJ', 'VERB', 'SYM']);
const RELATIVE = /^(?:who|which|that|whose|whom)$/i;
// What may stand between the subject and its verb: "has also said", "had earlier reported".
const BEFORE_VERB: ReadonlySet<string> = new Set(['AUX', 'ADV', 'PART']);
// The words of a noun phrase: determiners and possessives open it, adjectives, numbers and nouns make it up.
const NP_OPEN: ReadonlySet<string> = new Set(['DET', 'PRON']);
const NP_WORD: ReadonlySet<string> = new Set(['ADJ', 'PROPN', 'NOUN', 'NUM', 'PART']);
const NP_HEAD: ReadonlySet<string> = new Set(['PROPN', 'NOUN']);

const isBoundary = (t: Token): boolean => BOUNDARY_POS.has(t.pos) || RELATIVE.test(t.text);
// How many tokens before its verb a subject (with one aside) may start: a bound, so that a pasted dump of numbers
// with verbs in it is read in linear time rather than scanned back to its start for every verb.
const REACH = 40;

/** The index after which the verb's clause starts: `end` is its last token before the verb, or -1 when it has none. */
function subjectEnd(tokens: readonly Token[], verb: number): number {
  let end = verb - 1;
  while (end >= 0 && end > verb - REACH && BEFORE_VERB.has(tokens[end]!.pos) && tokens[end]!.text !== "'s") end -= 1;
  if (tokens[end]?.text !== ',') return end;
  // ", who led the survey for six years, said": the aside is stepped over
  let open = end - 1;
  while (open >= 0 && open > verb - REACH && tokens[open]!.text !== ',') open -= 1;
  const first = tokens[open + 1];
  return open > 0 && tokens[open]!.text === ',' && first !== undefined && RELATIVE.test(first.text) ? open - 1 : -1;
}

/** The first noun phrase of the clause that ends at token `end` ("The Upper Mires relief committee"), or null. */
function firstNounPhrase(tokens: readonly Token[], end: number, verb: number): { start: number; end: number } | null {
  if (end < 0 || isBoundary(tokens[end]!)) return null;
  let start = end;
  while (start > 0 && !isBoundary(tokens[start - 1]!)) {
    if (start <= verb - REACH) return null;
    start -= 1;
  }
  let k = start;
  if (NP_OPEN.has(tokens[k]!.pos)) k += 1;
  let head = -1;
  for (; k <= end && NP_WORD.has(tokens[k]!.pos); k += 1) if (NP_HEAD.has(tokens[k]!.pos)) head = k;
  return head < 0 ? null : { start: tokens[start]!.start, end: tokens[head]!.end };
}

/** A reporting clause for the verb `m`, its speaker read from the tags, or null. */
function taggedClause(sentence: string, tokens: readonly Token[], at: ReadonlyMap<number, number>, m: RegExpExecArray): Clause | null {
  const verb = at.get(m.index);
  if (verb === undefined || tokens[verb]!.pos !== 'VERB') return null;
  const np = firstNounPhrase(tokens, subjectEnd(tokens, verb), verb);
  if (!np) return null;
  const raw = sentence.slice(np.start, np.end);
  const phrase = raw.replace(LEADING, '');
  if (entityNameOf(phrase) === null) return null;
  const end = m.index + m[0].length;
  return { start: m.index, end, phraseStart: np.start, phraseEnd: np.end, raw, phrase, cue: m[1] ?? m[0], type: 'verb', toldOutlet: null };
}

/**
 * The reporting clauses of a sentence with figures, with a speaker read from the tags for each reporting verb outside
 * quotations that the hand rules gave none (or one that names nobody). The sentence is tagged only when there is one.
 */
export function withTaggedSpeakers(sentence: string, clauses: readonly Clause[], grammar: CompiledGrammar, tagger: Tagger, quoted: (at: number) => boolean): Clause[] {
  // a pronoun ("said Tuesday it had confirmed") names a speaker the document pass resolves, not a missing one
  const named = new Set(clauses.filter((c) => entityNameOf(c.phrase) !== null || /^(?:he|she|it|they|we|i)$/i.test(c.phrase)).map((c) => c.start));
  const missing = [...matchesOf(grammar.verbs, sentence)].filter((m) => !named.has(m.index) && !quoted(m.index) && isReportingUse(sentence, m));
  if (missing.length === 0) return [...clauses];
  const tokens = tagger.tag(sentence);
  const at = new Map(tokens.map((t, i) => [t.start, i]));
  const found = missing.map((m) => taggedClause(sentence, tokens, at, m)).filter((c): c is Clause => c !== null);
  if (found.length === 0) return [...clauses];
  const replaced = new Set(found.map((c) => c.start));
  return [...clauses.filter((c) => !replaced.has(c.start)), ...found].sort((a, b) => a.start - b.start);
}
