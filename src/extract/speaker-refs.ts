// What kind of reference a speaker phrase is ("he", "we", "the ministry", "a senior official", a name), for
// the document pass that resolves it to a name. Hand-written: a handful of English reference forms.

import { LEADING } from './clauses.js';

const PRONOUNS = /^(he|she|they|it|him|her|them)$/i;
// Data that "shows" or "found" something is not a speaker; whose data it is may be ("the ministry's figures").
const DATA_NOUN = /\b(figures|data|numbers|statistics|projections|models|video|videos|footage|images|pictures|photos|documents|records|map|maps|results|study|analysis|research|report|reports|tally|count|estimates?|assessments?|surveys?|audit|census)$/i;

const OWNER_MODIFIER = /^(?:the\s+)?((?:[Gg]overnment|[Mm]inistry|[Aa]rmy|[Mm]ilitary|[Pp]olice|[Rr]egime|[Hh]ospital|[Ss]tate)|\p{Lu}{2,}|(?:\p{Lu}\.){2,})\s+(?:own\s+|\p{Ll}+\s+)?(?:figures|data|numbers|statistics|records|tally|count|estimates?|assessments?|surveys?|audit|census)$/u;
const DATA_FROM = /^(?:\S+\s+)?(?:figures|data|numbers|statistics|records|results|study|analysis|research|report|tally|count|estimates?)\s+(?:from|by|of)\s+((?:the\s+)?\p{Lu}.*)$/iu;

/** The owner of data named as a speaker ("the ministry's figures" → "ministry"), "" when none is named. */
export function dataOwner(phrase: string): string | null {
  // "data from the Upper Mires Conflict Monitor": the named body after from/by/of owns the data
  const named = DATA_FROM.exec(phrase);
  if (named?.[1]) return named[1].replace(LEADING, '');
  if (!DATA_NOUN.test(phrase)) return null;
  // "Government figures", "UN data": a body named as the data's modifier owns it ("official figures" name none)
  const modifier = OWNER_MODIFIER.exec(phrase);
  if (modifier?.[1]) return modifier[1];
  const owner = /^(.+?)['’]s?\s+(?:\w+\s+)?\S+$/.exec(phrase);
  return owner?.[1] ? owner[1].replace(LEADING, '') : '';
}
const FIRST_PERSON = /^(?:we|i)$|^(?:our|my)\s/i;
// A definite role refers back to a speaker already named ("the ministry also said").
const DEFINITE_ROLE = /^(?:the\s+)?(?:same\s+)?(commission|bureau|council|committee|ministry|group|agency|minister|spokesman|spokeswoman|spokesperson|official|military|army|president|monitor|observatory|organisation|organization|statement|report|document|communiqu[eé]|company|office|department|government|kremlin|pentagon|commander|general|leader|premier|prime minister)$/i;
const INDEFINITE = /^(?:a|an|one)\s/i;

export type SpeakerRef =
  | { type: 'pronoun' }
  | { type: 'first-person' }
  | { type: 'role'; head: string }
  | { type: 'indefinite' }
  | { type: 'named' };

/** What kind of reference a speaker phrase is, to decide whether to look elsewhere for the name. */
export function speakerRef(phrase: string, rawBefore: string): SpeakerRef {
  if (PRONOUNS.test(phrase)) return { type: 'pronoun' };
  if (FIRST_PERSON.test(phrase)) return { type: 'first-person' };
  const role = DEFINITE_ROLE.exec(phrase);
  if (role?.[1] && /^the\s/i.test(rawBefore)) return { type: 'role', head: role[1].toLowerCase() };
  if (INDEFINITE.test(rawBefore)) return { type: 'indefinite' };
  return { type: 'named' };
}

/** True when a phrase carries a personal name: two or more capitalised words ("Viktor Bondarev"). */
export function hasProperName(phrase: string): boolean {
  return /\b[A-Z][a-z'’-]+\s+(?:[A-Z][a-z'’-]*\s+)?[A-Z][a-z'’-]+/.test(phrase);
}
