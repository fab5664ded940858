import { describe, expect, it } from 'vitest';
import { compareClaims, markQuoteDifferences } from '../../src/domain/compare.js';
import { timeScopeWords } from '../../src/domain/scope-words.js';
import { makeComparedClaim } from '../helpers/claim-builders.js';

const claim = makeComparedClaim;

describe('markQuoteDifferences', () => {
  it('marks the words each of two quotes does not share', () => {
    const [a, b] = markQuoteDifferences(['The war began in 2015, officials said.', 'The war began in March 2011, officials said.']);
    expect(a).toEqual([
      { text: 'The war began in ', changed: false },
      { text: '2015', changed: true },
      { text: ', officials said.', changed: false },
    ]);
    expect(b).toEqual([
      { text: 'The war began in ', changed: false },
      { text: 'March 2011', changed: true },
      { text: ', officials said.', changed: false },
    ]);
  });

  it('segments rebuild each quote exactly, markup characters included', () => {
    const quotes = ['He said <b>"10"</b> & left', 'She said "30" & stayed', 'Ερντογάν / Erdoğan said 12'];
    const marked = markQuoteDifferences(quotes);
    marked.forEach((segs, i) => expect(segs.map((s) => s.text).join('')).toBe(quotes[i]));
    // Segments are data: the angle brackets are still there for the template to escape.
    expect(marked[0]!.some((s) => s.changed && s.text.includes('<b>'))).toBe(true);
  });

  it('a single quote or identical quotes have nothing marked; an empty quote has no segments', () => {
    expect(markQuoteDifferences(['Only one.'])).toEqual([[{ text: 'Only one.', changed: false }]]);
    expect(markQuoteDifferences(['Same words.', 'Same words.'])).toEqual([
      [{ text: 'Same words.', changed: false }],
      [{ text: 'Same words.', changed: false }],
    ]);
    expect(markQuoteDifferences(['', 'Something'])).toEqual([[], [{ text: 'Something', changed: true }]]);
  });

  const changedWords = (quotes: string[]) => markQuoteDifferences(quotes).map((segs) => segs.filter((s) => s.changed).map((s) => s.text));

  it('marks only the differing figure in otherwise equal quotes', () => {
    expect(changedWords(['the war that began in 2015', 'the war that began in March 2011'])).toEqual([['2015'], ['March 2011']]);
  });

  it('keeps hyphenated names and words, and numbers with separators, whole', () => {
    expect(changedWords(['Talks with President Jean-Luc al-Rahman ended on Monday.', 'Talks with President Rahman ended on Monday.'])).toEqual([
      ['Jean-Luc al-Rahman'],
      ['Rahman'],
    ]);
    expect(changedWords(['Some 10,000 people fled the eight-year siege.', 'Some 12,500 people fled the ten-year siege.'])).toEqual([
      ['10,000', 'eight-year'],
      ['12,500', 'ten-year'],
    ]);
  });

  it('ignores case and the kind of apostrophe', () => {
    expect(changedWords(['The ministry’s tally rose to 40.', "the Ministry's tally rose to 45."])).toEqual([['40'], ['45']]);
  });

  it('lines the quotes up on their shared words, even when the wording around them differs', () => {
    const [a, b] = markQuoteDifferences([
      'The clashes that began in 2014 have displaced thousands, the agency said.',
      'According to the agency, the clashes began in May 2013 near the river.',
    ]);
    expect(a!.filter((s) => !s.changed).map((s) => s.text)).toContain(' began in ');
    expect(b!.filter((s) => !s.changed).map((s) => s.text)).toContain(' clashes began in ');
    expect(b!.filter((s) => s.changed).map((s) => s.text)).toContain('May 2013 near the river');
  });

  it('does not leave a function word unmarked inside a changed phrase by coincidence', () => {
    const [a, b] = changedWords(['The port was shelled in a raid by the navy in 2012.', 'A drone struck the harbour of the town in June 2019.']);
    expect(a).toEqual(['The port was shelled in a raid by the navy in 2012']);
    expect(b).toEqual(['A drone struck the harbour of the town in June 2019']);
  });

  it('with three quotes, a word counts as shared when any other quote has it', () => {
    const [a, b, c] = markQuoteDifferences(['Ten soldiers died.', 'Ten soldiers died.', 'Thirty soldiers died.']);
    expect(a).toEqual([{ text: 'Ten soldiers died.', changed: false }]);
    expect(b).toEqual([{ text: 'Ten soldiers died.', changed: false }]);
    expect(c).toEqual([
      { text: 'Thirty', changed: true },
      { text: ' soldiers died.', changed: false },
    ]);
  });
});

