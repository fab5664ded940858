// Stage "context", sentence side: the place a sentence narrows a figure to. "Killed in the city of Portbrak" belongs
// to Portbrak, so that a city's toll never meets the country's; the place of a speaker ("officials in Kidal said"), of
// a news conference or of a war's beginning narrows nothing. The article's own place is topic.ts's. Hand-written: no
// library says which place a figure counts.

import { ATTACKER_NOUN, PROPER, countryOf, foldPlace, placeName } from './places.js';
import { matchesOf } from './regex.js';

// "in the eastern city of Portbrak", "across North Tarn", "in Valdoria's border province of East Tarn",
// "for Chile's Portbrak", "when a missile hit the Portbrak theatre", "the army camp at Portbrak", "killed at Portbrak": a place a figure is
// narrowed to.
export const PLACE_NEAR = new RegExp(
  String.raw`\b(?:[Ii]n|(?<=(?:crammed|packed|crowded|squeezed|herded|sheltering)\s)into|[Aa]cross|[Tt]hroughout|for|[Ii]nside|[Nn]ear|[Oo]utside|(?:residents|inhabitants|citizens|people)\s+of|(?:camp|base|barracks|garrison|outpost|prison|market|killed|died|dead|massacred|slain|executed)\s+at(?!\s+(?:Christmas|Easter|Eid|Ramadan|Passover|Diwali|Hanukkah|New\s+Year|Thanksgiving|Mass|(?:\p{Lu}[\p{L}'’.-]*\s+){0,3}(?:Hospital|Clinic|Infirmary|Medical\s+Cent(?:re|er)))\b)|(?:assault|attack|offensive|invasion|(?:air)?strikes?|bombardment|raid|missiles?|shells?|drones?)\s+(?:by\s+[^,.;]{1,50}?\s+)?(?:on|against|hit|hits|struck|strikes|targeted))\s+(?:(?:a|one)\s+(?:single\s+|small\s+|remote\s+)?(?:village|town|city|hamlet|camp)\s*,\s+|the\s+)?(?:[\p{Ll}-]+\s+){0,3}?(?:(?:${PROPER}\s+)?(?:[\p{Ll}-]+\s+){0,2}?(?:city|town|port|province|region|state|district|zone|village|capital|territory|area|strip|enclave)\s+of\s+)?(${PROPER})(?:[’']s\s+(?:[\p{Ll}-]+\s+){0,3}?(?:(?:city|town|province|region|state|district|capital|territory|area)\s+of\s+)?(${PROPER}))?`,
  'u',
);
// "the East Tarnian authorities": a proper adjective before an actor noun names no place, unless a country's
const ACTOR_NOUN = /^\s+(?:authorities|officials?|government|army|military|forces|troops|side|president|leaders?|leadership|media|separatists?|rebels|militias?|police|ministry|allies|fighters|militants)\b/u;
const TIME_WORDS = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$/u;

// "since the first attack in Portbrak": a place in the phrase that dates a count's start is where the war began
const SINCE_EVENT = /\bsince\s+(?:the|its|their)\s+(?:\p{Ll}+\s+){0,2}(?:attack|attacks|uprising|war|fighting|offensive|invasion|raid|clashes|insurgency|assault)\s*$/u;

// (an outlet told may stand between: "told Meridian Wire in Bamako", "told the Coast Times by telephone from Mesa")
const SPOKE_BEFORE = /\b(?:told|said|says|speaking|spoke|announced)\b(?:\s+(?:reporters|journalists|a\s+news\s+conference|a\s+press\s+conference|a\s+briefing|the\s+press|parliament|lawmakers|(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}))?(?:\s+by\s+(?:telephone|phone))?\s*$/u;

