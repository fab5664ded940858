// Near-duplicate texts: the same wire story run by several outlets with small edits. Texts are compared as sets of
// word 3-grams (shingles); two texts whose sets have a Jaccard similarity of at least 0.8 are near-duplicates.
// Pure and bounded: only the first MAX_WORDS words of a text are read.

export const NEAR_DUPLICATE_THRESHOLD = 0.8;
const MAX_WORDS = 20_000;
const SHINGLE = 3;

/**
 * The word 3-grams of a text as 32-bit hashes (FNV-1a): the same comparison as `shingles` at a fraction of the
 * memory, so the sets of recent sources can be kept between imports. A collision only nudges a similarity.
 */
export function shingleHashes(text: string): Set<number> {
  const hashes = new Set<number>();
  for (const shingle of shingles(text)) {
    let h = 0x811c9dc5;
    for (let i = 0; i < shingle.length; i++) {
      h ^= shingle.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    hashes.add(h >>> 0);
  }
  return hashes;
}

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
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
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

/** Size of a bottom-k sketch: the k smallest shingle hashes of a text. */
export const SKETCH_SIZE = 64;

/** The SKETCH_SIZE smallest hashes, ascending: a MinHash sketch that estimates Jaccard similarity cheaply. */
export function sketchOf(hashes: ReadonlySet<number>): number[] {
  return [...hashes].sort((a, b) => a - b).slice(0, SKETCH_SIZE);
}

/** Estimated Jaccard similarity from two bottom-k sketches (ascending): the share of the union's k smallest in both. */
export function estimateJaccard(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let taken = 0;
  let both = 0;
  while (taken < SKETCH_SIZE && (i < a.length || j < b.length)) {
    const x = i < a.length ? (a[i] as number) : Infinity;
    const y = j < b.length ? (b[j] as number) : Infinity;
    if (x === y) {
      both += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
    taken += 1;
  }
  return taken === 0 ? 0 : both / taken;
}
