// Stage "population": who or what a count counts, read from the words around the figure — never from one war's
// word list. The head noun of the phrase after the figure ("312 of its military personnel", "57 Korvan
// civilians", "1,500 civilian deaths", "hundreds of troops") folds to a small set of roles; a nationality or
// proper-noun modifier gives the side. Hand-written because no NLP library maps a noun phrase to these roles;
// the role nouns themselves are data (roleNouns in db/lexicon/grammar.json), so another kind of conflict needs a
// data edit, not code.

import { SHIPPED_GRAMMAR } from './grammar.js';
import { countryOf } from './places.js';

export interface Population {
  /** the role counted: "soldiers", "fighters", "civilians", "children", "people", or the head noun as written */
  role: string;
  /** the side counted ("Russian", "Azerbaijani", "M23"), when the phrase names one */
  side: string | null;
}

/** Head nouns (and nominal adjectives) → role, lower case: the grammar vocabulary's role nouns (grammar.ts). */
export type RoleNouns = ReadonlyMap<string, string>;

/** Modifiers that are roles themselves: "civilian deaths", "military personnel", "child victims". */
const ROLE_MODIFIERS: Readonly<Record<string, string>> = Object.freeze({
  civilian: 'civilians',
  military: 'soldiers',
  army: 'soldiers',
  child: 'children',
  militia: 'fighters',
  rebel: 'fighters',
  gang: 'fighters',
  militant: 'fighters',
  insurgent: 'fighters',
});

// Words that end the noun phrase after a figure: verbs, prepositions, conjunctions, determiners.
const STOP: ReadonlySet<string> = new Set(
  ('were was are is be been being have has had will would could can may might should must do does did not ' +
    'in on at from since by during as to than for with into over under after before between among while when ' +
    'across through throughout around near outside inside along within beyond toward towards against amid despite ' +
    'who which that whom whose where what and or but nor so yet if because since per each every this these ' +
    'those it its their his her our more less most least some any all also only just still already about ' +
    'killed died wounded injured displaced missing captured according said says say reported ' +
    'nationwide countrywide worldwide overall altogether alone together').split(' '),
);

