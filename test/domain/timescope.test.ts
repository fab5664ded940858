import { describe, expect, it } from 'vitest';
import {
  WEEKDAYS,
  firstMonthsOfYear,
  periodToDate,
  relativePeriod,
  resolveMonth,
  resolveMonthDay,
  resolveSeason,
  resolveWeekday,
  sincePeriod,
} from '../../src/domain/timescope.js';

// 2024-05-14 is a Tuesday; 2023-01-04 a Wednesday.
const TUESDAY = '2024-05-14';

describe('weekdays', () => {
  it('resolves a past weekday to the latest one on or before publication', () => {
    expect(resolveWeekday(TUESDAY, WEEKDAYS.tuesday ?? -1, 'past')).toBe('2024-05-14');
    expect(resolveWeekday(TUESDAY, WEEKDAYS.monday ?? -1, 'past')).toBe('2024-05-13');
    expect(resolveWeekday(TUESDAY, WEEKDAYS.wednesday ?? -1, 'past')).toBe('2024-05-08');
    expect(resolveWeekday(TUESDAY, WEEKDAYS.sunday ?? -1, 'past')).toBe('2024-05-12');
  });

  it('resolves a future weekday to the next one after publication', () => {
    expect(resolveWeekday(TUESDAY, WEEKDAYS.wednesday ?? -1, 'future')).toBe('2024-05-15');
    expect(resolveWeekday(TUESDAY, WEEKDAYS.tuesday ?? -1, 'future')).toBe('2024-05-21');
    expect(resolveWeekday('2023-12-29', WEEKDAYS.monday ?? -1, 'future')).toBe('2024-01-01');
  });
});

describe('months and days without a year', () => {
  it('puts "last <month>" strictly before the publication month', () => {
    expect(resolveMonth('2016-06-19', 9, 'past', 'last')).toEqual({ low: '2015-09-01', high: '2015-09-30' });
    expect(resolveMonth('2016-06-19', 6, 'past', 'last')).toEqual({ low: '2015-06-01', high: '2015-06-30' });
    expect(resolveMonth('2016-06-19', 3, 'past', 'last')).toEqual({ low: '2016-03-01', high: '2016-03-31' });
  });

  it('puts "in <month>" in the past or the future by tense', () => {
    expect(resolveMonth('2016-06-19', 3, 'past')).toEqual({ low: '2016-03-01', high: '2016-03-31' });
    expect(resolveMonth('2016-06-19', 8, 'past')).toEqual({ low: '2015-08-01', high: '2015-08-31' });
    expect(resolveMonth('2016-06-19', 8, 'future')).toEqual({ low: '2016-08-01', high: '2016-08-31' });
    expect(resolveMonth('2016-06-19', 2, 'future')).toEqual({ low: '2017-02-01', high: '2017-02-28' });
    expect(resolveMonth('2016-06-19', 6, 'future', 'next')).toEqual({ low: '2017-06-01', high: '2017-06-30' });
  });

  it('resolves a month and day by tense, including deadlines', () => {
    expect(resolveMonthDay('2021-09-14', 9, 13, 'past')).toBe('2021-09-13');
    expect(resolveMonthDay('2021-09-14', 10, 10, 'past')).toBe('2020-10-10');
    expect(resolveMonthDay('2021-09-14', 10, 10, 'future')).toBe('2021-10-10');
    expect(resolveMonthDay('2021-09-14', 3, 1, 'future')).toBe('2022-03-01');
    expect(resolveMonthDay('2021-09-14', 2, 30, 'past')).toBeNull();
  });
});

describe('relative periods', () => {
  it('takes weeks as Monday to Sunday', () => {
    expect(relativePeriod(TUESDAY, 'last week')).toEqual({ low: '2024-05-06', high: '2024-05-12' });
    expect(relativePeriod(TUESDAY, 'this week')).toEqual({ low: '2024-05-13', high: '2024-05-19' });
    expect(relativePeriod(TUESDAY, 'next week')).toEqual({ low: '2024-05-20', high: '2024-05-26' });
  });

  it('covers months and years around publication', () => {
    expect(relativePeriod(TUESDAY, 'earlier this month')).toEqual({ low: '2024-05-01', high: TUESDAY });
    expect(relativePeriod('2023-01-04', 'last month')).toEqual({ low: '2022-12-01', high: '2022-12-31' });
    expect(relativePeriod('2023-12-04', 'next month')).toEqual({ low: '2024-01-01', high: '2024-01-31' });
    expect(relativePeriod(TUESDAY, 'this year')).toEqual({ low: '2024-01-01', high: '2024-12-31' });
    expect(relativePeriod('2023-01-04', 'yesterday')).toEqual({ low: '2023-01-03', high: '2023-01-03' });
  });

  it('finds seasons', () => {
    expect(resolveSeason('2016-06-19', 'autumn', 'last')).toEqual({ low: '2015-09-01', high: '2015-11-30' });
    expect(resolveSeason('2016-10-02', 'autumn', 'last')).toEqual({ low: '2015-09-01', high: '2015-11-30' });
    expect(resolveSeason('2016-10-02', 'autumn', 'this')).toEqual({ low: '2016-09-01', high: '2016-11-30' });
    expect(resolveSeason('2016-06-19', 'winter', 'last')).toEqual({ low: '2015-12-01', high: '2016-02-29' });
    expect(resolveSeason('2016-06-19', 'monsoon', 'last')).toBeNull();
  });
});

describe('periods a count covers', () => {
  it('runs "since" a date to publication', () => {
    expect(sincePeriod({ low: '2015-09-01', high: '2015-09-30' }, '2016-06-19')).toEqual({ from: '2015-09-01', to: '2016-06-19' });
  });

  it('covers the first months of the year', () => {
    expect(firstMonthsOfYear('2017-11-21', 9)).toEqual({ low: '2017-01-01', high: '2017-09-30' });
    expect(firstMonthsOfYear('2017-11-21', 6, 2016)).toEqual({ low: '2016-01-01', high: '2016-06-30' });
  });

  it('runs year-to-date periods up to publication', () => {
    expect(periodToDate(TUESDAY, 'this year')).toEqual({ from: '2024-01-01', to: TUESDAY });
  });
});
