// Stage "context", counting: how often an article names each country (name or demonym), for topic.ts. Split from
// topic.ts, which reads the war phrases. Hand-written: no library counts the countries a news text is about.

import { matchesOf } from './regex.js';
import { ATTACKER_NOUN, PROPER, countryOf, demonymSiblings, isPluralDemonym } from './places.js';

// any proper phrase (a name, a country, a demonym), for countryCounts and topic.ts's title places
export const ANY_PROPER = new RegExp(PROPER, 'u');
const REFUGE_BEFORE = /\b(?:fled|fleeing|flee|flees|crossed|crossing|escaped|sought\s+refuge|sheltering|refugees?|camps?)\s+(?:(?:in|into|to|across|from\s+\S+\s+(?:in|into|to))\s+)?(?:neighbou?ring\s+)?$/i;
const PEOPLE_OF = /\b(?:the|ethnic)\s+$/i;
const STATE_AFTER = /^(?:[’']s)?\s+(?:(?:own|national|armed|security|defence|defense)\s+)*(?:army|military|government|troops|forces|soldiers|junta|police)\b/i;

/** How often the text names each country (name or demonym), the title counting double. */
export function countryCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const titleEnd = text.indexOf('\n') > 0 ? text.indexOf('\n') : 200;
  for (const m of matchesOf(ANY_PROPER, text)) {
    // "the General Staff of Ukraine": the country an organisation's name ends on counts too
    // "an Israeli strike", "Russian missiles": a demonym before a weapon or an attack names the attacker, not where the war is
    if (ATTACKER_NOUN.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20)) && countryOf(m[0])?.demonym === m[0]) continue;
    // "ethnic Peruvians", "the Peruvians retook the port": a people by descent, or a foreign force, not the war's country
    if (PEOPLE_OF.test(text.slice(Math.max(0, m.index - 8), m.index)) && isPluralDemonym(m[0])) continue;
    // "fled into Chile", "refugee camps in Chile": where the war's refugees went, not where it is fought
    if (REFUGE_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    // "Peru's army", "Peruvian security forces": the state that fights the war counts twice
    const state = STATE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 30)) ? 1 : 0;
    for (const part of m[0].split(/\s+(?:and|of(?:\s+the)?)\s+/u)) {
      const country = countryOf(part) ?? countryOf(withoutLead(part));
      if (country) counts.set(country.name, (counts.get(country.name) ?? 0) + (m.index < titleEnd ? 2 : 1) + state);
    }
  }
  return counts;
}

/** "Congo" and "DR Congo" in one article are one country: countries sharing a demonym merge into the most named. */
export function mergeNamesakes(scores: Map<string, number>): void {
  for (const [name, score] of [...scores]) {
    const country = countryOf(name);
    if (!country) continue;
    const sibling = demonymSiblings(country).find((c) => c.name !== name && (scores.get(c.name) ?? 0) >= score);
    if (sibling && scores.has(name)) {
      scores.set(sibling.name, (scores.get(sibling.name) ?? 0) + score);
      scores.delete(name);
    }
  }
}

// Capitalised words that open a title or a question, not a name: "Why Nigeria's war", "Explainer: Who".
const LEAD_WORDS = /^(?:(?:Why|How|What|When|Where|Who|Which|Inside|Explainer|Analysis|Opinion|Comment|Timeline|Factbox|Q&A|As|After|Before|In|On|At)\s+)+/u;

/** A proper phrase without the title or question words it opens with ("Why Nigeria" → "Nigeria"). */
export function withoutLead(phrase: string): string {
  return phrase.replace(LEAD_WORDS, '');
}
