// Stage 5, document pass: what one sentence inherits from the sentences before it, and the patches the
// article makes to claims already read. Two memories are folded over the sentence analyses before any
// figure is read (they look at reporting clauses and event phrases only, never at figures): speakers
// ("he", "the ministry", a quotation's speaker) and the event the article last named. The closing pass
// then applies caveats ("The toll could not be verified.") and "since the campaign began" scopes as
// patches, and gives a figure that stands for an earlier one ("the real figure is closer to 9,000") that one's
// fact (anaphora.ts): new claim objects, never an edit of one already emitted.

import { METRIC_START_DATE } from '../domain/crosscheck.js';
import type { ExtractedClaim, IsoDate } from '../domain/types.js';
import type { SentenceAnalysis } from './analysis.js';
import { articleContext, isNamingModifier, resolveEventPhrase, type ArticleContext, type EventIndex } from './events.js';
import { ownWar } from './topic-war.js';
import { resolveReferences } from './anaphora.js';
import { dateIncidentTolls, placeIncidentTolls, placeParts, placeRivals, placeSpeakers, placeThere } from './incident.js';
import { clauseHedges, hedgeAt, isVerificationCaveat } from './hedges.js';
import { SHIPPED_GRAMMAR, type CompiledGrammar } from './grammar.js';
import type { CompiledLexicon } from './lexicon-match.js';
import { inQuote, type SentenceRecord } from './segment.js';
import { speakerRef } from './speaker-refs.js';
import { SpeakerTracker, speakerName, type ResolvedClause } from './speakers.js';
import { actorWords, clauseActor, type SentenceFacts } from './subjects.js';

/** The speakers of one sentence, as the article has them by then. */
export interface SentenceSpeakers {
  /** its reporting clauses with the names they stand for */
  clauses: ResolvedClause[];
  /** the speaker of a quotation without its own reporting clause, or null */
  quoted: string | null;
}

interface QuoteMemory {
  /** the speaker of the last reporting clause met */
  speaker: string | null;
  /** the sentence before had a quotation */
  hadQuote: boolean;
}

/**
 * The speakers of the first `count` sentences (all by default), resolved in order (see SpeakerTracker); the
 * analyses of a few sentences more are looked at for a quotation's closing clause.
 */
export function speakerMemory(
  records: readonly SentenceRecord[],
  analyses: readonly SentenceAnalysis[],
  lex: CompiledLexicon,
  publisher: string | null,
  count = records.length,
): SentenceSpeakers[] {
  const tracker = new SpeakerTracker(lex, publisher);
  let memory: QuoteMemory = { speaker: null, hadQuote: false };
  return records.slice(0, count).map((s, i) => {
    const next = records[i + 1];
    const nextClauses = next && next.paragraph - s.paragraph <= 1 ? analyses[i + 1]?.allClauses ?? [] : [];
    tracker.open(s.text);
    const clauses = tracker.resolve(analyses[i]?.clauses ?? [], nextClauses, (at) => inQuote(s, at));
    tracker.note(s.text);
    const previousQuoted = memory.hadQuote && records[i - 1]?.paragraph === s.paragraph && clauses.length === 0;
    const needed = analyses[i]?.ground !== null;
    const quoted = needed ? quotationSpeaker(records, analyses, i, { lex, last: tracker.last, memory, previousQuoted }) : null;
    memory = { speaker: clauses.length ? clauses[clauses.length - 1]?.speaker ?? memory.speaker : memory.speaker, hadQuote: s.quotes.length > 0 };
    return { clauses, quoted };
  });
}

/**
 * A quotation without its own reporting clause takes the speaker of the quotation it continues, or of the
 * clause that closes it in a following sentence of the paragraph.
 */
