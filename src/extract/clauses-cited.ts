// Reporting clauses that cite a source rather than quote a speaker: "according to X", "citing X", "as reported by X",
// "figures compiled by X", and the pollster of "a survey by X". Part of clauses.ts's findClauses.

import { firstMatchFrom } from './regex.js';
import { cleanPhrase, LEADING, type Clause } from './clause-phrase.js';

/** "In a survey published last week by the Corvin Polling Centre, 32 per cent…": the pollster speaks. */
export function pollClauses(sentence: string): Clause[] {
  const out: Clause[] = [];
  const pollBy = /\b(?:poll|survey|study|census|opinion poll)\b[^,.;:"“”]{0,200}?\bby\s+((?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w'’-]*){0,12})/g;
  for (let m = pollBy.exec(sentence); m; m = pollBy.exec(sentence)) {
    const raw = cleanPhrase(m[1] ?? '');
    const phraseStart = m.index + m[0].length - (m[1] ?? '').length;
    out.push({
      start: m.index, end: phraseStart, phraseStart, phraseEnd: phraseStart + (m[1] ?? '').length, raw,
      phrase: raw.replace(LEADING, ''), cue: 'poll by', type: 'according', toldOutlet: null,
    });
  }
  return out;
}

/** "By the defence ministry's count, 6,261 soldiers died": whose count, tally or estimate the figure is. */
export function countByClauses(sentence: string): Clause[] {
  const out: Clause[] = [];
  // "by the ministry's count" (group 1), "by the estimate of the Costs of War project" (group 2), "by his count" (group 3)
  const by = /\b[Bb]y\s+(?:((?:the\s+)?(?:[\p{L}.-]+\s+){0,5}?[\p{L}.-]+)['’]s?\s+(?:own\s+)?(?:count|tally|estimates?|reckoning|figures|calculations?|records)\b|the\s+(?:count|tally|estimates?|reckoning|figures|calculations?|records)\s+of\s+((?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:of|for|and|at)\s+(?:the\s+)?)?\p{Lu}[\p{L}'’.-]*)*)|(his|her|its|their|our|my)\s+(?:own\s+)?(?:count|tally|estimates?|reckoning|calculations?)\b)/gu;
  for (let m = by.exec(sentence); m; m = by.exec(sentence)) {
    const owner = m[1] ?? m[2] ?? m[3] ?? '';
    // "by his reckoning": the possessive stands for its pronoun, which the document pass resolves to a name
    const raw = POSSESSIVE_PRONOUN[owner.toLowerCase()] ?? cleanPhrase(owner);
    const phrase = raw.replace(LEADING, '');
    if (!phrase) continue;
    const phraseStart = m.index + m[0].indexOf(owner);
    out.push({
      start: m.index, end: m.index + 2, phraseStart, phraseEnd: phraseStart + owner.length, raw, phrase, cue: 'by the count of', type: 'according', toldOutlet: null,
    });
  }
  return out;
}

