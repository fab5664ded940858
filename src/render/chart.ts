// A chart of claims' intervals against time, rendered on the server as SVG with Observable Plot over a
// linkedom document (no browser, no client script). Plot builds DOM nodes and outerHTML serialises them,
// so claim text (outlets, figures, quotes) ends up escaped as text nodes by construction; it is only ever
// put in text nodes (<title>, <text>), never in attributes.
//
// Two layouts:
//   dates   (event dates, start dates, and the start a duration implies): one row per claim, a bar from
//           the first to the last day its date could be;
//   numbers (counts, shares): time across, value up; each claim a box from its period start to end (or a
//           thin box at its as-of date) and from its low to its high value; open bounds reach the edge.

import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { formatFigure } from '../domain/figures.js';
import { effectiveAsOf, impliedStart, timeScopeKind, type ClaimInContext } from '../domain/crosscheck.js';
import { dayNumber } from '../domain/intervals.js';
import type { IsoDate } from '../domain/types.js';

export interface ChartOptions {
  /** Width in pixels of the SVG's coordinate system; it scales to its container. Default 880. */
  width?: number;
}

const MS_PER_DAY = 86_400_000;
/** Pages show the chart at about its own width, so this is roughly the on-screen size of its text. */
const FONT_SIZE = 13;
/** A generous average advance of one character at FONT_SIZE, to reserve room for labels (no layout engine here). */
const CHAR_WIDTH = 8;
/** Height of one claim's row in the dates chart. */
const ROW_HEIGHT = 40;

/** The little of a DOM node this module uses; the project compiles without the DOM library. */
interface SvgNode {
  outerHTML: string;
  querySelector(selector: string): { remove(): void } | null;
  setAttribute(name: string, value: string): void;
}
type PlotDocument = NonNullable<Plot.PlotOptions['document']>;

interface DateRow {
  row: string;
  label: string;
  from: Date;
  to: Date;
  title: string;
  implied: boolean;
}

interface NumberBox {
  x1: Date;
  x2: Date;
  y1: number;
  y2: number;
  label: string;
  title: string;
}

/** The SVG markup of the chart of these claims, or '' when none of them can be placed on a time axis. */
export function renderClaimsChart(claims: readonly ClaimInContext[], options: ChartOptions = {}): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const width = options.width ?? 880;
  const hasDates = claims.some((c) => c.figure.unit === 'date');
  const doc = document as unknown as PlotDocument;
  const svg = hasDates ? dateChart(claims, doc, width) : numberChart(claims, doc, width);
  if (!svg) return '';
  // Plot adds a <style> element for its defaults (block display, max-width). Pages run under a strict
  // Content-Security-Policy without inline styles, so the element is dropped and the page's stylesheet
  // sizes charts instead.
  svg.querySelector('style')?.remove();
  // Plot's 10px default is too small to read; the root's font size is inherited by every label.
  svg.setAttribute('font-size', String(FONT_SIZE));
  return svg.outerHTML;
}

// ── dates ───────────────────────────────────────────────────────────────────────────────────────────

