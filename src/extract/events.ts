// Which event a date, a duration or a count is about. "A civil war of eight years, which began in
// 2015" dates the war; "Russia joined the conflict in September 2015" dates Russia's intervention, not the
// war; "10 servicemen killed since the campaign began" counts from the campaign's start.
// Hand-written: it matches noun phrases of the sentence against the user's lexicon — event entities with
// their aliases, and event nouns, which are the keywords of the lexicon's duration metrics ("war",
// "conflict", "campaign"…) — and no library knows that vocabulary. Nothing here names a war or a country.

import type { Lexicon } from '../domain/types.js';
import { entityHits, type CompiledLexicon } from './lexicon-match.js';
import type { EventNouns, EventPhrase } from './event-phrases.js';
import { escapeRegExp } from './regex.js';

/** One way of naming an event entity, split around its event noun: "Syria's civil war" → [syria, civil] war []. */
interface EventAlias {
  entity: number;
  head: string;
  pre: string[];
}

/** The lexicon's events and forces arranged for noun-phrase matching; built once per lexicon. */
export interface EventIndex extends EventNouns {
  lex: CompiledLexicon;
  aliases: EventAlias[];
  /** every word of an event entity's name and aliases (lower case, possessive dropped) */
  vocabulary: Map<number, string[]>;
  /** the capitalised words of an event entity's names: at least one must occur in an article that names it only by "the war" */
  properWords: Map<number, string[]>;
  /** "Russian" → the force entity named "Russian forces", "Russian armed forces"… (unambiguous demonyms only) */
  forceByDemonym: Map<string, number>;
}

// Words that join an alias's modifiers to its event noun, not modifiers themselves.
const ALIAS_GLUE: ReadonlySet<string> = new Set(['the', 'a', 'an', 'in', 'of', 'against', 'on', 'over', 'and', 'for']);

/** Lower-case words of a name, possessives dropped: "Syria's civil war" → [syria, civil, war]. */
export function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w !== '');
}

/** True when two words are one name in different forms: Russia/Russian, Syria/Syrian, Iran/Iranian. */
export function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short) && long.length - short.length <= 3;
}


/**
 * Builds the event index of a compiled lexicon (once per prepared lexicon). `forceWords` are the words a force is
 * named with after its demonym ("Valdorian forces", "Valdorian Armed Forces"): the grammar vocabulary's.
 */
export function eventIndex(lex: CompiledLexicon, forceWords: ReadonlySet<string>): EventIndex {
  const lexicon: Lexicon = lex.lexicon;
  const nouns = [
    ...new Set(lexicon.metrics.filter((m) => m.kind === 'duration').flatMap((m) => m.keywords.map((k) => k.trim().toLowerCase()).filter((k) => k !== ''))),
  ].sort((a, b) => b.length - a.length);
  const heads = new Set(nouns.map((n) => n.split(/\s+/).pop() ?? n));
  const aliases: EventAlias[] = [];
  const vocabulary = new Map<number, string[]>();
  const properWords = new Map<number, string[]>();
  const demonyms = new Map<string, Set<number>>();
  lexicon.entities.forEach((e, i) => {
    const names = [e.name, ...e.aliases].filter((a) => a.trim() !== '');
    if (e.type === 'event') {
      vocabulary.set(i, [...new Set(names.flatMap(nameWords))]);
      properWords.set(i, [...new Set(names.flatMap((n) => n.split(/\s+/).filter((w) => /^\p{Lu}\p{Ll}/u.test(w)).map((w) => nameWords(w)[0] ?? '')))].filter((w) => w !== ''));
      for (const name of names) {
        const words = nameWords(name);
        const at = words.map((w, j) => (heads.has(w) ? j : -1)).filter((j) => j >= 0).pop();
        if (at === undefined) continue;
        aliases.push({ entity: i, head: words[at]!, pre: words.slice(0, at).filter((w) => !ALIAS_GLUE.has(w)) });
      }
    }
    if (e.type === 'force') {
      for (const name of names) {
        const [first, ...rest] = name.split(/\s+/);
        if (!first || !/^\p{Lu}\p{Ll}+$/u.test(first) || rest.length === 0) continue;
        if (!rest.every((w) => forceWords.has(w.toLowerCase()))) continue;
        const key = first.toLowerCase();
        demonyms.set(key, new Set([...(demonyms.get(key) ?? []), i]));
      }
    }
  });
  const forceByDemonym = new Map<string, number>();
  for (const [word, set] of demonyms) if (set.size === 1) forceByDemonym.set(word, [...set][0]!);
  const index: EventIndex = {
    lex,
    nounRe: nouns.length ? new RegExp(`(?<![\\p{L}-])(${nouns.map(escapeRegExp).join('|')})(?![\\p{L}-])`, 'giu') : null,
    aliases,
    vocabulary,
    properWords,
    forceByDemonym,
  };
  return index;
}

// Modifiers that say nothing about which event ("eight-year", "bloody", "the country's").
const NEUTRAL = /^(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty)-)|-(?:year|month|week|day)s?(?:-old|-long)?$|^(?:country|nation|long|bloody|brutal|ongoing|current|years-long|decade-long|devastating|grinding|so-called)$/i;

