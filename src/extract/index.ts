// extract(): article text → candidate claims, per DESIGN.md "Extraction":
// paragraphs → sentences → figures (dates, numbers) → qualifier and interval → kind, metric, subject →
// attribution → hedge → time scope. Pure: the publication date and the lexicon are arguments.

import type { ExtractedClaim, IsoDate, Lexicon } from '../domain/types.js';
import { firstMonthsOfYear, periodToDate, relativePeriod } from '../domain/timescope.js';
import { addDays, wordsToNumber } from '../domain/figures.js';
import { dataOwner, findClauses, hasProperName, hedgeAt, isVerificationCaveat, quoteSpans, speakerRef, type Clause } from './attribution.js';
import { classify, compileLexicon, entityHits, entityIn, keywordHits, subjectOf, type CompiledLexicon } from './classify.js';
import { findClockTimes, findDates } from './dates.js';
import type { Mention } from './mentions.js';
import { findNumericFigures } from './numbers.js';
import { paragraphs, sentences, type Sentence } from './sentences.js';

export interface ExtractOptions {
  /** publication date: relative dates ("on Tuesday") resolve against it */
  published: IsoDate;
  /** the outlet: the speaker of its own first person ("we estimate") */
  publisher?: string | null;
  lexicon: Lexicon;
}

// Photo captions carry the photo's date, not a claim's ("…, Damascus, Syria, 19 March 2019. EPA").
const CAPTION = /\b(photo|photograph|handout|file picture|pictured)\b|\((?:AP|AFP|Reuters|EPA|Getty)[^)]*\)|^[a-z]{2,6}\d{5,}|\s(?:AP|AFP|EPA|Reuters|Getty Images)\.?$/i;

