// Stage 5, document pass: the incident a paragraph is about. "The deadliest incident was the attack on Kfar Dara in
// August. The government has never published a full toll. A spokesman said 'around 100' people had died": the toll
// names no place, yet it is Kfar Dara's, not the whole war's. A casualty figure whose own sentence names no place
// and no wider span (the war, a year, "since") takes the place of the last incident its paragraph named before it.
// Hand-written: which incident a bare toll belongs to is discourse reading no library does.

import type { ExtractedClaim } from '../domain/types.js';
import { PROPER, countryOf, placeName } from './places.js';
import { escapeRegExp, matchesOf } from './regex.js';
import { placesIn } from './sentence-places.js';
import { partOfTotalAfter } from './subjects.js';
import { usedAsPlace } from './topic.js';

/** A claim as the closing pass holds it: the claim, its sentence and paragraph. */
export interface IncidentClaim {
  claim: ExtractedClaim;
  sentence: number;
  paragraph: number;
}

// "the attack on Kfar Dara", "Sunday's assault by armed men on the town of Tarnow", "the attack in February on the UN
// site in Malakal", "an air strike hit a hangar at the Tarnow detention centre": an attack word, then within the clause
// the first place written after on/in/at/against
// The words of an attack, shared by the incident's place and its date
const ATTACK = String.raw`(?:attack|assault|raid|strike|airstrike|massacre|bombing|ambush|shelling|killings|blast|explosion)s?`;
const INCIDENT = new RegExp(String.raw`\b${ATTACK}\b`, 'iu');
const INCIDENT_PLACE = new RegExp(
  String.raw`\b(?:on|in|at|against)\s+(?:the\s+)?(?:(?:[\p{Ll}-]+\s+){0,2}(?:town|village|city|camp|district|market|port|site)\s+of\s+)?(${PROPER})`,
  'u',
);
const NOT_A_PLACE = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|UN|United Nations)$/u;

/** The place of the incident a sentence names, or null. */
function incidentPlace(text: string): string | null {
  let place: string | null = null;
  for (const m of matchesOf(INCIDENT, text)) {
    const clause = text.slice(m.index + m[0].length, m.index + m[0].length + 90).split(/[.;]/)[0] ?? '';
    for (const p of matchesOf(INCIDENT_PLACE, clause)) {
      const name = p[1]!;
      if (NOT_A_PLACE.test(name) || /^(?:UN|U\.N\.)\s/u.test(name)) continue;
      place = placeName(name) ?? place;
      break;
    }
  }
  return place;
}
// Words that make a toll the war's or a period's, not one incident's.
const WIDER = /\b(?:war|conflict|insurgency|fighting|violence|since|overall|in\s+total|altogether|nationwide|across|this\s+year|last\s+year|in\s+\d{4}|so\s+far|to\s+date|campaign|offensive)\b/i;

/**
 * The place of the last incident each sentence's paragraph named up to and including it; an article whose title names
 * an incident ("Raid on Kfar Dara: officials differ on toll") is about it from the start of each paragraph. Null when
 * none.
 */
function incidentPlaces(texts: readonly string[], paragraphs: readonly number[]): (string | null)[] {
  const out: (string | null)[] = [];
  const title = texts.length > 1 && paragraphs[0] !== paragraphs[1] ? texts[0]! : null;
  const named = title !== null ? incidentPlace(title) ?? titledPlace(title, texts) : null;
  // ("Strike on Chilean market kills 31", "Air strikes on Peru's port": a country is no incident's place)
  const titled = named && !countryOf(named) ? named : null;
  let place: string | null = titled;
  texts.forEach((text, i) => {
    if (i > 0 && paragraphs[i] !== paragraphs[i - 1]) place = titled;
    out.push(place);
    place = incidentPlace(text) ?? place;
  });
  return out;
}

// "Mesa: monitor raises death toll to 400": a title that opens on a place and tells a toll names an incident
// the place a title opens on, before its colon (group 1)
const TITLE_OPENING = new RegExp(String.raw`^(${PROPER}):`, 'u');
const TITLE_TOLL = /\b(?:death\s+toll|toll|killed|kills|dead|deaths)\b/i;

/**
 * "Chile: Mesa families await justice as UN confirms scale of killings", "Mesa: monitor raises death toll": a title that tells of an incident and names
 * a place that is no country, which the text writes as a place ("killed in Mesa"), names the incident's place.
 */
