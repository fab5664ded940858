// Stage 4, reading each figure: a figure with its sentence's analysis and the speakers the document has
// by then → one claim (kind, qualifier and interval, subject, population, time scope, speaker, hedge).
// Pure: the document pass (document.ts) applies what later sentences say as patches.

import { isOnceOnlyEventMetric } from '../domain/crosscheck.js';
import type { ExtractedClaim, IsoDate } from '../domain/types.js';
import type { SentenceAnalysis, FigureGround } from './analysis.js';
import { FORCE_STRENGTH, countFact } from './count-fact.js';
import type { WarSpan } from './topic-war.js';
import type { SentenceSpeakers } from './document.js';
import type { ArticleContext } from './events.js';
import type { SentenceFigures } from './figures.js';
import { hedgeAt } from './hedges.js';
import { classify, subjectOf } from './kind.js';
import { entityIn } from './lexicon-match.js';
import type { Mention } from './mentions.js';
import { isDemonym } from './places.js';
import type { PreparedLexicon } from './prepared.js';
import { eventDay, heldBy, heldWhen, scopeOf, sentAt, statementDate } from './scope.js';
import { inQuote, type SentenceRecord } from './segment.js';
import { attributionFor, type Speaker } from './speakers.js';
import { dateEvent, durationEvent, sinceEvent } from './event-dates.js';
import { territoryHolder } from './holder.js';
import { controllerSubject, countSubject, isPartOfTotal, occasionSubject, type SentenceFacts } from './subjects.js';

// "the official death toll at", "official figures put the toll at", "officially": a figure the officials give
const OFFICIAL_FIGURE = /\bofficial(?:ly)?\s+(?:(?:death\s+)?toll|figures?|count|tally|number)\b[^.;]{0,30}$/i;

/** What every figure of an article is read with. */
export interface ArticleGround {
  prepared: PreparedLexicon;
  published: IsoDate;
  /** the place the article is about (topic.ts), or null */
  topic: string | null;
  /** the country the article names most (topic.ts), or null: what "nationwide" counts */
  country: string | null;
  /** the place of the article's war when the article is about one of its towns (topic.ts), else the topic */
  war?: string | null;
  /** the span of the article's war when its lead says the war is over (topic-war.ts), or null */
  finishedWar: WarSpan | null;
  /** the lexicon name a speaker phrase stands for, or null (a per-call memo: a phrase is checked once) */
  realName: (phrase: string) => string | null;
}

/** One sentence with everything its figures are read against. */
interface SentenceGround {
  article: ArticleGround;
  record: SentenceRecord;
  figures: SentenceFigures;
  entities: SentenceAnalysis['entities'];
  ground: FigureGround;
  speakers: SentenceSpeakers;
  facts: SentenceFacts;
  since: ReturnType<typeof sinceEvent>;
}

/** A claim read from a figure, and the event whose start its scope waits for ("since the campaign began"). */
export interface FigureReading {
  claim: ExtractedClaim;
  pendingEvent: string | null;
}

/** Reads every figure of a sentence that has figures. */
export function readSentence(
  article: ArticleGround,
  s: SentenceRecord,
  figures: SentenceFigures,
  analysis: SentenceAnalysis & { ground: FigureGround },
  speakers: SentenceSpeakers,
  context: ArticleContext,
): FigureReading[] {
  const facts: SentenceFacts = { index: article.prepared.events, text: s.text, entities: analysis.entities, phrases: analysis.phrases, article: context };
  const sg: SentenceGround = { article, record: s, figures, entities: analysis.entities, ground: analysis.ground, speakers, facts, since: sinceEvent(facts, figures.dates) };
  return figures.mentions.map((m) => readFigure(sg, m));
}

/** Who a figure is attributed to: the reporting clause that covers it, a quotation's speaker, or officials. */
function speakerOf(sg: SentenceGround, m: Mention): { who: Speaker | null; speaker: string | null; official: boolean } {
  const { text } = sg.record;
  let who = attributionFor(text, sg.speakers.clauses, m.start, m.end, m.unit === 'date');
  if (!who && inQuote(sg.record, m.start) && sg.speakers.quoted) who = { name: sg.speakers.quoted, cue: 'quoted', relay: null };
  // a fragment of a speaker phrase ("The", "U", "is backed by an") is no speaker, nor a lone demonym ("British")
  const named = who?.name ? sg.article.realName(who.name) : null;
  let speaker = named && !isDemonym(named) ? named : null;
  // "the latest official toll stands below 400": an official figure is the officials' claim
  const official = !speaker && !who && OFFICIAL_FIGURE.test(text.slice(Math.max(0, m.start - 60), m.start));
  if (official) speaker = 'officials';
  return { who, speaker, official };
}

