import { describe, expect, it } from 'vitest';
import { findClockTimes, findDates, tenseAt } from '../../src/extract/dates.js';

// 2024-05-14 is a Tuesday.
const PUB = '2024-05-14';

function dates(sentence: string, published = PUB): [string, string | number | null, string | number | null][] {
  return findDates(sentence, published).map((d) => [d.text, d.low, d.high]);
}

describe('explicit dates', () => {
  it('reads day, month and year precision', () => {
    expect(dates('The siege ended on 3 March 2022 after weeks of talks.')).toEqual([['3 March 2022', '2022-03-03', '2022-03-03']]);
    expect(dates('Voting closed on October 9, 2023, in most districts.')).toEqual([['October 9, 2023', '2023-10-09', '2023-10-09']]);
    expect(dates('The bridge reopened in August 2021 to light traffic.')).toEqual([['August 2021', '2021-08-01', '2021-08-31']]);
    expect(dates('The border was sealed in 2012 by decree.')).toEqual([['in 2012', '2012-01-01', '2012-12-31']]);
    expect(dates('A report dated 2023-11-05 lists the damage.')).toEqual([['2023-11-05', '2023-11-05', '2023-11-05']]);
  });

  it('folds a weekday into the date it names', () => {
    expect(dates('Crowds gathered on Friday, June 7, 2024, near the port.')).toEqual([['Friday, June 7, 2024', '2024-06-07', '2024-06-07']]);
  });

  it('reads day-first numeric dates', () => {
    expect(dates('Posted 21/03/2020 by the desk.')).toEqual([['21/03/2020', '2020-03-21', '2020-03-21']]);
  });

  it('reads ranges of months and years', () => {
    expect(dates('Aid convoys ran between February and May, officials said.')).toEqual([
      ['between February and May', '2024-02-01', '2024-05-31'],
    ]);
    expect(dates('The drought lasted from 2006 to 2010 in the east.')).toEqual([['from 2006 to 2010', '2006-01-01', '2010-12-31']]);
  });

  it('reads a year that names an event', () => {
    expect(dates("Since the 2014 uprising and Russia's 2015 intervention, little has changed.")).toEqual([
      ['2014', '2014-01-01', '2014-12-31'],
      ['2015', '2015-01-01', '2015-12-31'],
    ]);
  });

  it('reads early, mid and late parts of a month', () => {
    expect(dates('The vote was held in early February.')).toEqual([['early February', '2024-02-01', '2024-02-10']]);
  });
});

describe('relative dates resolved against publication and tense', () => {
  it('puts a past weekday on or before publication', () => {
    expect(dates('The convoy left on Tuesday with medical supplies.')).toEqual([['on Tuesday', '2024-05-14', '2024-05-14']]);
    expect(dates('Officials confirmed the deal Saturday.')).toEqual([['Saturday', '2024-05-11', '2024-05-11']]);
  });

  it('reads a capitalised preposition at the start of a sentence', () => {
    expect(dates('In March, the dam failed.')).toEqual([['In March', '2024-03-01', '2024-03-31']]);
    expect(dates('On Monday the port closed.')).toEqual([['On Monday', '2024-05-13', '2024-05-13']]);
    expect(dates('Last November the port closed.')).toEqual([['Last November', '2023-11-01', '2023-11-30']]);
  });

  it('puts a future weekday after publication', () => {
    expect(dates('The envoys will meet again on Thursday in Vienna.')).toEqual([['on Thursday', '2024-05-16', '2024-05-16']]);
    expect(dates('A second round has been arranged for Tuesday.')).toEqual([['Tuesday', '2024-05-21', '2024-05-21']]);
  });

  it('resolves months without a year', () => {
    expect(dates('The air campaign has continued since last September.')).toEqual([['since last September', '2023-09-01', '2023-09-30']]);
    expect(dates('A plane was shot down last November near the border.')).toEqual([['last November', '2023-11-01', '2023-11-30']]);
    expect(dates('The units pulled back in March to regroup.')).toEqual([['in March', '2024-03-01', '2024-03-31']]);
    expect(dates('The hearing has been postponed until early June.')).toEqual([['early June', '2024-06-01', '2024-06-10']]);
  });

  it('resolves a month and day by tense, including a deadline', () => {
    expect(dates('The two sides met on April 30 in the capital.')).toEqual([['April 30', '2024-04-30', '2024-04-30']]);
    expect(dates('Troops must leave the zone by October 10, the council will say.')).toEqual([['October 10', '2024-10-10', '2024-10-10']]);
    expect(dates('The summit, which will draw twenty states, was due to open on 12 May.')).toEqual([['12 May', '2024-05-12', '2024-05-12']]);
  });

  it('resolves weeks, months, years and seasons around publication', () => {
    expect(dates('Last week, engineers restored power to the district.')).toEqual([['Last week', '2024-05-06', '2024-05-12']]);
    expect(dates('Earlier this month, the mayor resigned.')).toEqual([['Earlier this month', '2024-05-01', '2024-05-14']]);
    expect(dates('Prices soared last year across the region.')).toEqual([['last year', '2023-01-01', '2023-12-31']]);
    expect(dates('The offensive that began last autumn has stalled.')).toEqual([['last autumn', '2023-09-01', '2023-11-30']]);
  });

  it('reads the tense of the clause before a date', () => {
    const s = 'The board, which will reconvene soon, was scheduled to vote on Monday';
    expect(tenseAt(s, s.indexOf('Monday'))).toBe('past');
    const f = 'The board is scheduled to vote on Monday';
    expect(tenseAt(f, f.indexOf('Monday'))).toBe('future');
  });
});

describe('what is not a date', () => {
  it('leaves "may" the verb and bare numbers alone', () => {
    expect(dates('Talks may resume once 2015 members agree.')).toEqual([]);
  });

  it('finds clock times so they are never read as figures', () => {
    const s = 'Sirens sounded at 14:30 and again at 6 a.m. near the depot.';
    expect(findClockTimes(s).map((t) => s.slice(t.start, t.end))).toEqual(['14:30', '6 a.m.']);
  });
});
