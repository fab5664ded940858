import { describe, expect, it } from 'vitest';
import { findClauses } from '../../src/extract/clauses.js';
import { hedgeAt, isVerificationCaveat } from '../../src/extract/hedges.js';
import { quoteSpans } from '../../src/extract/segment.js';

function clauses(sentence: string): [string, string, string][] {
  return findClauses(sentence).map((c) => [c.phrase, c.cue, c.type]);
}

describe('reporting clauses', () => {
  it('finds the speaker before a speech verb, past auxiliaries and adverbs', () => {
    expect(clauses('The health agency has reported 14 new deaths.')).toEqual([['health agency', 'reported', 'verb']]);
    expect(clauses('The governor also said the roads were closed.')).toEqual([['governor', 'said', 'verb']]);
    expect(clauses('The ministry says 40 shelters are open.')).toEqual([['ministry', 'says', 'verb']]);
  });

  it('finds the speaker after the verb in inverted order', () => {
    expect(clauses('"It is over," said Colonel Anna Berg.')).toEqual([['Colonel Anna Berg', 'said', 'verb']]);
  });

  it('keeps the addressee in the cue of "told"', () => {
    expect(clauses('The mayor told reporters the dam held.')).toEqual([['mayor', 'told reporters', 'verb']]);
  });

  it('steps over a parenthetical between speaker and verb', () => {
    expect(clauses('Captain Ruiz, speaking by phone, told the radio the port was shut.')[0]?.[0]).toBe('Captain Ruiz');
  });

  it('reads "according to" and relays', () => {
    expect(clauses('According to the regional monitor, 30 homes burned.')).toEqual([['regional monitor', 'according to', 'according']]);
    expect(clauses('Twelve boats sank, as reported by the coast guard.')).toEqual([['coast guard', 'as reported by', 'relay']]);
  });

  it('ignores nouns, passives and descriptions that look like speech verbs', () => {
    expect(clauses('The reports of 20 deaths were disputed.')).toEqual([]);
    expect(clauses('Nine people were reported killed.')).toEqual([]);
    expect(clauses('He left in what he described as a pause.')).toEqual([]);
    expect(clauses('Losses have added to the pressure on the cabinet.')).toEqual([]);
  });
});

describe('quotations', () => {
  it('finds quoted spans and carries an open quotation to the next sentence', () => {
    const first = quoteSpans('He said: "We will stay. ', false);
    expect(first.openAtEnd).toBe(true);
    const second = quoteSpans('Nobody leaves," he added.', true);
    expect(second.spans[0]?.start).toBe(0);
    expect(second.openAtEnd).toBe(false);
  });
});

describe('single quotation marks', () => {
  it('finds British quotations and leaves apostrophes alone', () => {
    const s = '‘We lost Russia’s trust and 12 tanks,’ the officer said.';
    expect(quoteSpans(s, false).spans.map((q) => q.text)).toEqual(['‘We lost Russia’s trust and 12 tanks,’']);
  });
});

describe('hedges', () => {
  it.each([
    ['Rebels reportedly shot down a drone.', 'reportedly'],
    ['The unit allegedly fired first.', 'allegedly'],
    ['The strike purportedly hit a depot.', 'purportedly'],
    ['The group claimed 40 kills.', 'claimed'],
    ['The toll could not be independently verified.', 'could not be independently verified'],
  ])('%s', (sentence, hedge) => {
    expect(hedgeAt(sentence, 0)).toBe(hedge);
  });

  it('keeps a hedge inside its own clause', () => {
    const s = 'The war has lasted six years; rebels reportedly hold the coast.';
    expect(hedgeAt(s, s.indexOf('six'))).toBeNull();
    expect(hedgeAt(s, s.indexOf('coast'))).toBe('reportedly');
  });

  it('recognises a sentence that only says the figures are unverified', () => {
    expect(isVerificationCaveat('These numbers could not be verified.')).toBe(true);
    expect(isVerificationCaveat('These numbers were checked.')).toBe(false);
  });
});

describe('reporting forms an unseen article uses', () => {
  it('names the speaker by the short name in brackets before the verb', () => {
    expect(clauses('In an update, the Upper Mires Conflict Monitor (UMCM) reported that 300 clashes took place.')[0]?.[0]).toBe('UMCM');
  });

  it('reads "indicated", "concluded" and "insist", ends a long subject before its participle, and takes the author of a report for the report', () => {
    expect(clauses('A report by independent observers submitted to the council in May indicated that 900 people died.').map((c) => c[0])).toEqual(['independent observers', 'independent observers']);
    expect(clauses('A new study has concluded that 4,100 people were killed.')[0]?.[0]).toBe('new study');
    expect(clauses('Rebel groups insist that they hold half the valley.')[0]?.[0]).toBe('Rebel groups');
  });

  it('reads "published by", "presented by" and "claims by … that" as the source of the figure', () => {
    expect(clauses('The estimate published by researchers Ilse Varga and Dara Voss was 9,000.')).toEqual([['researchers Ilse Varga and Dara Voss', 'published by', 'according']]);
    expect(clauses('The 600 deaths presented by the Korvan Front included fighters.')).toEqual([['Korvan Front', 'presented by', 'according']]);
    expect(clauses('Doctors could not confirm claims by the Korvan Front that 600 died.')[1]?.slice(0, 2)).toEqual(['Korvan Front', 'claims by']);
  });

  it('takes no figure for a speaker ("19,000 deaths recorded") and no adjective-led noun for a verb ("a conservative estimate")', () => {
    expect(clauses('The monitor counts 1,200 deaths a month, with 19,000 deaths recorded so far.').map((c) => c[0])).toEqual(['monitor']);
    expect(clauses('The tally now stands at a rough estimate of 7,400 dead.')).toEqual([]);
  });
});

describe('sentences', () => {
  it('do not end at a dotted abbreviation that modifies the next words', async () => {
    const { sentences } = await import('../../src/extract/sentences.js');
    const text = 'The toll may reach 9,000, according to U.S. Special Envoy Dara Voss. The army disputes it.';
    expect(sentences(text).map((s) => s.text)).toEqual(['The toll may reach 9,000, according to U.S. Special Envoy Dara Voss.', 'The army disputes it.']);
  });
});

describe('data as a source', () => {
  it('"according to data from X" is X\'s figure, "according to the research" the research\'s, "official figures show" no one\'s', async () => {
    const { extract } = await import('../../src/extract/index.js');
    const lexicon = { metrics: [{ metric: 'killed', kind: 'casualties', keywords: ['killed', 'deaths', 'died'] }], entities: [] };
    const speakerOf = (sentence: string) => extract(sentence, { published: '2026-05-04', publisher: 'Harbour Gazette', lexicon } as never).find((c) => c.value.unit === 'count')?.speaker;
    expect(speakerOf('According to data from the Upper Mires Conflict Monitor, 1,200 people died in May.')).toBe('Upper Mires Conflict Monitor');
    expect(speakerOf('According to the research, 900 civilians were killed.')).toBe('research');
    expect(speakerOf('Official figures show 400 deaths in the province.')).toBeNull();
  });
});