function dateChart(claims: readonly ClaimInContext[], document: PlotDocument, width: number): SvgNode | null {
  const rows: DateRow[] = [];
  claims.forEach((c, i) => {
    const row = String(i);
    const who = `${c.sourcePublisher}, ${c.sourcePublishedAt}`;
    if (c.figure.unit === 'date') {
      rows.push({ row, label: `${who}: ${c.valueText}`, ...span(c.figure.low, c.figure.high), title: describe(c), implied: false });
      return;
    }
    const implied = timeScopeKind(c) === 'duration' ? impliedStart(c) : null;
    if (implied) {
      rows.push({ row, label: `${who}: "${c.valueText}" implies`, ...span(implied.low, implied.high), title: `${describe(c)}; start implied: ${formatFigure(implied)}`, implied: true });
    }
  });
  if (rows.length === 0 || rows.every((r) => Number.isNaN(r.from.getTime()) && Number.isNaN(r.to.getTime()))) return null;
  const domain = paddedDomain(...extent(rows.flatMap((r) => [r.from, r.to])));
  // Open bounds have no date; they are drawn to the edge of the chart.
  for (const r of rows) {
    if (Number.isNaN(r.from.getTime())) r.from = domain[0];
    if (Number.isNaN(r.to.getTime())) r.to = domain[1];
  }
  // The labels sit left of the plot area in a margin as wide as the longest one (up to 45 % of the chart),
  // so no label runs under a bar.
  const maxChars = Math.floor(width * 0.45 / CHAR_WIDTH) - 2;
  const labels = new Map(rows.map((r) => [r.row, truncate(r.label, maxChars)]));
  const longest = Math.max(...[...labels.values()].map((l) => l.length));
  return Plot.plot({
    document,
    width,
    marginLeft: (longest + 2) * CHAR_WIDTH,
    marginRight: 44,
    marginTop: 12,
    marginBottom: 32,
    height: 44 + rows.length * ROW_HEIGHT,
    x: timeAxis(domain),
    y: { label: null, domain: rows.map((r) => r.row), tickFormat: (row: string) => labels.get(row) ?? '', tickSize: 0, tickPadding: 10 },
    marks: [
      Plot.barX(rows, {
        x1: 'from',
        x2: 'to',
        y: 'row',
        title: 'title',
        fill: (r: DateRow) => (r.implied ? 'implied start' : 'stated date'),
        fillOpacity: 0.8,
        insetTop: 8,
        insetBottom: 8,
      }),
    ],
    color: { domain: ['stated date', 'implied start'], range: ['#2b6cb0', '#b7791f'] },
  }) as unknown as SvgNode;
}

/** Days as UTC Dates, the end moved to the end of its day so a single day has a visible width. */
function span(low: IsoDate | null, high: IsoDate | null): { from: Date; to: Date } {
  return {
    from: low === null ? new Date(Number.NaN) : dateOf(low),
    to: high === null ? new Date(Number.NaN) : new Date(dateOf(high).getTime() + MS_PER_DAY),
  };
}

// ── numbers ─────────────────────────────────────────────────────────────────────────────────────────