// A count of a force's members with the force after it (group 1 the side's word)
const FORCE_AFTER = /^\s*(?:[\p{Ll}-]+\s+){0,2}?(?:soldiers|troops|members|personnel|officers|servicemen|policemen)\s+(?:of|from)\s+(?:the\s+)?(\p{Lu}[\p{L}-]*)\s+(?:army|military|armed\s+forces|security\s+forces|forces|police|navy|air\s+force|national\s+guard)\b/u;
const WORD = /^[\p{L}][\p{L}\d’'-]*$/u;
const DEAD_WERE = /^\s+of\s+(?:the|those)\s+(?:dead|killed|victims|deaths|bodies)\s+(?:were|was)\s+(?:(?:\p{Ll}+ly|all|mostly)\s+)?(\p{L}+)/u;

/** The population of the figure at text[start, end): the noun phrase after it, else the one the toll names. */
export function readPopulation(text: string, start: number, end: number, speaker: string | null = null, roles: RoleNouns = SHIPPED_GRAMMAR.roleNouns): Population | null {
  // "at least 60 of the dead were civilians": the part is named after the verb
  const named = DEAD_WERE.exec(text.slice(end, end + 80));
  const role = named ? roles.get(named[1]!.toLowerCase()) : undefined;
  if (role && role !== 'people') return { role, side: null };
  const after = phraseAfter(text.slice(end, end + 90), speaker, roles);
  if (after && (after.role !== 'people' || after.side !== null)) return after;
  return sideLosses(text.slice(Math.max(0, start - 60), start)) ?? after ?? phraseBefore(text.slice(Math.max(0, start - 80), start), roles);
}

// "put Chilean losses at 55,000", "Valdoria's losses stand at": a side's losses in a war are its soldiers (group 1 the side)
const LOSSES_BEFORE = /(?<![\p{L}])(\p{Lu}[\p{L}\d-]*)(?:['’]s)?\s+(?:own\s+|military\s+|battlefield\s+|combat\s+)?(?:losses|casualties)\s+(?:at|to|of|(?:stand|stood|stands|were|was|are|is|have\s+reached|had\s+reached|reached|rose\s+to|numbered)(?:\s+at)?)\s+(?:(?:about|around|some|nearly|almost|over|more\s+than|at\s+least|roughly|up\s+to)\s+)?$/u;

/** The side whose losses the words before a figure count, as its soldiers, or null. */
function sideLosses(before: string): Population | null {
  const m = LOSSES_BEFORE.exec(before);
  if (!m) return null;
  const word = m[1]!;
  // a country, its people or a group's short name ("M23"), not a sentence's first word
  if (!countryOf(word.replace(/['’]s$/u, '')) && !countryOfAdjective(word) && !/^\p{Lu}[\p{Lu}\d-]+$/u.test(word)) return null;
  return { role: 'soldiers', side: sideOf(word) };
}

/** "…people", "of its soldiers", "Congolese army troops", "civilian deaths". */
function phraseAfter(text: string, speaker: string | null, roles: RoleNouns): Population | null {
  // "72 out of the country's 330 townships", "40 of the 120 villages": what the whole counts, the part counts too
  // 'killed "more than 200" troops': the quotation closes on the figure, the noun follows it
  // 'killed 203 "terrorists"': a word the speaker is quoted on is still what is counted
  text = text.replace(/^["”’]/u, '').replace(/^(\s*)["“‘]([^"”’]{1,40})["”’]/u, '$1$2').replace(/^-(?:strong|member|man)\b/u, '');
  const whole = /^\s*(?:out\s+)?of\s+(?:(?:the|its|their|all)\s+)?(?:(?:\p{L}+\s+){0,2}\p{L}+[’']s\s+)?\d[\d,.]*\s+/u.exec(text);
  const after = whole ? text.slice(whole[0].length) : text;
  const m = /^\s*(?:\(\d[^)]*\)\s*)?(of\s+(?:its|their|his|her|the|them|whom|those)\s+|of\s+)?([^,.;:!?"“”()]*)/u.exec(after);
  if (!m) return null;
  const partitive = Boolean(m[1]);
  const words = (m[2] ?? '').split(/\s+/).filter(Boolean).slice(0, 5);
  const phrase: string[] = [];
  for (const w of words) {
    const bare = w.replace(/[’']s$/u, '');
    if (!WORD.test(bare) || STOP.has(bare.toLowerCase()) || /ing$/i.test(bare)) break;
    phrase.push(bare);
    if (roles.has(bare.toLowerCase()) && !ROLE_MODIFIERS[bare.toLowerCase()]) break;
  }
  // "60 soldiers of the Chilean army", "12 members of the Tarnish security forces": the force named after says the side
  const force = FORCE_AFTER.exec(after);
  if (force) {
    const population = fold(phrase, roles);
    return { role: population && population.role !== 'people' ? population.role : 'soldiers', side: population?.side ?? sideOf(force[1]!) };
  }
  // "of whom" and the like with nothing counted after them
  if (phrase.length === 0) return null;
  const population = fold(phrase, roles);
  if (!population) return null;
  if (population.side === null && partitive && speaker) population.side = sideOfSpeaker(speaker);
  return population;
}

const NUMBERED = /\b((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)\s+(?:numbered|number|totalled|totaled)\s+(?:(?:about|around|some|nearly|almost|over|more\s+than|at\s+least|roughly|up\s+to|fewer\s+than|less\s+than|no\s+more\s+than)\s+)?$/iu;

/** "the number of civilians who died …", "the toll among children …": a population named before the figure. */
function phraseBefore(before: string, roles: RoleNouns): Population | null {
  // "the attackers numbered 1,300": the noun before the verb of number, when it names people
  const counted = NUMBERED.exec(before);
  if (counted && roles.has(counted[1]!.split(/\s+/).pop()!.toLowerCase())) return fold(counted[1]!.split(/\s+/), roles);
  const m = /\b(?:number|figure|toll|count|tally|deaths?|killing)\s+(?:of|among)\s+(?:the\s+)?([\p{L}’' -]{2,40}?)\s+(?:who|that|which|killed|dead|died|was|were|is|has|have|had|at|stood|appeared|rose|to)\b[^,;]*$/iu.exec(before);
  if (!m) return null;
  // "the number of security personnel actually serving": the noun phrase ends before its adverb or participle
  // "the number of dead on all sides", "the number of dead over the same two days": before its preposition too
  const words = m[1]!.split(/\s+/).filter(Boolean);
  const cut = words.findIndex((w, i) => i > 0 && (/(?:ly|ing)$/.test(w) || /^(?:on|in|at|from|across|inside|within|throughout|over|during|for|since|after|before|between)$/i.test(w)));
  return fold(cut > 0 ? words.slice(0, cut) : words, roles);
}

/** A noun phrase → role and side: the head is the last word, the side its nationality or proper-noun modifier. */
function fold(all: string[], roles: RoleNouns): Population | null {
  const words = all.filter((w, i) => i > 0 || !/^(?:the|a|an|some|many|most|its|their)$/i.test(w));
  if (words.length === 0) return null;
  const head = words[words.length - 1]!;
  const mods = words.slice(0, -1);
  const headRole = roles.get(head.toLowerCase());
  const modRole = mods.map((w) => ROLE_MODIFIERS[w.toLowerCase()]).find(Boolean);
  // "civilian deaths": the modifier says who; "military personnel": likewise
  const role = headRole === 'people' && modRole ? modRole : headRole ?? modRole ?? plainNoun(words);
  if (!role) return null;
  const at = mods.findIndex((w) => /^\p{Lu}/u.test(w) && !ROLE_MODIFIERS[w.toLowerCase()]);
  if (at < 0) return { role, side: null };
  // "Korvan Front fighters": a group's name of several words is the side; "Chilean Andes Brigade troops" the country's
  const run = [mods[at]!];
  for (let i = at + 1; i < mods.length && /^\p{Lu}/u.test(mods[i]!) && !ROLE_MODIFIERS[mods[i]!.toLowerCase()]; i++) run.push(mods[i]!);
  const first = run[0]!.replace(/[’']s$/u, '');
  return { role, side: countryOf(first) || countryOfAdjective(first) || run.length === 1 ? sideOf(run[0]!) : run.join(' ') };
}

/** A noun that is no person ("townships", "armed clashes"): counted as written, lower case. */
function plainNoun(words: string[]): string | null {
  const lower = words.filter((w) => /^\p{Ll}/u.test(w));
  if (lower.length === 0 || lower.length !== words.length) return null;
  const head = lower[lower.length - 1]!;
  // a figure followed by an adjective or an adverb is not a count of things ("20,000 higher")
  if (!/s$/.test(head) || head.length < 4) return null;
  return lower.slice(-2).join(' ');
}

/** "Russia" → "Russian", "Azerbaijani" stays, "M23" stays: the side as a reader would say it. */
export function sideOf(word: string): string {
  const bare = word.replace(/[’']s$/u, '');
  return (countryOf(bare) ?? countryOfAdjective(bare))?.demonym ?? bare;
}

/** "Djiboutian" when the country data knows only "Djibouti": an adjective whose stem is a country's name. */
function countryOfAdjective(word: string): ReturnType<typeof countryOf> {
  if (!/^\p{Lu}/u.test(word)) return null;
  for (const suffix of ['ian', 'an', 'n', 'i', 'ese']) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 3) continue;
    const stem = word.slice(0, -suffix.length);
    for (const name of [stem, `${stem}a`]) {
      const country = countryOf(name);
      if (country && country.name === name) return country;
    }
  }
  return null;
}

/**
 * "Chile said … 874 of its soldiers": the speaker's own side when the speaker is a country, a country's body
 * ("Chile's defence ministry") or a body named by its nationality ("the Chilean army").
 */
export function sideOfSpeaker(speaker: string): string | null {
  const owner = /^(?:the\s+)?(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*?)(?:[’']s\s|\s+(?=\p{Ll}))/u.exec(speaker);
  return countryOf(speaker)?.demonym ?? (owner ? countryOf(owner[1]!)?.demonym ?? null : null);
}

// Who in an organisation speaks for it: "Korvan commanders", "a spokesman for the Front", "leaders of the movement".
const MEMBER = String.raw`(?:commanders?|leaders?|officials?|spokes(?:man|woman|person)|representatives?|members?|fighters|units|factions?|wing)`;
const MEMBER_FOR = new RegExp(String.raw`\b${MEMBER}\s+(?:for|of)\s+(?:one\s+of\s+)?(?:the\s+)?(?:\p{Ll}+\s+){0,2}?(\p{Lu}[\p{L}\d-]*(?:\s+\p{Lu}[\p{L}\d-]*)*)(?:[’']s\s+${MEMBER})?`, 'u');
const NAME_THEN_MEMBER = new RegExp(String.raw`^(?:the\s+)?(\p{Lu}[\p{L}\d-]*(?:\s+\p{Lu}[\p{L}\d-]*)*)(?:[’']s)?\s+${MEMBER}$`, 'u');

/**
 * The organisation a speaker speaks for, when the phrase names one beside a member's role: "Korvan commanders" and "a
 * spokesman for one of the Front's factions" speak for "Korvan" and "Front"; "the Tarnites" are the "Tarnite" side, as
 * "Tarnite leaders" are. Any other speaker as it is.
 */
export function organisationOf(speaker: string): string {
  const named = MEMBER_FOR.exec(speaker)?.[1] ?? NAME_THEN_MEMBER.exec(speaker)?.[1] ?? null;
  if (named) return named;
  // "the Tarnites", "the Korvans": a people named in the plural is its singular adjective
  const people = /^the\s+(\p{Lu}\p{Ll}+[^s\W])s$/u.exec(speaker);
  return people ? people[1]! : speaker;
}

/** The population in words, as the fact key shows it: "Russian soldiers", "civilians", "people". */
export function populationText(p: Population | null): string | null {
  if (!p) return null;
  return p.side ? `${p.side} ${p.role}` : p.role;
}
