import { describe, expect, it } from 'vitest';
import {
  contains,
  dayNumber,
  daysGapSeverity,
  figuresOverlap,
  gap,
  isoFromDayNumber,
  overlaps,
  periodDays,
  periodOverlapFraction,
  relativeGap,
  sameDimension,
  shiftDate,
  toInterval,
  widen,
} from '../../src/domain/intervals.js';

describe('day numbers', () => {
  it('counts days from 1970-01-01 and round-trips', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2016-03-01') - dayNumber('2016-02-28')).toBe(2); // leap year
    expect(isoFromDayNumber(dayNumber('2011-03-15'))).toBe('2011-03-15');
  });

  it('refuses dates that are malformed or do not exist', () => {
    expect(() => dayNumber('2015-02-30')).toThrow(RangeError);
    expect(() => dayNumber('2015-9-1')).toThrow(RangeError);
    expect(() => dayNumber('March 2011')).toThrow(RangeError);
  });
});

describe('toInterval and sameDimension', () => {
  it('turns date figures into day numbers and keeps open bounds open', () => {
    expect(toInterval({ unit: 'date', low: '1970-01-01', high: '1970-01-31' })).toEqual({ low: 0, high: 30 });
    expect(toInterval({ unit: 'date', low: '1970-01-10', high: null })).toEqual({ low: 9, high: null });
    expect(toInterval({ unit: 'count', low: 400_000, high: null })).toEqual({ low: 400_000, high: null });
  });

  it('only matches figures of the same unit', () => {
    expect(sameDimension({ unit: 'percent', low: 50, high: 100 }, { unit: 'percent', low: 90, high: 90 })).toBe(true);
    expect(sameDimension({ unit: 'percent', low: 50, high: 100 }, { unit: 'count', low: 90, high: 90 })).toBe(false);
    expect(sameDimension({ unit: 'date', low: null, high: null }, { unit: 'year', low: 8, high: 8 })).toBe(false);
  });
});

describe('overlap with tolerance', () => {
  it('widens each bound by its own magnitude', () => {
    expect(widen({ low: 400, high: 500 }, 0.05)).toEqual({ low: 380, high: 525 });
    expect(widen({ low: null, high: 10 }, 0.1)).toEqual({ low: null, high: 11 });
    expect(widen({ low: 3, high: 4 }, 0)).toEqual({ low: 3, high: 4 });
  });

  it('touching intervals overlap; separate ones do not', () => {
    expect(overlaps({ low: 1, high: 5 }, { low: 5, high: 9 })).toBe(true);
    expect(overlaps({ low: 1, high: 5 }, { low: 6, high: 9 })).toBe(false);
    expect(overlaps({ low: 6, high: 9 }, { low: 1, high: 5 })).toBe(false);
  });

  it('the tolerance bridges small relative gaps only', () => {
    // 90 % against 95 %: the 5 % tolerance widens 90 to 94.5 and 95 down to 90.25.
    expect(overlaps({ low: 90, high: 90 }, { low: 95, high: 95 }, 0.05)).toBe(true);
    expect(overlaps({ low: 90, high: 90 }, { low: 95, high: 95 }, 0)).toBe(false);
    expect(overlaps({ low: 10, high: 10 }, { low: 131, high: 131 }, 0.05)).toBe(false);
  });

  it('open bounds reach to infinity on their side', () => {
    expect(overlaps({ low: 400_000, high: null }, { low: 10_000_000, high: 10_000_000 })).toBe(true);
    expect(overlaps({ low: 400_000, high: null }, { low: 350_000, high: 350_000 })).toBe(false);
    expect(overlaps({ low: null, high: null }, { low: 3, high: 3 })).toBe(true);
    expect(overlaps({ low: null, high: 32 }, { low: 50, high: 100 })).toBe(false);
  });

  it('compares date figures by day and ignores the tolerance for them', () => {
    const march2011 = { unit: 'date' as const, low: '2011-03-01', high: '2011-03-31' };
    const y2015 = { unit: 'date' as const, low: '2015-01-01', high: '2015-12-31' };
    const y2011 = { unit: 'date' as const, low: '2011-01-01', high: '2011-12-31' };
    expect(figuresOverlap(march2011, y2015, 0.5)).toBe(false);
    expect(figuresOverlap(march2011, y2011)).toBe(true);
    const sat = { unit: 'date' as const, low: '2016-06-18', high: '2016-06-18' };
    const fri = { unit: 'date' as const, low: '2016-06-17', high: '2016-06-17' };
    expect(figuresOverlap(sat, { ...sat })).toBe(true);
    expect(figuresOverlap(sat, fri, 0.05)).toBe(false);
  });
});