function readFigure(sg: SentenceGround, m: Mention): FigureReading {
  const { prepared, published } = sg.article;
  const { lex } = prepared;
  const { text } = sg.record;
  const { who, speaker, official } = speakerOf(sg, m);
  const { kind, metric: classified } = classify(lex, sg.figures.hits, m, sg.figures.mentions, text);
  const speakerEntity = speaker ? entityIn(lex, speaker)?.name ?? speaker : null;
  // read once here for place() and countFact(): a part of a total is compared with nothing
  const partOfTotal = m.unit !== 'date' && kind !== 'duration' && kind !== 'territory' && isPartOfTotal(sg.facts, m, sg.figures.numbers);
  const placed = place(sg.facts, m, {
    kind,
    partOfTotal,
    metric: classified,
    subject: subjectOf(lex, sg.entities, m, speakerEntity),
    scope: m.unit === 'date' ? null : scopeOf(text, m, sg.figures.dates, published, sg.ground.sentenceWide),
    speakerEntity,
    casualtyWords: sg.ground.casualtyWords,
    since: sg.since,
    published,
    country: sg.article.country,
  });
  const counted = countReading(sg, m, { kind, speaker, partOfTotal, placed });
  const claim: ExtractedClaim = {
    kind: counted.kind,
    quote: text,
    start: sg.record.start,
    end: sg.record.end,
    valueText: m.text,
    value: { low: m.low, high: m.high, unit: m.unit },
    qualifier: m.qualifier,
    speaker,
    attributionCue: who?.cue ?? (official ? 'official figure' : null),
    relay: who?.relay ?? null,
    hedge: hedgeAt(text, m.start, sg.ground.hedges),
    subject: counted.subject,
    metric: counted.metric,
    population: counted.population,
    scope: counted.scope,
    asOf: m.unit === 'date' ? null : heldBy(text, sg.figures.dates, m, published) ?? heldWhen(text, sg.figures.dates, m, published) ?? sentAt(text, sg.figures.dates, m, published) ?? statementDate(text, sg.figures.dates, m, published) ?? published,
  };
  return { claim, pendingEvent: placed.pendingEvent };
}

type Scope = ExtractedClaim['scope'];
type Placed = { subject: string | null; metric: string; scope: Scope; pendingEvent: string | null };

/** A count's fact (measure, population, subject) and the day of the event it counts, when it has no period. */
function countReading(
  sg: SentenceGround,
  m: Mention,
  r: { kind: ExtractedClaim['kind']; speaker: string | null; partOfTotal: boolean; placed: Placed },
): { kind: ExtractedClaim['kind']; metric: string; subject: string | null; population: string | null; scope: Scope } {
  const { placed } = r;
  if (m.unit !== 'count' || (r.kind !== 'casualties' && r.kind !== 'count')) return { ...placed, kind: r.kind, population: null };
  const fact = countFact({
    sentence: sg.record.text,
    mention: m,
    kind: r.kind,
    metric: placed.metric,
    subject: placed.subject,
    subjectType: placed.subject ? sg.article.prepared.entityTypes.get(placed.subject) ?? null : null,
    speaker: r.speaker,
    measureHits: sg.ground.measureHits,
    places: sg.ground.places,
    topic: sg.article.topic,
    country: sg.article.country,
    partOfTotal: r.partOfTotal,
    roles: sg.article.prepared.grammar.roleNouns,
  });
  // "more than 9,000 troops in Mesa on Wednesday": a force's strength on a day is held then, it counts no events
  const stock = fact.kind === 'count' && !/(?:displaced|detained|refugees|surrendered)$/.test(fact.metric);
  const day = placed.scope || stock ? null : eventDay(sg.record.text, sg.figures.dates, m, sg.article.published);
  // a force's strength ("no more than 3,000 fighters left after this year of operations") is held at a date, over no period
  const strength = stock && FORCE_STRENGTH.test(fact.metric);
  const oneDay = stock && placed.scope !== null && (placed.scope.from === placed.scope.to || strength);
  const scope = day ? { from: day, to: day } : oneDay ? null : placed.scope;
  // the toll of a war the article says is over is a total over the war's years, however late it is told
  const war = sg.article.finishedWar;
  if (!scope && war && fact.kind === 'casualties' && fact.subject !== null && fact.subject === sg.article.topic) return { ...fact, scope: war };
  return { ...fact, scope, subject: warToll(fact, sg) ? sg.article.war! : fact.subject };
}