function numberChart(claims: readonly ClaimInContext[], document: PlotDocument, width: number): SvgNode | null {
  const unit = mostCommonUnit(claims);
  const placed = claims.filter((c) => c.figure.unit === unit && (c.figure.low !== null || c.figure.high !== null));
  if (placed.length === 0) return null;
  const times = placed.flatMap((c) => [dateOf(c.scopeFrom ?? effectiveAsOf(c)), dateOf(c.scopeTo ?? effectiveAsOf(c))]);
  const [t0, t1] = extent(times);
  // A figure that holds on one day gets a box 1 % of the time span wide (at least a day) to be visible.
  const pad = Math.max(MS_PER_DAY, (t1.getTime() - t0.getTime()) / 100);
  const domain = paddedDomain(new Date(t0.getTime() - pad), new Date(t1.getTime() + MS_PER_DAY + pad));
  const finite = placed.flatMap((c) => [c.figure.low, c.figure.high]).filter((v): v is number => typeof v === 'number');
  const top = unit === 'percent' ? 100 : Math.max(...finite) * 1.15 || 1;
  const bottom = Math.min(0, ...finite);
  // An exact figure is a box of no height; it gets 1 % of the value axis so it shows as a thick line.
  const minHeight = (top - bottom) / 100;
  const boxes: NumberBox[] = placed.map((c) => {
    const period = timeScopeKind(c) === 'cumulative' || timeScopeKind(c) === 'period';
    const from = dateOf(period ? c.scopeFrom! : effectiveAsOf(c));
    const to = dateOf(period ? (c.scopeTo ?? effectiveAsOf(c)) : effectiveAsOf(c));
    let y1 = (c.figure.low as number | null) ?? bottom;
    let y2 = (c.figure.high as number | null) ?? top;
    if (y2 - y1 < minHeight) [y1, y2] = [(y1 + y2) / 2 - minHeight / 2, (y1 + y2) / 2 + minHeight / 2];
    return {
      x1: new Date(from.getTime() - (period ? 0 : pad / 2)),
      x2: new Date(to.getTime() + (period ? MS_PER_DAY : pad / 2)),
      y1,
      y2,
      label: truncate(`${c.sourcePublisher}: ${c.valueText}`, 40),
      title: describe(c),
    };
  });
  // A label starts at its box's left edge and runs right; one whose box starts in the right part of the
  // chart would run off it, so it ends at its box's right edge instead.
  const labelRoom = (width * 0.3) / (width - 80);
  const split = domain[1].getTime() - (domain[1].getTime() - domain[0].getTime()) * labelRoom;
  const label = (anchor: 'start' | 'end') =>
    Plot.text(boxes, {
      filter: (b: NumberBox) => (b.x1.getTime() <= split) === (anchor === 'start'),
      x: anchor === 'start' ? 'x1' : 'x2',
      y: 'y2',
      text: 'label',
      dy: -7,
      textAnchor: anchor,
    });
  return Plot.plot({
    document,
    width,
    height: 360,
    marginTop: 28,
    marginRight: 44,
    marginBottom: 32,
    x: timeAxis(domain),
    y: { label: unit === 'count' ? null : unit, domain: [bottom, top], grid: true },
    marks: [
      Plot.rect(boxes, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', title: 'title', fill: '#2b6cb0', fillOpacity: 0.35, stroke: '#2b6cb0' }),
      label('start'),
      label('end'),
    ],
  }) as unknown as SvgNode;
}

function mostCommonUnit(claims: readonly ClaimInContext[]): string {
  const counts = new Map<string, number>();
  for (const c of claims) counts.set(c.figure.unit, (counts.get(c.figure.unit) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'count';
}

// ── shared ──────────────────────────────────────────────────────────────────────────────────────────

/** Tooltip text: who, when, the figure as written and as an interval, hedge. */
function describe(c: ClaimInContext): string {
  const who = [c.sourcePublisher, c.sourcePublishedAt, c.speakerName, c.relay ? `via ${c.relay}` : null].filter(Boolean).join(', ');
  return `${who}: "${c.valueText}" (${formatFigure(c.figure)})${c.hedge ? `, ${c.hedge}` : ''}`;
}

function dateOf(iso: IsoDate): Date {
  return new Date(dayNumber(iso) * MS_PER_DAY);
}

/**
 * The time axis: the dates' extent widened a little on both sides, then out to whole years (spans over
 * four years), whole months (over two months) or whole days, so that no bar starts on the chart's edge and
 * the axis begins and ends on a tick. Hand-written: Plot's `nice` rounds out but adds no margin, so a bar
 * starting on 1 January would still touch the edge.
 */
export function paddedDomain(lo: Date, hi: Date): [Date, Date] {
  const span = hi.getTime() - lo.getTime();
  const margin = Math.max(MS_PER_DAY, span * 0.04);
  const from = new Date(lo.getTime() - margin);
  const to = new Date(hi.getTime() + margin);
  const unit = domainUnit(span);
  return [floorTo(from, unit), ceilTo(to, unit)];
}

function domainUnit(span: number): TimeUnit {
  return span > 4 * 365 * MS_PER_DAY ? 'year' : span > 60 * MS_PER_DAY ? 'month' : 'day';
}

/** Time axis options over a padded domain; spans of days get a tick per day, not Plot's hours. */
function timeAxis(domain: [Date, Date]): Plot.ScaleOptions {
  const days = (domain[1].getTime() - domain[0].getTime()) / MS_PER_DAY;
  const daily = days <= 8 ? { ticks: 'day', tickFormat: '%-d %b %Y' } : {};
  return { type: 'utc', label: null, grid: true, domain, ...daily };
}

type TimeUnit = 'year' | 'month' | 'day';

function floorTo(d: Date, unit: TimeUnit): Date {
  const y = d.getUTCFullYear();
  if (unit === 'year') return new Date(Date.UTC(y, 0, 1));
  if (unit === 'month') return new Date(Date.UTC(y, d.getUTCMonth(), 1));
  return new Date(Date.UTC(y, d.getUTCMonth(), d.getUTCDate()));
}

function ceilTo(d: Date, unit: TimeUnit): Date {
  const floor = floorTo(d, unit);
  if (floor.getTime() === d.getTime()) return floor;
  const y = floor.getUTCFullYear();
  const m = floor.getUTCMonth();
  if (unit === 'year') return new Date(Date.UTC(y + 1, 0, 1));
  if (unit === 'month') return new Date(Date.UTC(y, m + 1, 1));
  return new Date(Date.UTC(y, m, floor.getUTCDate() + 1));
}

function extent(dates: readonly Date[]): [Date, Date] {
  const times = dates.map((d) => d.getTime()).filter((t) => !Number.isNaN(t));
  return [new Date(Math.min(...times)), new Date(Math.max(...times))];
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
