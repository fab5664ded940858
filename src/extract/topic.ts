// Stage "context": the war or place an article is about. A toll that names no place ("the war has killed 600,000")
// belongs to the article's war, so that two articles on one war meet; the place a sentence narrows a figure to is
// sentence-places.ts's.
// Read from the article's own words (war phrases, country names and demonyms from places.ts, proper nouns),
// never from a list of one war's names. Hand-written: no library names "the war an article is about".

import { escapeRegExp, matchesOf } from './regex.js';
import { PROPER, countryOf, placeName } from './places.js';
import { ANY_PROPER, countryCounts, mergeNamesakes, withoutLead } from './country-counts.js';
import { PLACE_NEAR } from './sentence-places.js';
import { calledTown, regionOfTown } from './town-names.js';

const WAR_NOUN = String.raw`(?:civil\s+war|war|conflict|invasion|offensive|fighting|crisis|genocide|insurgency|uprising|campaign|battle|siege|operation)`;
// "the Sudan war", "Yemen's war", "the Tigray conflict", "the Bosnian war", "the 18-month civil war in Sudan"
// ("Eritrean soldiers fighting alongside", "the American war effort": a verb or a compound, not a war)
// (a possessive always names a war: "Haldor's five-year war against the rebels"; without one, a preposition after the
// noun makes it a verb or a compound: "Eritrean soldiers fighting alongside")
const PLACE_THEN_WAR = new RegExp(String.raw`(${PROPER})([’']s)?\s+(?:(?:\d+|[\p{Ll}]+)-(?:year|month|week|day)(?:-old|-long)?\s+|[\p{Ll}]+\s+)?(${WAR_NOUN})\b(?!\s+(?:effort|efforts|crimes?|criminals?|chest|games?|zone|plans?|aims|veterans?|machine|footing|correspondents?|memorials?|budget|powers|cabinet)\b)`, 'u');
const NOT_AFTER_PLAIN_WAR = /^\s+(?:alongside|beside|for|with|against|under)\b/;
// "the Chilean invasion", "Haldor's offensive": an attacker's act names the attacker, not where the war is
const ACT_OF_ATTACKER = /^(?:invasion|offensive|campaign|occupation|siege|bombardment|blockade|operation)$/i;
// "the war in Chile's Portbrak region": the region a country's possessive names is the place (group 2)
const WAR_THEN_PLACE = new RegExp(String.raw`\b${WAR_NOUN}\s+(?:in|over|on|of|for|against|across|with|between)\s+(?:the\s+)?(?:(?:north|south|east|west|central)(?:-?(?:east|west))?(?:ern)?\s+)?(${PROPER})(?:[’']s\s+(${PROPER})(?=\s+(?:region|province|state|district|area)\b))?`, 'u');
// A proper noun written as a place: "in Tripoli", "south of Tripoli", "to liberate Tripoli"
const PLACE_USE = new RegExp(String.raw`\b(?:in|of|to|into|from|across|near|around|outside|liberate|capture|captured|take|took|retake|retook|besiege|besieged)\s+(${PROPER})`, 'u');
const PLURAL_PLACE_AFTER = /^(?:-\p{Ll}+)?\s+(?:areas|towns|villages|neighbou?rhoods|cities|districts|regions|provinces|communities|parts|lands)\b/u;
const SUPERLATIVE_BEFORE = /\b(?:\p{Ll}+est|most\s+\p{Ll}+|biggest|worst)\s+(?:[\p{Ll}-]+\s+)?$/u;
// "Chile's Norvale region", "the Norvale region", "Mesa oblast": a region the article names as such (group 1 the
// country, when a possessive names it; group 2 the region)
const REGION = new RegExp(String.raw`(?:(${PROPER})[’']s\s+)?(?:the\s+)?(${PROPER})\s+(?:region|province|governorate|oblast|state)\b(?!\s+of\b)`, 'u');

/**
 * The place the article is about: the place its war phrases ("the Sudan war", "war in Bosnia") and its title
 * ("… in East Tarn") name most, when the article also uses it as a place; else the country it names most
 * often (name or demonym, the title counting double). Null when nothing stands out.
 */
