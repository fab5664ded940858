// Sentence analysis, hedges: the word that marks a figure as unconfirmed ("reportedly", "could not be
// verified"), clause by clause, so that a hedge stays with the figures of its own clause.

import { SHIPPED_GRAMMAR, type CompiledGrammar } from './grammar.js';

/** The hedge word of a sentence ("reportedly", "could not be verified"), or null: the grammar vocabulary's hedges. */
export function hedgeOf(sentence: string, grammar: CompiledGrammar = SHIPPED_GRAMMAR): string | null {
  const m = grammar.hedges.exec(sentence);
  return m?.[1] ? m[1].toLowerCase() : null;
}

// Clauses joined by a semicolon or ", and/but/while" make separate statements; a hedge stays in its own.
// a fresh global pattern for each scan, so no lastIndex outlives it
const CLAUSE_BREAK = (): RegExp => /;|,\s+(?:and|but|while|whereas)\s+/g;

/** A clause of a sentence, [from, to), with the hedge in it. */
export interface ClauseHedge {
  from: number;
  to: number;
  hedge: string | null;
}

/** The clauses of a sentence with their hedges: computed once per sentence, read for each of its figures. */
export function clauseHedges(sentence: string, grammar: CompiledGrammar = SHIPPED_GRAMMAR): ClauseHedge[] {
  const out: ClauseHedge[] = [];
  let from = 0;
  const breaks = CLAUSE_BREAK();
  for (let m = breaks.exec(sentence); m; m = breaks.exec(sentence)) {
    out.push({ from, to: m.index, hedge: hedgeOf(sentence.slice(from, m.index), grammar) });
    from = m.index + m[0].length;
  }
  out.push({ from, to: sentence.length, hedge: hedgeOf(sentence.slice(from), grammar) });
  return out;
}

/** The hedge that governs the figure at `at`: one in the same clause of the sentence, or null. */
export function hedgeAt(sentence: string, at: number, clauses: readonly ClauseHedge[] = clauseHedges(sentence)): string | null {
  // the clause is the one after the last break that starts before `at`
  let lo = 0;
  let hi = clauses.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((clauses[mid - 1]?.to ?? 0) < at) lo = mid;
    else hi = mid - 1;
  }
  return clauses[lo]?.hedge ?? null;
}

/** A sentence that only says the figures before it are unverified ("The toll could not be verified."). */
export function isVerificationCaveat(sentence: string): boolean {
  return /\b(?:could|can)\s?not be (?:independently )?(?:verified|confirmed)|\bunverified\b|\bunconfirmed\b/i.test(sentence);
}
