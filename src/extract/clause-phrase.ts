// A reporting clause's shape, and its speaker phrase cleaned: the time words, auxiliaries, participles and report
// nouns around a speaker's name ("On Friday the ministry has also", "A report by UN observers submitted to the
// council") taken off, so that what is left names who speaks. Shared by clauses.ts and clauses-cited.ts.

/** One reporting clause of a sentence: a speech verb, "according to" or a relay, with its speaker phrase. */
export interface Clause {
  /** offsets of the reporting verb (or "according to") in the sentence */
  start: number;
  end: number;
  /** offsets of the speaker phrase in the sentence */
  phraseStart: number;
  phraseEnd: number;
  /** the speaker as written: "the Russian Defence Ministry", "he", "a senior lawmaker" */
  raw: string;
  /** the same without a leading article */
  phrase: string;
  /** the words that mark the attribution: "said", "told reporters", "according to" */
  cue: string;
  type: 'verb' | 'according' | 'relay';
  /** an outlet named as the addressee ("X told TASS") passes the claim on */
  toldOutlet: string | null;
}

// Words that close a phrase before its verb and are not the speaker: "the ministry has also", "officials on Monday".
const TRAILING = /\s+(?:(?:on|in)\s+the\s+same\s+(?:day|week|month)|(?:that|the\s+same)\s+day|has|have|had|also|reportedly|previously|earlier|later|recently|then|separately|again|would|will|since|further|repeatedly|publicly|officially|initially|once|now|already|had|on\s+\w+(?:\s+\d{1,2})?|last\s+\w+|this\s+\w+|\w+day|in\s+a\s+statement)$/i;
/** A leading article: "the ministry" and "ministry" are one speaker. */
export const LEADING = /^(?:the|a|an)\s+/i;

// A time phrase opening the sentence ("On Friday the ministry said") is not part of the speaker.
const LEADING_TIME = /^(?:(?:on|last|this|next|early|late|in|by)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|week|month|year|january|february|march|april|may|june|july|august|september|october|november|december|\d{4})(?:\s+\d{1,2})?(?:\s+(?:of\s+)?(?:last|this|next)\s+year)?(?:\s+(?:morning|afternoon|evening|night))?,?\s+/i;

/** A speaker phrase without the words around the name (see the header); "" when nothing is left. */
export function cleanPhrase(raw: string): string {
  // a bullet ("• On August 9 the ambassador said") opens a list item, not the speaker's name
  let p = raw.trim().replace(/^[•·▪●◦‣*–—-]+\s*/u, '').replace(/["“”'‘’]+$/g, '').trim().replace(LEADING_TIME, '');
  for (let prev = ''; prev !== p; ) {
    prev = p;
    p = p.replace(TRAILING, '').trim();
  }
  // "Its spokesman Dara Voss": the possessive points back; the title and name are the speaker
  p = p.replace(/^(?:its|their|his|her)\s+(?=\p{Ll}+\s+\p{Lu})/u, '').replace(/^(?:Its|Their|His|Her)\s+(?=\p{Ll}+\s+\p{Lu})/u, '');
  // "A report by UN observers submitted to the council in May": the speaker ends before its participle
  // "A government statement read on state radio", "an assessment seen by the Coast Wire": and before a participle of broadcast
  p = p.replace(/\s+(?:seen|reviewed|submitted|published|released|issued|presented|prepared|compiled|sent|delivered|read|broadcast|aired|posted|carried)\s+(?:to|in|on|over|by|last|this|earlier)\b.*$/i, '');
  // "according to the same commission, which said": the body a relative "which said" stands for
  p = p.replace(/^according\s+to\s+/i, '');
  // "according to a regional security official who asked not to be named": the relative clause describes the speaker
  p = p.replace(/\s+(?:who|which)\s+.*$/, '');
  // "Reports from the Front indicate": the reports are the Front's
  p = p.replace(/^(?:(?:the|a|an|some|early|initial|latest)\s+)?(?:reports?|figures?|estimates?|data|claims?|statements?|accounts?)\s+(?:from|by|of)\s+(?=\S)/i, '');
  return p.replace(/[.,;:]+$/, '').trim();
}

