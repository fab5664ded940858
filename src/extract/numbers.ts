// Stage 2, mentions: numeric figures in a sentence — counts, percentages, fractions, ranges, vague quantities,
// distances and durations (quantities.ts reads the ones that are not a plain number), each with its qualifier and interval (the one table in domain/figures.ts).
// Cardinals in words ("seven", "twenty-five thousand", "a dozen") are read by the Recognizers number
// model (built once: it takes ~25 ms to construct), only in sentences that contain a number word. Everything around the number
// is hand-written because no library reads it: the qualifier ("as many as"), the unit, ranges, vague words,
// and the traps that look like figures but are not (S-400, Il-20, Su-24M, photo ids, clock times, "the two
// leaders", "one of the").

import { Culture, NumberRecognizer } from '@microsoft/recognizers-text-number';
import type { Qualifier } from '../domain/types.js';
import { intervalFor, rangeInterval } from '../domain/figures.js';
import type { Mention, MentionUnit } from './mentions.js';
import { overlaps } from './mentions.js';
import { findCompositeDurations, findDecades, findFractions, findVague, mention, qualifierBefore, toUnit } from './quantities.js';
import { matchesOf } from './regex.js';

// The Recognizers number model, constructed once at load (~25 ms) and never changed after: it only parses.
const NUMBER_MODEL = new NumberRecognizer(Culture.English).getNumberModel();

const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen';
/** Cheap gate: only sentences with a digit or a number word go to the (slower) number model. */
export const MAY_HAVE_NUMBER = new RegExp(`\\d|\\b(${NUMBER_WORDS})\\b`, 'i');

/** Words after a figure that qualify it: "400 or more", "50 or so", "300-plus". */
function qualifierAfter(rest: string): { qualifier: Qualifier; length: number } | null {
  const m = /^(\s+or more|\s+or so|-plus|\+)/.exec(rest);
  if (!m || m[1] === undefined) return null;
  return { qualifier: m[1].includes('so') ? 'about' : 'at-least', length: m[1].length };
}

const UNIT_AFTER = /^(\s?%|\s+percent\b|\s+per\s?cent\b|\s?pc\b|\s+pct\b|[\s-]?(?:km|kilomet(?:er|re)s?)\b|[\s-]miles?\b|[\s-](?:years?|months?|weeks?|days?|hours?|minutes?)\b)/i;

