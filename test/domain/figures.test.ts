import { describe, expect, it } from 'vitest';
import { addDays, dateInterval, datePrecision, isIsoDate, partInterval, weekday } from '../../src/domain/calendar.js';
import { formatFigure, formatInterval, fractionPercent, intervalFor, parseNumber, qualifierFor, rangeInterval, splitQualifier, vagueInterval, wordsToNumber } from '../../src/domain/figures.js';
import { parseFigure } from '../../src/domain/figure-input.js';
import type { ClaimKind, Figure, Qualifier } from '../../src/domain/types.js';

function parsed(input: string, kind?: ClaimKind): { figure: Figure; qualifier: Qualifier } {
  const r = parseFigure(input, kind);
  if (!r.ok) throw new Error(`expected "${input}" to parse, got: ${r.error}`);
  return { figure: r.figure, qualifier: r.qualifier };
}

function failure(input: string, kind?: ClaimKind): string {
  const r = parseFigure(input, kind);
  if (r.ok) throw new Error(`expected "${input}" to fail, got ${JSON.stringify(r.figure)}`);
  return r.error;
}

describe('the qualifier table', () => {
  it('maps each qualifier of a single figure to its interval', () => {
    expect(intervalFor('exact', 400)).toEqual({ low: 400, high: 400 });
    expect(intervalFor('about', 400)).toEqual({ low: 360, high: 440 });
    expect(intervalFor('nearly', 400)).toEqual({ low: 360, high: 400 });
    expect(intervalFor('at-least', 400)).toEqual({ low: 400, high: null });
    expect(intervalFor('at-most', 400)).toEqual({ low: 0, high: 400 });
  });

  it('keeps percentages within 0–100 when the interval is open or widened', () => {
    expect(intervalFor('at-least', 50, 'percent')).toEqual({ low: 50, high: 100 });
    expect(intervalFor('about', 95, 'percent')).toEqual({ low: 85.5, high: 100 });
  });

  it('has no float noise in widened bounds', () => {
    expect(intervalFor('about', 85, 'percent')).toEqual({ low: 76.5, high: 93.5 });
  });

  it('orders range ends whichever way they were written', () => {
    expect(rangeInterval(30_000, 25_000)).toEqual({ low: 25_000, high: 30_000 });
  });

  it('folds qualifier wording to one qualifier', () => {
    expect(qualifierFor('More than')).toBe('at-least');
    expect(qualifierFor('as many as')).toBe('at-most');
    expect(qualifierFor('some')).toBe('about');
    expect(qualifierFor('almost')).toBe('nearly');
    expect(qualifierFor('fewer than')).toBe('at-most');
    expect(qualifierFor('purple')).toBeNull();
    expect(splitQualifier('at least 12 villages')).toEqual({ qualifier: 'at-least', phrase: 'at least', rest: '12 villages' });
    expect(splitQualifier('overall 12')).toEqual({ qualifier: null, phrase: null, rest: 'overall 12' });
  });

  it('gives vague quantities their documented intervals', () => {
    expect(vagueInterval('hundreds')).toEqual({ low: 200, high: 999 });
    expect(vagueInterval('Thousands')).toEqual({ low: 2000, high: 9999 });
    expect(vagueInterval('millions')).toEqual({ low: 2e6, high: 9.99e6 });
    expect(vagueInterval('a few dozen')).toEqual({ low: 24, high: 60 });
    expect(vagueInterval('tens of thousands')).toEqual({ low: 20_000, high: 99_999 });
    expect(vagueInterval('many')).toBeNull();
  });

  it('reads fraction words as percentages', () => {
    expect(fractionPercent('half')).toBe(50);
    expect(fractionPercent('a third')).toBe(33.3);
    expect(fractionPercent('two-thirds')).toBe(66.7);
    expect(fractionPercent('three quarters')).toBe(75);
    expect(fractionPercent('a dozen')).toBeNull();
  });
});

