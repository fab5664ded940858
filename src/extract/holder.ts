// Stage 4, reading a figure: who holds a share of territory when the lexicon names no force ("the rebels control
// 45 percent of the country", "Peru now holds 18 percent of Chile", "the army says it still controls two thirds").
// The holder is the noun phrase before the control verb, folded so that two articles on one war name it alike:
// a country, its demonym or its forces → the country; the state's own bodies ("the government", "the army", "the
// junta") → the article's place; rebels, insurgents and the like → "<place> rebels"; "it", "its forces", "they" →
// the speaker's side; a proper name as written. Hand-written: no library says who controls what.

import { countryOf } from './places.js';
import { organisationOf, sideOfSpeaker } from './population.js';

// a fresh global pattern for each scan, so no lastIndex outlives it
const CONTROL_VERB = (): RegExp => /\b(?:controls?|controlled|controlling|holds?|held|holding|govern(?:s|ed|ing)?|present\s+in|taken|captured|seized|retaken|recaptured|entered|occup(?:y|ies|ied|ying))\b/g;
// Words between the holder and its verb ("the rebels now control", "it still holds").
const BETWEEN = /^(?:now|still|only|already|effectively|currently|also|jointly|reportedly|has|have|had|is|are|was|were|to|had\s+come\s+to)$/i;
// Words that end the holder going back from the verb.
const STOP = /^(?:said|says|say|that|and|but|while|which|who|where|claims?|claimed|believes?|estimates?|according|of|in|on|to|from|by|as)$/i;
const STATE = /^(?:government|army|military|junta|regime|state|authorities|troops|forces|soldiers|administration)$/i;
const REBELS = /^(?:rebels?|insurgents?|militants?|militias?|opposition|guerrillas?|separatists?|fighters|jihadists?|gangs?|cartels?|bandits)$/i;
const PRONOUN = /^(?:it|they|its|their|we|our)$/i;
// "the fighters claimed to control", "the army appears to hold": a verb that takes the control verb as its "to"
const CLAIM_TO = /^(?:claim(?:s|ed)?|appear(?:s|ed)?|seem(?:s|ed)?|continue(?:s|d)?|manage(?:s|d)?|vow(?:s|ed)?)$/i;
const WATCHER = /\b(?:Centre|Center|Monitor|Observatory|Institute|Project|Network|Watch|analysts?|researchers?|experts?|monitors?)\b/u;
const REBEL_NAME = /\b(?:Liberation|Resistance|Revolutionary|Insurgent|Rebel|Separatist|Independence)\b/u;
// "K23 spokesman Ado Venn", "the Korvan Front commander": the organisation a person speaks for (group 1)
const ORG_OF_ROLE = /^(?:the\s+)?((?:\p{Lu}[\p{L}\d'’-]*\s+){1,4})(?:spokes(?:man|woman|person)|commander|leader|official|chief)\b/u;

// "the area under effective Mesan control at", "territory under rebel control to" (group 1 the holder's words)
const UNDER_CONTROL = /\b(?:area|areas|territory|land|share|part|parts|country)\s+(?:now\s+|still\s+)?under\s+(?:the\s+)?(?:effective\s+|full\s+|direct\s+|firm\s+|de\s+facto\s+)?((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)\s+control\b[^.;]{0,30}$/u;

/** The holder of the share at `figureStart`, or null when the sentence names none. */
export function territoryHolder(
  sentence: string,
  figureStart: number,
  speaker: string | null,
  place: string | null,
  country: string | null = null,
  rebels: ReadonlySet<string> = new Set(),
): string | null {
  // "the area under effective Mesan control at roughly a quarter": the force named before "control"
  const under = UNDER_CONTROL.exec(sentence.slice(Math.max(0, figureStart - 90), figureStart));
  if (under) {
    const held = fold(under[1]!.split(/\s+/), speaker, place && !countryOf(place) && country ? country : place, false, place);
    if (held !== null) return rebels.has(under[1]!.toLowerCase()) ? `${place ?? country} rebels` : held;
  }
  let verb: RegExpExecArray | null = null;
  const verbs = CONTROL_VERB();
  for (let m = verbs.exec(sentence); m && m.index < figureStart; m = verbs.exec(sentence)) verb = m;
  if (!verb || /[.;]/.test(sentence.slice(verb.index, figureStart)) || figureStart - verb.index > 60) return null;
  const words = sentence.slice(Math.max(0, verb.index - 80), verb.index).split(/\s+/).filter(Boolean);
  const own = subjectBefore(words, words.length - 1);
  // "the army and its auxiliaries now control": the possessive points back to the first of the pair
  let phrase = own.phrase;
  if (/^(?:its|their)$/i.test(phrase[0] ?? '') && /^and$/i.test(words[own.index - 1] ?? '')) {
    const first = subjectBefore(words, own.index - 2).phrase;
    if (first.length > 0 && !PRONOUN.test(first[0]!)) phrase = first;
  }
  // the state's forces are the country's, though the article be about one of its cities
  const state = place && !countryOf(place) && country ? country : place;
  const named = phrase.filter((w) => !/^(?:the|a|an)$/i.test(w));
  // "the Ostras control 20 percent" in an article about "the Ostra rebels", or "'We control two thirds,' the Ostra
  // spokesman said": the rebels, named as the rebels are
  const rebelsNamed = (name: string): boolean => {
    const key = name.replace(/^the\s+/i, '').toLowerCase();
    return rebels.has(key) || rebels.has(key.replace(/(?:s|[’']s)$/u, ''));
  };
  if (named.length > 0 && named.every((w) => /^\p{Lu}/u.test(w)) && rebelsNamed(named.join(' '))) return `${place ?? state} rebels`;
  const holder = fold(named, speaker, state, /^the$/i.test(phrase[0] ?? ''), place);
  return holder !== null && rebelsNamed(holder) ? `${place ?? state} rebels` : holder;
}

/**
 * The noun phrase that ends at words[last] and is the subject of the control verb after it, read backwards; `index` is
 * where it starts. "the fighters claimed to control": a verb of claiming with its "to" stands between subject and verb.
 */
function subjectBefore(words: readonly string[], last: number): { phrase: string[]; index: number } {
  const phrase: string[] = [];
  let start = last + 1;
  for (let i = last; i >= 0; i--) {
    const w = words[i]!;
    const bare = w.replace(/[,"“”]+$/u, '');
    // a comma before the verb closes an appositive ("the guerrilla force fighting for independence from Serbia,
    // claims to control"): the subject stands before it, so none is read here
    if (bare !== w) break;
    if (phrase.length === 0 && BETWEEN.test(bare)) continue;
    if (phrase.length === 0 && CLAIM_TO.test(bare) && /^to$/i.test(words[i + 1] ?? '')) continue;
    if (STOP.test(bare) || !/^[\p{L}'’-]+$/u.test(bare)) break;
    phrase.unshift(bare);
    start = i;
    // "said on Thursday they now control": a pronoun is the whole subject
    if (/^(?:the|a|an)$/i.test(bare) || PRONOUN.test(bare) || phrase.length >= 5) break;
  }
  return { phrase, index: start };
}

function fold(words: string[], speaker: string | null, place: string | null, article = false, topic: string | null = place): string | null {
  // "they said they had taken three towns and now hold 45 percent": the verb shares the speaker's subject
  if (words.length === 0) return speaker ? sideName(speaker, place, topic) : null;
  const head = words[words.length - 1]!;
  // "The Centre for Research in Human Rights says they now control 60 percent": a body that watches the war is not the
  // "they" that holds ground; an armed group is, and the war's armed groups are its rebels
  if (/^they$/i.test(head) && words.length === 1 && speaker && WATCHER.test(speaker) && (topic ?? place)) return `${topic ?? place} rebels`;
  if (words.length === 1 && PRONOUN.test(head)) return speaker ? sideName(speaker, place, topic) : null;
  // "its fighters held 70 percent": fighters are the rebels' whoever speaks for them
  if (/^(?:its|their)$/i.test(words[0]!) && REBELS.test(head) && (topic ?? place)) return `${topic ?? place} rebels`;
  if (PRONOUN.test(words[0]!) && speaker) return sideName(speaker, place, topic);
  const country = words.map((w) => countryOf(w.replace(/[’']s$/u, ''))).find(Boolean);
  if (country) return country.name;
  // the rebels are the war's, named by its place, though the state be named by its country
  if (REBELS.test(head) || words.some((w) => /^rebel$/i.test(w))) return (topic ?? place) ? `${topic ?? place} rebels` : null;
  if (STATE.test(head)) return /^\p{Lu}/u.test(words[0]!) && !STATE.test(words[0]!) ? words.join(' ') : place;
  // a proper name as written ("the Korvan Front", "Coastal Guard"); "the Tarnites" as its people's adjective
  return words.every((w) => /^\p{Lu}/u.test(w)) ? organisationOf(`${article ? 'the ' : ''}${words.join(' ')}`) : null;
}

/**
 * The side a speaker stands for: its country, the rebels, the state, or its own name. A region's own forces in a war
 * about that region ("Mesan forces said they hold 80 percent", in an article on the war in Mesa) are its rebels.
 */
function sideName(speaker: string, place: string | null, topic: string | null = place): string {
  const side = sideOfSpeaker(speaker);
  const first = /^(?:the\s+)?(\p{Lu}[\p{L}-]*)/u.exec(speaker)?.[1];
  if (topic && !countryOf(topic) && first?.startsWith(topic)) return `${topic} rebels`;
  // "the Mesa Liberation Army", "the Ostra Resistance Front": a name that says it fights the state
  if (REBEL_NAME.test(speaker) && (topic ?? place)) return `${topic ?? place} rebels`;
  if (side) return countryOf(side)?.name ?? side;
  const words = speaker.split(/\s+/);
  if (words.some((w) => REBELS.test(w) || /^rebel$/i.test(w))) return (topic ?? place) ? `${topic ?? place} rebels` : speaker;
  if (words.some((w) => STATE.test(w)) && place) return place;
  return ORG_OF_ROLE.exec(speaker)?.[1]?.trim() ?? organisationOf(speaker);
}
