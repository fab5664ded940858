// Subjects and scopes the cross-check depends on: which event a date or duration is about, whose dead a
// count counts, who holds territory, and from when a running total counts. Sentences are our own.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { compileLexicon } from '../../src/extract/lexicon-match.js';
import { speakerName } from '../../src/extract/speakers.js';
import type { ExtractedClaim, Lexicon } from '../../src/domain/types.js';
import { sampleWorldLexicon } from '../helpers/lexicons.js';

// The sample set's world: these sentences name its people, forces and events.
const lexicon = sampleWorldLexicon();

function one(text: string, valueText: string, published = '2019-05-20', lex: Lexicon = lexicon): ExtractedClaim {
  const claims = extract(text, { published, publisher: 'The Test Herald', lexicon: lex });
  const claim = claims.find((c) => c.valueText === valueText);
  if (!claim) throw new Error(`no claim "${valueText}" in ${JSON.stringify(claims.map((c) => c.valueText))}`);
  return claim;
}

describe('dates of events: the verb decides whose start a date is', () => {
  it('an event phrase before "began" (through "that" or ", which") is the event whose start it is', () => {
    const a = one('Aid to Syria fell sharply during the civil war that began in 2011, donors said.', 'in 2011');
    expect(a).toMatchObject({ subject: 'Syrian civil war', metric: 'start date' });
    const b = one("Syria's grinding conflict, which began with a crackdown on marchers in March 2011, has no end in sight.", 'March 2011');
    expect(b).toMatchObject({ subject: 'Syrian civil war', metric: 'start date' });
  });

  it('joining a war dates the joiner\'s own intervention, not the war', () => {
    const c = one('Russia joined the war in Syria in October 2015 and tilted the fight toward Damascus.', 'October 2015');
    expect(c).toMatchObject({ subject: 'Russian military intervention in Syria', metric: 'start date' });
    const d = one('Moscow intervened in the Syrian conflict in September 2015.', 'September 2015');
    expect(d.subject).toBe('Russian military intervention in Syria');
  });

  it('an actor that begins fighting starts its own campaign; "its air campaign" points back at the actor', () => {
    expect(one('Moscow began striking rebel positions in Syria on 30 September 2015.', '30 September 2015').subject).toBe('Russian military intervention in Syria');
    expect(one('Russia launched its air campaign in Syria on 30 September 2015.', '30 September 2015').subject).toBe('Russian military intervention in Syria');
  });

  it('joining talks, entering a city, beginning talks or a withdrawal start no intervention', () => {
    const INTERVENTION = 'Russian military intervention in Syria';
    expect(one('Russia joined the talks in Astana in January 2017.', 'January 2017', '2017-03-01').subject).not.toBe(INTERVENTION);
    expect(one('Russia entered Aleppo in Syria in December 2016.', 'December 2016', '2017-03-01').subject).not.toBe(INTERVENTION);
    expect(one('Russia began withdrawing jets from Syria in March 2016.', 'March 2016', '2016-05-01').subject).not.toBe(INTERVENTION);
  });

  it('"the air campaign, launched in D" dates the campaign named before the verb', () => {
    const c = one("Russia's air campaign, launched in September 2015, changed the course of the war in Syria.", 'September 2015', '2017-10-01');
    expect(c).toMatchObject({ subject: 'Russian military intervention in Syria', metric: 'start date' });
  });

  it('"the offensive on eastern Aleppo began in D" is a start of an unnamed offensive, not anything else\'s', () => {
    const c = one("In Syria, the army's offensive on eastern Aleppo began in November 2016 and ended in December.", 'November 2016', '2017-01-10');
    expect(c).toMatchObject({ subject: null, metric: 'start date' });
  });

  it('"has waged an air campaign since D" dates the start of that campaign', () => {
    const e = one('Russia has waged an air campaign in Syria since last October, officials say.', 'since last October', '2016-05-01');
    expect(e).toMatchObject({ subject: 'Russian military intervention in Syria', metric: 'start date', value: { low: '2015-10-01' } });
  });

  it('"in March 2011, when the uprising began" dates the event of the clause after the date', () => {
    const c = one('Millions have left Syria since March 2011, when the uprising began in the south.', 'March 2011', '2019-01-01');
    expect(c).toMatchObject({ subject: 'Syrian civil war', metric: 'start date' });
  });

  it('"the start of the war in 2011" (noun form) dates the war', () => {
    expect(one('Half the population of Syria has moved since the start of the war in 2011.', 'in 2011')).toMatchObject({ subject: 'Syrian civil war', metric: 'start date' });
  });

  it('a start whose event the lexicon does not know gets no subject rather than a nearby entity', () => {
    const f = one('A local truce near Aleppo that began on 3 March 2016 held for a week.', '3 March 2016', '2016-04-01');
    expect(f).toMatchObject({ metric: 'start date', subject: null });
  });

  it('"were joined by" is no intervention, and a start of something unnamed leaves the date as the lexicon reads it', () => {
    const met = one('Putin and Assad met in Moscow on Monday and were joined by defence chiefs on Tuesday.', 'on Tuesday', '2021-09-15');
    expect(met.subject).toBeNull();
    const talks = one('Shoigu, who began his career as a builder, visited Syria on Saturday.', 'on Saturday', '2016-06-19');
    expect(talks).toMatchObject({ metric: 'meeting date' });
  });

  it('a different war named by its own words is not the lexicon\'s war', () => {
    const g = one('Syria was a Soviet ally when the Soviet war in Afghanistan began in 1979.', 'in 1979');
    expect(g.subject).toBeNull();
  });

  it('an aside between commas does not hide the event: "the conflict, now in its ninth year, began"', () => {
    const c = one('In Syria, the conflict, now in its ninth year, began with marches in March 2011.', 'March 2011', '2020-03-01');
    expect(c).toMatchObject({ subject: 'Syrian civil war', metric: 'start date' });
  });

  it('a bare "the civil war" needs the event\'s country named in the article', () => {
    const elsewhere = one('The civil war that began in 2014 has displaced a third of the island.', 'in 2014');
    expect(elsewhere.subject).toBeNull();
    const here = one('Refugees from Syria keep arriving. The civil war that began in 2011 shows no sign of ending.', 'in 2011');
    expect(here.subject).toBe('Syrian civil war');
  });
});

