import { describe, expect, it } from 'vitest';
import { scopeOf } from '../../src/extract/scope.js';
import { findDates } from '../../src/extract/dates.js';
import { findNumericFigures } from '../../src/extract/numbers.js';

const PUB = '2024-05-14';

function scope(sentence: string, figure: string): ReturnType<typeof scopeOf> {
  const dates = findDates(sentence, PUB);
  const m = findNumericFigures(sentence, dates).find((x) => x.text === figure);
  if (!m) throw new Error(`no figure ${figure}`);
  return scopeOf(sentence, m, dates, PUB);
}

describe('scope of a count', () => {
  it('is the day named after the figure ("two crew died on Tuesday"), unless it dates a statement', () => {
    expect(scope('Two crew died on Tuesday when their boat sank.', 'Two')).toEqual({ from: '2024-05-14', to: '2024-05-14' });
    expect(scope('Officials said 40 ships had sunk, the ministry said on Monday.', '40')).toBeNull();
  });

  it('runs from a "since" date to publication', () => {
    expect(scope('Since March 2020, 410 schools have closed.', '410')).toEqual({ from: '2020-03-01', to: PUB });
  });

  it('covers the first months of a named year', () => {
    expect(scope('In the first three months of 2023, 75 mines exploded.', '75')).toEqual({ from: '2023-01-01', to: '2023-03-31' });
  });

  it('covers the past days, this year and last year', () => {
    expect(scope('Over the past two weeks, 30 ships docked.', '30')).toEqual({ from: '2024-04-30', to: PUB });
    expect(scope('So far this year 18 bridges were repaired.', '18')).toEqual({ from: '2024-01-01', to: PUB });
    expect(scope('Last year 91 roads were mined.', '91')).toEqual({ from: '2023-01-01', to: '2023-12-31' });
  });

  it('runs from the start of the year to publication', () => {
    expect(scope('Since the start of the year, 64 wells were dug.', '64')).toEqual({ from: '2024-01-01', to: PUB });
  });

  it('takes a period that opens the sentence', () => {
    expect(scope('In 2022, 530 mines were cleared.', '530')).toEqual({ from: '2022-01-01', to: '2022-12-31' });
  });

  it('takes a period named just after the figure', () => {
    expect(scope('The clinic treated 640 patients in 2021.', '640')).toEqual({ from: '2021-01-01', to: '2021-12-31' });
  });

  it('has no scope when the words give none', () => {
    expect(scope('The clinic treated 640 patients.', '640')).toBeNull();
  });
});