// A toll of the whole war: "killed since the rebels launched their insurgency", "since the war began", "the war has killed"
const WAR_TOLL = /\b(?:since|during|in|throughout)\s+(?:the|its|their)\s+(?:[\p{L}-]+\s+){0,2}?(?:war|insurgency|conflict|rebellion|uprising)\b|\b(?:launched|began|started)\s+(?:its|their|the|an)\s+(?:[\p{L}-]+\s+){0,2}?(?:war|insurgency|rebellion|uprising|armed\s+struggle)\b|\b(?:war|insurgency|conflict|rebellion|uprising)\s+(?:has|had)\s+(?:killed|claimed|left)\b/iu;

/**
 * A toll of the whole war in an article about one of its towns: the war's place, not the town's, is its subject. So is
 * a count of refugees, who flee a war across a border, not one of its towns.
 */
function warToll(fact: { kind: string; metric: string; subject: string | null }, sg: SentenceGround): boolean {
  const { topic, war } = sg.article;
  // (a toll "in Mesa alone" stays the town's; the cheap checks first, as most figures fail them)
  if (fact.subject === null || fact.subject !== topic || !war || war === topic || sg.record.text.includes(topic)) return false;
  return (fact.kind === 'casualties' && WAR_TOLL.test(sg.record.text)) || /\brefugees$/.test(fact.metric);
}

/** What place() starts from: the lexicon's reading of the figure and what the sentence offers. */
interface Reading {
  kind: ExtractedClaim['kind'];
  metric: string;
  /** the nearest-entity subject, used when the sentence's structure says nothing better */
  subject: string | null;
  scope: Scope;
  speakerEntity: string | null;
  casualtyWords: { start: number; end: number }[];
  since: ReturnType<typeof sinceEvent>;
  published: IsoDate;
  /** the country the article names most: whose state "government forces" are */
  country: string | null;
  /** the figure is a part of a total stated before it ("Of those, seven were killed") */
  partOfTotal: boolean;
}

/**
 * Subject, metric and scope of a figure from the structure of its sentence (subjects.ts), falling back to
 * the nearest-entity reading; pendingEvent names the event whose start a "since the campaign began"
 * count waits for.
 */
function place(facts: SentenceFacts, m: Mention, r: Reading): Placed {
  const out: Placed = { subject: r.subject, metric: r.metric, scope: r.scope, pendingEvent: null };
  if (m.unit === 'date') {
    const reading = dateEvent(facts, m);
    if (reading) Object.assign(out, reading);
    // A start or end whose event cannot be named must not land on whatever entity stands nearby.
    else if (isOnceOnlyEventMetric(r.metric)) out.subject = null;
    else out.subject = occasionSubject(facts, m, r.speakerEntity) ?? r.subject;
  } else if (r.kind === 'duration') {
    const attached = durationEvent(facts, m);
    // "two years after the attack", "two years on": nearness to a war's name does not make it the war's age
    out.subject = attached.attached ? attached.subject : null;
    // "a seven-year civil war which started in 2014": the age of the war, not a count over 2014
    if (attached.attached) out.scope = null;
  } else if (r.kind === 'territory') {
    out.subject = controllerSubject(facts, m, r.speakerEntity) ?? territoryHolder(facts.text, m.start, r.speakerEntity, facts.article.war ?? facts.article.topic, r.country, facts.article.rebels) ?? r.subject;
  } else {
    // a part of a total ("Of those, seven were killed") is not comparable with any total
    out.subject = r.partOfTotal ? null : countSubject(facts, m, r.casualtyWords, r.speakerEntity) ?? r.subject;
    // "since the war began" of the article's own war is the whole war, as a toll with no period is
    if (r.since?.subject != null && r.since.subject === facts.article.topic) out.scope = null;
    // "since the start of its operation in 2015" counts from then, not over 2015
    else if (r.since?.from) out.scope = { from: r.since.from, to: r.published };
    else if (r.since?.subject) {
      out.scope = null;
      out.pendingEvent = r.since.subject;
    }
  }
  return out;
}