describe('gap and severity', () => {
  it('measures the distance between the nearest bounds, zero when overlapping', () => {
    expect(gap({ low: 10, high: 10 }, { low: 131, high: 131 })).toBe(121);
    expect(gap({ low: 131, high: 131 }, { low: 10, high: 10 })).toBe(121);
    expect(gap({ low: 1, high: 10 }, { low: 5, high: null })).toBe(0);
    expect(gap({ low: null, high: 32 }, { low: 50, high: 100 })).toBe(18);
  });

  it('relative gap is bounded by 1 and larger for the same gap between smaller figures', () => {
    expect(relativeGap({ low: 10, high: 10 }, { low: 131, high: 131 })).toBeCloseTo(121 / 131, 10);
    expect(relativeGap({ low: 131, high: 131 }, { low: 10, high: 10 })).toBeCloseTo(121 / 131, 10);
    expect(relativeGap({ low: 10, high: 10 }, { low: 20, high: 20 })).toBeGreaterThan(
      relativeGap({ low: 10_000, high: 10_000 }, { low: 10_010, high: 10_010 }),
    );
    expect(relativeGap({ low: 0, high: 0 }, { low: 5, high: 5 })).toBe(1);
    expect(relativeGap({ low: 1, high: 9 }, { low: 5, high: 6 })).toBe(0);
  });

  it('day gaps saturate below 1: a month is 0.5', () => {
    expect(daysGapSeverity(0)).toBe(0);
    expect(daysGapSeverity(30)).toBe(0.5);
    expect(daysGapSeverity(1)).toBeLessThan(0.05);
    expect(daysGapSeverity(1400)).toBeGreaterThan(0.97);
    expect(daysGapSeverity(1400)).toBeLessThan(1);
  });
});

describe('containment', () => {
  it('holds when inner lies inside outer, with open bounds containing their side', () => {
    expect(contains({ low: 0, high: 10 }, { low: 2, high: 3 })).toBe(true);
    expect(contains({ low: 0, high: 10 }, { low: 2, high: 11 })).toBe(false);
    expect(contains({ low: 0, high: null }, { low: 2, high: null })).toBe(true);
    expect(contains({ low: 0, high: 10 }, { low: 2, high: null })).toBe(false);
    expect(contains({ low: null, high: null }, { low: null, high: 4 })).toBe(true);
  });
});

describe('periods', () => {
  it('counts both end days', () => {
    expect(periodDays({ from: '2017-01-01', to: '2017-01-01' })).toBe(1);
    expect(periodDays({ from: '2017-01-01', to: '2017-12-31' })).toBe(365);
  });

  it('overlap fraction is intersection over union', () => {
    const jan = { from: '2017-01-01', to: '2017-01-31' };
    expect(periodOverlapFraction(jan, jan)).toBe(1);
    expect(periodOverlapFraction(jan, { from: '2017-02-01', to: '2017-02-28' })).toBe(0);
    expect(periodOverlapFraction({ from: '2017-01-01', to: '2017-01-10' }, { from: '2017-01-06', to: '2017-01-15' })).toBeCloseTo(5 / 15, 10);
    // Different periods: Sep 2015–Jun 2016 against Jan–Sep 2017.
    expect(periodOverlapFraction({ from: '2015-09-30', to: '2016-06-19' }, { from: '2017-01-01', to: '2017-09-30' })).toBe(0);
    // First nine months of 2017 against the whole of 2017 is not the same period.
    expect(periodOverlapFraction({ from: '2017-01-01', to: '2017-09-30' }, { from: '2017-01-01', to: '2017-12-31' })).toBeLessThan(0.8);
  });
});

describe('shiftDate', () => {
  it('moves years and months on the calendar, clamping to the month end', () => {
    expect(shiftDate('2019-03-19', -8, 'year')).toBe('2011-03-19');
    expect(shiftDate('2016-02-29', -1, 'year')).toBe('2015-02-28');
    expect(shiftDate('2017-03-31', -1, 'month')).toBe('2017-02-28');
    expect(shiftDate('2017-01-15', -2, 'month')).toBe('2016-11-15');
    expect(shiftDate('2017-01-15', 13, 'month')).toBe('2018-02-15');
  });

  it('moves weeks, days and smaller units by whole days', () => {
    expect(shiftDate('2016-06-19', -4, 'day')).toBe('2016-06-15');
    expect(shiftDate('2016-06-19', -2, 'week')).toBe('2016-06-05');
    expect(shiftDate('2016-06-19', 36, 'hour')).toBe('2016-06-20');
    expect(shiftDate('2016-06-19', -1.5, 'year')).toBe('2014-12-19');
    expect(shiftDate('2016-06-19', 1.5, 'month')).toBe('2016-08-03');
  });
});
