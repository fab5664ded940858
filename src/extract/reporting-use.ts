// Sentence analysis, reporting clauses: whether a reporting verb's match reports at all ("is said to", "the claims",
// "has still not said", "the war has claimed 600 lives" do not). Part of clauses.ts's findClauses; hand-written
// because no library reads reporting clauses.

import { LIVES_TAKEN_AT_START } from './lexicon-match.js';

// Forms that are nouns after a determiner ("the claims", "media reports").
const NOUN_FORMS = /^(reports|report|claims|claim|estimate|estimates|notes|records|documents|counts|states|say|shows|show|finds)$/;
const DETERMINER_BEFORE = /\b(the|a|an|these|those|this|that|his|her|its|their|our|such|media|news|unconfirmed|press|local|initial|earlier|latest|recent|official|many|some|other|several|conflicting|previous|new|first|initial|final|preliminary|own|conservative|rough|best|low|lower|high|higher|upper|independent|separate|broader|credible|total)\s+$/i;
// "the Korvan estimates", "such UN reports": a determiner and a name before a noun form
const NAMED_BEFORE = /\b(?:the|its|their|his|her|these|those|such)\s+(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}$/u;
const NOUN_AFTER = /^(?:\s*["“]|\s+(?:were|was|are|is|of|for|as|from|by)\b)/;
const PASSIVE_BEFORE = /\b(was|were|been|be|being|is|are|am)\s+(?:\w+ly\s+)?$/i;
// "the army rejected estimates by aid groups", "officials disputed reports": a noun form right after a past verb is its object
const OBJECT_OF_VERB = /\b(?:rejected|disputed|dismissed|questioned|cited|challenged|denied|contested|doubted|critici[sz]ed|welcomed|repeated)\s+$/u;

/** False for a reporting verb's match that does not report: passive, adjective, noun or idiom (see each check). */
export function isReportingUse(sentence: string, m: RegExpExecArray): boolean {
  const verb = m[1] ?? '';
  // the checks below look at the few words before the verb; a bounded window keeps each one cheap
  const before = sentence.slice(Math.max(0, m.index - 80), m.index);
  if (PASSIVE_BEFORE.test(before)) return false; // "is said to", "were reported killed"
  // "the confirmed death toll", "its reported losses": a participle after a determiner is an adjective
  if (/\b(?:the|a|an|its|their|his|her|this|these)\s+$/i.test(before) && /ed$/.test(verb)) return false;
  if (NOUN_FORMS.test(verb) && (DETERMINER_BEFORE.test(before) || OBJECT_OF_VERB.test(before))) return false;
  // "called the Korvan estimates \"motivated\"", not "officials in the Mesa Valley say the toll…"
  if (NOUN_FORMS.test(verb) && NAMED_BEFORE.test(before) && NOUN_AFTER.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 12))) return false;
  if (/\bwhat\s+(?:[\w'’-]+\s+){0,3}$/i.test(before)) return false; // "in what he described as"
  // "according to Chilean government estimates": the noun the according-phrase names its source by
  if (NOUN_FORMS.test(verb) && /\baccording\s+to\s+[^,;.]*$/i.test(before)) return false;
  if (/\bto\s+$/i.test(before) && /^(say|report|claim|estimate)$/.test(verb)) return false; // "hard to say"
  // "the government has still not said how many died", "never reported": a statement denied is none
  if (/\b(?:not|never|n['’]t)\s+(?:(?:yet|still|publicly|officially)\s+)?$/i.test(before)) return false;
  if (/^add(ed|s)?$/.test(verb) && /^\s+to\b/.test(sentence.slice(m.index + m[0].length))) return false; // "have added to the pressure"
  // "figures compiled by the mission", "violations recorded by the army": a participle before "by" is passive
  if (/ed$/.test(verb) && /^\s+by\b/.test(sentence.slice(m.index + m[0].length))) return false;
  // "attacks attributed to the militia": a participle, not the commission that "attributed 85 percent to the army";
  // "officials blamed the militia, which …" reports a figure only as what the blame is for ("blames X for 450 killings")
  const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 90);
  if ((/^attribut/.test(verb) && /^\s+to\b/.test(after)) || (/^blame/.test(verb) && !/^[^.;,]*?\bfor\b/.test(after))) return false;
  // "the war has claimed more than 62,000 lives" (a toll the war took); "…, warning civilians to leave", "telling
  // residents to flee" (a participle reports only what it says "that")
  if (/^claim/.test(verb) && LIVES_TAKEN_AT_START.test(sentence.slice(m.index, m.index + 160))) return false;
  return !((verb === 'warning' && !/^\s+that\b/.test(after)) || (verb === 'telling' && !/^\s+(?:[\p{L}'’.-]+\s+){1,4}?that\b/u.test(after)));
}
