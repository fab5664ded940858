// Stage 4, reading a figure: which event a date or duration is about, read from the verb that governs it —
// "the war that began in 2015" dates the war, "Russia joined the conflict in 2015" dates Russia's
// intervention, an "eight-year civil war" is the war's age — and from when a running total counts ("since
// the campaign began"). Hand-written for the reasons given in events.ts.

import type { IsoDate } from '../domain/types.js';
import type { EventPhrase } from './event-phrases.js';
import { eventOfActor, resolveEventPhrase } from './events.js';
import { WAR_HEADS, topicWar } from './topic-war.js';
import { placeNear } from './sentence-places.js';
import type { Mention } from './mentions.js';
import { ACTOR_TYPES, actorBefore, actorWords, clauseActor, entityName, entityType, type SentenceFacts } from './subjects.js';

/** A start or end date with the event it dates (null when the event cannot be named). */
export interface EventReading {
  subject: string | null;
  metric: 'start date' | 'end date';
}

// a fresh global pattern for each scan, so no lastIndex outlives it
const EVENT_VERB = (): RegExp =>
  /\b(began|begun|begins|begin|started|starts|erupted|erupts|broke out|launched|launches|ended|ends|came to an end|came to a halt|joined|joins|intervened|intervenes|intervening|intervene|entered|enters|(?:start|beginning|outbreak|onset|launch|end)\s+of)\b/gi;
// What an actor begins when it begins its campaign: general military English, not one war's words.
const MILITARY_ACTION = /^\s+(?:(?:its|their)\s+)?(?:(?:air|aerial|naval|ground|military)\s+)?(?:bombing|bombard|strik|shelling|attack|raid|sorties|airstrikes|air strikes|military operations|operations|deploying|deployment|offensive|hostilities)/i;
const JOIN = /^(?:joined|joins|intervened|intervenes|intervening|intervene|entered|enters)$/i;
// What separates a verb from a date that is not its own: a new clause or sentence.
const CLAUSE_BREAK = /[;.!?]|,\s*(?:and|but|while|whereas|although)\b|\b(?:when|after|before|until|while)\b/i;
// A date between a verb and a later date takes the verb: "erupted on 27 March and came to a halt on 10 May".
const OTHER_DATE = /\b(?:(?:19|20)\d\d|January|February|March|April|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
// Between an event phrase and its verb: "the war that began", "the conflict, which began", "the war has ended".
// An aside between commas may stand between them: "the conflict, now in its ninth year, began".
// The farthest a date may stand after the verb that dates an event ("began in the spring of 2011").
const VERB_REACH = 90;
const PHRASE_TO_VERB = /^\s*(?:,[^,;.()]{1,40},\s*|,\s*)?(?:(?:which|that)\s+)?(?:(?:has|had|have|only|first|finally|officially|formally)\s+)*$/i;

/**
 * Whose start or end a date is, read from the verb that governs it: an event phrase before "began/ended"
 * (or after "launched", "the start of"), an actor that "joined/intervened in/entered" something (its own
 * intervention), an actor that "began" doing something (its own campaign), or an event phrase before
 * "since D". Null when no such verb or phrase governs the date.
 */
export function dateEvent(f: SentenceFacts, d: Mention): EventReading | null {
  const { text } = f;
  let verb: RegExpExecArray | null = null;
  // only a verb within reach can govern the date (see the gap test below): start the search there
  const verbs = EVENT_VERB();
  verbs.lastIndex = Math.max(0, d.start - VERB_REACH - 30);
  for (let m = verbs.exec(text); m && m.index < d.start; m = verbs.exec(text)) verb = m;
  if (verb) {
    const gap = text.slice(verb.index + verb[0].length, d.start);
    if (gap.length > VERB_REACH || CLAUSE_BREAK.test(gap) || OTHER_DATE.test(gap)) verb = null;
  }
  const reading = verb ? verbReading(f, verb, d) : null;
  if (reading) return reading;
  // "in March 2011, when the uprising began": the clause after the date names the event
  const when = /^\s*,?\s*when\s+/i.exec(text.slice(d.end));
  if (when) {
    const at = d.end + when[0].length;
    const phrase = f.phrases.find((p) => p.start >= at && /^(?:(?:the|its|their|a|an)\s+)?$/i.test(text.slice(at, p.start)));
    const began = phrase ? /^\s+(?:first\s+)?(?:began|started|erupted|broke out|ended)\b/i.exec(text.slice(phrase.end)) : null;
    if (phrase && began) {
      return { subject: eventName(f, phrase), metric: /ended/i.test(began[0]) ? 'end date' : 'start date' };
    }
  }
  // "has flown an air campaign over Syria since last September": the campaign started then
  if (/^since\b/i.test(d.text) || /\bsince\s+$/i.test(text.slice(Math.max(0, d.start - 8), d.start))) {
    const phrase = [...f.phrases].reverse().find((p) => p.end <= d.start && d.start - p.end <= 60 && !CLAUSE_BREAK.test(text.slice(p.end, d.start)));
    if (phrase) {
      const actor = clauseActor(f, phrase.start);
      const event = eventName(f, phrase, actorWords(f, actor));
      if (event !== null) return { subject: event, metric: 'start date' };
    }
    // "The country has been in turmoil since December 2012": the article's war, whatever word it is told with
    const war = f.article.war ?? f.article.topic;
    if (war && AT_WAR_SINCE.test(text.slice(Math.max(0, d.start - 60), d.start))) return { subject: war, metric: 'start date' };
  }
  const founder = foundedName(text.slice(Math.max(0, d.start - 160), d.start));
  return founder ? { subject: founder, metric: 'start date' } : null;
}

// "The Lerna Front, founded in 1964", "the Front was founded in 1966", "led the Front since its founding in 1964": the
// body whose start the date is (group 1)
const FOUNDED_BEFORE = /(?<![\p{L}])(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,4})(?:,\s+|\s+(?:was|were|had\s+been|has\s+been)\s+)(?:first\s+)?(?:founded|formed|established|created)\s+(?:(?:in|on)\s+)?$/u;
const BODY_HEAD = /\b(?:Front|Movement|Army|Party|Group|Alliance|Council|Brigades?|Union|League|Organi[sz]ation|Forces|Militia|Coalition|Committee|Network|Observatory|Monitor|Institute|Commission|Agency|Mission|Congress|Guard|Command)$/u;
const ITS_FOUNDING = /\s(?:its|their)\s+(?:founding|foundation|creation)\s+(?:(?:in|on)\s+)?$/;