export function articleTopic(text: string): string | null {
  return articlePlaces(text).topic;
}

/**
 * The article's place (articleTopic), the country it names most (articleCountry), its countries counted once, and
 * the place of its war: the place its war phrases name ("the Tarn conflict"), else the country of an article about
 * one town's massacre, whose "the conflict began in 2016" dates the country's war, not the town's.
 */
export function articlePlaces(text: string): { topic: string | null; country: string | null; war: string | null } {
  const countries = countryCounts(text);
  const { topic, named } = topicOf(text, countries);
  // "Haldor's war against the rebels", with its neighbours named as often: the war's country is the article's
  const country = (topic !== null ? countryOf(topic)?.name : null) ?? mostNamed(countries);
  return { topic, country, war: warOf(topic, named, country, text) };
}

/**
 * The place of the article's war (articlePlaces): the topic, unless the text calls it a town ("the village of Mesa",
 * "Mesa, a town in") and no war phrase names it: then the place its war phrases name most, else its country.
 */
function warOf(topic: string | null, named: Map<string, number>, country: string | null, text: string): string | null {
  if (topic === null || countryOf(topic) || named.has(topic)) return topic;
  if (!calledTown(topic, text)) return regionWar(topic, text);
  return regionOfTown(topic, text) ?? bestEntry(named)?.[0] ?? country ?? topic;
}

/**
 * The war of a region the article is about: the region's own, unless its name makes it a part of a larger one the
 * text also names alone ("North Mesa" in an article that speaks of Mesa): a war is told by the larger place.
 */
