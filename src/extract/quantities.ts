// Stage 2, mentions: the quantities that are not a plain number — vague quantities ("tens of thousands"),
// fractions ("a third of"), "one in five", composite durations ("an hour and 50 minutes") and decades —
// and the helpers every figure reader shares (the qualifier before a figure, units, the Mention record).
// Hand-written: no library reads these as intervals. Patterns that scan are functions returning a fresh
// global literal, so no lastIndex outlives a call.

import type { Qualifier } from '../domain/types.js';
import { QUALIFIER_PHRASES, fractionPercent, intervalFor, unitFor, vagueInterval, wordsToNumber } from '../domain/figures.js';
import type { Mention, MentionUnit } from './mentions.js';
import { overlaps } from './mentions.js';

const QUALIFIER_BEFORE = new RegExp(
  `(?:^|[^A-Za-z])(${Object.keys(QUALIFIER_PHRASES).sort((a, b) => b.length - a.length).join('|')})\\s+(?:of\\s+)?$`,
  'i',
);

/** The qualifier written just before a figure at `start`, and where that phrase begins. */
export function qualifierBefore(sentence: string, start: number): { qualifier: Qualifier; at: number } | null {
  const before = sentence.slice(Math.max(0, start - 25), start);
  const m = QUALIFIER_BEFORE.exec(before);
  if (!m || m[1] === undefined) return null;
  const phrase = m[1].toLowerCase();
  const q = QUALIFIER_PHRASES[phrase];
  if (!q) return null;
  return { qualifier: q, at: start - before.length + before.toLowerCase().lastIndexOf(phrase) };
}

const VAGUE = (): RegExp => /\b(a few dozen|several dozen|dozens|scores of|hundreds of thousands|tens of thousands|tens of millions|a few hundred|several hundred|hundreds|a few thousand|several thousand|thousands|a few million|several million|millions)\b/gi;

const FRACTION = (): RegExp => /\b(half|(?:a|one)[- ]half|(?:a|one)[- ]third|two[- ]thirds|(?:a|one)[- ]quarter|three[- ]quarters|(?:a|one)[- ]fifth|(?:two|three|four)[- ]fifths|(?:a|one)[- ]tenth)\b(?=["”’]?(?:\s+(?:of|the|its|their|all|this|that)\b|\s*[.;,]|\s*$))/gi;
const ONE_IN = (): RegExp => /\b(one|two|three|four|five|six|seven|eight|nine|\d+) in (two|three|four|five|six|seven|eight|nine|ten|\d+)\b(?!\s*(?:days?|weeks?|months?|years?|hours?)\b)/gi;

export function toUnit(word: string): MentionUnit {
  const w = word.trim().replace(/^-/, '').toLowerCase();
  if (w === 'pc') return 'percent';
  if (/^miles?$/.test(w)) return 'km';
  return (unitFor(w) as MentionUnit | null) ?? 'count';
}

export function mention(sentence: string, start: number, end: number, unit: MentionUnit, low: number | null, high: number | null, qualifier: Qualifier): Mention {
  return { start, end, text: sentence.slice(start, end), unit, low, high, qualifier };
}

/** Vague quantities ("hundreds", "tens of thousands", "a few dozen"). */
export function findVague(sentence: string, taken: { start: number; end: number }[]): Mention[] {
  const out: Mention[] = [];
  const reVague = VAGUE();
  for (let m = reVague.exec(sentence); m; m = reVague.exec(sentence)) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(taken, start, end)) continue;
    const range = vagueInterval(m[0].replace(/ of$/i, ''));
    if (!range) continue;
    const text = m[0].replace(/ of$/i, '');
    out.push(mention(sentence, start, start + text.length, 'count', range.low, range.high, 'vague'));
  }
  return out;
}

