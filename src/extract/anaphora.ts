// Stage 5, document pass: a figure that refers back to the fact of an earlier one. "The monitor puts the toll
// at 18,000. The envoy said the true number could be as high as 60,000" and "the army says it lost 3,100
// soldiers; diplomats believe the real figure is closer to 9,000": the second figure names no measure or
// population of its own, only "the number", "the figure", "their strength" — it is another estimate of the
// fact just stated, and this is the commonest way an article sets two sources against each other.
// Hand-written: resolving "the real figure" to the figure it stands for is discourse reading no library does.

import { figureWords } from '../domain/conflict-model.js';
import { REVISED_REFERENCE } from '../domain/one-article.js';
import type { ExtractedClaim } from '../domain/types.js';
import { FORCE_STRENGTH, WHO_METRICS } from './count-fact.js';

/** What a claim needs here: the claim, the sentence it was read in and that sentence's paragraph. */
export interface PlacedClaim {
  claim: ExtractedClaim;
  sentence: number;
  paragraph: number;
}

// "the true number", "the real figure", "the overall toll", "their strength", "the tally": a noun standing for a
// figure already given, then (within the clause) the figure. "number of <something>" names its own population.
const REFERENCE = /(?:\b(?:the|that|this|its|their|his|her|our)|\p{Lu}[\p{L}.]*['’]s)\s+(?:(?:true|real|actual|likely|final|overall|total|correct|official|full|real-world|own)\s+)?(?:death\s+)?(?:number|figure|toll|tally|count|total|estimate|strength|numbers|figures|share|proportion|percentage|contingent|deployment)(?!\s+(?:of|among)\b|\s+for\s+(?!the\s+same\b|that\b|this\b))(?:[^.;:!?\d,]{0,60}|[^.;:!?\d,]{0,20},[^.;:!?\d]{1,120},[^.;:!?\d,]{0,20})$/iu;
// How far back the figure referred to may be: this sentence or the two before it, in the same or the previous paragraph.
const SENTENCES_BACK = 2;

/**
 * A count that says nothing of what it counts: no measure and no population of its own. The lexicon metrics that only
 * say who might be counted come from a keyword nearby ("150 fighters; elders put the number at closer to 30" gives
 * the 30 "fighters" from the other clause): no fact of the figure's own.
 */
function isBare(c: ExtractedClaim): boolean {
  return (c.kind === 'count' && WHO_METRICS.has(c.metric) && c.population === null) || (c.kind === 'percentage' && c.metric === 'share');
}

/** A claim another can refer back to: a count or a toll whose fact is known. */
function isDonor(c: ExtractedClaim): boolean {
  return ((c.kind === 'count' || c.kind === 'casualties') && c.metric !== 'count' && c.population !== null) || c.kind === 'territory';
}

/** The text of the claim's sentence before its figure, or null when the figure is not found in it. */
function textBefore(c: ExtractedClaim): string | null {
  return figureWords(c)?.before ?? null;
}

/**
 * Each bare figure introduced by a reference noun takes the fact (kind, measure, population, subject and
 * period) of the nearest figure before it; every other claim is returned as it is. New objects, never edits.
 */
export function resolveReferences(claims: readonly PlacedClaim[]): ExtractedClaim[] {
  return claims.map((here, i) => {
    const denied = deniedFigure(claims, i);
    if (denied) return denied;
    const samePeriod = samePeriodAs(claims, i);
    if (samePeriod) return samePeriod;
    const revised = revisedFigure(claims, i);
    if (revised) return revised;
    const before = isBare(here.claim) ? textBefore(here.claim) : null;
    if (before === null || !REFERENCE.test(before)) return here.claim;
    const donor = nearestDonor(claims, i);
    if (!donor) return here.claim;
    const { kind, metric, population, subject, scope } = donor;
    // "had raised the contingent to about 4,000 this year": a force's strength is held at a date, over no period
    const strength = kind === 'count' && FORCE_STRENGTH.test(metric);
    return { ...here.claim, kind, metric, population, subject: subject ?? here.claim.subject, scope: strength ? scope : here.claim.scope ?? scope };
  });
}

function nearestDonor(claims: readonly PlacedClaim[], i: number): ExtractedClaim | null {
  const here = claims[i]!;
  // "The UN puts the share at 85 percent. The minister insisted gangs held no more than 40 percent": a share may be
  // named by the figure after it in its paragraph
  if (here.claim.kind === 'percentage') {
    return backwardDonor(claims, i) ?? forwardDonor(claims, i, SENTENCES_BACK, (c) => c.kind === 'territory');
  }
  // "How many people the war has displaced depends on who is counting. The agency puts the number at about 630,000.
  // The IOM counted more than 817,000": with no figure before it, the number is the one the next sentence counts; a
  // figure of the paragraph before, two sentences back, is another topic's (one sentence back it is still this one)
  const back = backwardPlaced(claims, i);
  if (back && (back.paragraph === here.paragraph || here.sentence - back.sentence < SENTENCES_BACK)) return back.claim;
  return forwardDonor(claims, i, 1, (c) => isDonor(c) && c.kind === here.claim.kind) ?? back?.claim ?? null;
}

/** The first claim `accepts` takes within `reach` sentences after a bare figure, in its paragraph, or null. */
function forwardDonor(claims: readonly PlacedClaim[], i: number, reach: number, accepts: (c: ExtractedClaim) => boolean): ExtractedClaim | null {
  const here = claims[i]!;
  for (let j = i + 1; j < claims.length; j++) {
    const there = claims[j]!;
    if (there.paragraph !== here.paragraph || there.sentence - here.sentence > reach) return null;
    if (accepts(there.claim)) return there.claim;
  }
  return null;
}

function backwardDonor(claims: readonly PlacedClaim[], i: number): ExtractedClaim | null {
  return backwardPlaced(claims, i)?.claim ?? null;
}

/** The nearest claim before a bare figure that it may refer to, within reach, with where it stands. */
function backwardPlaced(claims: readonly PlacedClaim[], i: number): PlacedClaim | null {
  const here = claims[i]!;
  for (let j = i - 1; j >= 0; j--) {
    const there = claims[j]!;
    if (here.sentence - there.sentence > SENTENCES_BACK || here.paragraph - there.paragraph > 1) return null;
    // ("… more than 260,000 displaced are in the republic, which had a prewar population of about 300,000. The agency
    // puts the figure at about 170,000": a figure in a relative clause describes something else)
    if (there.sentence === here.sentence ? insideAside(there.claim) : inRelativeClause(there.claim)) continue;
    if (isDonor(there.claim) && (there.claim.kind === 'territory') === (here.claim.kind === 'percentage')) return there;
  }
  return null;
}

// "General Odo, who heads one of two rival governments, says the number is 40,000": a figure inside a relative aside
// describes the speaker; the number referred to is an earlier one
const ASIDE_OPEN = /,\s+(?:who|which|whose)\s[^,]*$/i;

/** True when the claim's figure is a population told in a ", which …" or ", who …" clause ("which had a prewar population of"). */
function inRelativeClause(c: ExtractedClaim): boolean {
  const words = figureWords(c);
  return words !== null && ASIDE_OPEN.test(words.before) && /\bpopulation\s+of\s+(?:\S+\s+)?$/i.test(words.before);
}

/** True when the claim's figure sits inside a ", who …," aside of its sentence that closes before the sentence ends. */
function insideAside(c: ExtractedClaim): boolean {
  const words = figureWords(c);
  return words !== null && ASIDE_OPEN.test(words.before) && words.after.includes(',');
}

/**
 * "Initial reports put the number of police killed at 44. The force later revised the toll to 40": a figure told as a
 * revision of the one before it counts what that one counts, whatever its own words say. Null when it is no revision.
 */
function revisedFigure(claims: readonly PlacedClaim[], i: number): ExtractedClaim | null {
  const here = claims[i]!;
  const before = here.claim.kind === 'casualties' || here.claim.kind === 'count' ? textBefore(here.claim) : null;
  if (before === null || !REVISED_REFERENCE.test(before.slice(-100))) return null;
  const there = backwardDonor(claims, i);
  if (!there || there.kind !== here.claim.kind) return null;
  const { metric, population, subject, scope } = there;
  return { ...here.claim, metric, population, subject: subject ?? here.claim.subject, scope: here.claim.scope ?? scope };
}

// "the dead were 1,800 soldiers, and not 2,600 civilians as the mission says": a figure a speaker denies in favour of
// the one just given is another estimate of that same quantity, whatever its own words say it counts.
const DENIAL = /(?:,\s*|\b(?:and|but)\s+)not\s+(?:the\s+)?$/i;

/** The denied figure re-read with the fact of the figure asserted before it in its sentence, or null. */
function deniedFigure(claims: readonly PlacedClaim[], i: number): ExtractedClaim | null {
  const here = claims[i]!;
  const before = here.claim.kind === 'casualties' || here.claim.kind === 'count' ? textBefore(here.claim) : null;
  if (before === null || !DENIAL.test(before)) return null;
  const there = claims[i - 1];
  if (!there || there.sentence !== here.sentence || there.claim.kind !== here.claim.kind || !isDonor(there.claim)) return null;
  const { metric, population, subject, scope } = there.claim;
  return { ...here.claim, metric, population, subject: subject ?? here.claim.subject, scope: here.claim.scope ?? scope };
}

// "the group said it had lost no more than 40 fighters in the same period": the period, and the place, of the figure
// the article gave before
// ("over the same 12 hours", "in the same three days": a span the text gave before, told again)
const SAME_PERIOD = /\b(?:in|over|during|for|within)\s+the\s+same\s+(?:(?:\d+|[a-z]+)[\s-])?(?:period|time|hours?|days?|weeks?|months?|years?|span|timeframe|operations?)\b/i;

/**
 * A figure counted "in the same period" re-read with the period and subject of the nearest earlier figure of its kind
 * that has one; when none has a period, with the subject and date of the rival figure it answers (answeredFigure). A
 * place its own sentence names stays its own.
 */
function samePeriodAs(claims: readonly PlacedClaim[], i: number): ExtractedClaim | null {
  const here = claims[i]!;
  if (here.claim.scope !== null || !SAME_PERIOD.test(here.claim.quote)) return null;
  // "Across the whole region, the UN recorded 280 over the same period": a place the sentence names stays its own
  const named = here.claim.subject !== null && here.claim.quote.includes(here.claim.subject);
  for (let j = i - 1; j >= 0; j--) {
    const there = claims[j]!;
    // the period just named ("retaken 70 towns since August. … 3,000 fighters killed over the same period"), else the
    // last period of a figure of the same kind
    const near = here.sentence - there.sentence <= 1 && there.claim.kind !== 'date' && there.claim.kind !== 'duration';
    if (there.claim.scope !== null && (there.claim.kind === here.claim.kind || near)) {
      const subject = there.claim.kind === here.claim.kind && !named ? there.claim.subject ?? here.claim.subject : here.claim.subject;
      return { ...here.claim, scope: there.claim.scope, subject };
    }
  }
  // "Officials said 1,300 were killed in the capital in the first 12 hours. Rebels put the dead over the same 12 hours at
  // about 400": no period was dated, but the rival figure counts what the figure it answers counts, told as of its day
  const answered = answeredFigure(claims, i);
  return answered ? { ...here.claim, subject: named ? here.claim.subject : answered.subject ?? here.claim.subject, asOf: answered.asOf ?? here.claim.asOf } : null;
}

// How many sentences back a figure told "over the same period" may answer another
const ANSWER_REACH = 2;

/** The nearest earlier figure of the same measure, in one of the sentences before, that another speaker gave. */
function answeredFigure(claims: readonly PlacedClaim[], i: number): ExtractedClaim | null {
  const here = claims[i]!;
  let j = i - 1;
  while (j >= 0 && claims[j]!.sentence === here.sentence) j--;
  for (; j >= 0 && here.sentence - claims[j]!.sentence <= ANSWER_REACH; j--) {
    const there = claims[j]!.claim;
    if (there.metric === here.claim.metric && there.speaker !== here.claim.speaker) return there;
  }
  return null;
}
