// extract(): article text → candidate claims, per DESIGN.md "Extraction":
// paragraphs → sentences → figures (dates, numbers) → qualifier and interval → kind, metric, subject →
// attribution → hedge → time scope. Pure: the publication date and the lexicon are arguments.

import type { ExtractedClaim, IsoDate, Lexicon } from '../domain/types.js';
import { METRIC_START_DATE, isOnceOnlyEventMetric } from '../domain/crosscheck.js';
import { clauseHedges, findClauses, hedgeAt, isVerificationCaveat, quoteSpans, speakerRef } from './attribution.js';
import { classify, subjectOf } from './kind.js';
import { entityHits, entityIn, keywordHits } from './lexicon-match.js';
import { preparedOf, type PreparedLexicon } from './prepared.js';
import { dateFinder, findClockTimes } from './dates.js';
import type { Mention } from './mentions.js';
import { findNumericFigures } from './numbers.js';
import { eventDay, scopeOf, sentenceScope, statementDate } from './scope.js';
import { articleContext, hasEventNoun } from './events.js';
import { controllerSubject, countSubject, dateEvent, durationEvent, isPartOfTotal, noteEvents, occasionSubject, sentenceFacts, sinceEvent, type SentenceFacts } from './subjects.js';
import { paragraphs, sentences, type Sentence } from './sentences.js';
import { SpeakerTracker, attributionFor, speakerName } from './speakers.js';
import { countFact } from './count-fact.js';
import { entityNameOf } from '../domain/names.js';
import { isDemonym } from './places.js';
import { articleTopic, placesIn } from './topic.js';

export { prepareLexicon, type PreparedLexicon } from './prepared.js';

/** What extract() needs besides the text. */
export interface ExtractOptions {
  /** publication date: relative dates ("on Tuesday") resolve against it */
  published: IsoDate;
  /** the outlet: the speaker of its own first person ("we estimate") */
  publisher?: string | null;
  /** the vocabulary, or the same made ready by prepareLexicon() for extracting many articles with it */
  lexicon: Lexicon | PreparedLexicon;
  /** Stop reading further sentences once this many claims are found (a bound on the work for a pasted number dump). */
  maxClaims?: number;
}

// Photo captions carry the photo's date, not a claim's ("…, Damascus, Syria, 19 March 2019. EPA").
const CAPTION = /\b(photo|photograph|handout|file picture|pictured)\b|\((?:AP|AFP|Reuters|EPA|Getty)[^)]*\)|^[a-z]{2,6}\d{5,}|\s(?:AP|AFP|EPA|Reuters|Getty Images)\.?$/i;

// A sentence (at most MAX_SENTENCE characters) holding more figures than this is a table or a list of
// numbers run into one line, not statements in prose: only its first figures are proposed. Without a
// bound, a pasted number dump would become hundreds of thousands of candidates for the reviewer.
const MAX_FIGURES = 50;

// "the official death toll at", "official figures put the toll at", "officially": a figure the officials give
const OFFICIAL_FIGURE = /\bofficial(?:ly)?\s+(?:(?:death\s+)?toll|figures?|count|tally|number)\b[^.;]{0,30}$/i;

/** A date that opens its paragraph and is followed by a time, a byline or nothing is a dateline. */
function isDateline(m: Mention, s: Sentence, paragraphStart: number): boolean {
  if (s.start !== paragraphStart) return false;
  const lead = s.text.slice(0, m.start);
  // "Published: 12 May 2024", "BEIRUT, March 19 (Reuters) -" and a bare date heading the paragraph
  if (/^(?:(?:first\s+)?published|updated|last updated|posted)\b[:\s]*(?:on\s+)?$/i.test(lead)) return true;
  // "BEIRUT, March 19 (Reuters) –" and "LATAKIA, Syria, June 19 (Northgate Wire) –"
  if (/^[A-Z][A-Z .'-]+,(?:\s*[A-Z][\p{L} .'-]*,)?\s*$/u.test(lead)) return /^\s*(?:\(|[–—-])/.test(s.text.slice(m.end));
  // "Briefing note, 16 June 2016", "Radio Halvard – Foreign desk – 20 June 2016": a short heading that
  // ends with the date after a separator, with no other figure and no full stop, dates the piece
  if (/^[^\d.!?]{1,60}[,–—|-]\s*$/u.test(lead) && /^\s*$/.test(s.text.slice(m.end))) return true;
  if (lead.trim() !== '') return false;
  // a time, a byline ("– Jane Roe –", "by staff") or nothing; "March 2, 2016 – Talks open" is a timeline entry
  return /^\s*(?:\d{1,2}[:.]\d{2}\b|[–—|-]\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\s*(?:[–—|-]|$)|by\b|$|GMT|UTC)/i.test(s.text.slice(m.end));
}