// Words that make a following number an identifier, not a figure ("Resolution 2254", "Flight 17").
const ID_BEFORE = /\b(aged|age of|ages of|resolution|article|flight|route|highway|brigade|division|regiment|battalion|unit|chapter|section|room|gate|no\.|number|camp|platform|model|block|phase|decree|law|protocol|page|item|vol\.|volume|episode|season|level|grade|zone|sector|area|base|checkpoint|#)\s*$/i;

// Definite references to a small known group ("the two leaders"), not a count someone asserts.
const DEFINITE_BEFORE = /\b(the|these|those|both|its|their|his|her|our|all)\s+$/i;

// "one" is too often a pronoun ("one of the", "no one", "one another") to stand alone.
const ONE_PRONOUN_AFTER = /^\s+(of|another|day|side|way|thing|point|hand|time|by one|or another|such|who|which|that|and only|told|said|says)\b/i;

/** A token joining letters and digits — model names (S-400, Su-24M, Il-20), photo ids (epa07448916). */
function isCodeToken(sentence: string, start: number, end: number): boolean {
  const before = sentence.slice(Math.max(0, start - 6), start);
  const after = sentence.slice(end, end + 3);
  // the whole token: letters then digits ("NGW-160618-0412", "COVID-19"), or a number with a leading zero
  // (within a bounded window: a search back to the start of the sentence for each number is quadratic)
  const from = Math.max(0, start - 40);
  const tokenStart = from + sentence.slice(from, start).search(/\S*$/);
  const token = sentence.slice(tokenStart, end + sentence.slice(end, end + 40).search(/\s|$/)).replace(/[.,;:!?)"”]+$/, '');
  if (/^[(“"]?[A-Za-z]+-?\d/.test(token) || /^0\d/.test(sentence.slice(start, end))) return true;
  if (/[A-Za-z]-?$/.test(before) && /[A-Za-z]-?$/.test(before.replace(/\s+$/, '')) && !/\s$/.test(before)) return true;
  if (/^[A-Za-z]/.test(after) && !/^(?:bn|m|k|pc)\b/i.test(after)) return true;
  if (/^\/\d/.test(after) || /\d\/$/.test(before)) return true;
  if (/^:\d/.test(after) || /\d:$/.test(before)) return true;
  if (/\[$/.test(before) && /^\]/.test(after)) return true; // footnote marks "[3]"
  return false;
}

interface RawNumber {
  start: number;
  end: number;
  value: number;
  words: boolean;
}

// Numbers in digits are read by hand: the Recognizers model costs about 1 ms per sentence, which alone
// would spend the whole 50 ms budget of a 5 KB article, and digits with separators need no library.
// a fresh global pattern for each scan, so no lastIndex outlives it
const DIGITS = (): RegExp => /(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s?(million|billion|thousand|bn)\b|(m|k)\b)?/g;
const SCALE: Readonly<Record<string, number>> = { million: 1e6, m: 1e6, billion: 1e9, bn: 1e9, thousand: 1e3, k: 1e3 };
const WORD_GATE = new RegExp(`\\b(${NUMBER_WORDS})\\b`, 'i');

function digitNumbers(sentence: string): RawNumber[] {
  const out: RawNumber[] = [];
  const reDigits = DIGITS();
  for (let m = reDigits.exec(sentence); m; m = reDigits.exec(sentence)) {
    const base = Number((m[1] ?? '').replace(/,/g, '') + (m[2] ?? ''));
    const scale = SCALE[(m[3] ?? m[4] ?? '').toLowerCase()] ?? 1;
    out.push({ start: m.index, end: m.index + m[0].length, value: Number((base * scale).toPrecision(12)), words: false });
  }
  return out;
}

/** Numbers written in words ("seven", "twenty-five", "a dozen"), by the Recognizers model. */
function wordNumbers(sentence: string): RawNumber[] {
  if (!WORD_GATE.test(sentence)) return [];
  const out: RawNumber[] = [];
  for (const [from, to] of numberWordWindows(sentence)) {
    for (const r of NUMBER_MODEL.parse(sentence.slice(from, to))) {
      const start = from + r.start;
      const written = sentence.slice(start, start + r.text.length);
      if (/\d/.test(written)) continue;
      const value = Number(r.resolution?.['value']);
      if (!Number.isFinite(value) || value < 0 || !Number.isInteger(value)) continue; // fractions: findFractions
      out.push({ start, end: start + r.text.length, value, words: true });
    }
  }
  return out;
}

const WORD_FIND = new RegExp(`\\b(?:${NUMBER_WORDS})\\b`, 'i');
// Words of context the model gets either side of a number word: a number in words is a local phrase.
const WORD_CONTEXT = 40;

/**
 * The stretches of a sentence the number model needs to read: each number word with some context either
 * side, cut at spaces, overlapping stretches merged. The model's cost grows with the length of its input
 * (it normalises every character), and most of a sentence holds no number word.
 */
function numberWordWindows(sentence: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of matchesOf(WORD_FIND, sentence)) {
    const end = m.index + m[0].length;
    let from = Math.max(0, m.index - WORD_CONTEXT);
    if (from > 0) from = Math.min(m.index, sentence.indexOf(' ', from) + 1 || m.index);
    let to = Math.min(sentence.length, end + WORD_CONTEXT);
    if (to < sentence.length) to = Math.max(end, sentence.lastIndexOf(' ', to));
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

// "half a million", "a quarter of a million": a fraction of a scale word is a plain count.
// a fresh global pattern for each scan, so no lastIndex outlives it
const SCALED_FRACTION = (): RegExp => /\b(half a|a quarter of a|a quarter|three quarters of a)\s+(million|billion)\b/gi;

function scaledFractions(sentence: string): RawNumber[] {
  const out: RawNumber[] = [];
  const reScaledFraction = SCALED_FRACTION();
  for (let m = reScaledFraction.exec(sentence); m; m = reScaledFraction.exec(sentence)) {
    const part = /^half/i.test(m[1] ?? '') ? 0.5 : /^three/i.test(m[1] ?? '') ? 0.75 : 0.25;
    const scale = (m[2] ?? '').toLowerCase() === 'billion' ? 1e9 : 1e6;
    out.push({ start: m.index, end: m.index + m[0].length, value: part * scale, words: true });
  }
  return out;
}

function rawNumbers(sentence: string, taken: { start: number; end: number }[]): RawNumber[] {
  const scaled = scaledFractions(sentence);
  return [...scaled, ...digitNumbers(sentence), ...wordNumbers(sentence).filter((n) => !overlaps(scaled, n.start, n.end))]
    .filter((n) => !overlaps(taken, n.start, n.end) && (n.words || !isCodeToken(sentence, n.start, n.end)))
    .sort((a, b) => a.start - b.start);
}

/**
 * Counts, percentages, distances and durations written with a number, with ranges and qualifiers.
 * `keywordNear(start, end)` tells whether a metric keyword is close, for the weak word "one".
 */
function findNumbers(sentence: string, taken: { start: number; end: number }[], keywordNear: (start: number, end: number) => boolean): Mention[] {
  const nums = rawNumbers(sentence, taken);
  const out: Mention[] = [];
  for (let i = 0; i < nums.length; i++) {
    const n = nums[i];
    if (!n) continue;
    const before = sentence.slice(Math.max(0, n.start - 30), n.start);
    const range = rangeFrom(sentence, n, nums[i + 1], before);
    if (range) i++;
    else if (!isCountable(sentence, n, before, keywordNear)) continue;
    const draft = withUnit(sentence, range ?? { start: n.start, end: n.end, low: n.value, high: n.value, qualifier: 'exact', unit: 'count' }, before);
    if (!draft) continue;
    const d = range ? draft : qualified(sentence, draft, n.value);
    out.push(mention(sentence, d.start, d.end, d.unit, d.low, d.high, d.qualifier));
  }
  return out;
}

/** A figure being read: offsets, interval, qualifier and unit so far. */
interface Draft {
  start: number;
  end: number;
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  unit: MentionUnit;
}

// A verb of change a few words before "from": the figures after it are the old and the new value.
const CHANGE_FROM = /\b(?:rose|risen|rising|raised|raising|increased|climbed|jumped|grew|grown|fell|fallen|dropped|lowered|revised|revising|updated|cut|reduced|declined|corrected|adjusted)\b(?:\s+\S+){0,8}?\s+from\s+$/i;

/** A range: "between A and B", "A-B", "A to B", "one or two", "from A to B"; null when `n` opens none. */
function rangeFrom(sentence: string, n: RawNumber, next: RawNumber | undefined, before: string): Draft | null {
  if (!next) return null;
  const gap = sentence.slice(n.end, next.start);
  const between = /\bbetween\s+$/i.test(before) && /^\s+and\s+$/i.test(gap);
  const from = /\bfrom\s+$/i.test(before) && /^\s+to\s+$/i.test(gap);
  const joined = /^\s*[-–]\s*$/.test(gap) || /^\s+(?:to|or)\s+$/i.test(gap);
  if (!between && !from && !joined) return null;
  // "revised the toll from 4,000 to 4,350", "rose from 20,000 to 35,000": a change, two figures, not a range
  if (from && CHANGE_FROM.test(sentence.slice(Math.max(0, n.start - 80), n.start))) return null;
  const r = rangeInterval(n.value, next.value);
  const start = between || from ? n.start - (before.length - before.search(/(between|from)\s+$/i)) : n.start;
  return { start, end: next.end, low: r.low, high: r.high, qualifier: 'range', unit: 'count' };
}

/** False for a number that is an identifier, a year, a definite small group or the pronoun "one". */
function isCountable(sentence: string, n: RawNumber, before: string, keywordNear: (start: number, end: number) => boolean): boolean {
  if (ID_BEFORE.test(before)) return false;
  // A bare 1900–2100 is a year unless a counted noun follows ("2000 troops").
  if (n.value >= 1900 && n.value <= 2100 && Number.isInteger(n.value) && !/,/.test(sentence.slice(n.start, n.end)) &&
    !/^\s+(?:[a-z]+s|people|personnel|police|aircraft|militia)\b/.test(sentence.slice(n.end))) return false;
  if (n.value <= 3 && DEFINITE_BEFORE.test(before)) return false;
  if (n.words && n.value === 1) {
    const after = sentence.slice(n.end);
    if (ONE_PRONOUN_AFTER.test(after) || /\b(no|any|each|every|this|that|the|which|only)\s+$/i.test(before)) return false;
    if (!keywordNear(n.start, n.end + 30)) return false;
  }
  return true;
}

/** The unit after the figure (percent, km, miles as km, a duration), or null when the figure is no claim. */
function withUnit(sentence: string, d: Draft, before: string): Draft | null {
  // "up 12 percentage points" is a change, not a share or a count; "more than ten times higher" a ratio
  if (/^\s+(?:percentage points?|times\s+(?:higher|lower|more|less|fewer|greater|larger|smaller|as))\b/i.test(sentence.slice(d.end))) return null;
  const unitMatch = UNIT_AFTER.exec(sentence.slice(d.end));
  const out = { ...d };
  if (unitMatch && unitMatch[1] !== undefined) {
    const after = sentence.slice(d.end + unitMatch[1].length);
    // "a 45-year-old", "years ago" are ages and relative dates, not durations
    if (/^-old\b|^\s+ago\b|^\s+old\b/.test(after)) return null;
    // "over the past 24 hours" sets the period of another figure; it is not a claim itself
    if (/\b(?:past|last|previous)\s+$/i.test(before)) return null;
    out.unit = toUnit(unitMatch[1].replace(/^[\s-]+/, '').replace(/\s+/g, ' ').replace(/^per\s?cent$/i, 'per cent'));
    out.end += unitMatch[1].length;
    if (/mile/i.test(unitMatch[1])) {
      out.low = out.low === null ? null : Number((out.low * 1.609344).toFixed(1));
      out.high = out.high === null ? null : Number((out.high * 1.609344).toFixed(1));
    }
  }
  if (out.unit === 'percent' && (out.high ?? 0) > 100) return null;
  return out;
}

/** The qualifier before or after a single figure ("more than 400", "50 or so") and the interval it gives. */
function qualified(sentence: string, d: Draft, base: number): Draft {
  const out = { ...d };
  const q = qualifierBefore(sentence, d.start);
  const qa = qualifierAfter(sentence.slice(d.end));
  if (q) {
    out.qualifier = q.qualifier;
    out.start = q.at;
  } else if (qa) {
    out.qualifier = qa.qualifier;
    out.end += qa.length;
  }
  const iv = intervalFor(out.qualifier, base, out.unit === 'percent' ? 'percent' : 'count');
  const scale = d.low !== null && base !== 0 ? d.low / base : 1; // miles converted above
  out.low = iv.low === null ? null : Number((iv.low * scale).toPrecision(12));
  out.high = iv.high === null ? null : Number((iv.high * scale).toPrecision(12));
  return out;
}

/** Every numeric figure in one sentence; `taken` spans (dates, clock times) are skipped. */
export function findNumericFigures(
  sentence: string,
  taken: { start: number; end: number }[],
  keywordNear: (start: number, end: number) => boolean = () => true,
): Mention[] {
  const found: Mention[] = [];
  const block = (): { start: number; end: number }[] => [...taken, ...found];
  found.push(...findCompositeDurations(sentence));
  found.push(...findDecades(sentence, block()));
  found.push(...findVague(sentence, block()));
  found.push(...findFractions(sentence, block()));
  if (MAY_HAVE_NUMBER.test(sentence)) found.push(...findNumbers(sentence, block(), keywordNear));
  return found.sort((a, b) => a.start - b.start);
}