function regionWar(topic: string, text: string): string {
  const part = /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Upper|Lower|Central)\s+(\p{Lu}[\p{L}'’-]+)$/u.exec(topic)?.[1];
  return part && usedAsPlace(part, text) ? part : topic;
}

/** The entry with the highest count, the first of equals; null for an empty map. */
function bestEntry(counts: ReadonlyMap<string, number>): [string, number] | null {
  let best: [string, number] | null = null;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best;
}

function bump(counts: Map<string, number>, key: string, by = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

// Words before a war phrase that make it a war that is over: "since the end of", "recovering from", "the aftermath of"
const WAR_OVER_BEFORE = /\b(?:end\s+of|recover(?:ing|ed|y)?\s+from|aftermath\s+of)\s+(?:the\s+)?$/i;

// The nouns that name a whole war, not one of its battles, sieges or offensives.
const WHOLE_WAR = /^(?:civil\s+war|war|conflict|insurgency|uprising|rebellion|invasion)$/i;

function topicOf(text: string, countries: Map<string, number>): { topic: string | null; named: Map<string, number> } {
  const war = new Map<string, number>();
  // the places named by phrases of a whole war ("the Tarn conflict", "the war in Tarn"), for warOf
  const wars = new Map<string, number>();
  const vote = (place: string, whole: boolean): void => {
    bump(war, place);
    if (whole) bump(wars, place);
  };
  const add = (written: string | null, placed = false, whole = false): void => {
    // "Killings in Mesa and the West": two places, the first the war's; "Trinidad and Tobago" is one country's name
    const name = written && !countryOf(written) ? written.split(/\s+and\s+/u)[0]! : written;
    const named = name ? asNamedInText(name, text) : null;
    const place = named ? countryOf(named)?.name ?? named : null;
    if (place && named && !SITE.test(place) && (placed || countryOf(named) || usedAsPlace(named, text))) vote(place, whole);
  };
  // "the 1994 genocide" is history the article recalls, not its war
  // (and "since the end of the war in neighbouring Tarn", "recovering from the Tarn war": a war that is over)
  const over = (at: number): boolean => WAR_OVER_BEFORE.test(text.slice(Math.max(0, at - 40), at));
  const historical = (at: number): boolean => /\b\d{4}\s+$/.test(text.slice(Math.max(0, at - 6), at)) || over(at);
  for (const m of matchesOf(PLACE_THEN_WAR, text)) {
    if (historical(m.index) || (!m[2] && NOT_AFTER_PLAIN_WAR.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12)))) continue;
    const actor = m[1]!.replace(/^(?:The|A|An)\s+/u, '');
    if (ACT_OF_ATTACKER.test(m[3]!) && (m[2] || countryOf(actor)?.demonym === actor)) continue;
    add(warPlace(m[1]!), false, WHOLE_WAR.test(m[3]!));
  }
  // a side of the war ("the border war with Haldor") stands for its place when no war phrase names one
  const sides = new Map<string, number>();
  const addSide = (name: string): void => {
    const place = countryOf(name)?.name ?? placeName(name);
    if (place) bump(sides, place);
  };
  // "the war against <a group>" names an enemy, not a place: only a country counts after "against"
  for (const m of matchesOf(WAR_THEN_PLACE, text)) {
    if (over(m.index) || /\bneighbou?ring\s/i.test(m[0])) continue;
    // "the largest war in Europe since 1945" compares the war with others of a place; it does not place it
    if (SUPERLATIVE_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    // "the violence in Ostran areas": an adjective before a plural place noun
    if (PLURAL_PLACE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20))) continue;
    const whole = WHOLE_WAR.test(m[0].split(/\s+(?:in|over|on|of|for|against|across|with|between)\s/)[0]!);
    if (m[2] && countryOf(m[1]!)) vote(m[2], whole);
    // "the border war with Haldor", "fighting between Haldor and Brenmark": a side of the war, named as such
    else if (/\s(?:with|between)\s/.test(m[0])) addSide(m[1]!.split(/\s+and\s+/u)[0]!);
    // "the battle for Tarnow", "the siege of Portbrak", "the war in Tarn": the phrase itself writes the name as a place
    else if (!/\bagainst\s/.test(m[0]) || countryOf(m[1]!)) add(warPlace(m[1]!), /^(?:battle|siege|war|offensive|invasion)\s+(?:for|of|in|on)\s/i.test(m[0]), whole);
  }
  const title = text.slice(0, text.indexOf('\n') > 0 ? text.indexOf('\n') : 200);
  for (const place of titleWarPlaces(title)) add(place);
  // no war phrase: the sides "between" names, and when no country is named either, the title's places the text uses as
  // places ("Reinforcements sent to Mesa" … "in Mesa"), by how often the text names them
  // (a country the text names twice outweighs a side named once)
  if (war.size === 0 && ![...countries.values()].some((n) => n >= 2)) {
    for (const [place, n] of sides) war.set(place, n);
    if (countries.size === 0) for (const [place, n] of titlePlaces(title, text)) if (!sides.has(place)) war.set(place, Math.max(war.get(place) ?? 0, n - 1));
  }
  const scores = war.size > 0 ? new Map([...war].map(([k, v]) => [k, v * 10 + (countries.get(k) ?? 0) + titleTieBreak(k, title)])) : countries.size > 0 ? countries : titlePlaces(title, text);
  mergeNamesakes(scores);
  const best = bestEntry(scores);
  if (!best || best[1] < 2) return { topic: war.size > 0 ? null : regionOf(null, false, countries, text) ?? mostUsedPlace(title, text), named: wars };
  return { topic: regionOf(best[0], war.size > 0, countries, text) ?? best[0], named: wars };
}

// A site in a town ("Lantern Park", "Freedom Square", "Mesa General Hospital"), where a vigil or a blast was: no war's place
const SITE = /\s(?:Park|Square|Street|Road|Avenue|Bridge|Stadium|Airport|Hospital|Mosque|Church|Cathedral|Temple|Market|Hotel|University|School|Prison|Station)$/u;

const DIPLOMACY_BEFORE = /\b(?:accords?|agreements?|deals?|treaty|talks|summit|conference|meeting|signs?|signed|signing|negotiations|ceasefire|truce)\s+$/i;

/** Half a point for a war place the title also names: of two named as often, "Tarn troop losses put at 1,173" says Tarn. */
function titleTieBreak(place: string, title: string): number {
  return new RegExp(String.raw`(?<![\p{L}])${escapeRegExp(place)}(?![\p{L}])`, 'u').test(title) ? 0.5 : 0;
}