/** A date that opens its paragraph and is followed by a time, a byline or nothing is a dateline. */
function isDateline(m: Mention, s: Sentence, paragraphStart: number): boolean {
  if (s.start !== paragraphStart) return false;
  const lead = s.text.slice(0, m.start);
  // "Published: 12 May 2024", "BEIRUT, March 19 (Reuters) -" and a bare date heading the paragraph
  if (/^(?:(?:first\s+)?published|updated|last updated|posted)\b[:\s]*(?:on\s+)?$/i.test(lead)) return true;
  if (/^[A-Z][A-Z .'-]+,\s*$/.test(lead)) return /^\s*(?:\(|[–—-])/.test(s.text.slice(m.end));
  if (lead.trim() !== '') return false;
  return /^\s*(?:\d{1,2}[:.]\d{2}\b|[–—|-]|by\b|$|GMT|UTC)/i.test(s.text.slice(m.end));
}

/** The period a count or share covers, from the words of its sentence. */
function scopeOf(s: Sentence, m: Mention, dates: Mention[], published: IsoDate): { from: IsoDate | null; to: IsoDate | null } | null {
  const text = s.text;
  for (const d of dates) {
    const before = text.slice(Math.max(0, d.start - 8), d.start);
    if ((/^since\b/i.test(d.text) || /\bsince\s+$/i.test(before)) && typeof d.low === 'string') return { from: d.low, to: published };
  }
  const first = /\b(?:in\s+)?the\s+first\s+(\w+)\s+months\s+of\s+(?:the\s+year|this\s+year|(\d{4}))/i.exec(text);
  if (first?.[1]) {
    const n = Number(first[1]) || wordsToNumber(first[1]);
    if (n) {
      const span = firstMonthsOfYear(published, n, first[2] ? Number(first[2]) : undefined);
      return { from: span.low, to: span.high };
    }
  }
  const past = /\b(?:in|over|during|within)\s+the\s+(?:past|last|previous)\s+(?:(\w+)\s+)?(hours?|days?|weeks?|months?|years?)\b/i.exec(text);
  if (past?.[2]) {
    const n = past[1] ? Number(past[1]) || wordsToNumber(past[1]) : 1;
    if (n) return { from: periodStart(published, n, past[2].toLowerCase().replace(/s$/, '')), to: published };
  }
  if (/\b(?:so far )?this year\b/i.test(text)) return periodToDate(published, 'this year');
  if (/\blast year\b/i.test(text)) {
    const span = relativePeriod(published, 'last year');
    return { from: span.low, to: span.high };
  }
  // "killed 300 people in 2016": a date just after the figure bounds the count
  const after = dates.find((d) => d.start >= m.end && d.start - m.end < 60 && typeof d.low === 'string' && typeof d.high === 'string');
  if (after && /^(?:in|during|throughout)\b/i.test(text.slice(Math.max(0, after.start - 7), after.start).trim().split(/\s+/).pop() ?? '')) {
    return { from: after.low as IsoDate, to: after.high as IsoDate };
  }
  return null;
}

/** The first day of a period of `n` units that ends on publication ("the past two weeks"). */
function periodStart(published: IsoDate, n: number, unit: string): IsoDate {
  const days = unit === 'year' ? 365 * n : unit === 'month' ? 30 * n : unit === 'week' ? 7 * n : unit === 'day' ? n : Math.ceil(n / 24);
  return addDays(published, -days);
}

interface Speaker {
  name: string | null;
  cue: string | null;
  relay: string | null;
}

/** The lexicon entity (person, organisation, outlet) a speaker phrase names, or null. */
function speakerEntity(lex: CompiledLexicon, phrase: string): string | null {
  // "Putin's spokesman" is not Putin: an entity in the possessive names whom the speaker works for.
  const hits = entityHits(lex, phrase).filter((h) => !/^['’]s?\b/.test(phrase.slice(h.end)));
  const people = hits.filter((h) => lex.lexicon.entities[h.index]?.type === 'person');
  const orgs = hits.filter((h) => ['organisation', 'outlet'].includes(lex.lexicon.entities[h.index]?.type ?? ''));
  const pick = people[people.length - 1] ?? (orgs.length && !hasProperName(phrase.replace(/^[A-Z][a-z]+\s/, '')) ? orgs[orgs.length - 1] : orgs[0]);
  return pick ? lex.lexicon.entities[pick.index]?.name ?? null : null;
}

/** Resolves a clause's phrase to a speaker name: lexicon canonical name for people and organisations. */
function speakerName(lex: CompiledLexicon, phrase: string): string {
  return speakerEntity(lex, phrase) ?? phrase;
}

interface ResolvedClause extends Clause {
  speaker: string | null;
  /** the speaker is a known person or organisation named inside a longer phrase ("a poll by the Levada Center") */
  known: boolean;
}

class SpeakerTracker {
  last: string | null = null;
  constructor(
    private readonly lex: CompiledLexicon,
    private readonly publisher: string | null,
  ) {}

  /** Resolves pronouns, roles and first person of the clauses of one sentence, given the next sentence. */
  resolve(clauses: Clause[], nextClauses: Clause[], inQuote: (at: number) => boolean): ResolvedClause[] {
    return clauses.map((c) => {
      const ref = speakerRef(c.phrase, c.raw);
      let speaker: string | null = speakerName(this.lex, c.phrase);
      // "Official figures show…" has no speaker unless the data names its owner or a known source.
      const owner = ref.type === 'named' ? dataOwner(c.phrase) : null;
      if (owner !== null && speakerEntity(this.lex, c.phrase) === null) speaker = owner || null;
      if (ref.type === 'pronoun') speaker = this.last;
      else if (ref.type === 'first-person') speaker = inQuote(c.start) ? this.last : this.publisher;
      else if (ref.type === 'role' && this.last && this.last.toLowerCase().includes(ref.head)) speaker = this.last;
      else if (ref.type === 'indefinite') {
        const named = nextClauses.find((n) => n.type === 'verb' && hasProperName(n.phrase));
        if (named) speaker = speakerName(this.lex, named.phrase);
      }
      if (speaker && c.type !== 'relay') this.last = speaker;
      return { ...c, speaker, known: ref.type === 'named' && speakerEntity(this.lex, c.phrase) !== null };
    });
  }
}

/** The speaker, cue and relay for a figure at [start, end) of a sentence with these clauses. */
function attributionFor(clauses: ResolvedClause[], start: number, end: number): Speaker | null {
  // A figure inside the speaker phrase ("40% of respondents … said") is not that speaker's claim,
  // unless the phrase names a known source ("… in a poll by the Levada Center said").
  const verbs = clauses.filter((c) => c.type === 'verb' && (c.known || !(start < c.phraseEnd && end > c.phraseStart)));
  const according = clauses.find((c) => c.type === 'according');
  const relayClause = clauses.find((c) => c.type === 'relay');
  const before = verbs.filter((c) => c.start < start);
  const chosen = before[before.length - 1] ?? verbs.find((c) => c.start >= end) ?? null;
  if (chosen) {
    const earlier = before.slice(0, -1).find((c) => c.speaker !== chosen.speaker);
    const relay = according?.speaker ?? relayClause?.speaker ?? chosen.toldOutlet ?? earlier?.speaker ?? null;
    return { name: chosen.speaker, cue: chosen.cue, relay: relay === chosen.speaker ? null : relay };
  }
  if (according) return { name: according.speaker, cue: according.cue, relay: relayClause?.speaker ?? null };
  if (relayClause) return { name: relayClause.speaker, cue: relayClause.cue, relay: relayClause.speaker };
  return null;
}

/** Extracts the checkable claims of an article: each figure with its interval, kind, speaker and scope. */
export function extract(text: string, options: ExtractOptions): ExtractedClaim[] {
  const { published } = options;
  const lex = compileLexicon(options.lexicon);
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

  sents.forEach((s, i) => {
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
    const startsInQuote = quoteOpen;
    quoteOpen = openAtEnd;
    // "The toll could not be verified." hedges the figures of the sentence before it.
    if (isVerificationCaveat(s.text) && i > 0 && sents[i - 1]?.paragraph === s.paragraph) {
      const prev = sents[i - 1];
      for (const c of claims) if (c.start === prev?.start && c.hedge === null) c.hedge = 'could not be verified';
    }

    const taken = findClockTimes(s.text);
    const allDates = findDates(s.text, published, taken);
    const dates = allDates.filter((d) => !caption && !isDateline(d, s, para?.start ?? s.start));
    const hits = keywordHits(lex, s.text);
    const keywordNear = (a: number, b: number): boolean => hits.some((h) => h.start < b && h.end > a);
    // Numbers inside any date (a caption's or dateline's too) are parts of that date, not counts.
    const numbers = findNumericFigures(s.text, [...taken, ...allDates], keywordNear);
    const mentions = [...dates, ...numbers].sort((a, b) => a.start - b.start);
    const previousQuoted = prevHadQuote && sents[i - 1]?.paragraph === s.paragraph && clauses.length === 0;
    prevHadQuote = quotes.length > 0;
    if (mentions.length === 0) {
      if (clauses.length) quoteSpeaker = clauses[clauses.length - 1]?.speaker ?? quoteSpeaker;
      return;
    }
    const entities = entityHits(lex, s.text);

    // A quotation without its own reporting clause takes the speaker of the quotation it continues,
    // or of the clause that closes it in a following sentence.
    const runSpeaker = (): string | null => {
      if ((startsInQuote || previousQuoted) && quoteSpeaker) return quoteSpeaker;
      if (!openAtEnd) return null;
      for (let j = i + 1; j < Math.min(sents.length, i + 4) && sents[j]?.paragraph === s.paragraph; j++) {
        const c = (clausesOf[j] ?? []).find((x) => x.type === 'verb');
        if (c) return speakerName(lex, c.phrase);
        if (/["”]/.test(sents[j]?.text ?? '')) break;
      }
      return null;
    };

    for (const m of mentions) {
      let who = attributionFor(clauses, m.start, m.end);
      if (!who && inQuote(m.start)) {
        const name = runSpeaker();
        if (name) who = { name, cue: 'quoted', relay: null };
      }
      const { kind, metric } = classify(lex, hits, m);
      const speaker = who?.name ?? null;
      const subject = subjectOf(lex, entities, m, speaker ? entityIn(lex, speaker)?.name ?? speaker : null);
      claims.push({
        kind,
        quote: s.text,
        start: s.start,
        end: s.end,
        valueText: m.text,
        value: { low: m.low, high: m.high, unit: m.unit },
        qualifier: m.qualifier,
        speaker,
        attributionCue: who?.cue ?? null,
        relay: who?.relay ?? null,
        hedge: hedgeAt(s.text, m.start),
        subject,
        metric,
        scope: m.unit === 'date' ? null : scopeOf(s, m, dates, published),
        asOf: m.unit === 'date' ? null : published,
      });
    }
    if (clauses.length) quoteSpeaker = clauses[clauses.length - 1]?.speaker ?? quoteSpeaker;
  });
  return claims;
}