function quotationSpeaker(
  records: readonly SentenceRecord[],
  analyses: readonly SentenceAnalysis[],
  i: number,
  at: { lex: CompiledLexicon; last: string | null; memory: QuoteMemory; previousQuoted: boolean },
): string | null {
  const s = records[i]!;
  if ((s.startsInQuote || at.previousQuoted) && at.memory.speaker) return at.memory.speaker;
  if (!s.openAtEnd) return null;
  for (let j = i + 1; j < Math.min(records.length, i + 4) && records[j]?.paragraph === s.paragraph; j++) {
    const c = (analyses[j]?.allClauses ?? []).find((x) => x.type === 'verb');
    // `… 31 dead," he said.` — a pronoun there points back to the last named speaker
    if (c) return speakerRef(c.phrase, c.raw).type === 'pronoun' ? at.last : speakerName(at.lex, c.phrase);
    if (/["”]/.test(records[j]?.text ?? '')) break;
  }
  return null;
}

/** For every sentence, the article as a reader has it there: its proper words and the event it last named. */
export function eventMemory(
  text: string,
  records: readonly SentenceRecord[],
  analyses: readonly SentenceAnalysis[],
  events: EventIndex,
  topic: string | null = null,
  rebels: ReadonlySet<string> = new Set(),
  war: string | null = topic,
): ArticleContext[] {
  const article = articleContext(text, topic, rebels, war);
  let lastEvent: ArticleContext['lastEvent'];
  return records.map((s, i) => {
    const here: ArticleContext = { ...article, sentence: i, lastEvent };
    const a = analyses[i];
    if (a && a.phrases.length > 0) lastEvent = noteEvents({ index: events, text: s.text, entities: a.entities, phrases: a.phrases, article: here });
    return here;
  });
}

/**
 * The last event the sentence names specifically (by a capitalised modifier or an actor's "its"), for the
 * bare phrases of later sentences: the article's last event after this sentence. Each phrase is resolved
 * knowing the ones before it in the sentence.
 */
export function noteEvents(f: SentenceFacts): ArticleContext['lastEvent'] {
  let context = f.article;
  for (const p of f.phrases) {
    // "forces fighting IS": a verb, not an event
    if (/ing$/.test(p.head)) continue;
    // "forces launched an offensive on the port … The war began in 2015": an episode told with "a" is not what a
    // later "the war" refers to
    if (p.determiner !== null && /^(?:a|an)$/i.test(p.determiner)) continue;
    const possessive = p.determiner !== null && /^(?:its|their|his|her)$/.test(p.determiner);
    if (!possessive && !p.modifiers.some(isNamingModifier)) continue;
    const actor = possessive ? actorWords(f, clauseActor(f, p.start)) : [];
    const entity = resolveEventPhrase(f.index, p, context, actor);
    const topic = entity === null && ownWar(context, p) !== null;
    context = { ...context, lastEvent: { entity, sentence: context.sentence, topic } };
  }
  return context.lastEvent;
}

/** A claim as read, with the sentence it came from and the event whose start its scope waits for. */
export interface ReadClaim {
  claim: ExtractedClaim;
  sentence: number;
  pendingEvent: string | null;
}

/** The closing pass: caveats and pending scopes applied as patches, in the order the claims were read. */
export function closingPass(
  records: readonly SentenceRecord[],
  hasFigures: readonly boolean[],
  read: readonly ReadClaim[],
  published: IsoDate,
  grammar: CompiledGrammar = SHIPPED_GRAMMAR,
  topic: string | null = null,
  war: string | null = topic,
): ExtractedClaim[] {
  const caveats = caveatsBySentence(records, hasFigures, grammar);
  const starts = eventStarts(read);
  const patched = read.map(({ claim, sentence, pendingEvent }) => {
    let out = claim;
    const caveat = caveats.get(sentence);
    if (caveat !== undefined && out.hedge === null) out = { ...out, hedge: caveat };
    const from = pendingEvent ? starts.get(pendingEvent) : undefined;
    if (from && from <= published) out = { ...out, scope: { from, to: published } };
    return { claim: out, sentence, paragraph: records[sentence]?.paragraph ?? 0 };
  });
  const texts = records.map((r) => r.text);
  const paragraphs = records.map((r) => r.paragraph);
  const spoken = placeSpeakers(patched, texts.join('\n'));
  const placed = dateIncidentTolls(placeParts(placeThere(placeIncidentTolls(spoken, texts, paragraphs, topic), texts, paragraphs, topic), topic), texts, paragraphs, published);
  const resolved = wholeWarTotals(placed, war, published);
  const resolvedRead = resolveReferences(resolved).map((claim, i) => ({ ...resolved[i]!, claim }));
  return placeRivals(resolvedRead, texts, topic, war).map((c) => c.claim);
}

/** The start date the article gives for its own war (its place's, or one of no place), or null. */
function warStartDay(claims: readonly { claim: ExtractedClaim }[], topic: string | null): string | null {
  const start = claims.find(({ claim: c }) => c.metric === METRIC_START_DATE && typeof c.value.low === 'string' && (c.subject === null || c.subject === topic));
  return start ? String(start.claim.value.low) : null;
}

/**
 * The year the article's own war began: a start date it gives for its place, else the years an "eight-year war" told
 * today puts it in. Null when the article says neither.
 */
function warStartYears(claims: readonly { claim: ExtractedClaim }[], topic: string | null, published: IsoDate): number[] {
  const now = Number(published.slice(0, 4));
  const day = warStartDay(claims, topic);
  if (day !== null) return [Number(day.slice(0, 4))];
  for (const { claim: c } of claims) {
    if (c.kind === 'duration' && c.value.unit === 'year' && typeof c.value.low === 'number' && c.scope === null) {
      const age = typeof c.value.high === 'number' ? c.value.high : c.value.low;
      return [now - age, now - age - 1, now - age + 1];
    }
  }
  return [];
}

/**
 * "6,250 deaths … the government puts the number killed since 2017 at 2,000", in a war that began in 2017: a running
 * total since the war's own start year is the whole war's, as a toll told without a period is, so the two meet.
 */
function wholeWarTotals<T extends { claim: ExtractedClaim }>(claims: readonly T[], topic: string | null, published: IsoDate): T[] {
  const years = warStartYears(claims, topic, published);
  if (years.length === 0) return [...claims];
  const day = warStartDay(claims, topic);
  return claims.map((c) => {
    const s = c.claim.scope;
    const sinceYear = s !== null && s.from !== null && s.from.endsWith('-01-01') && s.to === published && years.includes(Number(s.from.slice(0, 4)));
    // "45,000 have fled since the conflict began": the war's running total, as a figure with no period is
    const sinceStart = s !== null && s.from === day && s.to === published && SINCE_WAR_BEGAN.test(c.claim.quote);
    const whole = (sinceYear && c.claim.kind === 'casualties' && /\bsince\s+\d{4}\b/.test(c.claim.quote)) || sinceStart;
    return whole ? { ...c, claim: { ...c.claim, scope: null } } : c;
  });
}

const SINCE_WAR_BEGAN = /\bsince\s+(?:the|its|their)\s+(?:[\p{L}-]+\s+){0,2}?(?:war|conflict|fighting|insurgency|invasion|offensive|uprising)\s+(?:began|started|broke\s+out)\b/u;

/** "The toll could not be verified." hedges the figures of the sentence before it, in the same paragraph. */
function caveatsBySentence(records: readonly SentenceRecord[], hasFigures: readonly boolean[], grammar: CompiledGrammar): Map<number, string | null> {
  const out = new Map<number, string | null>();
  records.forEach((s, i) => {
    if (hasFigures[i] || i === 0 || !hasFigures[i - 1] || records[i - 1]?.paragraph !== s.paragraph) return;
    if (isVerificationCaveat(s.text)) out.set(i - 1, hedgeAt(s.text, 0, clauseHedges(s.text, grammar)));
  });
  return out;
}

/** Running totals "since the campaign began" take the campaign's start from wherever the article states it. */
function eventStarts(read: readonly ReadClaim[]): Map<string, IsoDate> {
  const starts = new Map<string, IsoDate>();
  for (const { claim: c } of read) {
    if (c.subject && c.metric === METRIC_START_DATE && typeof c.value.low === 'string' && !starts.has(c.subject)) starts.set(c.subject, c.value.low);
  }
  return starts;
}