describe('numbers', () => {
  it('reads digits with separators, decimals and scale words', () => {
    expect(parseNumber('400,000')).toBe(400_000);
    expect(parseNumber('12.5')).toBe(12.5);
    expect(parseNumber('1.5 million')).toBe(1_500_000);
    expect(parseNumber('3bn')).toBe(3e9);
    expect(parseNumber('12,34')).toBeNull();
    expect(parseNumber('400 000')).toBe(400_000);
    expect(parseNumber("1'250'000")).toBe(1_250_000);
  });

  it('reads cardinals in words', () => {
    expect(wordsToNumber('seven')).toBe(7);
    expect(wordsToNumber('twenty-five')).toBe(25);
    expect(wordsToNumber('two hundred and forty')).toBe(240);
    expect(wordsToNumber('three hundred thousand')).toBe(300_000);
    expect(wordsToNumber('a dozen')).toBe(12);
    expect(wordsToNumber('a thousand')).toBe(1000);
    expect(wordsToNumber('a')).toBeNull();
    expect(wordsToNumber('seven dwarfs')).toBeNull();
  });
});

describe('calendar helpers', () => {
  it('turns a date of each precision into the interval it covers', () => {
    expect(dateInterval(2015)).toEqual({ low: '2015-01-01', high: '2015-12-31' });
    expect(dateInterval(2016, 2)).toEqual({ low: '2016-02-01', high: '2016-02-29' });
    expect(dateInterval(2015, 2)).toEqual({ low: '2015-02-01', high: '2015-02-28' });
    expect(dateInterval(2015, 9, 30)).toEqual({ low: '2015-09-30', high: '2015-09-30' });
  });

  it('recognises the precision of an interval', () => {
    expect(datePrecision('2015-01-01', '2015-12-31')).toBe('year');
    expect(datePrecision('2015-09-01', '2015-09-30')).toBe('month');
    expect(datePrecision('2015-09-30', '2015-09-30')).toBe('day');
    expect(datePrecision('2015-09-01', '2015-10-15')).toBeNull();
  });

  it('adds days across month and year ends and knows weekdays', () => {
    expect(addDays('2015-12-31', 1)).toBe('2016-01-01');
    expect(addDays('2016-03-01', -1)).toBe('2016-02-29');
    expect(weekday('2024-05-14')).toBe(2); // a Tuesday
  });

  it('splits months and years into early, mid and late thirds', () => {
    expect(partInterval('early', 2020, 12)).toEqual({ low: '2020-12-01', high: '2020-12-10' });
    expect(partInterval('late', 2021, 2)).toEqual({ low: '2021-02-21', high: '2021-02-28' });
    expect(partInterval('mid', 2020)).toEqual({ low: '2020-05-01', high: '2020-08-31' });
  });
});

