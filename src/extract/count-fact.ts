// Stage "count fact": for a count (people, things), the fact it belongs to in words — what is measured
// (killed, wounded, displaced …), who is counted (the population) and what it is about (the place the sentence
// names, else the article's war, else the lexicon's subject). Pure; called once per count figure.
//
// The measure: lexicon metrics that name *who* is counted ("fighters", "civilians affected", "troops deployed")
// or nothing ("count") give way to the nearest measure keyword of the figure's clause ("the number of deceased
// includes 2,500 troops" is a toll, not a deployment). The fact's metric then reads as words: "civilians killed",
// "Russian soldiers killed", "killed" (everyone), "townships".

import type { ClaimKind, EntityType } from '../domain/types.js';
import type { Mention } from './mentions.js';
import { organisationOf, populationText, readPopulation, sideOfSpeaker, type Population, type RoleNouns } from './population.js';
import { placeNear, type PlaceMention } from './sentence-places.js';
import { namesPlace } from './topic-war.js';
import { PROPER, countryOf, placeName } from './places.js';
import { hitTellsOtherWords } from './kind.js';

/** A force's strength ("troops deployed", "Chilean soldiers", "fighters"): held at a date, over no period. */
export const FORCE_STRENGTH = /(?:troops deployed|fighters|soldiers)$/;
/** Lexicon metrics that say who is counted rather than what happened to them. */
export const WHO_METRICS: ReadonlySet<string> = new Set(['count', 'fighters', 'civilians affected', 'troops deployed']);
/** Measures a count can have, with their kind; the rest of the lexicon's count metrics stay as they are. */
const MEASURES: Readonly<Record<string, ClaimKind>> = { killed: 'casualties', wounded: 'casualties', casualties: 'casualties', missing: 'casualties', displaced: 'count', detained: 'count', refugees: 'count', surrendered: 'count' };

// "has lost 300 soldiers", "losing about 40 men": a side's own dead (a count of people right after the verb)
const LOST_BEFORE = /\b(?:lost|losing|lose|loses)\s+(?:(?:only|just|about|around|roughly|some|nearly|almost|more\s+than|over|at\s+least|up\s+to|as\s+many\s+as|no\s+more\s+than|fewer\s+than|less\s+than)\s+)?$/i;
// "the army put its own losses at three dead", "their losses at 12", "its losses were about 250 fighters": the speaker's side's dead
const OWN_LOSSES = /\b(?:its|their|our)\s+(?:own\s+)?(?:(?:losses|casualties|dead|death\s+toll)\s+(?:at|to|as)|losses\s+(?:were|was|are|is|stood\s+at|stand\s+at|numbered|totall?ed|reached))\s+(?:(?:about|around|some|nearly|only|just)\s+)?$/i;
const PERSON_ROLES: ReadonlySet<string> = new Set(['soldiers', 'fighters', 'civilians', 'children', 'women', 'people']);
const SIZE_BEFORE = /\b(?:population|home to|country|nation|city|town|territory|region)\s+of\s+(?:\w+\s+){0,1}$/i;

export interface CountInput {
  sentence: string;
  mention: Mention;
  kind: ClaimKind;
  metric: string;
  subject: string | null;
  subjectType: EntityType | null;
  speaker: string | null;
  /** measure keyword hits of the sentence: where, and which lexicon metric */
  measureHits: readonly { start: number; end: number; metric: string }[];
  /** the places the sentence names (sentence-places.ts placesIn), read once per sentence */
  places: readonly PlaceMention[];
  /** the place the article is about (topic.ts), or null */
  topic: string | null;
  /** the country the article names most, or null */
  country?: string | null;
  /** the figure is a part of a total stated before it (subjects.ts isPartOfTotal) */
  partOfTotal: boolean;
  /** the grammar vocabulary's role nouns */
  roles: RoleNouns;
}

export interface CountFact {
  kind: ClaimKind;
  metric: string;
  subject: string | null;
  population: string | null;
}

