// Stage 4, reading a figure: the article's own war as the event a date or a duration is about, when the
// lexicon names no event for the phrase. "The country's eight-year civil war, which began in 2015" and
// "Valdoria's war began in March 2021" date the war of the article's place (topic.ts), so that two articles on
// one war meet on its start date and age without any war being in the lexicon. Hand-written: the rule is the
// English noun phrase of a war, read against the article's place; no library names "the war an article is about".

import type { ArticleContext } from './events.js';
import type { EventPhrase } from './event-phrases.js';
import { dayNumber } from '../domain/intervals.js';
import type { IsoDate } from '../domain/types.js';
import { countryOf, foldPlace } from './places.js';

// The nouns that name a whole war; an "offensive", a "campaign" or an "operation" is one side's part of it.
// "Fighting", an "insurgency" or an "uprising" with no other modifier is the article's war too ("since fighting broke
// out in March 2024", "the insurgency, which began in 2019").
export const WAR_HEADS: ReadonlySet<string> = new Set(['war', 'conflict', 'insurgency', 'uprising', 'rebellion', 'fighting', 'invasion', 'bloodshed']);
// Lowercase modifiers that leave the war the article's own ("the country's bloody eight-year civil war"); any
// other ("the previous war", "the first war", "a cold war") names another war.
const OWN_WAR_WORD =
  /^(?:civil|ongoing|current|bloody|brutal|long|devastating|grinding|full-scale|full-blown|all-out|years-long|decade-long|so-called|border|armed|internal|ethnic|separatist|deadly|bitter|protracted|country['’]s|nation['’]s|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty)-(?:year|month|week|day)s?(?:-old|-long)?)$/i;

// Determiners that point away from the article's war: "a war", "that war", "its war" (an actor's own).
const OTHER_WAR_DETERMINER: ReadonlySet<string> = new Set(['a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your']);

/**
 * The place of the article's war when the phrase names that war: a war noun whose modifiers are neutral or
 * name the article's place ("Valdoria's war", "the Valdorian conflict", "the war in Valdoria"). Null for a
 * phrase naming another place or a year ("the 1994 war" is history), for an indefinite, demonstrative or
 * possessive phrase, for an actor's own campaign (`actor` non-empty) and when a bare phrase follows an event
 * the article named that is not its war.
 */
export function topicWar(context: ArticleContext, phrase: EventPhrase, actor: readonly string[] = []): string | null {
  if (actor.length > 0 || (phrase.determiner !== null && OTHER_WAR_DETERMINER.has(phrase.determiner))) return null;
  const own = ownWar(context, phrase);
  if (own === null) return null;
  // "Portbrak's offensive … the war": a bare phrase right after another event the article named is that event
  const last = context.lastEvent;
  if (own === 'bare' && last && !last.topic && last.entity === null && context.sentence - last.sentence <= 2) return null;
  return context.war ?? context.topic;
}

/**
 * Whether a war phrase can be the article's war, whatever its determiner: 'named' when its modifiers name
 * the article's place, 'bare' when they are all neutral ("the eight-year civil war"), null otherwise.
 */