/** The name of the body a founding date belongs to, from the words before the date, or null. */
function foundedName(before: string): string | null {
  // a body: a name with an organisation's head word, or an acronym ("the FRONT", "Contact was established" is no body)
  const found = FOUNDED_BEFORE.exec(before)?.[1];
  const named = found && (BODY_HEAD.test(found) || /^(?:The\s+)?\p{Lu}{2,}$/u.test(found)) ? found : undefined;
  const its = named ? null : ITS_FOUNDING.exec(before);
  const owner = named ?? (its ? OWNER_BEFORE.exec(`${before.slice(0, its.index)} its `)?.[1] : undefined);
  return owner ? owner.replace(/^(?:The|A|An)\s+/u, '') : null;
}

// "the country has been at war since", "Tarn has been in turmoil since": a place in its war from a date
const AT_WAR_SINCE = /\b(?:country|nation|\p{Lu}[\p{L}-]+)\s+(?:has|had)\s+been\s+(?:at\s+war|in\s+(?:turmoil|conflict|crisis|chaos|civil\s+war|war|upheaval))\s+(?:ever\s+)?since\s+$/u;

function verbReading(f: SentenceFacts, verb: RegExpExecArray, d: Mention): EventReading | null {
  const { text } = f;
  const word = verb[0].toLowerCase();
  const verbEnd = verb.index + verb[0].length;
  const metric = /^(?:ended|ends|came to an end|came to a halt|end\s+of)$/.test(word) ? 'end date' : 'start date';
  if (JOIN.test(word)) {
    // "were joined by the foreign minister" is company at a meeting, not joining a war
    if (/^\s+by\b/i.test(text.slice(verbEnd))) return null;
    // "joined the talks", "entered Aleppo": only joining a war (an event noun) is an intervention
    if (/^(?:joined|joins|entered|enters)$/.test(word) && !f.phrases.some((p) => p.start >= verbEnd && p.end <= d.start && /^\s*(?:(?:the|a|an|its|their)\s+)?$/i.test(text.slice(verbEnd, p.start)))) return null;
    // Joining a war is the start of one's own part in it, never the start of the war.
    const actor = actorBefore(f, verb.index) ?? (word === 'intervening' ? clauseActor(f, verb.index) : null);
    return actor ? { subject: entityName(f, eventOfActor(f.index, actor.index)), metric: 'start date' } : null;
  }
  const nounForm = /\sof$/.test(word);
  const launched = /^launch/.test(word);
  const object = (): EventPhrase | undefined =>
    f.phrases.find((p) => p.start >= verbEnd && p.end <= d.start && /^\s*(?:(?:the|its|their|his|her|a|an)\s+)?$/i.test(text.slice(verbEnd, p.start)));
  const subject = (): EventPhrase | undefined =>
    [...f.phrases].reverse().find((p) => p.end <= verb.index && PHRASE_TO_VERB.test(text.slice(p.end, verb.index))) ??
    // "The war in Valdoria has killed 2,100 people since it erupted in December 2024": "it" is the sentence's event
    (/\bsince\s+it\s+(?:first\s+)?$/i.test(text.slice(Math.max(0, verb.index - 16), verb.index)) ? f.phrases.find((p) => p.end <= verb.index) : undefined);
  // "launched its air campaign on D" names the event after the verb; "the air campaign, launched in D" before it
  const phrase = nounForm ? object() : launched ? object() ?? subject() : subject();
  const actor = nounForm ? null : actorBefore(f, phrase && !launched ? phrase.start : verb.index);
  if (phrase) {
    // "its air campaign": the possessive points back at the actor
    const extra = phrase.determiner && /^(?:its|their|his|her)$/.test(phrase.determiner) ? actorWords(f, actor ?? clauseActor(f, phrase.start)) : [];
    return { subject: eventName(f, phrase, extra), metric };
  }
  // "Moscow began bombing targets on 30 September 2015": an actor starting to fight starts its campaign;
  // one that began talks or started withdrawing did not
  if (actor && !nounForm && MILITARY_ACTION.test(text.slice(verbEnd))) return { subject: entityName(f, eventOfActor(f.index, actor.index)), metric };
  // "Talks began on Monday", "who began his career in 1991": not the start of an event the lexicon knows
  return null;
}

