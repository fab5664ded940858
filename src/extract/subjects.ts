// Stage 4, reading a figure: subjects by sentence structure, for the figures the cross-check compares —
// whose dead a count counts ("10 Russian servicemen", "the toll among Russian forces was 131"), who holds
// a share of territory, who an occasion is about, whether a count is a part of a total — over one
// sentence's facts (SentenceFacts, shared with event-dates.ts). Hand-written for the reasons given in events.ts.

import type { CompiledLexicon, Hit } from './lexicon-match.js';
import { eventPhrases, type EventPhrase } from './event-phrases.js';
import { forceOfDemonym, type ArticleContext, type EventIndex } from './events.js';
import type { Mention } from './mentions.js';

/** One sentence with what the rules below look at, worked out once per sentence. */
export interface SentenceFacts {
  index: EventIndex;
  text: string;
  entities: Hit[];
  phrases: EventPhrase[];
  article: ArticleContext;
}

/** Gathers the event phrases of a sentence once, for all its figures. */
export function sentenceFacts(index: EventIndex, text: string, entities: Hit[], article: ArticleContext): SentenceFacts {
  return { index, text, entities, phrases: eventPhrases(index, text), article };
}

function lex(f: SentenceFacts): CompiledLexicon {
  return f.index.lex;
}

export function entityName(f: SentenceFacts, i: number | null): string | null {
  return i === null ? null : lex(f).lexicon.entities[i]?.name ?? null;
}

export function entityType(f: SentenceFacts, h: Hit): string {
  return lex(f).lexicon.entities[h.index]?.type ?? 'other';
}

export const ACTOR_TYPES: ReadonlySet<string> = new Set(['place', 'force', 'organisation']);

