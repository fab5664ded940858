// The article's own war as the event of a start date or a war's age, with the shipped default vocabulary
// (which names no war): articles the team wrote about invented places meet on their war's start.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { articleTopic } from '../../src/extract/topic.js';
import { claimsInContext, conflictsOf, described, type Article } from '../helpers/extract-conflicts.js';
import { defaultLexicon } from '../helpers/lexicons.js';

const lexicon = defaultLexicon();

function dated(text: string, published = '2026-03-01'): { value: string; metric: string; subject: string | null }[] {
  return extract(text, { published, lexicon })
    .filter((c) => c.kind === 'date' || c.kind === 'duration')
    .map((c) => ({ value: c.valueText, metric: c.metric, subject: c.subject }));
}

const VALDORIA_A: Article = {
  publisher: 'Harbour Gazette',
  published: '2026-02-10',
  text: [
    'Valdoria’s civil war began in March 2021, when army units shelled the port of Portbrak.',
    'Relief agencies in Valdoria say the fighting has emptied the river towns.',
  ].join('\n\n'),
};

const VALDORIA_B: Article = {
  publisher: 'Tarn Evening Post',
  published: '2026-02-14',
  text: [
    'Food prices in Valdoria rose again this week.',
    'The country’s four-year civil war, which began in 2022 according to the ministry, has cut the coast road.',
  ].join('\n\n'),
};

describe('the article’s war as the event of its dates', () => {
  it('dates the war of the article’s place, named or bare, without any war in the vocabulary', () => {
    expect(articleTopic(VALDORIA_A.text)).toBe('Valdoria');
    expect(dated(VALDORIA_A.text, VALDORIA_A.published)).toContainEqual({ value: 'March 2021', metric: 'start date', subject: 'Valdoria' });
    const b = dated(VALDORIA_B.text, VALDORIA_B.published);
    expect(b).toContainEqual({ value: 'in 2022', metric: 'start date', subject: 'Valdoria' });
    expect(b).toContainEqual({ value: 'four-year', metric: 'duration', subject: 'Valdoria' });
  });

  it('sets two articles’ start dates of one war against each other', () => {
    const { claims } = claimsInContext([VALDORIA_A, VALDORIA_B], lexicon);
    expect(described(conflictsOf(claims), claims)).toContain('event-date: March 2021 × in 2022');
  });

  it('leaves another war alone: an indefinite one, one of another place, one named by its year', () => {
    const text = [
      'The war in Valdoria has displaced thousands from Portbrak.',
      'The region last saw fighting when a six-year war over the hills ended in 1994.',
      'Older residents still speak of the 1998 war, which began in May 1998.',
      'Neighbouring Estmark’s war began in 2019.',
    ].join(' ');
    expect(articleTopic(text)).toBe('Valdoria');
    const subjects = dated(text).map((d) => d.subject);
    expect(subjects).not.toContain('Valdoria');
  });

  it('gives a verb only the date right after it: "erupted on D1 and came to a halt on D2"', () => {
    const text = 'Residents of Valdoria recall the conflict in Valdoria that erupted on 27 March 2024 and came to a halt on 10 May 2024.';
    const readings = dated(text, '2025-01-10');
    expect(readings).toContainEqual({ value: '27 March 2024', metric: 'start date', subject: 'Valdoria' });
    expect(readings.find((d) => d.value === '10 May 2024')?.metric).not.toBe('start date');
  });

  it('reads "the war against" a group as its enemy, not as the article’s place', () => {
    const text = 'The war against the Korvan Front goes on in Valdoria. Towns of Valdoria emptied as the war in Valdoria spread to the holdouts of the Korvan Front.';
    expect(articleTopic(text)).toBe('Valdoria');
  });
});

describe('a finished war’s tolls are totals over its years', () => {
  const toll = (text: string, published: string) =>
    extract(text, { published, lexicon }).filter((c) => c.kind === 'casualties').map((c) => [c.valueText, c.subject, c.scope]);

  it('a lead that places the war in a finished past scopes its unscoped tolls to the war’s years', () => {
    const text = [
      'Valdoria war dead counted',
      'Researchers say about 61,000 people died in the 1994-1998 war in Valdoria, fewer than earlier estimates.',
      'The Portbrak commission had put the number of dead at 90,000.',
    ].join('\n\n');
    expect(toll(text, '2006-04-02')).toEqual([
      ['about 61,000', 'Valdoria', { from: '1994-01-01', to: '1998-12-31' }],
      ['90,000', 'Valdoria', { from: '1994-01-01', to: '1998-12-31' }],
    ]);
    const decade = 'Valdorian war toll revised\n\nAt least 58,000 people were killed in the Valdorian war in the 1990s, a new study of Valdoria finds.';
    expect(toll(decade, '2008-01-10')).toEqual([['At least 58,000', 'Valdoria', { from: '1990-01-01', to: '1999-12-31' }]]);
  });

  it('a war still running, or ended less than a year before, or an earlier war named after the lead, keeps the tolls unscoped', () => {
    const recent = 'Valdoria counts its dead\n\nAbout 61,000 people died in the 2024-2025 war in Valdoria, the commission says.';
    expect(toll(recent, '2025-06-01').map((t) => t[2])).toEqual([null]);
    const background = [
      'Shelling goes on in Valdoria',
      'The war in Valdoria has killed 12,000 people, the ministry says.',
      'Aid workers in Valdoria say the fighting is the worst since the city of Portbrak was besieged.',
      'Older residents remember the 1994-1998 war in Valdoria.',
    ].join('\n\n');
    expect(toll(background, '2026-06-01').map((t) => t[2])).toEqual([null]);
  });

  it('sets the war’s tolls against each other across the years they were told in, when a part exceeds the whole', () => {
    const early: Article = {
      publisher: 'Tarn Evening Post',
      published: '2004-09-01',
      text: 'Counting the Valdorian dead\n\nThe 1994-1998 war in Valdoria killed 150,000 people, the veterans’ league says.',
    };
    const late: Article = {
      publisher: 'Harbour Gazette',
      published: '2008-01-10',
      text: 'Valdorian war toll revised\n\nAbout 61,000 people were killed in the Valdorian war in the 1990s, a new study of Valdoria finds.',
    };
    const { claims } = claimsInContext([early, late], lexicon);
    expect(described(conflictsOf(claims), claims)).toEqual(['period-count: 150,000 × About 61,000']);
  });
});