/**
 * The event a duration measures when it qualifies an event noun ("eight-year civil war", "Syria's 10-year
 * conflict", "four days of fighting"): attached, with the event's name or null when it cannot be named.
 * Not attached when the duration stands on its own ("two years on").
 */
export function durationEvent(f: SentenceFacts, m: Mention): { attached: boolean; subject: string | null } {
  const phrase =
    f.phrases.find((p) => p.start <= m.start && p.end >= m.end) ??
    f.phrases.find((p) => p.start >= m.end && /^\s*(?:of\s+)?(?:[\p{L}-]+\s+){0,2}$/u.test(f.text.slice(m.end, p.start)) && !/\b(?:the|a|an)\s+$/i.test(f.text.slice(m.end, p.start))) ??
    // "the curfew, which lasted 79 days": the event the clause after it measures
    f.phrases.find((p) => p.end <= m.start && LASTED.test(f.text.slice(p.end, m.start)));
  if (!phrase) return { attached: false, subject: null };
  return { attached: true, subject: eventName(f, phrase) ?? namedEpisode(f, phrase, m) };
}

// "The Front believes its", "the Korvan Front said their": the name a possessive pronoun after it stands for (group 1)
const OWNER_BEFORE = /(?:^|[^\p{L}])(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,3})\s+(?:\p{Ll}+\s+){1,3}(?:its|their)\s+$/u;
const LASTED = /^\s*,?\s*(?:(?:which|that)\s+)?(?:(?:has|had|have)\s+)?(?:lasted|lasting|ran|went\s+on)\s+(?:for\s+)?(?:(?:about|some|nearly|almost|more\s+than|over|just|only)\s+)?$/i;

/**
 * An episode of a war that is not the war itself, named by the names in its phrase or the place the sentence gives
 * it: "the Front's 78-day air campaign" → "Front campaign", "the 88-day curfew" in a sentence on Mesa → "Mesa curfew";
 * so that two lengths told of one episode meet. Null for a war not the article's (its age is read elsewhere) and for an
 * episode with no name and no place ("a two-week offensive": which one cannot be told).
 */