describe('compareClaims', () => {
  it('gives one column per claim with attribution, hedge, interval and time scope', () => {
    const a = claim({
      id: 1, sourceId: 7, sourcePublisher: 'The Gazette', sourceTitle: 'Envoy in Damascus', sourceUrl: 'https://example.org/a',
      sourcePublishedAt: '2019-03-19', valueText: '2015', figure: { unit: 'date', low: '2015-01-01', high: '2015-12-31' },
      quote: 'The war that began in 2015 goes on.',
    });
    const b = claim({
      id: 2, sourceId: 8, sourcePublisher: 'Radio Dawn', sourcePublishedAt: '2021-09-14', speakerName: 'Recep Tayyip Erdoğan',
      attributionCue: 'said', relay: 'Anadolu', hedge: 'reportedly', valueText: 'March 2011',
      figure: { unit: 'date', low: '2011-03-01', high: '2011-03-31' }, quote: 'The war that began in March 2011 goes on.',
    });
    const { columns } = compareClaims([a, b]);
    expect(columns).toHaveLength(2);
    expect(columns[0]).toMatchObject({
      claimId: 1, sourceId: 7, outlet: 'The Gazette', sourceTitle: 'Envoy in Damascus', sourceUrl: 'https://example.org/a',
      published: '2019-03-19', speaker: null, relay: null, hedge: null, valueText: '2015',
      intervalText: '1 Jan – 31 Dec 2015', scopeKind: 'event', timeScope: 'reported 19 Mar 2019', impliedStart: null,
    });
    expect(columns[1]).toMatchObject({
      outlet: 'Radio Dawn', speaker: 'Recep Tayyip Erdoğan', attributionCue: 'said', relay: 'Anadolu', hedge: 'reportedly',
      intervalText: '1–31 Mar 2011',
    });
    expect(columns[1]!.quote.filter((s) => s.changed).map((s) => s.text)).toEqual(['March 2011']);
  });

  it('shows the start a duration implies', () => {
    const d = claim({ id: 3, kind: 'duration', metric: 'duration', sourcePublishedAt: '2019-03-19', valueText: 'eight-year', figure: { unit: 'year', low: 8, high: 8 } });
    const [col] = compareClaims([d]).columns;
    expect(col!.intervalText).toBe('8 years');
    expect(col!.timeScope).toBe('as of 19 Mar 2019');
    expect(col!.impliedStart).toBe('19 Mar 2010 – 19 Mar 2012');
  });
});

describe('timeScopeWords (short)', () => {
  it('words each kind of scope', () => {
    const base = { metric: 'killed', sourcePublishedAt: '2016-06-19' };
    expect(timeScopeWords(claim({ id: 4, ...base, figure: { unit: 'percent', low: 90, high: 90 } }), 'short')).toBe('as of 19 Jun 2016');
    expect(timeScopeWords(claim({ id: 5, ...base, asOf: '2016-06-16', figure: { unit: 'count', low: 5, high: 5 } }), 'short')).toBe('as of 16 Jun 2016');
    expect(timeScopeWords(claim({ id: 6, ...base, scopeFrom: '2015-09-30', figure: { unit: 'count', low: 10, high: 10 } }), 'short')).toBe(
      'since 30 Sep 2015, as of 19 Jun 2016',
    );
    expect(
      timeScopeWords(claim({ id: 7, ...base, sourcePublishedAt: '2017-11-21', scopeFrom: '2017-01-01', scopeTo: '2017-09-30', figure: { unit: 'count', low: 131, high: 131 } }), 'short'),
    ).toBe('1 Jan – 30 Sep 2017');
  });
});
