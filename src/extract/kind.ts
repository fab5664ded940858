// Stage "reading a figure", kind and subject: the kind and metric of a figure from the nearest lexicon
// keyword, and the nearest-entity subject. Hand-written: it is a nearest-keyword rule over user data.

import type { ClaimKind } from '../domain/types.js';
import type { CompiledLexicon, Hit } from './lexicon-match.js';
import type { Mention } from './mentions.js';

function distance(m: { start: number; end: number }, h: { start: number; end: number }): number {
  if (h.start >= m.end) return h.start - m.end;
  if (h.end <= m.start) return m.start - h.end;
  return 0;
}

/** The kinds a figure of this unit can be. */
function kindsFor(unit: Mention['unit']): ClaimKind[] {
  if (unit === 'date') return ['date'];
  if (unit === 'percent') return ['territory', 'percentage'];
  if (unit === 'km') return [];
  if (unit === 'count') return ['casualties', 'count'];
  return ['duration'];
}

// "about 12,000, many of them boys who were abducted": what befell some of those counted, not what the figure counts
const PARTITIVE_AFTER = /,\s+(?:many|most|some|several|half|all|nearly\s+all|almost\s+all|a\s+third|a\s+quarter|a\s+few)\s+of\s+(?:them|whom)\s+[\p{L}-]+\s+(?:who|that|whom)\b[^,]*$/iu;
// "an officer who fled the city told reporters that about 800 militants took part": the speaker's story, not the figure's
const REPORTED_BETWEEN = /\b(?:told|tells)\s+(?:[\p{L}'’-]+\s+){0,5}?that\b|\b(?:puts?|gives?|gave|places?|placed)\s+(?:the|its|their)\s+(?:\p{L}+\s+){0,2}?(?:figure|number|toll|total|count|estimate)\s+(?:at|as)\b|\b(?:said|says|say|estimated?|estimates|believes?|believed|reported|reports|claimed|claims)\s+(?:on\s+\p{Lu}\p{Ll}+\s+)?that\b/u;

/**
 * True when a keyword hit at `h` belongs to other words than the figure at `m`'s: a "many of them … who" appositive after
 * the figure, or the speaker's own story before a "told … that" the figure follows. Used by the kind and by the measure.
 */
export function hitTellsOtherWords(sentence: string, m: { start: number; end: number }, h: { start: number; end: number }): boolean {
  return (h.start >= m.end && PARTITIVE_AFTER.test(sentence.slice(m.end, h.start))) || (h.end <= m.start && REPORTED_BETWEEN.test(sentence.slice(h.end, m.start)));
}

const DEFAULT_METRIC: Readonly<Record<string, string>> = { date: 'date', duration: 'duration', percentage: 'share', count: 'count' };

/**
 * Kind and metric of a figure: the nearest lexicon keyword (within the sentence) of a metric whose kind
 * fits the figure's unit, unless another figure stands between them. Casualty words get a head start over
 * plain counts: "seven servicemen died" is a casualty figure though "servicemen" is the nearer word.
 */
export function classify(lex: CompiledLexicon, hits: Hit[], mention: Mention, others: readonly Mention[] = [], sentence = ''): { kind: ClaimKind; metric: string } {
  const kinds = kindsFor(mention.unit);
  const fits = (h: Hit): boolean => {
    const metric = lex.lexicon.metrics[h.index];
    return !!metric && kinds.includes(metric.kind);
  };
  // "400,000 killed and millions displaced": a word right after the figure, with the word before it across
  // an "and", says what this figure counts; the word before belongs to the clause before the "and"
  const ownWord = hits.some((h) => fits(h) && h.start >= mention.end && /^\s?$/.test(sentence.slice(mention.end, h.start)));
  let best: { score: number; index: number } | null = null;
  for (const h of hits) {
    const metric = lex.lexicon.metrics[h.index];
    if (!metric || !fits(h)) continue;
    if (h.start < mention.end && h.end > mention.start) continue;
    // too far to win whatever its kind (see the score below): skip before the costlier tests
    if (distance(mention, h) > 130) continue;
    if (hitTellsOtherWords(sentence, mention, h)) continue;
    if (ownWord && h.end <= mention.start && /^\s*,?\s*(?:and|while|but|whereas)\s*$/i.test(sentence.slice(h.end, mention.start))) continue;
    // A word with another figure between it and this one belongs to that figure ("14 boats after 3 died").
    const [from, to] = h.start >= mention.end ? [mention.end, h.start] : [h.end, mention.start];
    if (others.some((o) => o !== mention && o.start >= from && o.end <= to)) continue;
    const d = distance(mention, h);
    const score = d - (metric.kind === 'casualties' && d < 60 ? 40 : 0) + (h.start < mention.start ? 10 : 0);
    if (score > 90) continue;
    if (!best || score < best.score) best = { score, index: h.index };
  }
  const metric = best ? lex.lexicon.metrics[best.index] : undefined;
  if (metric) return { kind: metric.kind, metric: metric.metric };
  if (mention.unit === 'km') return { kind: 'count', metric: 'distance' };
  const kind: ClaimKind = mention.unit === 'percent' ? 'percentage' : kinds[kinds.length - 1] ?? 'count';
  return { kind, metric: DEFAULT_METRIC[kind] ?? kind };
}

const TYPE_PENALTY: Readonly<Record<string, number>> = { event: 0, force: 20, place: 30, organisation: 40, other: 50, person: 60, outlet: 200 };

/** The subject a figure is about: the nearest entity in its sentence, events and forces before people. */
export function subjectOf(lex: CompiledLexicon, entities: Hit[], mention: Mention, speakerName: string | null): string | null {
  let best: { score: number; name: string } | null = null;
  for (const h of entities) {
    const e = lex.lexicon.entities[h.index];
    if (!e || e.name === speakerName || e.type === 'outlet') continue;
    const score = distance(mention, h) + (TYPE_PENALTY[e.type] ?? 50);
    if (!best || score < best.score) best = { score, name: e.name };
  }
  return best?.name ?? null;
}
