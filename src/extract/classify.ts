// Kind, metric and subject of a figure, read from the editable lexicon (metric keywords, entities with
// aliases) and the words nearest the figure. Hand-written: it is a nearest-keyword rule over user data.

import type { ClaimKind, Lexicon, LexiconEntity } from '../domain/types.js';
import type { Mention } from './mentions.js';

interface Hit {
  start: number;
  end: number;
  index: number;
}

/** A lexicon turned into matchers once (lexicons are reused across many articles). */
export interface CompiledLexicon {
  lexicon: Lexicon;
  keywordRe: RegExp | null;
  keywordIndex: Map<string, number[]>;
  aliasRe: RegExp | null;
  aliasReCased: RegExp | null;
  aliasIndex: Map<string, number>;
}

const compiled = new WeakMap<Lexicon, CompiledLexicon>();

/** A string as a literal inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alternation(words: string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}

/** Short all-capital aliases ("IS", "UN", "SDF") must match case; others match any case. */
function isCased(alias: string): boolean {
  return alias.length <= 4 || alias === alias.toUpperCase();
}

/** Compiles (and caches per lexicon object) the keyword and alias matchers. */
export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const cached = compiled.get(lexicon);
  if (cached) return cached;
  const keywordIndex = new Map<string, number[]>();
  lexicon.metrics.forEach((m, i) => {
    for (const k of m.keywords) {
      const key = k.trim().toLowerCase();
      if (!key) continue; // an empty keyword typed into the lexicon would match everywhere
      keywordIndex.set(key, [...(keywordIndex.get(key) ?? []), i]);
    }
  });
  const aliasIndex = new Map<string, number>();
  const cased: string[] = [];
  const loose: string[] = [];
  lexicon.entities.forEach((e, i) => {
    for (const a of [e.name, ...e.aliases]) {
      if (!a.trim()) continue; // likewise an empty alias
      if (isCased(a)) {
        cased.push(a);
        if (!aliasIndex.has(a)) aliasIndex.set(a, i);
      } else {
        loose.push(a);
        if (!aliasIndex.has(a.toLowerCase())) aliasIndex.set(a.toLowerCase(), i);
      }
    }
  });
  const keys = [...keywordIndex.keys()];
  const result: CompiledLexicon = {
    lexicon,
    keywordRe: keys.length ? new RegExp(`(?<![A-Za-z])(${alternation(keys)})(?![A-Za-z])`, 'gi') : null,
    keywordIndex,
    aliasRe: loose.length ? new RegExp(`(?<![A-Za-z])(${alternation(loose)})(?![A-Za-z])`, 'gi') : null,
    aliasReCased: cased.length ? new RegExp(`(?<![A-Za-z])(${alternation(cased)})(?![A-Za-z])`, 'g') : null,
    aliasIndex,
  };
  compiled.set(lexicon, result);
  return result;
}

/** Metric keywords found in a sentence, each with the metrics it may signal. */
export function keywordHits(lex: CompiledLexicon, sentence: string): Hit[] {
  const out: Hit[] = [];
  if (!lex.keywordRe) return out;
  lex.keywordRe.lastIndex = 0;
  for (let m = lex.keywordRe.exec(sentence); m; m = lex.keywordRe.exec(sentence)) {
    for (const index of lex.keywordIndex.get(m[0].toLowerCase()) ?? []) out.push({ start: m.index, end: m.index + m[0].length, index });
  }
  return out;
}

/** Entity mentions (by name or alias) in a piece of text, longest first at each place. */
export function entityHits(lex: CompiledLexicon, text: string): Hit[] {
  const out: Hit[] = [];
  for (const re of [lex.aliasRe, lex.aliasReCased]) {
    if (!re) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const index = lex.aliasIndex.get(re === lex.aliasRe ? m[0].toLowerCase() : m[0]);
      if (index !== undefined) out.push({ start: m.index, end: m.index + m[0].length, index });
    }
  }
  // Where a loose and a cased alias overlap, keep the longer: a hit inside a longer one is dropped. In
  // order of start (longest first at each start), a hit is inside a longer one exactly when an earlier hit
  // that starts before it reaches as far, or the first hit at its own start reaches farther.
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit[] = [];
  let reach = -1; // the farthest end of the hits that start before the current start
  let groupStart = -1;
  let groupReach = -1; // the end of the longest hit at the current start
  let nextReach = -1;
  for (const h of out) {
    if (h.start !== groupStart) {
      reach = Math.max(reach, nextReach);
      groupStart = h.start;
      groupReach = h.end;
    }
    nextReach = Math.max(nextReach, h.end);
    if (reach >= h.end || groupReach > h.end) continue;
    kept.push(h);
  }
  return kept;
}

/** The entity a name refers to, when the phrase contains a known name or alias (longest wins). */
export function entityIn(lex: CompiledLexicon, phrase: string): LexiconEntity | null {
  const hits = entityHits(lex, phrase).sort((a, b) => b.end - b.start - (a.end - a.start));
  const hit = hits[0];
  return hit ? lex.lexicon.entities[hit.index] ?? null : null;
}

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
