// From article text to conflicts without a database: extract() on short articles of our own (fictional
// outlets), claims placed in context with entity ids assigned by name, then the pure conflict rules.
// This is what issue 4's "Done when" needs of extraction: the war's start meets across articles and
// within one, joining the war is not the war's start, and counts over different periods stay apart.
import { describe, expect, it } from 'vitest';
import { claimsInContext, conflictsOf, described, type Article } from '../helpers/extract-conflicts.js';
import { sampleWorldLexicon } from '../helpers/lexicons.js';

const lexicon = sampleWorldLexicon();

const LANTERN: Article = {
  publisher: 'The Lantern Post',
  published: '2019-06-04',
  text: [
    'Aid convoys reached towns in northern Syria on Monday after weeks of delay.',
    'Moscow has stood behind Damascus throughout the civil war that began in 2015, supplying jets and advisers.',
    'Few aid workers expect the eight-year war to wind down this year.',
    'By our own tally, at least 25 Russian soldiers have been killed since the campaign began.',
    'Russia launched its air campaign in Syria on 30 September 2015.',
  ].join('\n\n'),
};

const ORCHARD: Article = {
  publisher: 'Orchard Review',
  published: '2019-06-10',
  text: [
    'Syria’s civil war began in March 2011 with protests in the southern city of Deraa.',
    'Russia joined the conflict in September 2015 and has kept warplanes at the Hmeimim base ever since.',
    'In the first nine months of 2017, 90 Russian soldiers died in Syria, the review estimates.',
  ].join('\n\n'),
};

const HARBOUR: Article = {
  publisher: 'Harbour Bulletin',
  published: '2016-06-19',
  text: 'Sergei Shoigu toured the Hmeimim air base on Saturday before talks in Damascus.',
};

const WAYPOINT: Article = {
  publisher: 'Waypoint Weekly',
  published: '2016-06-20',
  text: [
    'Defence minister Sergei Shoygu flew to the Hemeimeem base on Saturday, his ministry said.',
    'Officials said 10 Russian soldiers had been killed since the operation started last September.',
  ].join('\n\n'),
};

describe('extraction feeds the conflict rules', () => {
  const { claims } = claimsInContext([LANTERN, ORCHARD, HARBOUR, WAYPOINT], lexicon);
  const conflicts = conflictsOf(claims);
  const list = described(conflicts, claims);

  it('flags the war\'s start across articles (2015 against March 2011)', () => {
    expect(list).toContain('event-date: in 2015 × March 2011');
    const war = conflicts.find((c) => c.rule === 'event-date');
    expect(claims.find((c) => c.id === war?.claimIds[0])?.subjectName).toBe('Syrian civil war');
  });

  it('flags "the eight-year war" against "began in 2015" within one article', () => {
    const internal = conflicts.filter((c) => c.rule === 'duration-vs-start' && c.internal);
    expect(described(internal, claims)).toEqual(['duration-vs-start: in 2015 × eight-year']);
  });

  it('does not take joining the war for the war\'s start', () => {
    const joined = claims.find((c) => c.valueText === 'September 2015');
    expect(joined?.subjectName).toBe('Russian military intervention in Syria');
    expect(conflicts.some((c) => joined && c.claimIds.includes(joined.id))).toBe(false);
  });

  it('does not compare deaths over different periods (since the campaign began against the first nine months of 2017)', () => {
    const running = claims.find((c) => c.valueText === 'at least 25');
    const period = claims.find((c) => c.valueText === '90');
    expect(running).toMatchObject({ subjectName: 'Russian armed forces', metric: 'killed', scopeFrom: '2015-09-30', scopeTo: '2019-06-04' });
    expect(period).toMatchObject({ subjectName: 'Russian armed forces', metric: 'killed', scopeFrom: '2017-01-01', scopeTo: '2017-09-30' });
    expect(conflicts.some((c) => c.claimIds.includes(running!.id) || c.claimIds.includes(period!.id))).toBe(false);
  });

  it('meets the minister\'s visit in two outlets as one fact, without a conflict', () => {
    const both = claims.filter((c) => c.valueText === 'on Saturday');
    expect(both).toHaveLength(2);
    expect(new Set(both.map((c) => `${c.subjectName}|${c.metric}|${String(c.figure.low)}`))).toEqual(new Set(['Sergei Shoigu|meeting date|2016-06-18']));
    expect(conflicts.some((c) => both.some((b) => c.claimIds.includes(b.id)))).toBe(false);
  });

  it('lists nothing else: the minister\'s visit and the 2016 running total raise no conflict', () => {
    expect(list).toEqual([
      'duration-vs-start: in 2015 × eight-year',
      'event-date: in 2015 × March 2011',
    ]);
  });
});
