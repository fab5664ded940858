// Pure helpers of the web layer: article segments (exact offsets for selection), paragraphs, URLs.
import { describe, expect, it } from 'vitest';
import { articleSegments, paragraphAround } from '../../src/web/article-view.js';
import { asFormat, localReturn, urls, withQuery } from '../../src/web/urls.js';

describe('articleSegments', () => {
  const body = 'Alpha beta.\r\nGamma delta epsilon.\n';

  it('cuts at quote edges and around CRs; texts concatenate back to the body with matching offsets', () => {
    const segments = articleSegments(body, [{ id: 7, quoteStart: 6, quoteEnd: 24, status: 'confirmed' }, { id: 8, quoteStart: 13, quoteEnd: 18 }]);
    expect(segments.map((s) => s.text).join('')).toBe(body);
    for (const s of segments) expect(body.slice(s.start, s.end)).toBe(s.text);
    expect(segments.map((s) => [s.text, s.claimIds, s.anchorFor])).toEqual([
      ['Alpha ', [], []],
      ['beta.', [7], [7]],
      ['\r', [7], []],
      ['\n', [7], []],
      ['Gamma', [8, 7], [8]],
      [' delta', [7], []],
      [' epsilon.\n', [], []],
    ]);
    expect(segments.filter((s) => s.carriageReturn).map((s) => s.start)).toEqual([11]);
    expect(segments[4]?.status).toBe(null);
    expect(segments[1]?.status).toBe('confirmed');
  });

  it('cuts each claim’s figure out of its segment (first occurrence in the quote, any case) as a part to mark', () => {
    const text = 'Officials said 42 people fled. Eight years of war, 42 days of siege.\n';
    const first = { id: 1, quoteStart: 0, quoteEnd: 30, valueText: '42' };
    const second = { id: 2, quoteStart: 31, quoteEnd: 68, valueText: 'eight years' };
    const missing = { id: 3, quoteStart: 0, quoteEnd: 30, valueText: '1,000' };
    const segments = articleSegments(text, [first, second, missing]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    // Quote edges still decide the segments (one link each); the figure is a part inside its segment.
    expect(segments.map((s) => s.text)).toEqual(['Officials said 42 people fled.', ' ', 'Eight years of war, 42 days of siege.', '\n']);
    for (const s of segments) expect(s.parts.map((p) => p.text).join('')).toBe(s.text);
    expect(segments.flatMap((s) => s.parts.filter((p) => p.figure).map((p) => p.text))).toEqual(['42', 'Eight years']);
  });

  it('ignores empty quotes and clamps quotes that run past the text', () => {
    const segments = articleSegments('short', [{ id: 1, quoteStart: 2, quoteEnd: 2 }, { id: 2, quoteStart: 3, quoteEnd: 99 }]);
    expect(segments.map((s) => [s.text, s.claimIds])).toEqual([['sho', []], ['rt', [2]]]);
  });

  it('an empty body has no segments', () => {
    expect(articleSegments('', [])).toEqual([]);
  });
});

describe('paragraphAround', () => {
  const body = 'First paragraph here.\n\nSecond one, with the quote in it. And more.\r\n\r\nThird.\n';

  it('spans from the blank line before to the blank line after, without edge line breaks', () => {
    const start = body.indexOf('with the quote');
    const p = paragraphAround(body, start, start + 14);
    expect(body.slice(p.start, p.end)).toBe('Second one, with the quote in it. And more.');
  });

  it('handles the first and the last paragraph', () => {
    expect(body.slice(...Object.values(paragraphAround(body, 0, 5)) as [number, number])).toBe('First paragraph here.');
    const at = body.indexOf('Third');
    expect(body.slice(...Object.values(paragraphAround(body, at, at + 5)) as [number, number])).toBe('Third.');
  });
});

describe('urls', () => {
  it('builds query strings without empty values, repeating arrays', () => {
    expect(withQuery('/claims', { kind: 'date', subject: 'Syrian civil war', status: '', page: null, ids: [1, 2] })).toBe('/claims?kind=date&subject=Syrian+civil+war&ids=1&ids=2');
    expect(urls.claims()).toBe('/claims');
    expect(urls.editClaim(3, { return: '/review?i=2' })).toBe('/claims/3/edit?return=%2Freview%3Fi%3D2');
  });

  it('puts the format before the query string', () => {
    expect(asFormat('/claims?kind=date', 'csv')).toBe('/claims.csv?kind=date');
    expect(asFormat('/', 'json')).toBe('/index.json');
    expect(asFormat('/sources/4', 'json')).toBe('/sources/4.json');
  });

  it('accepts only local return paths', () => {
    expect(localReturn('/review?i=3')).toBe('/review?i=3');
    for (const bad of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'review', '/a\nb', undefined, 42]) expect(localReturn(bad)).toBeNull();
  });
});
