// Near-duplicate texts: the same wire story run by several outlets with small edits. Texts are compared as sets of
// word 3-grams (shingles); two texts whose sets have a Jaccard similarity of at least 0.8 are near-duplicates.
// Pure and bounded: only the first MAX_WORDS words of a text are read.

export const NEAR_DUPLICATE_THRESHOLD = 0.8;
const MAX_WORDS = 20_000;
const SHINGLE = 3;

/** The word 3-grams of a text, case-folded, punctuation ignored. A text of fewer than three words is its words. */
export function shingles(text: string): Set<string> {
  const words: string[] = [];
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    words.push(match[0]);
    if (words.length >= MAX_WORDS) break;
  }
  const set = new Set<string>();
  if (words.length < SHINGLE) {
    if (words.length > 0) set.add(words.join(' '));
    return set;
  }
  for (let i = 0; i + SHINGLE <= words.length; i++) set.add(words.slice(i, i + SHINGLE).join(' '));
  return set;
}

/** |A ∩ B| / |A ∪ B|; 0 for two empty sets (nothing to compare is not a duplicate). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** Whether a text of `length` characters could be a near-duplicate of one of `other` characters (cheap pre-filter). */
export function lengthsComparable(length: number, other: number): boolean {
  const [short, long] = length <= other ? [length, other] : [other, length];
  return long === 0 ? false : short / long >= 0.6;
}