/** The fact of a count figure: measure, population and subject (see the header). */
export function countFact(input: CountInput): CountFact {
  const { sentence, mention: m } = input;
  let population = readPopulation(sentence, m.start, m.end, input.speaker, input.roles);
  // "a population of 2.3 million", "a country of 26 million", "420 armed clashes": no toll, whatever the clause says
  const notPeople = population !== null && !PERSON_ROLES.has(population.role);
  const size = SIZE_BEFORE.test(sentence.slice(Math.max(0, m.start - 40), m.start));
  const next = sentence.slice(m.end, m.end + 40);
  const ownLosses = OWN_LOSSES.test(sentence.slice(Math.max(0, m.start - 60), m.start)) && !OTHER_MEASURE_AFTER.test(next);
  const lost = !notPeople && (LOST_BEFORE.test(sentence.slice(Math.max(0, m.start - 40), m.start)) || ownLosses);
  const read = notPeople || size ? null : lost ? 'killed' : measureOf(input);
  const measure = refugeesOrNot(read, population, sentence.slice(m.end, m.end + 80));
  // ("3,000 soldiers crossed into Velka": no refugees, whatever the lexicon's keyword says; a plain count)
  const metricRead = read === 'refugees' && measure === null ? 'count' : input.metric;
  // "the army has lost 300 soldiers", "the Front said it had lost 40 men": the loser is the speaker's side
  if (lost && population && population.side === null) population = losers(population, loserOf(sentence.slice(0, m.start), input.speaker));
  population = unitsOwn(population, next, input.speaker);
  // "Peru, the rebels' other backer, has sent hundreds of military advisers": the sender's soldiers, else the side
  // the speaker and the war say
  if (population?.role === 'soldiers' && population.side === null) {
    population = { ...population, side: senderOf(sentence.slice(0, m.start)) ?? soldiersSide(input.speaker, input.topic, measure !== null && MEASURES[measure] === 'casualties', input.country ?? null) };
  }
  if (size) population ??= { role: 'people', side: null };
  // every measure of the taxonomy counts people (the dead, the displaced, the detained): a bare figure counts everyone
  if (!population && measure && MEASURES[measure] !== undefined) population = { role: 'people', side: null };
  const kind = measure ? MEASURES[measure] ?? input.kind : input.kind;
  // The lexicon's force or event near the figure says whose toll it is; a place must be where the figure is.
  const lexiconTopic = input.subject !== null && (input.subjectType === 'force' || input.subjectType === 'event');
  // "in the capital": the capital of the article's country, a place of its own, not the whole country
  const placed = placeNear(sentence, m.start, m.end, input.places) ?? capitalNamed(sentence, m, input.topic, input.country ?? null) ?? townNamed(sentence, m);
  // "in the Valdorian war" is the article's Valdoria, as its war phrases are (topic.ts)
  const local = placed && input.topic && placed !== input.topic && namesPlace(placed, input.topic) ? input.topic : placed;
  // "4.6 million displaced nationwide": the whole country, not the city the article is about
  const clause = clauseAround(sentence, m.start, m.end);
  const near = NATIONWIDE.test(sentence.slice(clause.start, clause.end)) ? nationOf(sentence, input.topic, input.country ?? null) ?? local : local;
  // a part of a total ("of those, seven were killed") is compared with nothing
  const subject = input.partOfTotal ? null : lexiconTopic ? input.subject : near ?? input.topic ?? (input.subjectType === 'place' ? input.subject : null);
  // A force of the lexicon already says whose losses these are ("Russian armed forces"): the measure alone.
  const metric = lexiconTopic && input.subjectType === 'force' ? measure ?? metricRead : metricOf(measure ?? metricRead, population);
  // "72 out of the country's 330 townships": the whole counts all of them, a fact of its own beside the part's
  const whole = WHOLE_OF_PART.test(sentence.slice(Math.max(0, m.start - 60), m.start)) && !MEASURED_AFTER.test(next);
  // (of the 300 soldiers, 20 were killed: the 300 are not killed)
  const all = whole ? populationText(population) : null;
  if (all) return { kind: 'count', metric: `${all} in all`, subject, population: all };
  return { kind, metric, subject, population: populationText(population) };
}

// Fled across a border: "fled to Peru", "fled abroad", "crossed into neighbouring Peru" (group 1 the place fled to)
const FLED_ABROAD = /\b(?:fled|fleeing|escaped|crossed)\s+(?:abroad\b|the\s+country\b(?![’']s)|across\s+the\s+borders?\b|(?:the\s+border\s+)?(?:to|into)\s+(?:neighbou?ring\s+)?(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?)(?![\p{L}’']))/u;