/** Fractions of a whole ("over half the country", "a third of Syria", "one in five"). */
export function findFractions(sentence: string, taken: { start: number; end: number }[]): Mention[] {
  const out: Mention[] = [];
  const reFraction = FRACTION();
  for (let m = reFraction.exec(sentence); m; m = reFraction.exec(sentence)) {
    let start = m.index;
    const end = start + m[0].length;
    if (overlaps(taken, start, end)) continue;
    // "the first half of 2016" is a period, "the other half" a reference.
    if (/\b(first|second|latter|other|the|an?)\s+$/i.test(sentence.slice(Math.max(0, start - 10), start)) && /^half/i.test(m[0])) continue;
    // a fraction that closes its clause ("put the share at closer to two-thirds.") counts only after a share or a control verb
    const closing = !/^\s+\S/.test(sentence.slice(end, end + 2)) || /^\s*[.;,]/.test(sentence.slice(end));
    if (closing && !/\b(?:share|proportion|percentage|control\w*|holds?|held|occup\w*|(?:the|that)\s+figure\s+at)\b[^.;]{0,40}$/i.test(sentence.slice(Math.max(0, start - 60), start))) continue;
    const pct = fractionPercent(m[0]);
    if (pct === null) continue;
    const q = qualifierBefore(sentence, start);
    if (q) start = q.at;
    const { low, high } = intervalFor(q?.qualifier ?? 'exact', pct, 'percent');
    out.push(mention(sentence, start, end, 'percent', low, high, q?.qualifier ?? 'exact'));
  }
  const reOneIn = ONE_IN();
  for (let m = reOneIn.exec(sentence); m; m = reOneIn.exec(sentence)) {
    const k = Number(m[1]) || wordsToNumber(m[1] ?? '');
    const n = Number(m[2]) || wordsToNumber(m[2] ?? '');
    if (!k || !n || k >= n || n > 100 || overlaps(taken, m.index, m.index + m[0].length)) continue;
    const pct = Number(((100 * k) / n).toFixed(1));
    out.push(mention(sentence, m.index, m.index + m[0].length, 'percent', pct, pct, 'exact'));
  }
  return out;
}

/** "an hour and 50 minutes", "two years and three months": one duration in the smaller unit. */
export function findCompositeDurations(sentence: string): Mention[] {
  const out: Mention[] = [];
  const re = /\b(an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(years?|months?|weeks?|days?|hours?)\s+and\s+(an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+|a half)\s+(months?|weeks?|days?|hours?|minutes?)\b/gi;
  const minutes: Record<string, number> = { year: 525_960, month: 43_830, week: 10_080, day: 1440, hour: 60, minute: 1 };
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    const num = (t: string): number | null => (/^an?$/i.test(t) ? 1 : Number(t) || wordsToNumber(t));
    const a = num(m[1] ?? '');
    const b = num(m[3] ?? '');
    const ua = toUnit(m[2] ?? '');
    const ub = toUnit(m[4] ?? '');
    const ma = minutes[ua];
    const mb = minutes[ub];
    if (a === null || b === null || !ma || !mb || ma <= mb) continue;
    const value = Number(((a * ma) / mb + b).toPrecision(12));
    out.push(mention(sentence, m.index, m.index + m[0].length, ub, value, value, 'exact'));
  }
  return out;
}

/** Decades as durations: "a decade-long war", "nearly two decades". */
export function findDecades(sentence: string, taken: { start: number; end: number }[]): Mention[] {
  const out: Mention[] = [];
  const re = /\b(a|one|two|three|four|five|six|seven|eight|nine|\d)[\s-]+decades?(?:-long|-old)?\b/gi;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    if (/-old$/i.test(m[0]) || overlaps(taken, m.index, m.index + m[0].length)) continue;
    const n = /^(a|one)$/i.test(m[1] ?? '') ? 1 : Number(m[1]) || wordsToNumber(m[1] ?? '') || 0;
    if (!n) continue;
    let start = m.index;
    const q = qualifierBefore(sentence, start);
    if (q) start = q.at;
    const { low, high } = intervalFor(q?.qualifier ?? 'exact', n * 10, 'year');
    out.push(mention(sentence, start, m.index + m[0].length, 'year', low, high, q?.qualifier ?? 'exact'));
  }
  return out;
}