describe('parseFigure: what a reviewer types', () => {
  it('reads counts with their qualifier', () => {
    expect(parsed('more than 400,000')).toEqual({ figure: { unit: 'count', low: 400_000, high: null }, qualifier: 'at-least' });
    expect(parsed('about 2,000')).toEqual({ figure: { unit: 'count', low: 1800, high: 2200 }, qualifier: 'about' });
    expect(parsed('nearly 90')).toEqual({ figure: { unit: 'count', low: 81, high: 90 }, qualifier: 'nearly' });
    expect(parsed('up to 300')).toEqual({ figure: { unit: 'count', low: 0, high: 300 }, qualifier: 'at-most' });
    expect(parsed('seven')).toEqual({ figure: { unit: 'count', low: 7, high: 7 }, qualifier: 'exact' });
    expect(parsed('1,250 people')).toEqual({ figure: { unit: 'count', low: 1250, high: 1250 }, qualifier: 'exact' });
  });

  it('reads percentages written in several ways', () => {
    expect(parsed('about 85 %')).toEqual({ figure: { unit: 'percent', low: 76.5, high: 93.5 }, qualifier: 'about' });
    expect(parsed('62%').figure).toEqual({ unit: 'percent', low: 62, high: 62 });
    expect(parsed('18 per cent').figure).toEqual({ unit: 'percent', low: 18, high: 18 });
    expect(parsed('40 percent').figure).toEqual({ unit: 'percent', low: 40, high: 40 });
  });

  it('treats a bare number as a share for percentage and territory claims', () => {
    expect(parsed('70', 'territory').figure).toEqual({ unit: 'percent', low: 70, high: 70 });
    expect(parsed('70', 'count').figure).toEqual({ unit: 'count', low: 70, high: 70 });
  });

  it('reads fractions as shares', () => {
    expect(parsed('half')).toEqual({ figure: { unit: 'percent', low: 50, high: 50 }, qualifier: 'exact' });
    expect(parsed('over half')).toEqual({ figure: { unit: 'percent', low: 50, high: 100 }, qualifier: 'at-least' });
    expect(parsed('roughly a third').figure).toEqual({ unit: 'percent', low: 29.97, high: 36.63 });
    expect(parsed('two-thirds').figure).toEqual({ unit: 'percent', low: 66.7, high: 66.7 });
  });

  it('reads ranges with and without units', () => {
    expect(parsed('15–20 km')).toEqual({ figure: { unit: 'km', low: 15, high: 20 }, qualifier: 'range' });
    expect(parsed('between 25,000 and 30,000')).toEqual({ figure: { unit: 'count', low: 25_000, high: 30_000 }, qualifier: 'range' });
    expect(parsed('one or two').figure).toEqual({ unit: 'count', low: 1, high: 2 });
    expect(parsed('3 to 5 days').figure).toEqual({ unit: 'day', low: 3, high: 5 });
    expect(parsed('twenty-five').figure).toEqual({ unit: 'count', low: 25, high: 25 });
  });

  it('reads vague quantities', () => {
    expect(parsed('hundreds')).toEqual({ figure: { unit: 'count', low: 200, high: 999 }, qualifier: 'vague' });
    expect(parsed('a few dozen').figure).toEqual({ unit: 'count', low: 24, high: 60 });
  });

  it('reads durations, including two units at once', () => {
    expect(parsed('8 years')).toEqual({ figure: { unit: 'year', low: 8, high: 8 }, qualifier: 'exact' });
    expect(parsed('50 months').figure).toEqual({ unit: 'month', low: 50, high: 50 });
    expect(parsed('an hour and 50 minutes').figure).toEqual({ unit: 'minute', low: 110, high: 110 });
  });

  it('reads dates at year, month and day precision', () => {
    expect(parsed('September 2015')).toEqual({ figure: { unit: 'date', low: '2015-09-01', high: '2015-09-30' }, qualifier: 'exact' });
    expect(parsed('2011-03').figure).toEqual({ unit: 'date', low: '2011-03-01', high: '2011-03-31' });
    expect(parsed('2015', 'date').figure).toEqual({ unit: 'date', low: '2015-01-01', high: '2015-12-31' });
    expect(parsed('30 September 2015').figure).toEqual({ unit: 'date', low: '2015-09-30', high: '2015-09-30' });
    expect(parsed('Sept. 30, 2015').figure).toEqual({ unit: 'date', low: '2015-09-30', high: '2015-09-30' });
    expect(parsed('2016-02-29').figure).toEqual({ unit: 'date', low: '2016-02-29', high: '2016-02-29' });
  });

  it('reads date ranges and open dates', () => {
    expect(parsed('between January and April 2016')).toEqual({
      figure: { unit: 'date', low: '2016-01-01', high: '2016-04-30' },
      qualifier: 'range',
    });
    expect(parsed('2014–2016', 'date').figure).toEqual({ unit: 'date', low: '2014-01-01', high: '2016-12-31' });
    expect(parsed('since September 2015').figure).toEqual({ unit: 'date', low: '2015-09-01', high: null });
    expect(parsed('before 2012', 'date').figure).toEqual({ unit: 'date', low: null, high: '2011-12-31' });
    expect(parsed('early December 2017').figure).toEqual({ unit: 'date', low: '2017-12-01', high: '2017-12-10' });
  });

  it('counts a bare four-digit number unless the claim is a date', () => {
    expect(parsed('2015').figure).toEqual({ unit: 'count', low: 2015, high: 2015 });
  });

  it('explains what is wrong with junk and impossible dates', () => {
    expect(failure('')).toMatch(/Type a figure/);
    expect(failure('lots and lots')).toMatch(/Could not read/);
    expect(failure('2015-02-30')).toMatch(/not a real date.*28 days/);
    expect(failure('2015-13')).toMatch(/no month 13/);
    expect(failure('yesterday', 'date')).toMatch(/not a date/);
    expect(failure('140 %')).toMatch(/between 0 and 100/);
    expect(failure('12', 'duration')).toMatch(/needs its unit/);
    expect(failure('about 10-20')).toMatch(/goes with one number/);
    expect(failure('half', 'casualties')).toMatch(/share/);
    expect(failure('April – January 2016')).toMatch(/comes after/);
  });
});