/** True when the words after a count say those counted fled to another country. */
function fledAbroad(after: string): boolean {
  const m = FLED_ABROAD.exec(after);
  // (in the figure's own clause: not "displaced 200,000, while another 50,000 have fled to Chad")
  return m !== null && m.index < 40 && !/[.;,]|\b(?:while|whereas|and|but)\b/.test(after.slice(0, m.index)) && (m[1] === undefined || countryOf(m[1]) !== null);
}

/** A measure word within two words after a figure, from the given list. */
function measureAfter(words: string): RegExp {
  return new RegExp(String.raw`^\s+(?:[\p{L}-]+\s+){0,2}?(?:${words})\b`, 'u');
}
// "its casualties were 300 wounded": a measure after the figure other than the dead
const OTHER_MEASURE_AFTER = measureAfter(String.raw`wounded|injured|missing|abducted|captured|detained|or\s+wounded|or\s+injured`);
// "17 of the 40 people killed": a whole that is itself a toll keeps its measure
const MEASURED_AFTER = measureAfter('killed|wounded|injured|dead|died|missing|abducted|displaced|detained|captured|arrested');
// A part's figure and "(out) of (the) (country's)" before a figure: that figure is the whole
const WHOLE_OF_PART = /\d[\d,.]*\s+(?:out\s+)?of\s+(?:(?:the|its|their|all)\s+)?(?:(?:\p{L}+\s+){0,2}\p{L}+['’]s\s+)?$/u;

const IN_THE_CAPITAL = /\b(?:in|across|inside|around)\s+the\s+(?:country['’]s\s+)?capital\b(?!\s+(?:of|city\s+of)\b|,\s+\p{Lu})/u;

/** The article's country's capital when the figure's clause is "in the capital", else null. */
function capitalNamed(sentence: string, m: Mention, topic: string | null, country: string | null): string | null {
  const clause = clauseAround(sentence, m.start, m.end);
  if (!IN_THE_CAPITAL.test(sentence.slice(clause.start, clause.end))) return null;
  return (topic ? countryOf(topic)?.capital : null) ?? (country ? countryOf(country)?.capital : null) ?? null;
}

// "in the city", "inside the town" (not "the city of …"), and the town a siege, battle or fall names before it (group 1)
const IN_THE_TOWN = /\b(?:in|across|inside|around)\s+the\s+(?:city|town|village)\b(?!\s+of\b|,\s+\p{Lu})/u;
const TOWN_EVENT = new RegExp(String.raw`\b(?:siege|battle|fall|capture|bombardment|shelling|defen[cs]e|sack)\s+(?:of|for)\s+(${PROPER})`, 'u');

/** "During the siege of Mesa, 5,000 civilians died in the city": the town the sentence names before "in the city". */
function townNamed(sentence: string, m: Mention): string | null {
  const clause = clauseAround(sentence, m.start, m.end);
  if (!IN_THE_TOWN.test(sentence.slice(clause.start, clause.end))) return null;
  const town = TOWN_EVENT.exec(sentence.slice(Math.max(0, m.start - 200), m.start));
  return town?.[1] ? placeName(town[1]) : null;
}

// A military unit that speaks for its own men ("the division's command", "a battalion spokesman")
const UNIT_OWNER = /\b(division|regiment|brigade|battalion|company|platoon|squadron|garrison)\b/i;

/** "According to the division's command, 145 of its servicemen were killed": a unit's own dead, a part of the army's. */
function unitsOwn(population: Population | null, after: string, speaker: string | null): Population | null {
  if (population?.role !== 'soldiers' || population.side !== null || !/^\s+of\s+(?:its|their)\s/.test(after)) return population;
  const unit = UNIT_OWNER.exec(speaker ?? '')?.[1]?.toLowerCase();
  return unit ? { ...population, side: unit } : population;
}

/**
 * "150,000 had fled to Peru, Bolivia and Argentina", "fled abroad": refugees, not the displaced within the country. Only
 * people are refugees: "3,000 soldiers crossed into Velka", "200 tanks crossed into" count no refugees.
 */
function refugeesOrNot(read: string | null, population: Population | null, after: string): string | null {
  const measure = read === 'displaced' && fledAbroad(after) ? 'refugees' : read;
  if (measure !== 'refugees') return measure;
  // ("had fled to Peru" names no one: those who fled are people; "200 crossed into" may be tanks)
  if (population === null) return read === 'displaced' ? measure : null;
  return PERSON_ROLES.has(population.role) && population.role !== 'soldiers' && population.role !== 'fighters' ? measure : null;
}

const NATIONWIDE = /\b(?:nationwide|countrywide|nationally|across\s+the\s+(?:whole\s+|entire\s+)?country|in\s+the\s+(?:whole|entire)\s+country|the\s+country['’]s)\b/i;

/** The country a "nationwide" figure counts: one the sentence names ("Ukraine's ministry counts … nationwide"), else the article's place when it is a country, else the country the article names most. */
function nationOf(sentence: string, topic: string | null, country: string | null): string | null {
  for (const m of sentence.matchAll(/\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)*/gu)) {
    const country = countryOf(m[0]);
    // a name, not a demonym: "Russian strikes displaced 4 million nationwide" is not about Russia
    if (country && country.demonym !== m[0]) return country.name;
  }
  return topic && countryOf(topic) ? topic : country;
}

// "The army put its losses at three dead", "the Front said it had lost 40 men": a side no country names is an army's
// soldiers or an armed group's fighters, whoever counts them
const ARMY_WORDS = /\b(?:army|military|armed forces|forces|troops|government)\b/i;
const GROUP_WORDS = /\b(?:rebels?|insurgents?|militants?|militias?|front|movement|brigades?|guerrillas?|group)\b/i;

/** The population of a side's own dead: the side's demonym, else the army's soldiers or a group's fighters. */
function losers(population: Population, side: string | null): Population {
  if (side === null || countryOf(side) !== null) return { ...population, side };
  // "the militias have lost 2,000 of their fighters", "an army spokesman in Mesa": a side named only by what it is
  // (wherever it speaks from) is no side of its own
  const generic = !/\p{Lu}/u.test(side.replace(/^The\s/, '').replace(/\s+(?:in|at|from)\s+.*$/u, ''));
  if (population.role !== 'people') return { ...population, side: generic ? null : side };
  if (ARMY_WORDS.test(side)) return { role: 'soldiers', side: null };
  if (GROUP_WORDS.test(side)) return { role: 'fighters', side: null };
  return { ...population, side };
}

/**
 * Whose soldiers a count names no side for, in a war on one country's soil: the state's dead, whether the army counts its
 * own ("the army said 57 soldiers died"), an armed group its kills ("the rebels said they killed 200 troops") or a
 * monitor either; a strength only when the state or a group counts it; a country's body speaks for its own ("Peru's
 * ministry said 312 soldiers died"). Null with no speaker.
 */
function soldiersSide(speaker: string | null, topic: string | null, dead: boolean, country: string | null = null): string | null {
  if (!speaker) return null;
  const own = sideOfSpeaker(speaker);
  if (own) return own;
  // the war's country, else (a war about one of its regions) the country the article names most
  const state = (topic ? countryOf(topic)?.demonym : null) ?? (country ? countryOf(country)?.demonym : null) ?? null;
  // a speaker of no country (the army, a rebel group, a monitor, "ISWAP") counts the state's dead soldiers; a strength
  // ("Western officials say some 4,000 soldiers are deployed") may be a foreign force's, so only the state's own bodies
  // or an armed group speak for the state's there
  return dead || ARMY_WORDS.test(speaker) || GROUP_WORDS.test(speaker) || /\bcoalition\b/i.test(speaker) ? state : null;
}

// "Peru, the rebels' other backer, has sent", "Peru, which sent", "Chile has deployed about": the country that sends the troops (group 1)
const SENDER = /(?:^|[.;]\s*|\b(?:and|that)\s+)(\p{Lu}[\p{L}-]+)(?:\s*,[^,]{1,60},|\s*,\s+which)?\s+(?:has\s+|have\s+|had\s+)?(?:\p{Ll}+ly\s+)?(?:sent|deployed|dispatched|stationed|sends|deploys)\s+(?:(?:about|around|some|nearly|more\s+than|over|at\s+least|up\s+to|as\s+many\s+as|another|an\s+extra)\s+)?$/u;

/** The demonym of the country the clause says sent the troops counted right after it, or null. */
function senderOf(before: string): string | null {
  const sender = SENDER.exec(before)?.[1];
  const country = sender ? countryOf(sender) : null;
  return country && sender !== country.demonym ? country.demonym : null;
}

// The subject of "lost": "The militias have lost", "Chile has admitted losing", "it had lost", "the group said it lost".
const LOSER = /(?:^|[,;:"“”]\s*|\b(?:that|and|but)\s+)(?:(?:saying|adding|claiming|insisting|said|says)\s+(?:that\s+)?)?((?:the\s+)?[\p{L}'’ -]{1,40}?)\s+(?:(?:has|have|had|was|were)\s+)?(?:(?:\p{Ll}+ly|admitted|acknowledged|conceded)\s+)?(?:lost|losing|lose|loses)\b[^.;]*$/iu;
const SPEAKER_SELF = /^(?:it|they|we|he|she|the\s+(?:group|movement|army|ministry|government|front))$/i;

/**
 * Whose dead "lost N soldiers" counts: the clause's own subject when it names a third party ("The militias have lost",
 * "Chile has admitted losing"), else the speaker's side ("the Front said it had lost 40 men").
 */
function loserOf(before: string, speaker: string | null): string | null {
  // "A spokesman for the group said it had lost": the subject after the last reporting verb
  const subject = LOSER.exec(before)?.[1]?.trim().split(/\s+(?:said|says|claimed|claims|told\s+\S+|insisted|admitted|acknowledged|conceded)\s+(?:that\s+)?/i).pop()?.split(/\s+and\s+/)[0] ?? null;
  if (subject && !SPEAKER_SELF.test(subject)) return sideOfSpeaker(subject) ?? organisationOf(subject);
  // a side no country data knows keeps the speaker's organisation, apart from all tolls
  return (speaker ? sideOfSpeaker(speaker) ?? organisationOf(speaker) : null);
}

// ", a force …", ", an army …" after a figure: an appositive that speaks of something else, up to its closing comma
// ("five people, a woman and four children, were killed": the verb after the appositive is the figure's)
const APPOSITIVE_AFTER = /,\s+(?:a|an)\s[^,]*$/i;

/** The measure of the figure: the lexicon's when it says what happened, else the nearest measure keyword. */
function measureOf(input: CountInput): string | null {
  if (!WHO_METRICS.has(input.metric)) return MEASURES[input.metric] ? input.metric : null;
  const m = input.mention;
  const clause = clauseAround(input.sentence, m.start, m.end);
  let best: { metric: string; distance: number } | null = null;
  for (const h of input.measureHits) {
    if (!MEASURES[h.metric] || h.start < clause.start || h.end > clause.end) continue;
    // "fields 12,000 fighters, a force intact despite its losses": an appositive after the figure speaks of another thing
    if (h.start >= m.end && APPOSITIVE_AFTER.test(input.sentence.slice(m.end, h.start))) continue;
    // "about 12,000, many of them boys who were abducted", "an officer who fled the city told reporters that": not the figure's
    if (hitTellsOtherWords(input.sentence, m, h)) continue;
    const distance = h.start >= m.end ? h.start - m.end : m.start - h.end;
    if (!best || distance < best.distance) best = { metric: h.metric, distance };
  }
  return best?.metric ?? null;
}

/** The clause holding the figure: bounded by semicolons, dashes and sentence-internal full stops. */
function clauseAround(sentence: string, start: number, end: number): { start: number; end: number } {
  const before = sentence.slice(0, start);
  const from = Math.max(before.lastIndexOf(';'), before.lastIndexOf(' — '), before.lastIndexOf(' – '));
  const after = sentence.slice(end).search(/;| — | – /u);
  return { start: from < 0 ? 0 : from, end: after < 0 ? sentence.length : end + after };
}

/** "killed" + civilians → "civilians killed"; "count" + townships → "townships"; everyone → the measure alone. */
export function metricOf(measure: string, population: Population | null): string {
  if (!population) return measure;
  const who = populationText(population)!;
  // "50,000 civilians remain trapped" and "as many as 90,000 people are in the city" count the same people: civilians
  // stand apart from everyone only where deaths are counted (a toll of civilians is a part of the toll of all)
  if (measure === 'count' || measure === 'fighters' || measure === 'civilians affected') return population.role === 'civilians' && population.side === null ? 'people' : who;
  if (measure === 'troops deployed') {
    if (population.role !== 'soldiers' && population.role !== 'fighters') return who;
    return population.side ? `${population.side} troops deployed` : measure;
  }
  if (population.role === 'people') return population.side ? `${population.side} people ${measure}` : measure;
  return `${who} ${measure}`;
}
