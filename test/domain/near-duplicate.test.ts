// Near-duplicate texts: word 3-grams, exact Jaccard, and the bottom-k sketch that screens pairs cheaply.
import { describe, expect, it } from 'vitest';
import { estimateJaccard, jaccard, lengthsComparable, shingleHashes, shingles, sketchOf } from '../../src/domain/near-duplicate.js';

const words = (n: number, seed: number) => {
  let s = seed;
  const next = () => (s = (s * 16807) % 2147483647);
  return Array.from({ length: n }, () => `w${next() % 500}`).join(' ');
};

describe('near-duplicate texts', () => {
  it('shingles are word triples, case and punctuation folded', () => {
    expect([...shingles('The toll, said the Ministry: 42.')]).toEqual(['the toll said', 'toll said the', 'said the ministry', 'the ministry 42']);
    expect([...shingles('Two words')]).toEqual(['two words']);
    expect(shingles('').size).toBe(0);
  });

  it('Jaccard: 1 for the same text, high for small edits, low for another text, 0 for two empty ones', () => {
    const story = words(400, 7);
    const edited = story.replace(/w1\b/, 'changed') + ' additional reporting by staff';
    expect(jaccard(shingles(story), shingles(story))).toBe(1);
    expect(jaccard(shingles(story), shingles(edited))).toBeGreaterThan(0.9);
    expect(jaccard(shingles(story), shingles(words(400, 99)))).toBeLessThan(0.05);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });

  it('the sketch estimate is close to the exact similarity of the hashed shingles', () => {
    const story = words(600, 3);
    const half = story.split(' ').slice(0, 300).join(' ') + ' ' + words(300, 11);
    for (const other of [story, half, words(600, 5)]) {
      const a = shingleHashes(story);
      const b = shingleHashes(other);
      expect(Math.abs(estimateJaccard(sketchOf(a), sketchOf(b)) - jaccard(a, b))).toBeLessThan(0.2);
    }
  });

  it('texts of very different lengths are not compared', () => {
    expect(lengthsComparable(1000, 700)).toBe(true);
    expect(lengthsComparable(1000, 500)).toBe(false);
    expect(lengthsComparable(0, 0)).toBe(false);
  });
});