export function ownWar(context: ArticleContext, phrase: EventPhrase): 'named' | 'bare' | null {
  const topic = context.topic;
  if (!topic || !WAR_HEADS.has(phrase.head)) return null;
  let named = false;
  // "the war with Chile", "fighting between Peru and Chile": the sides the war is fought between are the article's
  // place or the country it fights, whichever of them the article is about
  // (a town's massacre told in its country's war: "the Chilean conflict" names the war's place, not the town)
  const names = (w: string): boolean => namesPlace(w, topic) || (!!context.war && namesPlace(w, context.war));
  const sides = phrase.sides.filter((w) => names(w) || countryOf(w) !== null);
  if (sides.length > 0 && sides.length === phrase.sides.length) named = true;
  // "the uprising against Odo", "the war against the Front": the one fought, not a place; the war stays the article's
  const fought = (phrase.against ?? []).filter((w) => countryOf(w) === null && !names(w));
  for (const run of runs(phrase.modifiers.filter((w) => !sides.includes(w) && !fought.includes(w)))) {
    if (/^\p{Lu}/u.test(run)) {
      // "the war in Chile's Portbrak region" names Portbrak as the country's part
      if (!names(run) && !names(run.split(/[’']s\s+/u).pop()!)) return null;
      named = true;
    } else if (!OWN_WAR_WORD.test(run)) return null;
  }
  return named ? 'named' : 'bare';
}

/** True when a capitalised word names the place: its name, its demonym, or a stem of its name ("Valdorian"). */
export function namesPlace(word: string, place: string): boolean {
  const country = countryOf(word);
  if (country) return country.name === place || countryOf(place)?.name === country.name;
  const w = foldPlace(word);
  const p = foldPlace(place);
  return w === p || (p.length >= 4 && w.startsWith(p) && w.length - p.length <= 3);
}

/** Modifiers with consecutive capitalised words joined ("East", "Tarn's" → "East Tarn's"). */
function runs(modifiers: readonly string[]): string[] {
  const out: string[] = [];
  let proper = false;
  for (const word of modifiers) {
    const capital = /^\p{Lu}/u.test(word);
    if (capital && proper) out[out.length - 1] += ` ${word}`;
    else out.push(word);
    proper = capital;
  }
  return out;
}

/** The years a finished war lasted, as a closed period of ISO dates. */
export interface WarSpan {
  from: IsoDate;
  to: IsoDate;
}

// "the 1992-1995 war", "the 1992–95 conflict in Valdoria"; "the Valdorian war in the 1990s", "the 1990s war"
const YEARS_WAR = /\b((?:1[89]|20)\d\d)\s*[-–—]\s*((?:1[89]|20)?\d\d)\s+(?:[\p{L}'’-]+\s+){0,2}?(?:war|conflict)\b/u;
const DECADE_WAR = /\b(?:war|conflict)\s+(?:[^.;:!?\d]{0,40}?\s)?(?:in|of|during)\s+the\s+((?:1[89]|20)\d)0s\b|\b((?:1[89]|20)\d)0s\s+(?:civil\s+)?(?:war|conflict)\b/u;
// How long after its end a war's tolls are final totals rather than counts still running.
const FINISHED_DAYS = 365;

/**
 * The span of the article's war when its lead places that war in a finished past ("the 1992-1995 war in
 * Valdoria", "killed in the Valdorian war in the 1990s", at least a year before publication): its tolls are then
 * totals over that span, which set the war's dead against each other across the years they were told in.
 * Only the lead counts: a later mention of an earlier war ("the 2008-2009 war") is background, not the article's war.
 */
export function finishedWarSpan(lead: string, topic: string | null, published: IsoDate): WarSpan | null {
  if (!topic || !namesTopic(lead, topic)) return null;
  const years = YEARS_WAR.exec(lead);
  let span: WarSpan | null = null;
  if (years) {
    const from = Number(years[1]);
    const to = years[2]!.length === 2 ? Math.floor(from / 100) * 100 + Number(years[2]) : Number(years[2]);
    if (to >= from && to - from <= 30) span = { from: `${from}-01-01`, to: `${to}-12-31` };
  } else {
    const decade = DECADE_WAR.exec(lead);
    const start = decade ? Number(decade[1] ?? decade[2]) * 10 : null;
    if (start !== null) span = { from: `${start}-01-01`, to: `${start + 9}-12-31` };
  }
  if (!span || dayNumber(published) - dayNumber(span.to) < FINISHED_DAYS) return null;
  return span;
}

function namesTopic(text: string, topic: string): boolean {
  for (const m of text.matchAll(/\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*/gu)) if (namesPlace(m[0], topic)) return true;
  return false;
}
