// From article text to conflicts without a database: extract() on short articles of our own (fictional
// outlets), claims placed in context with entity ids assigned by name, then the pure conflict rules.
// This is what issue 4's "Done when" needs of extraction: the war's start meets across articles and
// within one, joining the war is not the war's start, and counts over different periods stay apart.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { DEFAULT_SETTINGS, conflictsForFact, groupForConflicts, type ClaimInContext, type ComputedConflict } from '../../src/domain/crosscheck.js';
import type { ExtractedClaim, Figure, Lexicon } from '../../src/domain/types.js';

const lexicon = JSON.parse(readFileSync(fileURLToPath(new URL('../../db/lexicon/default.json', import.meta.url)), 'utf8')) as Lexicon;

interface Article {
  publisher: string;
  published: string;
  text: string;
}

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

/** Claims of all articles, in context, with ids and entity ids assigned by name as the store would. */
function claimsInContext(articles: Article[]): { claims: ClaimInContext[]; extracted: Map<number, ExtractedClaim> } {
  const entityIds = new Map<string, number>();
  const idOf = (name: string | null): number | null => {
    if (name === null) return null;
    if (!entityIds.has(name)) entityIds.set(name, entityIds.size + 1);
    return entityIds.get(name)!;
  };
  const claims: ClaimInContext[] = [];
  const extracted = new Map<number, ExtractedClaim>();
  articles.forEach((article, sourceIndex) => {
    for (const c of extract(article.text, { published: article.published, publisher: article.publisher, lexicon })) {
      const id = claims.length + 1;
      extracted.set(id, c);
      claims.push({
        id,
        sourceId: sourceIndex + 1,
        quote: c.quote,
        quoteStart: c.start,
        quoteEnd: c.end,
        valueText: c.valueText,
        kind: c.kind,
        metric: c.metric,
        subjectId: idOf(c.subject),
        figure: { unit: c.value.unit, low: c.value.low, high: c.value.high } as Figure,
        qualifier: c.qualifier,
        scopeFrom: c.scope?.from ?? null,
        scopeTo: c.scope?.to ?? null,
        asOf: c.asOf,
        speakerId: idOf(c.speaker),
        attributionCue: c.attributionCue,
        relay: c.relay,
        hedge: c.hedge,
        status: 'candidate',
        rank: 'normal',
        rankReason: null,
        note: null,
        origin: 'extracted',
        version: 1,
        createdAt: '2026-01-01T00:00:00Z',
        updatedAt: '2026-01-01T00:00:00Z',
        sourcePublisher: article.publisher,
        sourcePublishedAt: article.published,
        subjectName: c.subject,
        speakerName: c.speaker,
      });
    }
  });
  return { claims, extracted };
}

function conflictsOf(claims: ClaimInContext[]): ComputedConflict[] {
  return [...groupForConflicts(claims).values()].flatMap((group) => conflictsForFact(group, DEFAULT_SETTINGS));
}

/** A conflict as "rule: valueText × valueText", for readable assertions. */
function described(conflicts: ComputedConflict[], claims: ClaimInContext[]): string[] {
  const text = (id: number): string => claims.find((c) => c.id === id)?.valueText ?? '?';
  return conflicts.map((c) => `${c.rule}: ${c.claimIds.map(text).join(' × ')}`).sort();
}

describe('extraction feeds the conflict rules', () => {
  const { claims } = claimsInContext([LANTERN, ORCHARD, HARBOUR, WAYPOINT]);
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