/** What an article offers for resolving bare phrases ("the war"): its capitalised words. */
export interface ArticleContext {
  properWords: Set<string>;
  /** the index of the sentence being read */
  sentence: number;
  /**
   * The event the article last named specifically ("Turkey launched its own offensive"): its entity (null
   * when the lexicon does not know it) and the sentence. A bare "the operation" within two sentences of an
   * event the lexicon does not know is most likely that event, so it is left unnamed.
   */
  lastEvent?: { entity: number | null; sentence: number; topic?: boolean };
  /** the place the article is about (topic.ts), whose war a bare "the war" names (topic-war.ts) */
  topic: string | null;
  /** the place of the article's war when it is not the topic (a town's massacre in a country's war; topic.ts) */
  war?: string | null;
  /** the names the article calls rebels ("Ostra rebels", "the K23 insurgents"), lower case (rebels.ts namedRebels) */
  rebels?: ReadonlySet<string>;
  /** words already looked up among properWords (a long article has many: the stem search is a scan) */
  seen?: Map<string, boolean>;
}

/** The capitalised words of an article (lower case), for bare-phrase resolution. */
export function articleContext(text: string, topic: string | null = null, rebels: ReadonlySet<string> = new Set(), war: string | null = topic): ArticleContext {
  const words = new Set<string>();
  for (const m of text.matchAll(/\b\p{Lu}[\p{L}-]+/gu)) words.add(nameWords(m[0])[0] ?? '');
  return { properWords: words, sentence: 0, seen: new Map(), topic, war, rebels };
}

function mentions(context: ArticleContext, word: string): boolean {
  if (context.properWords.has(word)) return true;
  context.seen ??= new Map();
  let found = context.seen.get(word);
  if (found === undefined) {
    found = false;
    for (const w of context.properWords) if (sameStem(w, word)) found = true;
    context.seen.set(word, found);
  }
  return found;
}

/** The vocabulary words of the entity named by a proper word, when it is an alias of a known entity. */
function entityWords(index: EventIndex, word: string): { words: string[]; type: string } | null {
  const hit = entityHits(index.lex, word)[0];
  if (!hit || hit.start !== 0) return null;
  const e = index.lex.lexicon.entities[hit.index];
  if (!e) return null;
  return { words: [e.name, ...e.aliases].flatMap(nameWords), type: e.type };
}

/**
 * The event entity a phrase names, or null when none or more than one fits. The event noun must be the
 * head of one of the entity's names; each capitalised modifier must belong to the entity's names (a place
 * or force by any of its own aliases: "Moscow's campaign" is Russia's); a bare phrase ("the civil war")
 * needs the entity's country named somewhere in the article. `actor` adds the words of who acted
 * ("Russia conducted an air campaign").
 */
export function resolveEventPhrase(index: EventIndex, phrase: EventPhrase, context: ArticleContext, actor: string[] = []): number | null {
  if (phrase.determiner === 'that' || phrase.determiner === 'this' || phrase.determiner === 'these' || phrase.determiner === 'those') return null;
  const last = context.lastEvent;
  if (last && last.entity === null && context.sentence - last.sentence <= 2 && actor.length === 0 && !phrase.modifiers.some(isNamingModifier)) return null;
  const candidates = new Map<number, number>();
  for (const alias of index.aliases) {
    if (alias.head !== phrase.head) continue;
    const vocab = index.vocabulary.get(alias.entity) ?? [];
    let score = 1;
    let named = false;
    let rejected = false;
    for (const raw of [...phrase.modifiers, ...actor]) {
      const word = nameWords(raw)[0];
      if (!word || NEUTRAL.test(raw)) continue;
      const proper = /^\p{Lu}/u.test(raw);
      if (!proper) {
        if (alias.pre.includes(word)) score += 1;
        continue;
      }
      if (vocab.some((v) => sameStem(v, word))) {
        score += 2;
        named = true;
        continue;
      }
      const known = entityWords(index, raw);
      if (known && known.words.some((k) => vocab.some((v) => sameStem(v, k)))) {
        score += 2;
        named = true;
      } else if (!known || known.type === 'place' || known.type === 'force' || known.type === 'event') {
        // "the Soviet war", "the war in Yemen": a different event from any this entity names
        rejected = true;
      }
    }
    if (rejected) continue;
    if (!named && !(index.properWords.get(alias.entity) ?? []).some((w) => mentions(context, w))) continue;
    candidates.set(alias.entity, Math.max(candidates.get(alias.entity) ?? 0, score));
  }
  return best(candidates);
}

/** A capitalised modifier that tells which event ("Syria's", "Russian"), unlike "eight-year". */
export function isNamingModifier(word: string): boolean {
  return /^\p{Lu}/u.test(word) && !NEUTRAL.test(word);
}

function best(scores: Map<number, number>): number | null {
  let top: number | null = null;
  let tie = false;
  for (const [entity, score] of scores) {
    const current = top === null ? -1 : scores.get(top)!;
    if (score > current) {
      top = entity;
      tie = false;
    } else if (score === current) tie = true;
  }
  return tie ? null : top;
}

/**
 * The event an actor's own action is ("Russia joined the conflict", "Moscow began bombing"): the event
 * entity whose names have the actor's name as a modifier ("Russian intervention"). Null when none or
 * several fit equally.
 */
export function eventOfActor(index: EventIndex, actorEntity: number): number | null {
  const e = index.lex.lexicon.entities[actorEntity];
  if (!e) return null;
  const actorWords = [...new Set([e.name, ...e.aliases].flatMap(nameWords))];
  const scores = new Map<number, number>();
  for (const alias of index.aliases) {
    const hits = alias.pre.filter((w) => actorWords.some((a) => sameStem(a, w))).length;
    if (hits > 0) scores.set(alias.entity, Math.max(scores.get(alias.entity) ?? 0, hits));
  }
  return best(scores);
}

/** The force a demonym names ("Russian" → the entity named "Russian forces"), or null. */
export function forceOfDemonym(index: EventIndex, word: string): number | null {
  return index.forceByDemonym.get(word.toLowerCase()) ?? null;
}
