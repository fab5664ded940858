// Lexicon matching: the user's lexicon (metric keywords, entities with aliases) compiled into matchers, and
// the keyword and entity hits of a piece of text. Hand-written: the vocabulary is user data, no library's.

import type { Lexicon, LexiconEntity } from '../domain/types.js';
import { escapeRegExp } from './regex.js';

export interface Hit {
  start: number;
  end: number;
  index: number;
}

/**
 * A lexicon turned into matchers. Its global patterns belong to this object, made per extract() call or held
 * by the one caller that prepared it; each scan resets lastIndex before it starts.
 */
export interface CompiledLexicon {
  lexicon: Lexicon;
  keywordRe: RegExp | null;
  keywordIndex: Map<string, number[]>;
  aliasRe: RegExp | null;
  aliasReCased: RegExp | null;
  aliasIndex: Map<string, number>;
}

function alternation(words: string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}

/** Short all-capital aliases ("IS", "UN", "SDF") must match case; others match any case. */
function isCased(alias: string): boolean {
  return alias.length <= 4 || alias === alias.toUpperCase();
}

/** Compiles the keyword and alias matchers (once per extract() call, or once by a caller that passes them on). */
export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
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
  return result;
}

// "has claimed over 62,000 lives", "cost some 250,000 lives", "took the lives of 300 people": lives a verb takes are a
// toll, while "saved 300 lives" or "the lives of a million residents" are none. Hand-written: a keyword list cannot
// say which verb governs a word. (A fresh global pattern for each scan, so no lastIndex outlives it.)
const livesTaken = (): RegExp => new RegExp(`${LIVES_TAKEN}`, 'giu');
/** A verb that takes lives, then a number (hedged or not) and "lives", or "the lives of": the source of livesTaken. */
const LIVES_TAKEN =
  String.raw`\b(?:claim(?:ed|s|ing)?|cost(?:s|ing)?|t(?:ook|akes?|aken|aking))\s+(?:the\s+|(?:an?\s+estimated\s+|(?:some|about|around|nearly|almost|over|roughly|at\s+least|more\s+than|as\s+many\s+as|up\s+to|close\s+to)\s+)?` +
  String.raw`(?:\d[\d,.]*(?:\s+(?:million|thousand|hundred))?|(?:hundreds|thousands|tens\s+of\s+thousands|millions)(?:\s+of)?|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|a\s+hundred|a\s+thousand)(?:\s+(?:hundred|thousand|million))?)\s+)lives\b`;

/** Lives taken by a verb at the start of the text: a verb that reads as "claimed" reports nothing then (clauses.ts). */
export const LIVES_TAKEN_AT_START = new RegExp(`^${LIVES_TAKEN}`, 'iu');

/** Metric keywords found in a sentence, each with the metrics it may signal. */
export function keywordHits(lex: CompiledLexicon, sentence: string): Hit[] {
  const out: Hit[] = [];
  if (!lex.keywordRe) return out;
  lex.keywordRe.lastIndex = 0;
  for (let m = lex.keywordRe.exec(sentence); m; m = lex.keywordRe.exec(sentence)) {
    for (const index of lex.keywordIndex.get(m[0].toLowerCase()) ?? []) out.push({ start: m.index, end: m.index + m[0].length, index });
  }
  // taken lives count as the lexicon's own "lives lost", when it has that phrase
  const lost = lex.keywordIndex.get('lives lost') ?? lex.keywordIndex.get('lost their lives') ?? [];
  if (lost.length > 0 && /\blives\b/i.test(sentence)) {
    for (const m of sentence.matchAll(livesTaken())) {
      // "the lives of 300 people": the hit is "lives", before the figure; "cost 300 lives": after it
      const at = m[0].toLowerCase().lastIndexOf('lives');
      for (const index of lost) out.push({ start: m.index + at, end: m.index + at + 5, index });
    }
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
  // "Mesa" inside "the Mesa Liberation Army" is part of a longer name, not the entity the phrase names
  const partOfName = (h: Hit): boolean => /^\s+\p{Lu}/u.test(phrase.slice(h.end)) || /\p{Lu}[\p{L}.-]*\s+$/u.test(phrase.slice(0, h.start));
  const hits = entityHits(lex, phrase).filter((h) => !partOfName(h)).sort((a, b) => b.end - b.start - (a.end - a.start));
  const hit = hits[0];
  return hit ? lex.lexicon.entities[hit.index] ?? null : null;
}
