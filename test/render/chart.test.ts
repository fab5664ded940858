import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { paddedDomain, renderClaimsChart } from '../../src/render/chart.js';
import { makeClaimInContext } from '../helpers/claim-builders.js';

const claim = makeClaimInContext;

/** The x of a "translate(x,y)" transform. */
function translateX(transform: string | null): number {
  return Number(/translate\(([-\d.]+)/.exec(transform ?? '')?.[1]);
}

/** Parses the SVG as a browser would inside a page and returns its document. */
function parse(svg: string) {
  return parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;
}

const warStart = [
  claim({ id: 1, sourcePublisher: 'The Gazette', sourcePublishedAt: '2019-03-19', valueText: '2015', figure: { unit: 'date', low: '2015-01-01', high: '2015-12-31' } }),
  claim({ id: 2, sourcePublisher: 'Radio Dawn', sourcePublishedAt: '2021-09-14', valueText: 'March 2011', figure: { unit: 'date', low: '2011-03-01', high: '2011-03-31' } }),
  claim({ id: 3, kind: 'duration', metric: 'duration', sourcePublisher: 'The Gazette', sourcePublishedAt: '2019-03-19', valueText: 'eight-year', figure: { unit: 'year', low: 8, high: 8 } }),
];

describe('renderClaimsChart: dates', () => {
  it('draws one bar per claim, durations as the start they imply', () => {
    const svg = renderClaimsChart(warStart);
    expect(svg.startsWith('<svg')).toBe(true);
    const doc = parse(svg);
    const bars = doc.querySelectorAll('g[aria-label="bar"] rect');
    expect(bars.length).toBe(3);
    const titles = [...bars].map((r) => r.querySelector('title')?.textContent);
    expect(titles[0]).toBe('The Gazette, 2019-03-19: "2015" (1 Jan – 31 Dec 2015)');
    expect(titles[2]).toContain('start implied: 19 Mar 2010 – 19 Mar 2012');
    const ticks = [...doc.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
    expect(ticks).toEqual(['The Gazette, 2019-03-19: 2015', 'Radio Dawn, 2021-09-14: March 2011', 'The Gazette, 2019-03-19: "eight-year" implies']);
  });

  it('leaves out Plot\'s inline <style> so the chart works under a strict CSP', () => {
    expect(renderClaimsChart(warStart)).not.toContain('<style');
  });

  it('is deterministic', () => {
    expect(renderClaimsChart(warStart)).toBe(renderClaimsChart(warStart));
  });

  it('escapes a malicious outlet and figure: no element or attribute comes from claim text', () => {
    const evil = '<img src=x onerror=alert(1)>"&';
    const svg = renderClaimsChart([
      claim({ id: 9, sourcePublisher: evil, valueText: '</title><script>alert(2)</script>', figure: { unit: 'date', low: '2016-06-18', high: '2016-06-18' } }),
    ]);
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const doc = parse(svg);
    expect(doc.querySelectorAll('img, script').length).toBe(0);
    expect(doc.querySelector('g[aria-label="bar"] rect title')?.textContent).toContain(evil);
  });

  it('pads the time axis to whole years: a tick before the earliest bar and after the latest', () => {
    const doc = parse(renderClaimsChart(warStart.slice(0, 2)));
    const ticks = [...doc.querySelectorAll('g[aria-label="x-axis tick label"] text')];
    expect(ticks.map((t) => t.textContent)).toEqual(['2010', '2011', '2012', '2013', '2014', '2015', '2016', '2017']);
    const tickX = ticks.map((t) => translateX(t.getAttribute('transform')));
    const bars = [...doc.querySelectorAll('g[aria-label="bar"] rect')].map((r) => ({ x: Number(r.getAttribute('x')), w: Number(r.getAttribute('width')) }));
    expect(Math.min(...bars.map((b) => b.x))).toBeGreaterThan(tickX[1]!); // March 2011 starts after the 2011 tick
    expect(Math.max(...bars.map((b) => b.x + b.w))).toBeLessThan(tickX[tickX.length - 1]!);
  });

  it('is readable: 13px text, rows 40px tall, labels in a margin wider than the longest label', () => {
    const svg = renderClaimsChart(warStart);
    const root = parse(svg).querySelector('svg')!;
    expect(root.getAttribute('font-size')).toBe('13');
    expect(Number(root.getAttribute('height'))).toBeGreaterThanOrEqual(3 * 40);
    const doc = parse(svg);
    const labels = [...doc.querySelectorAll('g[aria-label="y-axis tick label"] text')];
    const longest = Math.max(...labels.map((t) => t.textContent!.length));
    const plotLeft = translateX(labels[0]!.getAttribute('transform'));
    // About 7.5px a character at 13px: the margin left of the plot holds the longest label.
    expect(plotLeft).toBeGreaterThan(longest * 7.5);
    const bars = [...doc.querySelectorAll('g[aria-label="bar"] rect')];
    for (const bar of bars) expect(Number(bar.getAttribute('x'))).toBeGreaterThanOrEqual(plotLeft);
  });

  it('shortens a very long label rather than letting it run off the chart', () => {
    const outlet = 'An Outlet Whose Name Goes On And On Far Longer Than Any Margin Could Hold';
    const doc = parse(renderClaimsChart([claim({ id: 1, sourcePublisher: outlet, valueText: 'June 2016', figure: { unit: 'date', low: '2016-06-01', high: '2016-06-30' } })]));
    const label = doc.querySelector('g[aria-label="y-axis tick label"] text')!.textContent!;
    expect(label.endsWith('…')).toBe(true);
    expect(translateX(doc.querySelector('g[aria-label="y-axis tick label"] text')!.getAttribute('transform'))).toBeGreaterThan(label.length * 7.5);
    // The whole text is still in the tooltip.
    expect(doc.querySelector('g[aria-label="bar"] rect title')?.textContent).toContain(outlet);
  });

  it('gives a span of days one tick per day, not hours', () => {
    const doc = parse(renderClaimsChart([
      claim({ id: 1, figure: { unit: 'date', low: '2016-06-18', high: '2016-06-18' } }),
      claim({ id: 2, figure: { unit: 'date', low: '2016-06-17', high: '2016-06-17' } }),
    ]));
    const ticks = [...doc.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent);
    expect(ticks).toEqual(['16 Jun 2016', '17 Jun 2016', '18 Jun 2016', '19 Jun 2016', '20 Jun 2016']);
  });

  it('draws open-ended dates to the edge of the chart', () => {
    const svg = renderClaimsChart([
      claim({ id: 1, figure: { unit: 'date', low: '2015-09-30', high: null } }),
      claim({ id: 2, figure: { unit: 'date', low: '2011-03-01', high: '2011-03-31' } }),
    ]);
    expect(parse(svg).querySelectorAll('g[aria-label="bar"] rect').length).toBe(2);
  });
});

describe('renderClaimsChart: numbers', () => {
  it('draws one box per claim against time, with a label per claim', () => {
    const claims = [
      claim({ id: 1, metric: 'killed', sourcePublisher: 'Wire A', sourcePublishedAt: '2016-06-19', scopeFrom: '2015-09-30', valueText: '10', figure: { unit: 'count', low: 10, high: 10 } }),
      claim({ id: 2, metric: 'killed', sourcePublisher: 'Ledger', sourcePublishedAt: '2017-11-21', scopeFrom: '2017-01-01', scopeTo: '2017-09-30', hedge: 'reportedly', valueText: '131', figure: { unit: 'count', low: 131, high: 131 } }),
      claim({ id: 3, metric: 'killed', sourcePublisher: 'Monitor', sourcePublishedAt: '2016-06-16', valueText: 'at least 30', figure: { unit: 'count', low: 30, high: null } }),
    ];
    const doc = parse(renderClaimsChart(claims));
    const boxes = doc.querySelectorAll('g[aria-label="rect"] rect');
    expect(boxes.length).toBe(3);
    expect(boxes[1]!.querySelector('title')?.textContent).toBe('Ledger, 2017-11-21: "131" (131), reportedly');
    const labels = [...doc.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent);
    expect(labels).toEqual(['Wire A: 10', 'Ledger: 131', 'Monitor: at least 30']);
  });

  it('ends a label at its box when the box starts near the right edge, so it stays on the chart', () => {
    const claims = [
      claim({ id: 1, metric: 'killed', sourcePublisher: 'Wire A', sourcePublishedAt: '2015-01-10', valueText: '5', figure: { unit: 'count', low: 5, high: 5 } }),
      claim({ id: 2, metric: 'killed', sourcePublisher: 'Ledger', sourcePublishedAt: '2017-12-01', valueText: '40', figure: { unit: 'count', low: 40, high: 40 } }),
    ];
    const doc = parse(renderClaimsChart(claims));
    const groups = [...doc.querySelectorAll('g[aria-label="text"]')];
    const anchorOf = (label: string) =>
      groups.find((g) => [...g.querySelectorAll('text')].some((t) => t.textContent === label))?.getAttribute('text-anchor');
    expect(anchorOf('Wire A: 5')).toBe('start');
    expect(anchorOf('Ledger: 40')).toBe('end');
  });

  it('returns an empty string when nothing can be placed', () => {
    expect(renderClaimsChart([])).toBe('');
    expect(renderClaimsChart([claim({ id: 1, figure: { unit: 'count', low: null, high: null } })])).toBe('');
  });
});

describe('paddedDomain', () => {
  const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
  it('widens to whole years over long spans, even when the data starts on 1 January', () => {
    expect(paddedDomain(d('2011-01-01'), d('2016-01-01'))).toEqual([d('2010-01-01'), d('2017-01-01')]);
  });
  it('widens to whole months over spans of months, and to whole days over days', () => {
    expect(paddedDomain(d('2015-09-30'), d('2017-10-01'))).toEqual([d('2015-08-01'), d('2017-11-01')]);
    expect(paddedDomain(d('2016-06-17'), d('2016-06-19'))).toEqual([d('2016-06-16'), d('2016-06-20')]);
  });
});