function titledPlace(title: string, texts: readonly string[]): string | null {
  // a toll's title names its incident only as the place it opens on ("Mesa: …"); "Tripoli gives far lower toll" is a
  // government named by its seat
  const opening = TITLE_TOLL.test(title) ? TITLE_OPENING.exec(title) : null;
  if (!INCIDENT.test(title) && !opening) return null;
  for (const m of opening ? [opening] : matchesOf(new RegExp(PROPER, 'gu'), title)) {
    const name = placeName((m[1] ?? m[0]).replace(/[’']s$/u, ''));
    if (!name || countryOf(name) || NOT_A_PLACE.test(name)) continue;
    const asPlace = new RegExp(String.raw`\b(?:in|at|of|near|on)\s+${escapeRegExp(name)}(?![\p{L}])`, 'u');
    if (texts.slice(1).some((t) => asPlace.test(t))) return name;
  }
  return null;
}

const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December)`;
// "the February 2016 raid", "an August 2018 coalition air strike", "the attack in February", "the massacre of 28 November": the date an incident is told with
const INCIDENT_DATE = new RegExp(
  String.raw`\b(${MONTH}(?:\s+\d{1,2})?(?:,?\s+\d{4})?|\d{1,2}\s+${MONTH}(?:\s+\d{4})?)\s+(?:[\p{Ll}-]+\s+){0,2}${ATTACK}\b|\b${ATTACK}\s+(?:in|on|of)\s+(${MONTH}(?:\s+\d{1,2})?(?:,?\s+\d{4})?|\d{1,2}\s+${MONTH}(?:\s+\d{4})?)`,
  'u',
);
// How old an incident is before its tolls are dated by it rather than by the report.
const RECENT_DAYS = 45;
// An incident lasts days, not months: a date wider than this dates something else.
const INCIDENT_DAYS = 31;

/** The date claim of the sentence that dates the incident it names, as a scope, or null. */
function incidentScope(sentence: IncidentClaim[], text: string): ExtractedClaim['scope'] {
  const m = INCIDENT_DATE.exec(text);
  const written = m?.[1] ?? m?.[2];
  if (!written) return null;
  const dated = sentence.find((c) => c.claim.kind === 'date' && written.includes(c.claim.valueText.replace(/^(?:in|on|of)\s+/, '')));
  const { low, high } = dated?.claim.value ?? {};
  if (typeof low !== 'string' || typeof high !== 'string') return null;
  return (Date.parse(high) - Date.parse(low)) / 86_400_000 <= INCIDENT_DAYS ? { from: low, to: high } : null;
}

/**
 * The toll of an incident dated weeks or more before the report ("the February 2016 raid …, in which 18 died"; "the
 * attack in February … 30 were killed in the assault") counts that incident's days, so that two tells of it years apart
 * still meet, and it meets no running total. New objects, never edits.
 */
export function dateIncidentTolls(claims: readonly IncidentClaim[], texts: readonly string[], paragraphs: readonly number[], published: string): IncidentClaim[] {
  const bySentence = new Map<number, IncidentClaim[]>();
  for (const c of claims) {
    const group = bySentence.get(c.sentence);
    if (group) group.push(c);
    else bySentence.set(c.sentence, [c]);
  }
  // each sentence's own incident date, read once; a sentence without one inherits its paragraph's last
  const own = texts.map((text, i) => incidentScope(bySentence.get(i) ?? [], text));
  let lastIncident = -1;
  const scopes = texts.map((text, i) => {
    if (i > 0 && paragraphs[i] !== paragraphs[i - 1]) lastIncident = -1;
    const inherited = lastIncident >= 0 ? own[lastIncident] ?? null : null;
    if (INCIDENT_DATE.test(text)) lastIncident = i;
    return own[i] ?? inherited;
  });
  return claims.map((c) => {
    const scope = scopes[c.sentence] ?? null;
    // an incident of the last weeks is the news itself: its tolls hold as of the report, as another outlet's do
    if (!scope || Date.parse(published) - Date.parse(scope.to ?? scope.from ?? published) <= RECENT_DAYS * 86_400_000 || c.claim.kind !== 'casualties' || c.claim.scope !== null || WIDER.test(c.claim.quote)) return c;
    return { ...c, claim: { ...c.claim, scope } };
  });
}

/**
 * Casualty claims with no place of their own (their subject is the article's place, or none) in a paragraph that named
 * an incident before their sentence take that incident's place. New objects, never edits.
 */
export function placeIncidentTolls(claims: readonly IncidentClaim[], texts: readonly string[], paragraphs: readonly number[], topic: string | null): IncidentClaim[] {
  const places = incidentPlaces(texts, paragraphs);
  return claims.map((c) => {
    const place = places[c.sentence] ?? null;
    const { claim } = c;
    if (!place || claim.kind !== 'casualties' || (claim.subject !== null && claim.subject !== topic) || claim.scope !== null) return c;
    if (WIDER.test(claim.quote)) return c;
    // "responsible for 820 of the killings": a part of a total stays apart, compared with nothing
    const at = claim.quote.indexOf(claim.valueText);
    if (claim.subject === null && at >= 0 && partOfTotalAfter(claim.quote, at, at + claim.valueText.length)) return c;
    return { ...c, claim: { ...claim, subject: place } };
  });
}

// "killed 31 people, including eight children": the part's words right before its figure
const INCLUDING = /\bincluding\s+(?:(?:at\s+least|about|around|some|nearly|almost|more\s+than)\s+)?$/i;

/**
 * A part of an incident's toll ("126, including 31 civilians") is the incident's too: it takes the place of the total
 * it is part of when that total names a place narrower than the article's. A part of a whole war's toll stays apart
 * (compared with nothing), as subjects.ts leaves it. New objects, never edits.
 */
export function placeParts(claims: readonly IncidentClaim[], topic: string | null): IncidentClaim[] {
  return claims.map((c, i) => {
    const { claim } = c;
    const at = claim.quote.indexOf(claim.valueText);
    if (claim.kind !== 'casualties' || claim.subject !== null || at < 0 || !INCLUDING.test(claim.quote.slice(Math.max(0, at - 40), at))) return c;
    const whole = claims[i - 1];
    if (!whole || whole.sentence !== c.sentence || whole.claim.kind !== 'casualties') return c;
    const place = whole.claim.subject;
    return place !== null && place !== topic ? { ...c, claim: { ...claim, subject: place, scope: claim.scope ?? whole.claim.scope } } : c;
  });
}

// "82 soldiers had been executed there", "the number of civilians killed there": a toll placed by "there"
const THERE = /\b(?:killed|died|dead|executed|massacred|murdered|slain|buried|wounded|injured)\s+there\b/i;
// "had gone missing in the state", "across the province": the state or province the text named last
const IN_THE_STATE = /\b(?:in|across|throughout)\s+the\s+(?:state|province|territory|republic)\b(?!\s+(?:of|government|capital|assembly|parliament|police)\b|['’]s)/i;

/**
 * A toll told "there" whose own sentence names no place: the place named last before it, earlier in its sentence or
 * in the sentence before in its paragraph ("Wives marched over the fate of the garrison at Lerna. The ministry said
 * 82 soldiers had been executed there"); one told "in the state" or "in the province" also two sentences back.
 * New objects, never edits.
 */
export function placeThere(claims: readonly IncidentClaim[], texts: readonly string[], paragraphs: readonly number[], topic: string | null): IncidentClaim[] {
  return claims.map((c) => {
    const { claim } = c;
    if (claim.kind !== 'casualties' || (claim.subject !== null && claim.subject !== topic)) return c;
    const state = IN_THE_STATE.test(claim.quote);
    if (!state && !THERE.test(claim.quote)) return c;
    const text = texts[c.sentence] ?? '';
    const own = placesIn(text.slice(0, Math.max(0, text.indexOf(claim.valueText)))).pop()?.place;
    // ("in the state" may point two sentences back: "… in Tarn State. The state government disputes it. It said …")
    const back = (n: number): string | undefined => (c.sentence >= n && paragraphs[c.sentence - n] === paragraphs[c.sentence] ? placesIn(texts[c.sentence - n] ?? '').pop()?.place : undefined);
    const place = own ?? back(1) ?? (state ? back(2) : undefined);
    return place && place !== claim.subject ? { ...c, claim: { ...claim, subject: place } } : c;
  });
}

const PLACE_RECORDED = /^(?:recorded|records|registered|registers|logged|counted|saw|suffered)$/i;

/**
 * "Tarn, the rebels' heartland, recorded the highest toll of any district, with 1,017 deaths": a speaker that is one of
 * the article's places ("in Tarn" elsewhere) is where the toll is, not who tells it. New objects, never edits.
 */
export function placeSpeakers(claims: readonly IncidentClaim[], text: string): IncidentClaim[] {
  return claims.map((c) => {
    const { claim } = c;
    const speaker = claim.speaker;
    if (claim.kind !== 'casualties' || speaker === null || !/^\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?$/u.test(speaker) || countryOf(speaker) || !claim.quote.startsWith(speaker)) return c;
    // ("Vendra maintains that no more than 400 died": a capital that speaks is its government)
    if (!PLACE_RECORDED.test(claim.attributionCue ?? '') || !usedAsPlace(speaker, text)) return c;
    return { ...c, claim: { ...claim, subject: speaker, speaker: null, attributionCue: null, relay: null } };
  });
}

/**
 * Two speakers' figures for one measure in adjacent sentences of a paragraph are most often rival tells of one fact
 * ("A senior officer said about 800 militants took part in the assault on Mesa. A security official said the attackers
 * numbered 1,300"): when one is placed narrower than the article (a town, a district) and the other's sentence names
 * no place and no wider span, the other takes that place, so the two meet. Only over the same period: "10,000 killed in
 * Mesa last year" beside "the toll could reach 150,000" is a town's year against the war's toll. The first figure before it wins, else the
 * one after. New objects, never edits.
 */
// Words that make a figure the whole war's or the country's: no rival of a town's ("the war has killed", "nationwide")
const WHOLE = /\b(?:war|conflict|insurgency|nationwide|countrywide|across\s+the\s+country|overall|in\s+total|altogether|so\s+far|to\s+date)\b/i;

// "the office of the governor, which oversees Mesa": a speaker whose area holds a place
const AREA_OF_SPEAKER = /\b(?:which|who|that)\s+(?:oversees|includes|covers|governs|administers|runs)\s/;

const EVENT_REFERENCE = /\b(?:the|that|this)\s+(?:attackers|assailants|raiders|gunmen|attack|assault|raid|strike|massacre|ambush|bombing|shelling|blast|battle|fighting|toll|death\s+toll|dead|victims)\b/i;

export function placeRivals(claims: readonly IncidentClaim[], texts: readonly string[], topic: string | null, war: string | null): IncidentClaim[] {
  const broad = (s: string | null): boolean => s === null || s === topic || s === war;
  const narrow = (s: string | null): s is string => !broad(s) && countryOf(s!) === null;
  return claims.map((c, i) => {
    const { claim } = c;
    if (claim.speaker === null || !broad(claim.subject) || (claim.kind !== 'casualties' && claim.kind !== 'count')) return c;
    // the unplaced figure must point back at one event ("the attackers", "the raid", "the toll"), or its speaker be one whose
    // area holds the rival's town ("the governor's office, which oversees Mesa, said 22 died"): "The UN said
    // 1,800 people have been killed" beside a town's 70 is the country's
    if (WHOLE.test(claim.quote)) return c;
    const text = texts[c.sentence] ?? '';
    const pointsBack = EVENT_REFERENCE.test(claim.quote) && placesIn(text).length === 0;
    if (!pointsBack && !AREA_OF_SPEAKER.test(text)) return c;
    const names = (place: string): boolean =>
      place !== '' && new RegExp(`${AREA_OF_SPEAKER.source}\\s*(?:the\\s+)?(?:[\\p{L}-]+\\s+){0,2}?${escapeRegExp(place)}(?![\\p{L}-])`, 'u').test(text);
    const rival = (o: IncidentClaim | undefined): o is IncidentClaim =>
      o !== undefined && o.claim.kind === claim.kind &&
      ((pointsBack && Math.abs(o.sentence - c.sentence) === 1) || (Math.abs(o.sentence - c.sentence) <= 2 && names(o.claim.subject ?? ''))) &&
      o.claim.metric === claim.metric && o.claim.speaker !== claim.speaker && narrow(o.claim.subject) &&
      JSON.stringify(o.claim.scope) === JSON.stringify(claim.scope);
    // the nearest before it, else after it: claims run in sentence order, so only the two sentences each way are read
    let donor: IncidentClaim | undefined;
    for (let j = i - 1; j >= 0 && !donor && claims[j]!.sentence >= c.sentence - 2; j--) if (claims[j]!.sentence < c.sentence && rival(claims[j])) donor = claims[j];
    for (let j = i + 1; j < claims.length && !donor && claims[j]!.sentence <= c.sentence + 2; j++) if (claims[j]!.sentence > c.sentence && rival(claims[j])) donor = claims[j];
    return donor !== undefined ? { ...c, claim: { ...claim, subject: donor.claim.subject } } : c;
  });
}
