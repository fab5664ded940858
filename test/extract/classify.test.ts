import { describe, expect, it } from 'vitest';
import { compileLexicon, entityHits, entityIn, keywordHits } from '../../src/extract/lexicon-match.js';
import { classify, subjectOf } from '../../src/extract/kind.js';
import { extract, prepareLexicon } from '../../src/extract/index.js';
import type { Mention } from '../../src/extract/mentions.js';
import type { Lexicon } from '../../src/domain/types.js';

// A small lexicon of our own, to show the rules read data rather than a built-in vocabulary.
const lexicon: Lexicon = {
  metrics: [
    { metric: 'killed', kind: 'casualties', keywords: ['killed', 'died'] },
    { metric: 'boats seized', kind: 'count', keywords: ['boats', 'vessels'] },
    { metric: 'area held', kind: 'territory', keywords: ['coast', 'held'] },
    { metric: 'approval', kind: 'percentage', keywords: ['approve'] },
    { metric: 'blockade length', kind: 'duration', keywords: ['blockade'] },
  ],
  entities: [
    { name: 'Coast Guard of Freedonia', type: 'organisation', aliases: ['FCG', 'Freedonian coast guard'] },
    { name: 'Sylvania', type: 'place', aliases: [] },
    { name: 'Northern Blockade', type: 'event', aliases: ['the blockade'] },
  ],
};
const lex = compileLexicon(lexicon);

function at(sentence: string, text: string, unit: Mention['unit']): Mention {
  const start = sentence.indexOf(text);
  return { start, end: start + text.length, text, unit, low: 1, high: 1, qualifier: 'exact' };
}

describe('kind and metric', () => {
  it('a word right after the figure wins over a casualty word across an "and" ("20 killed and 300 displaced")', () => {
    const lex2 = compileLexicon({ ...lexicon, metrics: [...lexicon.metrics, { metric: 'displaced', kind: 'count', keywords: ['displaced'] }] });
    const s = 'About 20 people were killed and 300 displaced by the storm.';
    const hits = keywordHits(lex2, s);
    expect(classify(lex2, hits, at(s, '300', 'count'), [], s)).toEqual({ kind: 'count', metric: 'displaced' });
    expect(classify(lex2, hits, at(s, '20', 'count'), [], s)).toEqual({ kind: 'casualties', metric: 'killed' });
  });

  it('takes the nearest keyword whose kind fits the unit', () => {
    const s = 'Patrols seized 14 boats after 3 crew died.';
    const hits = keywordHits(lex, s);
    const both = [at(s, '14', 'count'), at(s, '3', 'count')] as const;
    expect(classify(lex, hits, both[0], both)).toEqual({ kind: 'count', metric: 'boats seized' });
    expect(classify(lex, hits, both[1], both)).toEqual({ kind: 'casualties', metric: 'killed' });
  });

  it('keeps shares apart from counts and falls back to a plain metric', () => {
    const s = 'Rebels held 40% of the coast; 55% approve of the truce; 12 people watched.';
    const hits = keywordHits(lex, s);
    expect(classify(lex, hits, at(s, '40%', 'percent'))).toEqual({ kind: 'territory', metric: 'area held' });
    expect(classify(lex, hits, at(s, '55%', 'percent'))).toEqual({ kind: 'percentage', metric: 'approval' });
    expect(classify(lex, hits, at(s, '12', 'count')).metric).toBe('count');
  });

  it('classifies durations and dates by unit', () => {
    const s = 'The blockade lasted 6 months and ended in May.';
    const hits = keywordHits(lex, s);
    expect(classify(lex, hits, at(s, '6 months', 'month'))).toEqual({ kind: 'duration', metric: 'blockade length' });
    expect(classify(lex, hits, at(s, 'in May', 'date')).kind).toBe('date');
  });
});

describe('entities and subjects', () => {
  it('matches aliases, short capitals by case only', () => {
    const s = 'The FCG said the Freedonian Coast Guard and fcg fans met in Sylvania.';
    const names = entityHits(lex, s).map((h) => lexicon.entities[h.index]?.name);
    expect(names).toEqual(['Coast Guard of Freedonia', 'Coast Guard of Freedonia', 'Sylvania']);
    expect(entityIn(lex, 'a Freedonian coast guard officer')?.name).toBe('Coast Guard of Freedonia');
  });

  it('prefers an event over a place for the subject, and never the speaker', () => {
    const s = 'In Sylvania, the blockade lasted 6 months, the FCG said.';
    const m = at(s, '6 months', 'month');
    expect(subjectOf(lex, entityHits(lex, s), m, 'Coast Guard of Freedonia')).toBe('Northern Blockade');
  });

  it('gives the same claims with a lexicon prepared once as with the raw lexicon', () => {
    const text = 'The Valdorian Defence Ministry said 40 soldiers were killed near Portbrak on Tuesday.';
    const options = { published: '2019-03-19', publisher: 'Portbrak Courier' };
    expect(extract(text, { ...options, lexicon: prepareLexicon(lexicon) })).toEqual(extract(text, { ...options, lexicon }));
  });
});

describe('lexicons as users edit them', () => {
  it('ignores empty keywords and aliases and escapes special characters', () => {
    const odd = compileLexicon({
      metrics: [{ metric: 'odd', kind: 'count', keywords: ['', '  ', 'c++ jobs'] }],
      entities: [{ name: 'A.B.C. (Ltd)', type: 'organisation', aliases: [''] }],
    });
    const s = 'There were 4 c++ jobs at A.B.C. (Ltd) today.';
    expect(keywordHits(odd, s)).toHaveLength(1);
    expect(entityHits(odd, s)).toHaveLength(1);
  });

  it('works with an empty lexicon', () => {
    const empty = compileLexicon({ metrics: [], entities: [] });
    const s = 'Some 40 boats sank.';
    expect(classify(empty, keywordHits(empty, s), at(s, 'Some 40', 'count'))).toEqual({ kind: 'count', metric: 'count' });
  });
});