describe('formatFigure', () => {
  it('writes numeric intervals for people', () => {
    expect(formatFigure({ unit: 'count', low: 400_000, high: null })).toBe('400,000 or more');
    expect(formatFigure({ unit: 'count', low: 7, high: 7 })).toBe('7');
    expect(formatFigure({ unit: 'percent', low: 76.5, high: 93.5 })).toBe('76.5–93.5 %');
    expect(formatFigure({ unit: 'percent', low: 50, high: 100 })).toBe('50 % or more');
    expect(formatFigure({ unit: 'percent', low: 0, high: 32 })).toBe('up to 32 %');
    expect(formatFigure({ unit: 'km', low: 15, high: 20 })).toBe('15–20 km');
    expect(formatFigure({ unit: 'year', low: 8, high: 8 })).toBe('8 years');
    expect(formatFigure({ unit: 'hour', low: 1, high: 1 })).toBe('1 hour');
    expect(formatInterval(null, null, 'count')).toBe('unknown');
  });

  it('writes date intervals at their precision', () => {
    expect(formatFigure({ unit: 'date', low: '2015-09-01', high: '2015-09-30' })).toBe('1–30 Sep 2015');
    expect(formatFigure({ unit: 'date', low: '2019-03-19', high: '2019-03-19' })).toBe('19 Mar 2019');
    expect(formatFigure({ unit: 'date', low: '2016-01-01', high: '2016-04-30' })).toBe('1 Jan – 30 Apr 2016');
    expect(formatFigure({ unit: 'date', low: '2015-09-01', high: '2016-06-19' })).toBe('1 Sep 2015 – 19 Jun 2016');
    expect(formatFigure({ unit: 'date', low: '2015-09-01', high: null })).toBe('from 1 Sep 2015');
  });

  it('round-trips what parseFigure reads', () => {
    for (const input of ['more than 400,000', 'about 85 %', '15–20 km', 'September 2015', 'hundreds', '8 years']) {
      const { figure } = parsed(input);
      expect(parsed(formatFigure(figure).replace(' or more', '').replace(/^up to /, ''), figure.unit === 'date' ? 'date' : undefined).figure.low)
        .toEqual(figure.low);
    }
  });
});

describe('isIsoDate', () => {
  it('accepts only strict, real calendar days', () => {
    expect(isIsoDate('2016-02-29')).toBe(true);
    expect(isIsoDate('2015-02-29')).toBe(false);
    expect(isIsoDate('2015-9-1')).toBe(false);
    expect(isIsoDate('yesterday')).toBe(false);
  });
});