/** Extracts the checkable claims of an article: each figure with its interval, kind, speaker and scope. */
export function extract(text: string, options: ExtractOptions): ExtractedClaim[] {
  const { published } = options;
  const prepared = preparedOf(options.lexicon);
  const { lex, events, entityTypes } = prepared;
  const findDates = dateFinder(published);
  const paras = paragraphs(text);
  const captions = paras.map((p) => CAPTION.test(p.text));
  const sents = sentences(text);
  const tracker = new SpeakerTracker(lex, options.publisher ?? null);
  const claims: ExtractedClaim[] = [];
  const clausesOf = sents.map((s) => findClauses(s.text));
  let quoteOpen = false;
  let lastParagraph = -1;
  let quoteSpeaker: string | null = null;
  let prevHadQuote = false;
  const article = articleContext(text);
  const topic = articleTopic(text);
  // the lexicon type of a subject name, looked up once per figure (the first entity of a name, as the lexicon lists it)
  // a speaker phrase is checked once per article, not once per figure it covers
  const realNames = new Map<string, string | null>();
  const realName = (phrase: string): string | null => {
    if (!realNames.has(phrase)) realNames.set(phrase, entityNameOf(phrase));
    return realNames.get(phrase) ?? null;
  };
  // Running totals "since the campaign began" take the campaign's start from wherever the article states it.
  const pendingScopes: { claim: ExtractedClaim; event: string }[] = [];
  // the claims of the last sentence that had figures, for a caveat in the sentence after it
  let previous = { sentence: -1, from: 0 };

  const maxClaims = options.maxClaims ?? Infinity;
  sents.forEach((s, i) => {
    if (claims.length >= maxClaims) return;
    article.sentence = i;
    if (s.paragraph !== lastParagraph) {
      quoteOpen = false;
      lastParagraph = s.paragraph;
    }
    const para = paras[s.paragraph];
    const caption = captions[s.paragraph] ?? false;
    const { spans: quotes, openAtEnd } = quoteSpans(s.text, quoteOpen);
    const inQuote = (at: number): boolean => quotes.some((q) => at >= q.start && at < q.end);
    const next = sents[i + 1];
    const nextClauses = next && next.paragraph - s.paragraph <= 1 ? clausesOf[i + 1] ?? [] : [];
    // Reporting verbs inside a quotation belong to the quoted speech, not to the article.
    const clauses = tracker.resolve((clausesOf[i] ?? []).filter((c) => !inQuote(c.start)), nextClauses, inQuote);
    tracker.note(s.text);
    const startsInQuote = quoteOpen;
    quoteOpen = openAtEnd;

    const taken = findClockTimes(s.text);
    const allDates = findDates(s.text, taken);
    // "the first nine months of 2017" names the scope of a count, not a date someone asserts
    const scopeOnly = (d: Mention): boolean => /\b(?:months|weeks|days)\s+$/i.test(s.text.slice(Math.max(0, d.start - 8), d.start)) && /^of\s/i.test(d.text);
    const dates = allDates.filter((d) => !caption && !isDateline(d, s, para?.start ?? s.start) && !scopeOnly(d));
    const hits = keywordHits(lex, s.text);
    const keywordNear = (a: number, b: number): boolean => hits.some((h) => h.start < b && h.end > a);
    // Numbers inside any date (a caption's or dateline's too) are parts of that date, not counts.
    const numbers = findNumericFigures(s.text, [...taken, ...allDates], keywordNear);
    const mentions = [...dates, ...numbers].sort((a, b) => a.start - b.start).slice(0, MAX_FIGURES);
    const previousQuoted = prevHadQuote && sents[i - 1]?.paragraph === s.paragraph && clauses.length === 0;
    prevHadQuote = quotes.length > 0;
    if (mentions.length === 0) {
      if (hasEventNoun(events, s.text)) noteEvents(sentenceFacts(events, s.text, entityHits(lex, s.text), article));
      // "The toll could not be verified." hedges the figures of the sentence before it.
      if (isVerificationCaveat(s.text) && i > 0 && sents[i - 1]?.paragraph === s.paragraph) {
        const prev = sents[i - 1];
        const caveat = hedgeAt(s.text, 0);
        if (previous.sentence === i - 1) for (const c of claims.slice(previous.from)) if (c.start === prev?.start && c.hedge === null) c.hedge = caveat;
      }
      if (clauses.length) quoteSpeaker = clauses[clauses.length - 1]?.speaker ?? quoteSpeaker;
      return;
    }
    const entities = entityHits(lex, s.text);
    // what count figures read of the sentence, worked out once for all its figures
    const measureHits = hits.map((h) => ({ start: h.start, end: h.end, metric: lex.lexicon.metrics[h.index]?.metric ?? '' }));
    const places = placesIn(s.text);

    // A quotation without its own reporting clause takes the speaker of the quotation it continues,
    // or of the clause that closes it in a following sentence.
    const runSpeaker = (): string | null => {
      if ((startsInQuote || previousQuoted) && quoteSpeaker) return quoteSpeaker;
      if (!openAtEnd) return null;
      for (let j = i + 1; j < Math.min(sents.length, i + 4) && sents[j]?.paragraph === s.paragraph; j++) {
        const c = (clausesOf[j] ?? []).find((x) => x.type === 'verb');
        // `… 31 dead," he said.` — a pronoun there points back to the last named speaker
        if (c) return speakerRef(c.phrase, c.raw).type === 'pronoun' ? tracker.last : speakerName(lex, c.phrase);
        if (/["”]/.test(sents[j]?.text ?? '')) break;
      }
      return null;
    };

    const facts = sentenceFacts(events, s.text, entities, article);
    const casualtyWords = hits.filter((h) => lex.lexicon.metrics[h.index]?.kind === 'casualties');
    const since = sinceEvent(facts, dates);
    // what holds for the whole sentence is read once, not once per figure: a sentence may hold hundreds
    const hedges = clauseHedges(s.text);
    const sentenceWide = sentenceScope(s.text, dates, published);
    previous = { sentence: i, from: claims.length };

    for (const m of mentions) {
      let who = attributionFor(s.text, clauses, m.start, m.end, m.unit === 'date');
      if (!who && inQuote(m.start)) {
        const name = runSpeaker();
        if (name) who = { name, cue: 'quoted', relay: null };
      }
      const { kind, metric: classified } = classify(lex, hits, m, mentions, s.text);
      // a fragment of a speaker phrase ("The", "U", "is backed by an") is no speaker, nor a lone demonym ("British")
      const named = who?.name ? realName(who.name) : null;
      let speaker = named && !isDemonym(named) ? named : null;
      // "the latest official toll stands below 400": an official figure is the officials' claim
      const official = !speaker && !who && OFFICIAL_FIGURE.test(s.text.slice(Math.max(0, m.start - 60), m.start));
      if (official) speaker = 'officials';
      const speakerEntity = speaker ? entityIn(lex, speaker)?.name ?? speaker : null;
      // read once here for place() and countFact(): a part of a total is compared with nothing
      const partOfTotal = m.unit !== 'date' && kind !== 'duration' && kind !== 'territory' && isPartOfTotal(facts, m, numbers);
      const placed = place(facts, m, {
        kind,
        partOfTotal,
        metric: classified,
        subject: subjectOf(lex, entities, m, speakerEntity),
        scope: m.unit === 'date' ? null : scopeOf(s.text, m, dates, published, sentenceWide),
        speakerEntity,
        casualtyWords,
        since,
        published,
      });
      let population: string | null = null;
      let claimKind = kind;
      if (m.unit === 'count' && (kind === 'casualties' || kind === 'count')) {
        const fact = countFact({
          sentence: s.text,
          mention: m,
          kind,
          metric: placed.metric,
          subject: placed.subject,
          subjectType: placed.subject ? entityTypes.get(placed.subject) ?? null : null,
          speaker,
          measureHits,
          places,
          topic,
          partOfTotal,
        });
        ({ kind: claimKind, metric: placed.metric, subject: placed.subject, population } = fact);
        const day = placed.scope ? null : eventDay(s.text, dates, m, published);
        if (day) placed.scope = { from: day, to: day };
      }
      const claim: ExtractedClaim = {
        kind: claimKind,
        quote: s.text,
        start: s.start,
        end: s.end,
        valueText: m.text,
        value: { low: m.low, high: m.high, unit: m.unit },
        qualifier: m.qualifier,
        speaker,
        attributionCue: who?.cue ?? (official ? 'official figure' : null),
        relay: who?.relay ?? null,
        hedge: hedgeAt(s.text, m.start, hedges),
        subject: placed.subject,
        metric: placed.metric,
        population,
        scope: placed.scope,
        asOf: m.unit === 'date' ? null : statementDate(s.text, dates, m, published) ?? published,
      };
      claims.push(claim);
      if (placed.pendingEvent) pendingScopes.push({ claim, event: placed.pendingEvent });
    }
    noteEvents(facts);
    if (clauses.length) quoteSpeaker = clauses[clauses.length - 1]?.speaker ?? quoteSpeaker;
  });
  resolvePendingScopes(claims, pendingScopes, published);
  return claims;
}

/** Fills "since the campaign began" scopes with the first start date the article gives that event. */
function resolvePendingScopes(claims: ExtractedClaim[], pending: { claim: ExtractedClaim; event: string }[], published: IsoDate): void {
  if (pending.length === 0) return;
  const starts = new Map<string, IsoDate>();
  for (const c of claims) {
    if (c.subject && c.metric === METRIC_START_DATE && typeof c.value.low === 'string' && !starts.has(c.subject)) starts.set(c.subject, c.value.low);
  }
  for (const { claim, event } of pending) {
    const from = starts.get(event);
    if (from && from <= published) claim.scope = { from, to: published };
  }
}

type Scope = ExtractedClaim['scope'];

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
  /** the figure is a part of a total stated before it ("Of those, seven were killed") */
  partOfTotal: boolean;
}

/**
 * Subject, metric and scope of a figure from the structure of its sentence (subjects.ts), falling back to
 * the nearest-entity reading; pendingEvent names the event whose start a "since the campaign began"
 * count waits for.
 */
function place(facts: SentenceFacts, m: Mention, r: Reading): { subject: string | null; metric: string; scope: Scope; pendingEvent: string | null } {
  const out = { subject: r.subject, metric: r.metric, scope: r.scope, pendingEvent: null as string | null };
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
    out.subject = controllerSubject(facts, m, r.speakerEntity) ?? r.subject;
  } else {
    // a part of a total ("Of those, seven were killed") is not comparable with any total
    out.subject = r.partOfTotal ? null : countSubject(facts, m, r.casualtyWords, r.speakerEntity) ?? r.subject;
    // "since the start of its operation in 2015" counts from then, not over 2015
    if (r.since?.from) out.scope = { from: r.since.from, to: r.published };
    else if (r.since?.subject) {
      out.scope = null;
      out.pendingEvent = r.since.subject;
    }
  }
  return out;
}