describe('occasions', () => {
  it('a visit is about the visitor however the outlets spell him and the base', () => {
    const a = one('Defence Minister Sergei Shoigu flew into the Hmeimim base on Saturday, the ministry said.', 'on Saturday', '2016-06-19');
    const b = one("Russia's defence minister, Sergei Shoygu, made a surprise trip to the Hemeimeem air base on Saturday.", 'on Saturday', '2016-06-20');
    expect(a).toMatchObject({ subject: 'Sergei Shoigu', metric: 'meeting date', value: { low: '2016-06-18' } });
    expect(b).toMatchObject({ subject: 'Sergei Shoigu', metric: 'meeting date', value: { low: '2016-06-18' } });
  });
});

describe('durations of events', () => {
  it('"N-year war" is the war\'s age, metric "duration", with no period of its own', () => {
    const text = "Donors met in Brussels on aid to Syria. Its eight-year civil war, which began in 2015, has cost billions.";
    const d = one(text, 'eight-year');
    expect(d).toMatchObject({ subject: 'Syrian civil war', metric: 'duration', scope: null, value: { low: 8, unit: 'year' } });
    expect(one(text, 'in 2015')).toMatchObject({ subject: 'Syrian civil war', metric: 'start date' });
  });

  it('a demonstrative points to something named before: "That ten-year war" gets no subject', () => {
    const d = one('Many in Syria fear a new Afghanistan. That ten-year war drained the Soviet budget.', 'ten-year');
    expect(d.subject).toBeNull();
  });

  it('a duration next to a war\'s name but not qualifying it is not the war\'s age', () => {
    const d = one('Russia joined the war in Syria in September 2015, two years after the gas attack near Damascus.', 'two years', '2019-01-01');
    expect(d.subject).toBeNull();
  });

  it('an episode of fighting is not the war ("five days of heavy fighting")', () => {
    const d = one('Rebels near Aleppo in Syria took the hill after five days of heavy fighting.', 'five days', '2016-06-01');
    expect(d.subject).toBeNull();
  });
});

