import { describe, expect, it } from 'vitest';
import { findNumericFigures } from '../../src/extract/numbers.js';
import { findClockTimes } from '../../src/extract/dates.js';

type Row = [string, number | string | null, number | string | null, string, string];

function figures(sentence: string): Row[] {
  return findNumericFigures(sentence, findClockTimes(sentence)).map((m) => [m.text, m.low, m.high, m.unit, m.qualifier]);
}

describe('counts in digits and words', () => {
  it('reads digits with separators, decimals and scale words', () => {
    expect(figures('Officials counted 12,480 returnees and 1.5 million visitors.')).toEqual([
      ['12,480', 12480, 12480, 'count', 'exact'],
      ['1.5 million', 1_500_000, 1_500_000, 'count', 'exact'],
    ]);
  });

  it('reads numbers written in words', () => {
    expect(figures('Seven medics and ten drivers were detained.')).toEqual([
      ['Seven', 7, 7, 'count', 'exact'],
      ['ten', 10, 10, 'count', 'exact'],
    ]);
  });
});

describe('qualifiers map to the documented intervals', () => {
  it.each([
    ['More than 2,000 families fled.', ['More than 2,000', 2000, null, 'count', 'at-least']],
    ['At least 45 fighters surrendered.', ['At least 45', 45, null, 'count', 'at-least']],
    ['About 300 shells landed.', ['About 300', 270, 330, 'count', 'about']],
    ['Some 80 trucks crossed.', ['Some 80', 72, 88, 'count', 'about']],
    ['Nearly 500 homes burned.', ['Nearly 500', 450, 500, 'count', 'nearly']],
    ['Up to 90 rockets were fired.', ['Up to 90', 0, 90, 'count', 'at-most']],
    ['As many as 40 boats sank.', ['As many as 40', 0, 40, 'count', 'at-most']],
  ] as [string, Row][])('%s', (sentence, row) => {
    expect(figures(sentence)).toEqual([row]);
  });
});

describe('percentages and fractions', () => {
  it('reads the ways a percentage is written', () => {
    expect(figures('Turnout hit 90 percent in the city, 32 per cent in the hills, 98% abroad and 41pc online.').map((r) => [r[0], r[1], r[3]])).toEqual([
      ['90 percent', 90, 'percent'],
      ['32 per cent', 32, 'percent'],
      ['98%', 98, 'percent'],
      ['41pc', 41, 'percent'],
    ]);
  });

  it('reads fractions of a whole as percentages', () => {
    expect(figures('Rebels hold half of the valley and a third of the coast.')).toEqual([
      ['half', 50, 50, 'percent', 'exact'],
      ['a third', 33.3, 33.3, 'percent', 'exact'],
    ]);
    expect(figures('Two-thirds of voters stayed home.')).toEqual([['Two-thirds', 66.7, 66.7, 'percent', 'exact']]);
    expect(figures('The army retook over half the province.')).toEqual([['over half', 50, 100, 'percent', 'at-least']]);
  });

  it('does not read "half" in a period or a time as a share', () => {
    expect(figures('In the first half of the season, the team waited half an hour.')).toEqual([]);
  });
});

describe('ranges and vague quantities', () => {
  it('reads ranges', () => {
    expect(figures('Between 25,000 and 30,000 people marched.')).toEqual([['Between 25,000 and 30,000', 25000, 30000, 'count', 'range']]);
    expect(figures('The front moved 15-20 kilometers east.')).toEqual([['15-20 kilometers', 15, 20, 'km', 'range']]);
    expect(figures('One or two shells hit the school.')).toEqual([['One or two', 1, 2, 'count', 'range']]);
  });

  it('reads vague quantities with their table intervals', () => {
    expect(figures('Hundreds of soldiers and thousands of volunteers joined.')).toEqual([
      ['Hundreds', 200, 999, 'count', 'vague'],
      ['thousands', 2000, 9999, 'count', 'vague'],
    ]);
    expect(figures('A few dozen reporters and millions of viewers watched.')).toEqual([
      ['A few dozen', 24, 60, 'count', 'vague'],
      ['millions', 2e6, 9.99e6, 'count', 'vague'],
    ]);
  });
});

describe('durations', () => {
  it('reads adjectival and plain durations', () => {
    expect(figures('The six-year war and four days of talks.')).toEqual([
      ['six-year', 6, 6, 'year', 'exact'],
      ['four days', 4, 4, 'day', 'exact'],
    ]);
    expect(figures('The blockade lasted 50 months.')).toEqual([['50 months', 50, 50, 'month', 'exact']]);
  });

  it('adds up an hour and minutes', () => {
    expect(figures('The crossing took an hour and 50 minutes.')).toEqual([['an hour and 50 minutes', 110, 110, 'minute', 'exact']]);
  });

  it('does not read ages or "years ago" as durations', () => {
    expect(figures('A 45-year-old driver left three years ago.')).toEqual([]);
  });
});

describe('things that look like figures but are not claims', () => {
  it('skips model and unit names', () => {
    expect(figures('An S-400 battery, an Il-20 plane, an An-26 and two Su-24M jets.')).toEqual([['two', 2, 2, 'count', 'exact']]);
  });

  it('skips photo ids, clock times and identifiers', () => {
    expect(figures('Image xyz0012345 taken at 17:34 shows Route 5 near Gate 3.')).toEqual([]);
  });

  it('skips definite references and the pronoun "one"', () => {
    expect(figures('The two leaders spoke; one of the aides said no one knew.')).toEqual([]);
  });

  it('keeps "one" when it counts something named', () => {
    expect(figures('Three were wounded and one died later.').map((r) => r[0])).toEqual(['Three', 'one']);
  });

  it('skips bare years unless a counted noun follows', () => {
    expect(figures('The 2016 accord held until 2019.')).toEqual([]);
    expect(figures('The ministry sent 2000 troops.')).toEqual([['2000', 2000, 2000, 'count', 'exact']]);
  });
});

describe('decades and "N in M" shares', () => {
  it('reads decades as years', () => {
    expect(figures('A decade-long feud ended after nearly two decades of talks.')).toEqual([
      ['A decade-long', 10, 10, 'year', 'exact'],
      ['nearly two decades', 18, 20, 'year', 'nearly'],
    ]);
  });

  it('reads "two in three" and hyphenated fractions as shares, not "two in 2015"', () => {
    expect(figures('Two in three voters backed one-third of the seats.').map((r) => [r[0], r[1]])).toEqual([
      ['Two in three', 66.7],
      ['one-third', 33.3],
    ]);
    expect(figures('She won two in 2015.').map((r) => r[0])).toEqual(['two']);
  });
});