const SPEAKER_AT = /\b(?:officials?|officers?|ministry|headquarters|office|attach[eé]s|diplomats|spokes(?:man|woman|person)|hospitals?|doctors|agency|agencies|embassy|mission|sources|negotiators?|team|university|researchers|scientists|academics|experts)\b[^,;.\d]{0,60}$/i;
const WHEN_BEGAN = /,\s*when\s+[^,;]*\b(?:launched|began|started)\s+(?:its|their|the|an?)\s+(?:[\p{L}"“”'-]+\s+){0,2}?(?:war|insurgency|rebellion|uprising|armed\s+struggle|revolt)\b[^,;]*$/u;
const DELIVERED_BEFORE = /\b(?:report|statement|findings|letter|study|survey|paper|analysis)\s+(?:\p{Ll}+\s+){0,2}?(?:delivered|submitted|presented|handed|released|published|issued|read\s+out)\b[^,;.\d]{0,40}$/u;
const SAID_AFTER = /^(?:\s+(?:local\s+government\s+area|district|province|region|county|governorate|municipality|state))?(?:\s*,\s*(?:who|which|speaking|briefing|reached|contacted|interviewed)\b[^,;]*,)?\s*(?:,\s*(?:who|which)\s+(?:has\s+|have\s+|had\s+)?)?(?:said|says|say|told|tell|tells|estimated?|estimates|believes?|believed|reported|put|puts|gave|give|calculated|calculates|counted|counts)\b/i;

/** A place a sentence names, at its offset in the sentence. */
export interface PlaceMention {
  index: number;
  place: string;
}

/** The places a sentence names ("in <Place>", "residents of <Place>" …), read once per sentence. */
export function placesIn(sentence: string): PlaceMention[] {
  const out: PlaceMention[] = [];
  let lastEnd = -1;
  for (const m of matchesOf(PLACE_NEAR, sentence)) {
    const phrase = m[2] ?? m[1]!;
    // "the village of Kfar Dara in southern Valdoria": the second place locates the first, it is not the figure's
    const locates = lastEnd >= 0 && /^\s*$/.test(sentence.slice(lastEnd, m.index)) && /^in\s/.test(m[0]);
    lastEnd = m.index + m[0].length;
    if (locates || TIME_WORDS.test(phrase.split(/\s+/)[0]!) || insideName(sentence, m.index) || SINCE_EVENT.test(sentence.slice(Math.max(0, m.index - 50), m.index))) continue;
    // "told a news conference in Kabul that …": where the speaker spoke, not what the figure counts
    // ("told reporters in Mesa this week that", "said in Mesa on Friday")
    if (SPOKE_BEFORE.test(sentence.slice(Math.max(0, m.index - 60), m.index)) && /^\s*(?:(?:this|last|on)\s+\p{L}+\s+|yesterday\s+|today\s+)?(?:that\b|on\b|,|\.?\s*$)/u.test(sentence.slice(m.index + m[0].length))) continue;
    // "A senior official at the ministry in Vendra, who asked not to be named, said", "doctors at a hospital in the
    // nearby town of Mesa said": where the speaker works, not what the figure counts
    if (SPEAKER_AT.test(sentence.slice(Math.max(0, m.index - 70), m.index)) && SAID_AFTER.test(sentence.slice(m.index + m[0].length))) continue;
    // "killings since February 1996, when the rebels launched their war with attacks in Tarn": where the war began
    if (WHEN_BEGAN.test(sentence.slice(Math.max(0, m.index - 120), m.index))) continue;
    // "according to the UN humanitarian coordinator in Mesa.": where the source sits
    if (/\baccording\s+to\s+(?![^,;.\d]*\b(?:residents|witnesses|survivors|locals|villagers|people|families)\b)[^,;.\d]{0,60}$/.test(sentence.slice(Math.max(0, m.index - 80), m.index)) && /^(?:in|at)\s/.test(m[0]) && /^\s*(?:[.,;]|$)/.test(sentence.slice(m.index + m[0].length))) continue;
    // "in a report delivered to the government in Vendra": where a report went, not where its dead were
    if (DELIVERED_BEFORE.test(sentence.slice(Math.max(0, m.index - 50), m.index))) continue;
    const place = placeName(phrase);
    if (!place || !isPlaceLike(phrase, sentence, m.index + m[0].length)) continue;
    // "the East Tarnian authorities": a proper adjective before a noun names no place, unless a country's
    if (!countryOf(phrase) && ACTOR_NOUN.test(sentence.slice(m.index + m[0].length))) continue;
    // "died in the Chilean strike on …": the attacker's demonym, not where the dead were
    if (countryOf(phrase)?.demonym === phrase && ATTACKER_NOUN.test(sentence.slice(m.index + m[0].length))) continue;
    out.push({ index: m.index, place });
  }
  // "sent 2,000 troops and police to Mesa", "5,000 militants were defending Mesa": where a force was sent, or what it
  // defends, is the place of its count
  for (const m of [...matchesOf(SENT_TO, sentence), ...matchesOf(DEFENDING, sentence)]) {
    const place = placeName(m[1]!);
    if (place && !TIME_WORDS.test(m[1]!.split(/\s+/)[0]!)) out.push({ index: m.index + m[0].length - m[1]!.length, place });
  }
  return out.sort((a, b) => a.index - b.index);
}

// A force sent somewhere (group 1 the place): "sent 1,000 soldiers and police officers to Mesa", "deployed troops into".
const SENT_TO = new RegExp(String.raw`\b(?:sent|sends|send|sending|deployed|deploys|deploy|deploying|dispatched|rushed)\s+(?:(?:[^.;,]|,(?=\d))*?\s+)?(?:troops|soldiers|forces|personnel|police|officers|advisers|advisors|fighters|reinforcements)\s+(?:[^.;,]{0,30}?\s+)?(?:to|into)\s+(?:the\s+)?(${PROPER})`, 'u');

// A force defending a place (group 1): "militants were defending Mesa", "the troops still defending the town of Mesa".
const DEFENDING = new RegExp(String.raw`\b(?:fighters|militants|troops|forces|rebels|soldiers|defenders|insurgents|jihadists)\s+(?:(?:were|are|was|is|still|had\s+been|have\s+been)\s+)*defending\s+(?:the\s+(?:city|town|village)\s+of\s+)?(${PROPER})`, 'u');

/**
 * The place the sentence narrows the figure at [start, end) to: the nearest "in <Place>" of the figure's
 * clause (after the figure first, then before it). A war phrase ("in the Valdorian war") gives its place.
 * `places` is placesIn(sentence), passed in when the caller reads several figures of one sentence.
 */
export function placeNear(sentence: string, start: number, end: number, places: readonly PlaceMention[] = placesIn(sentence)): string | null {
  const clauseStart = Math.max(sentence.lastIndexOf(';', start), sentence.lastIndexOf(' — ', start), lastContrast(sentence.slice(0, start)), 0);
  const nextStop = sentence.slice(end).search(/[;]| — |,\s+(?:while|whereas|but)\s/u);
  const clauseEnd = nextStop < 0 ? sentence.length : end + nextStop;
  // "The army, which sent troops into the town of Mesa, said it killed 200", "a commander, reached by telephone in Mesa,
  // claimed", "Local sources, including two officials in Mesa, said": an aside on the speaker is background
  const asides = [...sentence.slice(0, start).matchAll(/,\s*(?:which|who|reached|contacted|interviewed|speaking|writing|including)\b[^,;]*,/gu)].map((m) => [m.index, m.index + m[0].length] as const);
  // "at least 400 were killed, including 120 in Mesa", "43,000 once deaths in Mesa are included": a part the figure
  // takes in, not where the figure is ("including two brothers, in Mesa on Sunday": the aside closes before the place)
  const part = sentence.slice(end, clauseEnd).search(/\b(?:including|once|among\s+them)\b/u);
  const takenIn = (index: number): boolean => part >= 0 && index > end + part && !sentence.slice(end + part, index).includes(',');
  let best: { place: string; distance: number } | null = null;
  for (const { index, place } of places) {
    if (index < clauseStart || index > clauseEnd || asides.some(([from, to]) => index > from && index < to) || takenIn(index)) continue;
    const distance = index >= end ? index - end : (start - index) * 1.5;
    if (!best || distance < best.distance) best = { place, distance };
  }
  return best?.place ?? null;
}

/**
 * "the Monitor for Civil Rights", "the Organization for Migration": "for" between capitalised words joins one
 * name, it does not narrow a figure to a place.
 */
function insideName(sentence: string, at: number): boolean {
  return sentence.startsWith('for', at) && /\p{Lu}[\p{L}.-]*\s+$/u.test(sentence.slice(Math.max(0, at - 40), at));
}

/** Where the last ", while …" clause before the figure starts (-1 when none): a place before it is another clause's. */
function lastContrast(before: string): number {
  let at = -1;
  for (const m of before.matchAll(/,\s+(?:while|whereas|but)\s/gu)) at = m.index;
  return at;
}

/** A proper noun after "in" is a place unless it is a person's title, an organisation or a month. */
function isPlaceLike(phrase: string, sentence: string, after: number): boolean {
  if (countryOf(phrase)) return true;
  const folded = foldPlace(phrase);
  if (/\b(?:ministry|council|agency|office|committee|project|center|centre|group|organization|organisation|court|tribunal|army|forces|force|defence|defense|police|front|movement|brigade|network|observatory|monitor|bureau|authority|administration|command|coalition|alliance|mission|institute|programme|program|fund|bank|union|association|federation|society|foundation|commission)\b/.test(folded)) return false;
  // "in the Valdorian war" reads as the place of the war; "in Portbrak" as written
  // "officials in Kidal estimate the toll", "the ministry in Tripoli said": the place is the speaker's, not the figure's
  return !/^\s*(?:(?:region|province|department|district|state|governorate|city|town)\s+)?(?:(?:together|jointly|also|have|has|had|\p{Ll}+ly)\s+){0,2}(?:said|says|say|told|estimated?|estimates|reported|reports?|claimed|claims?|counted|counts?|believe[sd]?|puts?|recorded|announced|insisted|insists|acknowledged|admitted|denied|disputed|rejected|dismissed|countered|argued|added|confirmed|claimed)\b/u.test(sentence.slice(after));
}