function namedEpisode(f: SentenceFacts, phrase: EventPhrase, m: Mention): string | null {
  if (WAR_HEADS.has(phrase.head)) return null;
  const words = f.text.slice(phrase.start, phrase.end).split(/\s+/);
  const at = words.findIndex((w) => w.toLowerCase().startsWith(phrase.head));
  // the run of names nearest the noun before it ("Officials said Chile's 78-day air campaign" → Chile), then any after it
  const before: string[] = [];
  for (const w of words.slice(0, Math.max(0, at)).reverse()) {
    if (/^\p{Lu}/u.test(w) && !OTHER_DATE.test(w)) before.unshift(w.replace(/[’']s$/u, ''));
    else if (before.length > 0) break;
  }
  // "The Front believes its 78-day air campaign": the owner "its" stands for, named just before it
  if (before.length === 0 && /^(?:its|their)$/.test(phrase.determiner ?? '')) before.push(...(OWNER_BEFORE.exec(f.text.slice(Math.max(0, phrase.start - 60), phrase.start))?.[1]?.split(/\s+/) ?? []));
  // "the siege of Mesa": the name after the noun, when none stands before it
  const names = before.length > 0 ? before : words.slice(at + 1).filter((w) => /^\p{Lu}/u.test(w));
  const where = names.length > 0 ? names.join(' ').replace(/^The\s+/, '') : placeNear(f.text, m.start, m.end);
  return where ? `${where} ${phrase.head}` : null;
}

/**
 * "since the campaign began", "since the air campaign began in September 2015", "since the operation's
 * start": the event a running total counts from, and the date when the sentence states it. Null when the
 * sentence counts from no event.
 */
export function sinceEvent(f: SentenceFacts, dates: readonly Mention[]): { subject: string | null; from: IsoDate | null } | null {
  const { text } = f;
  const statedAfter = (from: number): IsoDate | null => {
    const d = dates.find((x) => x.start >= from && x.start - from <= 40 && typeof x.low === 'string' && !CLAUSE_BREAK.test(text.slice(from, x.start)));
    return d ? (d.low as IsoDate) : null;
  };
  for (const since of text.matchAll(/\bsince\s+/gi)) {
    const at = since.index + since[0].length;
    // "The war, which began in 2011, has killed 500,000 since it started": "it" is the sentence's event
    if (/^it\s+(?:began|started|erupted|broke out)\b/i.test(text.slice(at))) {
      const named = f.phrases.filter((p) => p.end <= at).map((p) => eventName(f, p)).find((e) => e !== null);
      if (named !== undefined) return { subject: named, from: statedAfter(at + /^it\s+\S+(?:\s+out)?/i.exec(text.slice(at))![0].length) };
    }
    // "since Moscow entered the war in September 2015": from the actor's own intervention
    const actor = f.entities.find((h) => h.start >= at && h.start - at <= 4 && /^(?:the\s+)?$/i.test(text.slice(at, h.start)) && ACTOR_TYPES.has(entityType(f, h)));
    const acted = actor ? /^\s+(?:first\s+)?(joined|intervened|entered|began|started|launched)\b/i.exec(text.slice(actor.end)) : null;
    if (actor && acted) {
      return { subject: entityName(f, eventOfActor(f.index, actor.index)), from: statedAfter(actor.end + acted[0].length) };
    }
    const phrase = f.phrases.find((p) => p.start >= at && /^(?:(?:the|its|their)\s+(?:start|beginning|launch|outbreak|onset)\s+of\s+)?(?:the|its|their|this|that)\s+$/i.test(text.slice(at, p.start)));
    if (!phrase) continue;
    const tail = text.slice(phrase.end);
    const verb = /^(?:['’]s?\s+(?:start|beginning|launch|outbreak)|\s+(?:began|begun|started|erupted|broke out|was launched|got under way|got underway|kicked off))\b/i.exec(tail);
    const startOf = /(?:start|beginning|launch|outbreak|onset)\s+of\s+\S+\s+$/i.test(text.slice(at, phrase.start));
    if (!verb && !startOf) continue;
    const verbEnd = phrase.end + (verb?.[0].length ?? 0);
    const stated = dates.find((d) => d.start >= verbEnd && d.start - verbEnd <= 6 && typeof d.low === 'string');
    return { subject: eventName(f, phrase), from: stated ? (stated.low as IsoDate) : null };
  }
  return null;
}

/** The event a phrase names: the lexicon's event, else the article's own war (topic-war.ts), else null. */
function eventName(f: SentenceFacts, phrase: EventPhrase, actor: string[] = []): string | null {
  const known = resolveEventPhrase(f.index, phrase, f.article, actor);
  if (known !== null) return entityName(f, known);
  // "fighting in a war that began in 1983", "closed a 33-year conflict that began in 1976": a war introduced by the
  // clause that dates it is the article's own, as "the war" is
  // "signed an accord ending a 16-year civil war", "the end of a 52-year war": a war whose end or start the sentence tells,
  // with its length, is the article's own
  const indefinite = /^(?:a|an)$/i.test(phrase.determiner ?? '');
  const dated = indefinite && (DATED_WAR.test(f.text.slice(phrase.end, phrase.end + 40)) || (phrase.modifiers.some((w) => LENGTH_WORD.test(w)) && ENDED_BEFORE.test(f.text.slice(Math.max(0, phrase.start - 30), phrase.start))));
  return topicWar(f.article, dated ? { ...phrase, determiner: 'the' } : phrase, actor);
}

const LENGTH_WORD = /^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty)-(?:year|month|week|day)s?(?:-old|-long)?$|^decade-long$/i;
const ENDED_BEFORE = /\b(?:ending|ended|ends|end\s+of|close\s+of|closing|closed|concluding|concluded|opened|opening|began|launched)\s+(?:a|an)\s+$/i;
// A relative clause that dates the war before it: "that began", "which erupted".
const DATED_WAR = /^\s*,?\s*(?:that|which)\s+(?:first\s+)?(?:began|started|erupted|broke\s+out)\b/i;