describe('whose count: the force a count counts, never the speaker for speaking', () => {
  it('names in the counted phrase: "12 Russian servicemen", "deaths among Russian military personnel"', () => {
    expect(one('The defence ministry said 12 Russian servicemen were killed in Syria.', '12')).toMatchObject({ subject: 'Russian armed forces', metric: 'killed' });
    expect(one('Officials confirmed 14 deaths among Russian military personnel this spring.', '14').subject).toBe('Russian armed forces');
  });

  it('names in the phrase the figure completes: "the toll among Russian forces stood at 40", "Russian casualties – reportedly 55"', () => {
    expect(one('By August the toll among Russian forces in Syria stood at 40.', '40').subject).toBe('Russian armed forces');
    expect(one('Reports of Russian casualties – reportedly 55 this year – worried the Kremlin.', '55').subject).toBe('Russian armed forces');
  });

  it('losses a force reports without naming whose are its own; others\' dead are not', () => {
    expect(one('The Russian military has reported 9 casualties in Syria so far.', '9', '2016-03-01').subject).toBe('Russian armed forces');
    expect(one('The Russian military said 90 militants were killed in Syria.', '90', '2016-03-01').subject).not.toBe('Russian armed forces');
  });

  it('parts of a total are not totals: after a colon, or after "of those"/"including"', () => {
    const text = 'The army has reported 12 Russian soldiers dead in Syria since the campaign began: eight Russian soldiers fell in combat and four died in accidents.';
    expect(one(text, '12', '2016-06-01').subject).toBe('Russian armed forces');
    expect(one(text, 'eight', '2016-06-01').subject).toBeNull();
    expect(one('Of those, five Russian soldiers were killed by rockets.', 'five').subject).toBeNull();
    expect(one('The strike killed 30 people in Syria, including 12 Russian soldiers.', '12').subject).toBeNull();
  });

  it('who struck is not who died: "Russian strikes killed 300 civilians" is not about Russian forces', () => {
    expect(one('Monitors said Russian strikes killed 300 civilians in Idlib.', '300').subject).not.toBe('Russian armed forces');
  });

  it('territory goes to who holds it, skipping examples and backers', () => {
    const t = one('Government troops, backed by Hezbollah, now control about 70 percent of Syria.', 'about 70 percent');
    expect(t.subject).toBe('Syrian government');
  });
});

describe('running totals "since the campaign began"', () => {
  it('take the start the sentence states', () => {
    const c = one('At least 20 Russian soldiers have died in Syria since the air campaign began in September 2015, we estimate.', 'At least 20', '2016-06-01');
    expect(c.scope).toEqual({ from: '2015-09-01', to: '2016-06-01' });
  });

  it('take the start the article states elsewhere, before or after', () => {
    const text = 'Six Russian soldiers have been killed since the campaign began, the ministry said. Russia launched its air campaign in Syria on 30 September 2015.';
    expect(one(text, 'Six', '2016-03-01').scope).toEqual({ from: '2015-09-30', to: '2016-03-01' });
  });

  it('"since the start of its operation in 2015" counts from 2015, not over 2015', () => {
    const c = one("Russia's defence ministry said its jets had hit 900 targets in Syria since the start of its operation in 2015.", '900', '2016-03-01');
    expect(c.scope).toEqual({ from: '2015-01-01', to: '2016-03-01' });
  });

  it('"since Moscow entered the war in September 2015" counts from the actor\'s intervention', () => {
    const c = one('Monitors say 4,000 civilians in Syria have been killed since Moscow entered the war in September 2015.', '4,000', '2019-01-15');
    expect(c.scope).toEqual({ from: '2015-09-01', to: '2019-01-15' });
  });

  it('a bare "the operation" right after an event the lexicon does not know is that event, not the lexicon\'s', () => {
    const text = 'Jets struck Idlib in Syria again. Turkey launched its own offensive in October. Ankara said 8 Turkish soldiers had died since the operation began.';
    expect(one(text, '8', '2019-12-01').scope).toBeNull();
  });

  it('"since it started" counts from the start of the event the sentence names', () => {
    const c = one('The Syrian civil war, which began in 2011, has killed more than 500,000 people since it started, monitors say.', 'more than 500,000', '2022-05-01');
    expect(c.scope).toEqual({ from: '2011-01-01', to: '2022-05-01' });
  });

  it('stay without a period when the article never says when the campaign began', () => {
    expect(one('Six Russian soldiers have been killed in Syria since the campaign began, the ministry said.', 'Six', '2016-03-01').scope).toBeNull();
  });

  it('"the first nine months of the year" is a period, not a running total', () => {
    expect(one('In the first nine months of the year, 75 Russian soldiers died in Syria.', '75', '2017-11-01').scope).toEqual({ from: '2017-01-01', to: '2017-09-30' });
  });
});