/** The actor right before a verb ("Russia joined", "Moscow has begun"), or null. */
export function actorBefore(f: SentenceFacts, at: number): Hit | null {
  const hit = [...f.entities].reverse().find((h) => h.end <= at && ACTOR_TYPES.has(entityType(f, h)));
  if (!hit) return null;
  return /^(?:['’]s\s+[\p{L}-]+)?\s*(?:(?:has|had|have|also|then|first|later|finally|formally|officially)\s+)*$/u.test(f.text.slice(hit.end, at)) ? hit : null;
}

/** The first actor of the sentence before `at`: the subject of a gerund ("Russia …, since intervening in"). */
export function clauseActor(f: SentenceFacts, at: number): Hit | null {
  return f.entities.find((h) => h.end <= at && ACTOR_TYPES.has(entityType(f, h))) ?? null;
}

export function actorWords(f: SentenceFacts, hit: Hit | null): string[] {
  return hit ? [f.text.slice(hit.start, hit.end).split(/\s+/)[0] ?? ''] : [];
}

// Words that end the phrase a count counts ("10 Russian servicemen | have been killed").
const COUNT_STOP: ReadonlySet<string> = new Set([
  'have', 'has', 'had', 'were', 'was', 'are', 'is', 'been', 'be', 'died', 'killed', 'since', 'when', 'who', 'which', 'that',
  'after', 'before', 'at', 'by', 'for', 'during', 'from', 'on', 'according', 'said', 'says', 'to', 'in', 'and', 'while', 'with',
]);

// a fresh global pattern for each scan, so no lastIndex outlives it
const TOKEN = (): RegExp =>
  /[^\s]+/g;
const TRAILING_PUNCT = /[,.;:()"“”–—]+$/;

/** The force or organisation named in a span: by alias, else by a demonym ("Russian casualties"). */
function entityInSpan(f: SentenceFacts, from: number, to: number, skip: string | null): string | null {
  const named = f.entities.filter((h) => h.start >= from && h.end <= to && !['place', 'person', 'outlet'].includes(entityType(f, h)));
  const hit = named.find((h) => entityName(f, h.index) !== skip);
  if (hit) return entityName(f, hit.index);
  for (const w of f.text.slice(from, to).matchAll(/\b\p{Lu}\p{Ll}+/gu)) {
    const force = forceOfDemonym(f.index, w[0]);
    if (force !== null && entityName(f, force) !== skip) return entityName(f, force);
  }
  return null;
}

/**
 * Whose number a count is: a force or organisation named in the phrase it counts ("10 Russian
 * servicemen", "10 deaths among Russian military personnel") or in the phrase it completes ("the toll
 * among Russian forces was 131", "Russian casualties – reportedly 131"). Undefined when the sentence
 * does not say; the speaker is never the subject merely for speaking.
 */
export function countSubject(f: SentenceFacts, m: Mention, keywords: readonly { start: number; end: number }[], speaker: string | null): string | undefined {
  const { text } = f;
  // the phrase after the figure, up to its verb or a preposition that starts a new part
  let end = m.end;
  const after = text.slice(m.end, m.end + 90);
  const tokens = TOKEN();
  for (let tok = tokens.exec(after); tok; tok = tokens.exec(after)) {
    const word = TRAILING_PUNCT.test(tok[0]) ? tok[0].replace(TRAILING_PUNCT, '') : tok[0];
    if (COUNT_STOP.has(word.toLowerCase())) break;
    end = m.end + tok.index + word.length;
    if (word !== tok[0] || /^[–—-]$/.test(tok[0])) break;
  }
  // named in the counted phrase itself, the subject may well be the speaker ("the army said 10 of its soldiers")
  const counted = entityInSpan(f, m.end, end, null);
  if (counted) return counted;
  // "The Russian military has reported 10 casualties": losses a force reports without naming whose are its own
  if (speaker && keywords.some((k) => k.start >= m.end && k.start - m.end <= 2)) {
    const force = lex(f).lexicon.entities.find((e) => e.name === speaker && e.type === 'force');
    if (force) return force.name;
  }
  // the phrase before the figure that it completes: "<casualty word> [among X] was/–/: [reportedly] N"
  const before = [...keywords].reverse().find((k) => k.end <= m.start && m.start - k.end <= 70);
  if (before) {
    const between = text.slice(before.end, m.start);
    const m2 = /^((?:\s+(?:among|of|for)\s+[^,;.()\d–—]{1,50}?)?)\s*(?:[–—:]|-\s|\b(?:was|were|is|are|stood|stands|reached|rose|risen|hit|put|at)\b)[^,;.()\d]{0,25}$/.exec(between);
    if (m2) {
      // the phrase opens after the last comma or "of" before the casualty word, within the same stretch
      const from = Math.max(0, before.start - 200);
      const lead = text.slice(from, before.start + 1);
      const start = from + Math.max(lead.lastIndexOf(','), lead.lastIndexOf(' of ') + 3, 0);
      const found = entityInSpan(f, start, before.end + (m2[1]?.length ?? 0), speaker);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Who holds a share of territory: the nearest force or organisation before the figure ("government forces
 * control around 60 percent"), skipping examples ("including Hezbollah") and the speaker. Undefined when
 * none stands before it.
 */
export function controllerSubject(f: SentenceFacts, m: Mention, speaker: string | null): string | undefined {
  const candidates = f.entities.filter(
    (h) =>
      h.end <= m.start &&
      ['force', 'organisation'].includes(entityType(f, h)) &&
      entityName(f, h.index) !== speaker &&
      !/\b(?:including|such as|like|from|with|by)\s+(?:the\s+)?$/i.test(f.text.slice(Math.max(0, h.start - 14), h.start)),
  );
  const hit = candidates[candidates.length - 1];
  return hit ? entityName(f, hit.index) ?? undefined : undefined;
}

/**
 * Who an occasion is about ("Shoigu flew into the base on Saturday", "Putin and Assad met on 13
 * September"): the first person named before the date in its clause, not the speaker. A visit reported as
 * "Shoigu visited Hmeimim" and "Shoygu stopped at Hemeimeem" then meets as one fact. Undefined when no
 * person stands before the date.
 */
export function occasionSubject(f: SentenceFacts, d: Mention, speaker: string | null): string | undefined {
  const from = Math.max(0, d.start - 400);
  const window = f.text.slice(from, d.start);
  const clauseStart = from + Math.max(window.lastIndexOf(';'), window.lastIndexOf(':'), 0);
  const person = f.entities.find((h) => h.start >= clauseStart && h.end <= d.start && entityType(f, h) === 'person' && entityName(f, h.index) !== speaker);
  return person ? entityName(f, person.index) ?? undefined : undefined;
}

const PART_AFTER = /^\s+of\s+(?:the|all\s+the)\s+(?:[\p{Ll}-]+\s+){0,2}?(?:killings|dead|deaths|victims|killed|casualties|disappearances|displaced|abductions)\b/u;

/**
 * "820 of the killings", and "the rebels for 490" joined to it by "and": a figure the words after it (or after the
 * figure its clause shares) make a part of a total told elsewhere. Read on the sentence alone, so that the document
 * pass can tell such a part from a toll that names no place.
 */
export function partOfTotalAfter(text: string, start: number, end: number): boolean {
  if (PART_AFTER.test(text.slice(end, end + 60))) return true;
  for (const n of text.slice(0, start).matchAll(/\d[\d,.]*/g)) {
    const after = n.index + n[0].length;
    if (PART_AFTER.test(text.slice(after, after + 60)) && /^[^.;:]*\band\s+(?:the\s+)?[\p{L} -]{1,40}?\s+for\s+$/u.test(text.slice(after, start))) return true;
  }
  return false;
}

/**
 * True when a count is a part of a total rather than a total: after a colon that follows another count
 * ("10 casualties: seven died in combat, two in a crash"), or introduced by a partitive ("Of those, seven
 * were killed", "including 12 children"). A part meets no other article's total: the cross-check would
 * read "seven" against "ten" as a disagreement.
 */
export function isPartOfTotal(f: SentenceFacts, m: Mention, counts: readonly Mention[]): boolean {
  // the partitive or the colon stands in the same stretch of the sentence: look back a bounded way
  const from = Math.max(0, m.start - 400);
  const before = f.text.slice(from, m.start);
  // ("Local sources, including two officials, told API that 160 had died", "most of those who died were militants, and
  // put the number of civilians at 22": a partitive whose clause a verb of saying or an "and" closes is not the figure's)
  const partitive = /\b(?:of\s+(?:those|them|whom|these)|among\s+(?:them|those|whom)|including)\b([^.;:]*)$/i.exec(before);
  if (partitive && !/\b(?:said|says|told|tells|put|puts|reported|stated|estimated|estimates|concluded)\b|,\s+(?:and|but)\s/i.test(partitive[1]!)) return true;
  // "Of the dead counted by the monitors, about 40,000 were combatants": a sentence that opens on a partitive
  if (/^\s*Of\s+(?:the|those|these|them|all)\b[^.;:]*,\s*(?:\S+\s+){0,3}$/.test(f.text.slice(0, m.start))) return true;
  // "another 227,000 died of hunger", "a further 40 were wounded": an addition to a figure, not a total of its own
  if (/\b(?:another|a\s+further|an\s+additional|an\s+extra)\s+(?:(?:about|around|some|nearly|almost|over|more\s+than)\s+)?$/i.test(before)) return true;
  // "responsible for 820 of the killings and the rebels for 490": a part of a total told elsewhere, and the figure
  // the same clause gives the other side
  if (partOfTotalAfter(f.text, m.start, m.end)) return true;
  const colon = before.lastIndexOf(':');
  return colon >= 0 && counts.some((c) => c !== m && c.end <= from + colon);
}
