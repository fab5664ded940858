// Small pure functions templates call (as `helpers.*`) to present data: no queries, no URLs (see urls.ts).
import { CLAIM_RATINGS, ratingName } from '../domain/claim-review.js';
import { formatFigure } from '../domain/figures.js';
import { foldName } from '../domain/names.js';
import { timeScopeWords } from '../domain/scope-words.js';
import type { ClaimInContext } from '../domain/crosscheck.js';
import type { AuditEvent, Figure, Qualifier } from '../domain/types.js';
import { articleSegments, paragraphAround } from './article-view.js';
import * as factSheetText from '../render/factsheet/text.js';

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: 'exact',
  about: 'about',
  nearly: 'nearly',
  'at-least': 'at least',
  'at-most': 'at most',
  range: 'range',
  vague: 'vague quantity',
};

/** "1 claim", "3 claims". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? word : many}`;
}

/** Shortens long text for tables, on a word boundary, with an ellipsis. */
function truncate(text: string, max = 160): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The interval a figure stands for, with its unit: "400,000 or more", "1–30 Sep 2015". */
function figureText(figure: Figure): string {
  return formatFigure(figure);
}

/** The fields an audit event changed, as "field: before → after" lines (bodies and bookkeeping left out). */
function auditChanges(event: AuditEvent): string[] {
  const before = (event.before ?? {}) as Record<string, unknown>;
  const after = (event.after ?? {}) as Record<string, unknown>;
  if (event.before === null || event.after === null) return [];
  const skip = new Set(['version', 'updatedAt', 'createdAt', 'body', 'bodyLength']);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !skip.has(key));
  return keys
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => `${key}: ${show(before[key])} → ${show(after[key])}`);
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'object') {
    const figure = value as Figure;
    if ('unit' in figure && 'low' in figure) return formatFigure(figure);
    return JSON.stringify(value);
  }
  return truncate(String(value), 80);
}

/** A timestamp as "2026-11-21 18:30 UTC". */
function timestamp(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The quote split around the first occurrence of the figure's text, to mark the figure inside its sentence. */
function splitAtValue(quote: string, valueText: string): { before: string; value: string; after: string } {
  const at = valueText === '' ? -1 : quote.indexOf(valueText);
  if (at === -1) return { before: quote, value: '', after: '' };
  return { before: quote.slice(0, at), value: valueText, after: quote.slice(at + valueText.length) };
}

/**
 * A link target for a URL stored with a source, or null when it is not http(s): URLs also arrive through the
 * command line and front matter, so the page never trusts them to be web addresses.
 */
function webHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Whether two spellings are the same name as entity lookups see it (case, accents and punctuation folded). */
function sameName(a: string, b: string): boolean {
  return foldName(a) === foldName(b);
}

export const templateHelpers = {
  plural,
  truncate,
  figureText,
  qualifierText: (qualifier: Qualifier): string => QUALIFIER_WORDS[qualifier] ?? qualifier,
  /** A claim's time scope in the one wording of it (the comparison columns' short dates). */
  timeScope: (claim: ClaimInContext): string => timeScopeWords(claim, 'short'),
  auditChanges,
  timestamp,
  articleSegments,
  paragraphAround,
  splitAtValue,
  webHref,
  sameName,
  /** The scale a reviewer rates a confirmed claim on for ClaimReview, and a rating's name. */
  ratingScale: CLAIM_RATINGS,
  ratingName,
  /** The fact sheet's wording, shared with its downloads (the builder's preview renders views/factsheet/sheet-facts.ejs). */
  factSheetText,
};

export type TemplateHelpers = typeof templateHelpers;
