// Cuts an article body into the spans the source page renders. Each span carries the offset of its first
// character (data-start), so the page's script — and any reader — can map a text selection back to exact
// offsets into the stored body. Spans covered by claims become highlighted links to those claims, and the
// figure itself (the claim's value as written, found inside its quote) is marked within them.

/** The part of a claim this module needs: where its quote sits in the body. */
export interface QuoteSpan {
  id: number;
  quoteStart: number;
  quoteEnd: number;
  status?: string;
  /** The figure as written; where it occurs in the quote, the page marks it. */
  valueText?: string;
}

export interface ArticleSegment {
  start: number;
  end: number;
  text: string;
  /** Claims whose quote covers this segment, innermost (shortest quote) first. */
  claimIds: number[];
  /** Status of the innermost claim, for styling. */
  status: string | null;
  /** A lone carriage return: HTML parsing would turn a literal CR into LF, so it is written as &#13;. */
  carriageReturn: boolean;
  /** True on the first segment of a claim's quote: where its #quote-ID anchor goes. */
  anchorFor: number[];
  /** The text cut where a covering claim's figure (its value as written) starts and ends; the page marks those parts. */
  parts: { text: string; figure: boolean }[];
}

/** Where a claim's figure sits in the body: its value text's first occurrence in the quote (any case), or null. */
export function figureSpan(body: string, q: QuoteSpan): { start: number; end: number } | null {
  const value = q.valueText?.trim() ?? '';
  if (value === '') return null;
  const quote = body.slice(q.quoteStart, q.quoteEnd);
  let at = quote.indexOf(value);
  if (at === -1) at = quote.toLowerCase().indexOf(value.toLowerCase());
  return at === -1 ? null : { start: q.quoteStart + at, end: q.quoteStart + at + value.length };
}

/**
 * Splits `body` at every quote boundary (and around each CR) into consecutive segments whose texts
 * concatenate to exactly `body`. Quotes outside the body are clamped; empty quotes are ignored.
 */
export function articleSegments(body: string, quotes: readonly QuoteSpan[]): ArticleSegment[] {
  const valid = quotes
    .map((q) => ({ ...q, quoteStart: clamp(q.quoteStart, body.length), quoteEnd: clamp(q.quoteEnd, body.length) }))
    .filter((q) => q.quoteEnd > q.quoteStart);
  const cuts = new Set<number>([0, body.length]);
  const figures: { start: number; end: number }[] = [];
  for (const q of valid) {
    cuts.add(q.quoteStart);
    cuts.add(q.quoteEnd);
    const figure = figureSpan(body, q);
    if (figure) figures.push(figure);
  }
  for (let i = body.indexOf('\r'); i !== -1; i = body.indexOf('\r', i + 1)) {
    cuts.add(i);
    cuts.add(i + 1);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const anchored = new Set<number>();
  const segments: ArticleSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const covering = valid
      .filter((q) => q.quoteStart <= start && q.quoteEnd >= end)
      .sort((a, b) => a.quoteEnd - a.quoteStart - (b.quoteEnd - b.quoteStart) || a.id - b.id);
    const anchorFor = covering.filter((q) => !anchored.has(q.id)).map((q) => q.id);
    for (const id of anchorFor) anchored.add(id);
    const text = body.slice(start, end);
    segments.push({
      start,
      end,
      text,
      claimIds: covering.map((q) => q.id),
      status: covering[0]?.status ?? null,
      carriageReturn: text === '\r',
      anchorFor,
      parts: covering.length > 0 ? figureParts(text, start, figures) : [{ text, figure: false }],
    });
  }
  return segments;
}

/** A segment's text cut at the figure edges inside it, each part saying whether it lies in a figure. */
function figureParts(text: string, start: number, figures: readonly { start: number; end: number }[]): { text: string; figure: boolean }[] {
  const end = start + text.length;
  const inside = figures.filter((f) => f.start < end && f.end > start);
  if (inside.length === 0) return [{ text, figure: false }];
  const edges = new Set<number>([start, end]);
  for (const f of inside) {
    edges.add(Math.max(f.start, start));
    edges.add(Math.min(f.end, end));
  }
  const points = [...edges].sort((a, b) => a - b);
  const parts: { text: string; figure: boolean }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    parts.push({ text: text.slice(from - start, to - start), figure: inside.some((f) => f.start <= from && f.end >= to) });
  }
  return parts;
}

function clamp(n: number, max: number): number {
  return Math.min(Math.max(Math.trunc(n), 0), max);
}

const BLANK_LINE = /\r?\n[ \t]*\r?\n/g;

/**
 * The paragraph around [start, end): from the blank line before to the blank line after, as offsets,
 * so the review queue can show a sentence in its paragraph.
 */
export function paragraphAround(body: string, start: number, end: number): { start: number; end: number } {
  const blank = new RegExp(BLANK_LINE);
  let from = 0;
  for (let m = blank.exec(body); m && m.index + m[0].length <= start; m = blank.exec(body)) from = m.index + m[0].length;
  blank.lastIndex = end;
  const next = blank.exec(body);
  let to = next ? Math.max(next.index, end) : body.length;
  // Line breaks and spaces at the paragraph's edges are layout, not text worth showing.
  while (to > end && /\s/.test(body[to - 1] ?? '')) to--;
  while (from < start && /\s/.test(body[from] ?? '')) from++;
  return { start: Math.min(from, start), end: to };
}