/** The places a title puts a war in ("Fighting near Tarnow"); "Raid on Tarnow kills 100" names an incident's town instead. */
function titleWarPlaces(title: string): string[] {
  const out: string[] = [];
  for (const m of matchesOf(PLACE_NEAR, title)) {
    const place = m[2] ?? m[1]!;
    // "Rivals sign peace accord in Vendra": where the sides met, not where they fought
    if (DIPLOMACY_BEFORE.test(title.slice(Math.max(0, m.index - 30), m.index))) continue;
    if (!/^(?:assault|attack|offensive|invasion|strikes?|bombardment|raid)\b/i.test(m[0]) || countryOf(place)) out.push(place);
  }
  return out;
}

/**
 * A region the article names as such ("Chile's Norvale region", "the Norvale region") is its place when the text
 * names the region more often than the country chosen: the war is the region's, and a toll "in Norvale" meets one
 * that names no place. A country named more often than its region keeps the article; a region no possessive ties
 * to a country takes the place of one only when no war phrase names a place.
 */
function regionOf(chosen: string | null, warNamed: boolean, countries: Map<string, number>, text: string): string | null {
  if (chosen !== null && !countryOf(chosen)) return null;
  const regions = new Set<string>();
  for (const m of matchesOf(REGION, text)) {
    const region = placeName(m[2]!);
    if (!region || countryOf(region) || /^(?:The|A|An|This|That)\b/u.test(region)) continue;
    const owner = m[1] ? countryOf(m[1])?.name ?? null : null;
    if (owner ? owner === chosen : !warNamed) regions.add(region);
  }
  let best: [string, number] | null = null;
  // each region counted once, however often the text calls it a region
  for (const region of regions) {
    const times = text.split(new RegExp(String.raw`(?<![\p{L}])${escapeRegExp(region)}(?![\p{L}])`, 'u')).length - 1;
    if (times >= (chosen ? 3 : 2) && times > (chosen ? countries.get(chosen) ?? 0 : 0) && (!best || times > best[1])) best = [region, times];
  }
  return best?.[0] ?? null;
}

/** The country the article names most often (name or demonym, the title counting double), or null when none is named twice. */
function mostNamed(countries: Map<string, number>): string | null {
  const best = bestEntry(countries);
  return best && best[1] >= 2 ? best[0] : null;
}

/**
 * The last resort when no war phrase names a place and no country is named twice: a proper noun of the title the text
 * uses as a place ("Counting Portbrak's dead" … "victory in Portbrak"), else the proper noun the text most often writes as a
 * place ("south of Tripoli", "liberate Tripoli", "troops to Tripoli"), when it does so three times.
 */
function mostUsedPlace(title: string, text: string): string | null {
  let best: [string, number] | null = null;
  for (const entry of titlePlaces(title, text)) if (entry[1] >= 2 && (!best || entry[1] > best[1])) best = entry;
  if (best) return best[0];
  const uses = new Map<string, number>();
  for (const m of matchesOf(PLACE_USE, text)) {
    const place = placeName(m[1]!);
    if (place && !/^(?:The|A|An)\b/u.test(place)) uses.set(place, (uses.get(place) ?? 0) + 1);
  }
  // (the lower-case check once per place, after counting: per use it would scan the text once per use)
  for (const entry of uses) if (entry[1] >= 3 && (!best || entry[1] > best[1]) && !writtenLowerCase(entry[0], text)) best = entry;
  return best?.[0] ?? null;
}

/**
 * A place no country list holds, when the article names no country and no war phrase: a proper noun of the title
 * that the text uses as a place ("Selvania: counting the dead" … "the government of Selvania"), scored by how often
 * the text names it.
 */