/** "The figure most often quoted, about 300,000, comes from UN agencies": the source a figure is said to come from. */
export function sourcedFromClauses(sentence: string): Clause[] {
  const out: Clause[] = [];
  const from = /\b(?:figures?|estimates?|tolls?|counts?|tall(?:y|ies)|numbers?|data)\b[^.;:!?]{0,160}?\b((?:comes?|came|is\s+drawn|was\s+drawn|derives?|derived)\s+from)\s+([^,.;:"“”()]{2,120})/gu;
  for (let m = from.exec(sentence); m; m = from.exec(sentence)) {
    const written = (m[2] ?? '').replace(/\s+(?:and|which|who|that|after|before|but|while)\s.*$/u, '');
    const raw = cleanPhrase(written);
    // a source: a name or a body ("UN agencies", "a team at …"), not an event ("came from the shelling of Mesa")
    if (!raw || !SOURCE_LIKE.test(raw.replace(LEADING, ''))) continue;
    const phraseStart = m.index + m[0].length - (m[2] ?? '').length;
    const start = phraseStart - (m[1] ?? '').length - 1;
    out.push({ start, end: start + (m[1] ?? '').length, phraseStart, phraseEnd: phraseStart + written.length, raw, phrase: raw.replace(LEADING, ''), cue: (m[1] ?? '').toLowerCase(), type: 'according', toldOutlet: null });
  }
  return out;
}

const SOURCE_LIKE = /^(?:\p{Lu}|(?:[\p{Ll}-]+\s+){0,3}(?:agenc(?:y|ies)|ministry|officials|authorities|monitors?|groups?|researchers|team|organi[sz]ations?|office|council|commission|reports?|surveys?|study|hospitals?|observers|analysts|experts|doctors|police|army|military|government)\b)/u;

const POSSESSIVE_PRONOUN: Readonly<Record<string, string>> = { his: 'he', her: 'she', its: 'it', their: 'they', our: 'we', my: 'I' };

const RELEASED_BY = /^(?:an?\s+|the\s+)?(?:[\p{Ll}-]+\s+){0,3}(?:report|study|survey|analysis|assessment|count|tally|estimate|review|investigation|figures|data)\s+(?:\S+\s+){0,3}?(?:released|published|issued|compiled|produced|prepared|carried\s+out|conducted)\s+(?:\S+\s+){0,3}?by\s+((?:the\s+)?(?:[\p{L}'’.-]+\s+){0,5}?[\p{L}'’.-]+?)(?:\s+(?:on|in|last|this|earlier|at)\b.*)?\s*$/u;

/** "according to X", "citing X", "as reported by X": the dots of an abbreviation ("U.S.") do not end the phrase. */
const DATA_OWNER = /^(?:the\s+)?([\p{L}'’ -]+?)\s+(?:estimates?|figures|statistics|data|records|tallies|tally|counts?|numbers)(?:\s+(?:published|released|issued|compiled|made\s+public)\b.*)?$/iu;
// the owner names a body, not only how official the data is ("official figures", "new estimates")
const OWNER_WORD = /\p{Lu}|\b(?:government|police|army|military|ministry|officials|authorities|hospitals?|health|monitors?|observatory|agency|commission|rebels?)\b/u;

export function accordingClauses(sentence: string, verbs: RegExp): Clause[] {
  const out: Clause[] = [];
  const acc = /\b(according to|citing|as reported by|reported by|quoted by|(?:published|released|compiled|presented|provided|issued|produced|estimated|recorded|documented|claimed|given|put forward) by|(?:claims?|estimates?|reports?|assertions?|figures?) (?:by|from))\s+((?:(?:\p{Lu}\.){2,}|[^,.;:"“”()]){1,200})/giu;
  for (let m = acc.exec(sentence); m; m = acc.exec(sentence)) {
    if (/\bas\s+saying\b/.test(m[2] ?? '') || /^quoted by$/i.test(m[1] ?? '') && /\b(?:was|were)\s+$/.test(sentence.slice(Math.max(0, m.index - 12), m.index))) continue;
    // "The estimate published by Dr Voss was 9,000": the phrase ends where its sentence's verb begins
    // "Reports from the Korvan Front suggest that…": the phrase also ends at a reporting verb of the vocabulary
    const verb = firstMatchFrom(verbs, m[2] ?? '', 0);
    const upToVerb = verb && verb.index > 0 ? (m[2] ?? '').slice(0, verb.index) : m[2] ?? '';
    const raw = cleanPhrase(upToVerb.replace(/\s+(?:was|were|is|are|has|have|had|would|will|could|may|might|did|does|do|that|appears?|appeared|remains?|stood|stands|includ(?:ed|es?)|showed|shows|said|says|put|puts|gave|gives|reached|rose|fell)\b.*$/i, ''));
    // "according to a report released today by the Civilian Protection Monitor": the report speaks for its author
    const author = RELEASED_BY.exec((m[2] ?? '').trim())?.[1];
    // "according to Chilean government estimates", "police statistics published on Monday": the data's owner speaks
    const owner = /^according to$/i.test(m[1] ?? '') ? DATA_OWNER.exec(raw)?.[1] : undefined;
    const phrase = (author ?? (owner && OWNER_WORD.test(owner) ? owner : raw)).replace(LEADING, '');
    if (!phrase) continue;
    const cue = (m[1] ?? '').toLowerCase();
    const phraseStart = m.index + m[0].length - (m[2] ?? '').length;
    out.push({
      start: m.index, end: m.index + (m[1] ?? '').length, phraseStart, phraseEnd: phraseStart + (m[2] ?? '').length, raw, phrase, cue,
      type: /^(?:citing|as reported by|reported by|quoted by)$/.test(cue) ? 'relay' : 'according', toldOutlet: null,
    });
  }
  return out;
}
