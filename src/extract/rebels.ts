// The rebels an article names: "the Chile-backed Ostra rebels", "Korvan Front fighters", "the Tarn Accord insurgents".
// A war's reporting calls one armed group by its name in one sentence and "the rebels", "the insurgents" or "the
// fighters" in the next; knowing the name lets a share "the Ostras control" meet one "the rebels hold" (holder.ts),
// and a toll of "insurgents" meet one of "Korvan Front fighters". Read once per article (index.ts). Hand-written: no
// library says which group of an article its common nouns stand for.

import type { ExtractedClaim } from '../domain/types.js';
import { countryOf } from './places.js';

// "the Chile-backed Ostra rebels", "K23 insurgents", "Korvan Front fighters": a name of up to three capitalised words
// before a rebel noun (group 1); a word such as "Chile-backed" before the name says who backs it
// a fresh global pattern for each scan, so no lastIndex outlives it
const NAMED_REBELS = (): RegExp => /\b((?:\p{Lu}[\p{L}\d'’-]*[ \t]+){0,2}\p{Lu}[\p{L}\d'’-]*)(?:-led|-backed|-aligned)?[ \t]+(?:rebels?|insurgents?|militants?|militias?|guerrillas?|separatists?|fighters|jihadists?)\b/gu;
const NOT_A_NAME = /^(?:The|A|An|Some|Many|Most|Armed|Islamist|Rival|Allied|Opposition|Foreign|Local|Former|Suspected)$/u;

/** The names an article gives its rebels, as written, keyed by their lower case; never a country's. */
export function namedRebels(text: string): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(NAMED_REBELS())) {
    // "Chile-backed Ostra": the words after the last backer's are the name; "The Ostra" loses its article
    const words = m[1]!.split(/[ \t]+/).filter((w) => !/-(?:backed|led|aligned|based|allied)$/u.test(w));
    while (words.length > 0 && NOT_A_NAME.test(words[0]!)) words.shift();
    const name = words.join(' ');
    if (name && !countryOf(name) && !countryOf(words[0]!)) out.set(name.toLowerCase(), name);
  }
  return out;
}

/**
 * Counts of "fighters", "insurgents" or "militants" that name no side, in an article that names one armed group only
 * ("Korvan Front fighters"), are that group's: "killed more than 200 insurgents" meets "120 Korvan Front fighters
 * killed". An article naming two groups or none is left as it is. `rebels` is namedRebels of the article. New objects,
 * never edits.
 */
export function nameTheRebels(claims: readonly ExtractedClaim[], rebels: ReadonlyMap<string, string>): ExtractedClaim[] {
  const names = [...new Set(rebels.values())];
  if (names.length !== 1) return [...claims];
  const name = names[0]!;
  return claims.map((c) => {
    if (c.population !== 'fighters' || !/^fighters\b/.test(c.metric)) return c;
    return { ...c, population: `${name} fighters`, metric: c.metric.replace(/^fighters\b/, `${name} fighters`) };
  });
}