function titlePlaces(title: string, text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of matchesOf(ANY_PROPER, title)) {
    // "Counting Portbrak's dead": a title capitalises words before the name
    const words = m[0].replace(/[’']s$/u, '').split(/\s+/);
    const name = words.map((_, i) => words.slice(i).join(' ')).find((n) => usedAsPlace(n, text));
    // "Parents of the missing keep vigil…": a title's capitalised common noun, which the text also writes in lower case
    if (!name || SITE.test(name) || writtenLowerCase(name, text) || (m.index === 0 && !firstWordPlace(name, text))) continue;
    const times = text.split(new RegExp(String.raw`(?<![\p{L}])${escapeRegExp(name)}(?![\p{L}])`, 'u')).length - 1;
    out.set(name, Math.max(out.get(name) ?? 0, times));
  }
  return out;
}

/**
 * A title's first word, capitalised as any first word is, is a place only when it is a country, more than one word, or
 * written after "in" or "of" outside a name ("the government of Selvania", not "the Association of Parents").
 */
function firstWordPlace(name: string, text: string): boolean {
  return /\s/.test(name) || countryOf(name) !== null || new RegExp(String.raw`(?<!\p{Lu}[\p{L}'’-]*\s)\b(?:[Ii]n|[Aa]cross|[Ii]nto|[Nn]ear|of|to|from)\s+${escapeRegExp(name)}(?![\p{L}])`, 'u').test(text);
}

/** True when the text also writes the name in lower case ("Parents of the missing" … "parents"): a common noun. */
function writtenLowerCase(name: string, text: string): boolean {
  return new RegExp(String.raw`(?<![\p{L}])${escapeRegExp(name.toLowerCase())}(?![\p{L}])`, 'u').test(text);
}

/** "East Tarnian" in a text that names "East Tarn": the place's own name. */
function asNamedInText(name: string, text: string): string {
  if (countryOf(name) || !/(?:ian|an|n)$/.test(name)) return name;
  for (const cut of [1, 2]) {
    const stem = name.slice(0, -cut);
    if (new RegExp(String.raw`(?<!\p{L})${escapeRegExp(stem)}(?![\p{L}])`, 'u').test(text)) return stem;
  }
  return name;
}

export function usedAsPlace(name: string, text: string): boolean {
  const named = escapeRegExp(name);
  // "in Selvania", or a wire dateline "RAVENHOLT, Selvania (Northwire) —": a city in capitals, then its country
  return (
    // ("in Ostran-majority towns", "in Ostran areas": an adjective before a plural place noun names no place; nor does
    // "the centre of the Ostran insurgency" before a war noun)
    new RegExp(String.raw`\b(?:[Ii]n|[Aa]cross|[Oo]f|[Tt]o|[Ff]rom|[Ii]nto|[Nn]ear)\s+(?:the\s+)?(?:(?:north|south|east|west|central)(?:-?(?:east|west))?(?:ern)?\s+)?${named}(?![\p{L}-])(?!${PLURAL_PLACE_AFTER.source.slice(1)})(?!\s+${WAR_NOUN})`, 'u').test(text) ||
    new RegExp(String.raw`(?:^|\n)\s*\p{Lu}[\p{Lu}' -]{2,40},\s+${named}(?![\p{L}])`, 'u').test(text) ||
    // "Chile's Mesa region", "the Mesa region"
    new RegExp(String.raw`(?<![\p{L}])${named}\s+(?:region|province|department|district|governorate|state|valley)\b`, 'u').test(text)
  );
}

/** The place a war phrase names: "Bosnian" → Bosnia and Herzegovina; "East Tarn" as written. */
function warPlace(written: string): string | null {
  const phrase = withoutLead(written);
  if (!phrase) return null;
  // "Chile's Portbrak": the country the possessive names
  const parts = phrase.split(/[’']s\s+/u);
  const owner = parts.length > 1 ? parts.map((p) => countryOf(p)).find(Boolean) : null;
  if (owner) return owner.name;
  const words = phrase.replace(/[’']s$/u, '').split(/\s+/);
  // "Russia's invasion of Ukraine": the phrase before the war noun is an actor; "Tigray" a region
  const last = words.slice(-3).join(' ');
  if (/^(?:The|A|An|This|That|Its|Their|His|Her)$/u.test(words[0]!)) return placeName(words.slice(1).join(' ') || last);
  return placeName(last);
}
