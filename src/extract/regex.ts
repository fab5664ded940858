// Regular-expression helpers: every match of a shared pattern, read on a private copy so that no module
// constant carries a lastIndex from one call to the next.

/** A string as a literal inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A private global copy of a pattern (V8 reuses the compiled code for an equal source and flags). */
export function globalCopy(re: RegExp): RegExp {
  return new RegExp(re, re.flags.includes('g') ? re.flags : `${re.flags}g`);
}

/** Every match of `re` in `text` that starts at or after `from`, in order. */
export function* matchesOf(re: RegExp, text: string, from = 0): Generator<RegExpExecArray> {
  const g = globalCopy(re);
  g.lastIndex = from;
  for (let m = g.exec(text); m; m = g.exec(text)) {
    yield m;
    if (m[0].length === 0) g.lastIndex++;
  }
}

/** The first match of `re` in `text` that starts at or after `from`, or null. */
export function firstMatchFrom(re: RegExp, text: string, from: number): RegExpExecArray | null {
  const g = globalCopy(re);
  g.lastIndex = from;
  return g.exec(text);
}