describe('not claims, not speakers', () => {
  it('photo ids with letters, digits and hyphens are never figures', () => {
    const claims = extract('Photo HLD-2020-0412-09: Troops at a checkpoint near Idlib, Syria.', { published: '2020-04-13', publisher: null, lexicon });
    expect(claims.filter((c) => /\d/.test(c.valueText) && c.kind !== 'date')).toEqual([]);
  });

  it('a relative clause after the figure ("…in March, where Moscow says…") does not speak for it', () => {
    const c = one('Several soldiers allegedly died near Palmyra in March, where Moscow says it had no troops.', 'in March', '2016-06-16');
    expect(c.speaker).toBeNull();
  });

  it('"the Observatory estimates" is the known monitor, not the last speaker', () => {
    const text = 'Russia says it strikes only militants. Government forces now hold about 70 percent of Syria, the Observatory estimates.';
    expect(one(text, 'about 70 percent', '2020-03-06').speaker).toBe('Syrian Observatory for Human Rights');
  });

  it('a speaker never runs across a sentence end', () => {
    const text = 'Over the summer the count of dead among Russian troops reportedly reached 75. Moscow has admitted only a handful of them.';
    const c = one(text, '75', '2017-10-01');
    expect(c.speaker === null || !/[.!?]\s/.test(c.speaker)).toBe(true);
    expect(c.speaker).toBeNull();
  });
});

describe('the rules read the lexicon, not one war', () => {
  const fictional: Lexicon = {
    metrics: [
      { metric: 'duration', kind: 'duration', keywords: ['war', 'conflict', 'intervention'] },
      { metric: 'start date', kind: 'date', keywords: ['began', 'joined'] },
    ],
    entities: [
      { name: 'Velorian civil war', type: 'event', aliases: ["Veloria's war", 'Velorian conflict'] },
      { name: 'Kastrian intervention in Veloria', type: 'event', aliases: ['Kastrian intervention'] },
      { name: 'Kastria', type: 'place', aliases: ['Kastrograd'] },
      { name: 'Veloria', type: 'place', aliases: [] },
    ],
  };

  it('joining and N-year phrases resolve through the user\'s own entities', () => {
    const text = "Kastrograd joined the conflict in May 2018. Veloria's six-year war began in 2016.";
    expect(one(text, 'May 2018', '2022-01-10', fictional).subject).toBe('Kastrian intervention in Veloria');
    expect(one(text, 'six-year', '2022-01-10', fictional)).toMatchObject({ subject: 'Velorian civil war', metric: 'duration' });
    expect(one(text, 'in 2016', '2022-01-10', fictional)).toMatchObject({ subject: 'Velorian civil war', metric: 'start date' });
  });
});

describe('speakerName', () => {
  it('keeps only the words after a missed sentence end', () => {
    const lex = compileLexicon(lexicon);
    expect(speakerName(lex, 'toll among Russian forces in Syria was reportedly 131. Moscow')).toBe('Moscow');
    expect(speakerName(lex, 'the count rose to 40. Officials in Latakia')).toBe('Officials in Latakia');
    expect(speakerName(lex, 'U.S. officials')).toBe('U.S. officials');
  });
});
