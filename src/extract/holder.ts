// Stage 4, reading a figure: who holds a share of territory when the lexicon names no force ("the rebels control
// 45 percent of the country", "Peru now holds 18 percent of Chile", "the army says it still controls two thirds").
// The holder is the noun phrase before the control verb, folded so that two articles on one war name it alike:
// a country, its demonym or its forces → the country; the state's own bodies ("the government", "the army", "the
// junta") → the article's place; rebels, insurgents and the like → "<place> rebels"; "it", "its forces", "they" →
// the speaker's side; a proper name as written. Hand-written: no library says who controls what.

import { countryOf } from './places.js';
import { organisationOf, sideOfSpeaker } from './population.js';

// a fresh global pattern for each scan, so no lastIndex outlives it
const CONTROL_VERB = (): RegExp => /\b(?:controls?|controlled|controlling|holds?|held|holding|govern(?:s|ed|ing)?|present\s+in|taken|captured|seized|retaken|recaptured|occup(?:y|ies|ied|ying))\b/g;
// Words between the holder and its verb ("the rebels now control", "it still holds").
const BETWEEN = /^(?:now|still|only|already|effectively|currently|also|jointly|reportedly|has|have|had|is|are|was|were|to|had\s+come\s+to)$/i;
// Words that end the holder going back from the verb.
const STOP = /^(?:said|says|say|that|and|but|while|which|who|where|claims?|claimed|believes?|estimates?|according|of|in|on|to|from|by|as)$/i;
const STATE = /^(?:government|army|military|junta|regime|state|authorities|troops|forces|soldiers|administration)$/i;
const REBELS = /^(?:rebels?|insurgents?|militants?|militias?|opposition|guerrillas?|separatists?|fighters|jihadists?|gangs?|cartels?|bandits)$/i;
const PRONOUN = /^(?:it|they|its|their)$/i;

/** The holder of the share at `figureStart`, or null when the sentence names none. */
export function territoryHolder(sentence: string, figureStart: number, speaker: string | null, place: string | null, country: string | null = null): string | null {
  let verb: RegExpExecArray | null = null;
  const verbs = CONTROL_VERB();
  for (let m = verbs.exec(sentence); m && m.index < figureStart; m = verbs.exec(sentence)) verb = m;
  if (!verb || /[.;]/.test(sentence.slice(verb.index, figureStart)) || figureStart - verb.index > 60) return null;
  const words = sentence.slice(Math.max(0, verb.index - 80), verb.index).split(/\s+/).filter(Boolean);
  const phrase: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    const bare = w.replace(/[,"“”]+$/u, '');
    if (bare !== w && phrase.length > 0) break;
    if (phrase.length === 0 && BETWEEN.test(bare)) continue;
    if (STOP.test(bare) || !/^[\p{L}'’-]+$/u.test(bare)) break;
    phrase.unshift(bare);
    if (/^(?:the|a|an)$/i.test(bare) || phrase.length >= 5) break;
  }
  // the state's forces are the country's, though the article be about one of its cities
  const state = place && !countryOf(place) && country ? country : place;
  return fold(phrase.filter((w) => !/^(?:the|a|an)$/i.test(w)), speaker, state, /^the$/i.test(phrase[0] ?? ''));
}

function fold(words: string[], speaker: string | null, place: string | null, article = false): string | null {
  // "they said they had taken three towns and now hold 45 percent": the verb shares the speaker's subject
  if (words.length === 0) return speaker ? sideName(speaker, place) : null;
  const head = words[words.length - 1]!;
  if (words.length === 1 && PRONOUN.test(head)) return speaker ? sideName(speaker, place) : null;
  if (PRONOUN.test(words[0]!) && speaker) return sideName(speaker, place);
  const country = words.map((w) => countryOf(w.replace(/[’']s$/u, ''))).find(Boolean);
  if (country) return country.name;
  if (REBELS.test(head) || words.some((w) => /^rebel$/i.test(w))) return place ? `${place} rebels` : null;
  if (STATE.test(head)) return /^\p{Lu}/u.test(words[0]!) && !STATE.test(words[0]!) ? words.join(' ') : place;
  // a proper name as written ("the Korvan Front", "Coastal Guard"); "the Tarnites" as its people's adjective
  return words.every((w) => /^\p{Lu}/u.test(w)) ? organisationOf(`${article ? 'the ' : ''}${words.join(' ')}`) : null;
}

/** The side a speaker stands for: its country, the rebels, the state, or its own name. */
function sideName(speaker: string, place: string | null): string {
  const side = sideOfSpeaker(speaker);
  if (side) return countryOf(side)?.name ?? side;
  const words = speaker.split(/\s+/);
  if (words.some((w) => REBELS.test(w) || /^rebel$/i.test(w))) return place ? `${place} rebels` : speaker;
  if (words.some((w) => STATE.test(w)) && place) return place;
  return organisationOf(speaker);
}
