// Figures of one article that the article itself sets against each other: two named speakers ("the monitor puts the
// toll at 20,000 … the envoy says as high as 150,000"), or one sentence that contrasts or revises ("closer to 100,000
// than the figure of 200,000", "revised from 1,400 to 1,200"), or a speaker's figure told as superseded by its own
// later one ("in its first statement it had put the toll at about 200 … now says at least 400"). Other figures of one
// article for one fact are nearly always parts of a whole, and the numeric rules leave them be (crosscheck.ts). Pure.

import { figureWords, independenceKey, toldAsPart, type ClaimInContext, type ComputedConflict, type Prepared } from './conflict-model.js';
import { GREW_TO } from './running-totals.js';
import { build, lead, says, topic } from './conflict-words.js';
import { overlaps, relativeGap } from './intervals.js';

/** Two figures of one article that the article sets against each other (crosscheck.ts checkPrepared). */
export function disagreeInOneArticle(a: ClaimInContext, b: ClaimInContext): boolean {
  // "… 43,500 more deaths, bringing the total to 62,000": a total the article adds up is no rival of its parts
  if (sumsEarlier(a, b) || sumsEarlier(b, a)) return false;
  // "The researchers said 601,027 of those excess deaths were violent": a part of the figure told before it
  if (partOfEarlier(a, b) || partOfEarlier(b, a)) return false;
  // The publisher's own voice beside a cited figure is most often context or a part ("the war began … killing
  // 1,200"; "thousands of bodies are still buried"): only two named speakers disagree outright.
  if (a.speakerId !== null && b.speakerId !== null && independenceKey(a) !== independenceKey(b)) return true;
  // Beside a named speaker's figure, the one in the publisher's voice disagrees when the publisher sets its own count
  // against it ("The Monitor's own count … is 31" beside the ministry's 44), or when its sentence reports it as
  // someone's word though no speaker was named ("a delegation of the group told reporters that … 85 percent")
  const unnamed = (a.speakerId === null) !== (b.speakerId === null) ? (a.speakerId === null ? a : b) : null;
  if (unnamed && (OWN_COUNT.test(unnamed.quote) || reportedSpeech(unnamed))) return true;
  return setAgainst(a, b);
}

// The words of a publisher giving its own figure: "our count", "the Monitor's own tally", "by our own records".
const OWN_COUNT = /\b(?:own|our)\s+(?:count|tally|figure|figures|estimate|total|records?|data|documentation)\b/i;

/** Two figures of one sentence that it contrasts ("not 3,000", "closer to … than") or revises ("revised from … to"). */
export function setAgainst(a: ClaimInContext, b: ClaimInContext): boolean {
  if (a.quoteStart !== b.quoteStart) return false;
  return CONTRAST.test(between(a, b)) || (REVISION.test(a.quote) && /^\s*to\b/i.test(between(a, b)));
}

/** True when `part` is told as a part of a figure ("n of those …") and `whole` comes before it in the article. */
function partOfEarlier(part: ClaimInContext, whole: ClaimInContext): boolean {
  return whole.quoteStart + whole.quote.indexOf(whole.valueText) < part.quoteStart + part.quote.indexOf(part.valueText) && part.figure.unit === 'count' && toldAsPart(part, true);
}

// Words that make the figure after them the sum of figures stated before ("bringing the total to 62,000").
const SUM_BEFORE = /\b(?:bring\w*|tak\w*|took|push\w*|rais\w*)\s+the\s+(?:\w+\s+)?(?:total|toll|tally|count)\s+to\s+(?:\S+\s+){0,4}$/i;

/** True when `total` is stated as the sum of figures before it and `part` comes no later in the article. */
function sumsEarlier(total: ClaimInContext, part: ClaimInContext): boolean {
  if (part.quoteStart > total.quoteStart) return false;
  const before = figureWords(total)?.before.slice(-80) ?? '';
  return before !== '' && SUM_BEFORE.test(before);
}

// A verb of saying before the figure in its sentence ("told reporters that", "claimed to control", "said")
// ("a war that has claimed 62,000 lives" claims no speech: only "claimed to" or "claimed that" does)
const SAID_BEFORE = /\b(?:said|says|told|stated|(?:claim|insist|maintain)(?:s|ed)?\s+(?:to|that)\b)/i;

function reportedSpeech(c: ClaimInContext): boolean {
  const words = figureWords(c);
  return words !== null && SAID_BEFORE.test(words.before);
}

// Words between two figures of one sentence that set one against the other.
const CONTRAST = /\b(?:than|not|rather than|instead of|contrary to|against|contradict\w*|disput\w*)\b/i;
// The verbs of a revision: "revised", "updated", "lowered", "cut" (and "reduced", which is told only with a figure after)
const REVISION_VERB = String.raw`(?:revis\w*|updat\w*|correct\w*|lower\w*|rais\w*|cut|adjust\w*)`;
const REVISION = new RegExp(String.raw`\b${REVISION_VERB}\b`, 'i');

/** The words between two figures of one sentence (located by their value text in the quote). */
function between(a: ClaimInContext, b: ClaimInContext): string {
  const x = a.quote.indexOf(a.valueText);
  const y = a.quote.indexOf(b.valueText, x < 0 ? 0 : x + a.valueText.length);
  if (x < 0 || y < 0) {
    const y2 = a.quote.indexOf(b.valueText);
    const x2 = y2 < 0 ? -1 : a.quote.indexOf(a.valueText, y2 + b.valueText.length);
    return x2 < 0 || y2 < 0 ? '' : a.quote.slice(y2 + b.valueText.length, x2);
  }
  return a.quote.slice(x + a.valueText.length, y);
}

// "… put the toll at 1,000. On Monday the army revised that number down to 920": a figure told as a revision of the one
// before it (group: the words right before the figure)
export const REVISED_REFERENCE = new RegExp(
  String.raw`\b(?:${REVISION_VERB}|reduc\w*)\s+(?:that|this|the|its|their|his|her)\s+(?:earlier\s+|previous\s+|initial\s+|own\s+|death\s+)?(?:figure|number|estimate|toll|count|tally|total)\s+(?:(?:up|down|upward|downward|sharply)\s+)?to\s+(?:\S+\s+){0,3}$`,
  'i',
);
// How far before the revision the revised figure may be told (a few sentences).
const REVISION_REACH = 600;
// A figure told as superseded: "had put the toll at", "initially said", "in its first statement … 200", "the earlier
// estimate of". Past-perfect reporting of a count the same article then gives anew.
const EARLIER = /\b(?:had\s+(?:first\s+)?(?:put|given|set|said|reported|estimated|counted|announced)|initially|at\s+first|originally|(?:its|their|the)\s+first\s+(?:statement|count|figure|estimate|report|tally|toll)|(?:earlier|previous|initial|original)\s+(?:figure|estimate|count|toll|tally|statement|report))\b/i;

/** "40 more rebels", "another 40", "a further 40": a figure that adds to a count, not one that replaces it. */
function increment(p: Prepared): boolean {
  const words = figureWords(p.claim);
  return words !== null && (/^\s+more\b/i.test(words.after) || /\b(?:another|additional|a\s+further)\s+$/i.test(words.before));
}

function samePeriod(a: Prepared, b: Prepared): boolean {
  return a.scope === b.scope && a.claim.scopeFrom === b.claim.scopeFrom && a.claim.scopeTo === b.claim.scopeTo;
}

/** The words of the figure's clause before it (up to 100 characters) match the pattern. */
function toldAs(p: Prepared, pattern: RegExp): boolean {
  const words = figureWords(p.claim);
  return words !== null && pattern.test(words.before.slice(-100).split(/[;:]|,\s+(?:but|while|and)\s/).pop()!);
}

/**
 * The later figure revises the earlier: it is told as a revision of the figure a few sentences before it ("revised
 * that number down to 920"), or the earlier is told as superseded ("had put the toll at about 200") and the later is
 * the same speaker's current figure for the same period, not a running total's growth (running-totals.ts GREW_TO).
 */
function revises(earlier: Prepared, later: Prepared): boolean {
  // (a speaker's own figure, told anew for the same period: another speaker's is a rival, not a revision, and a
  // count for another period is no revision of it)
  const superseded = toldAs(earlier, EARLIER) && !toldAs(later, EARLIER) && !toldAs(later, GREW_TO) && !increment(later);
  if (superseded && independenceKey(earlier.claim) === independenceKey(later.claim) && samePeriod(earlier, later)) return true;
  if (earlier.claim.quoteStart > later.claim.quoteStart || later.claim.quoteStart - earlier.claim.quoteStart > REVISION_REACH) return false;
  return toldAs(later, REVISED_REFERENCE);
}

/**
 * A later figure of one article that revises an earlier figure of the same fact ("revised that number down to 920")
 * is a disagreement the article reports, however close the two are: the conflict, or null. Both figures are
 * compared as written (no tolerance): the article itself says the figure changed.
 */
export function revisionConflict(x: Prepared, y: Prepared): ComputedConflict | null {
  if (x.claim.sourceId !== y.claim.sourceId || x.metric !== y.metric || x.claim.quoteStart === y.claim.quoteStart) return null;
  // the figure told as superseded is the earlier one, wherever it stands; else the one told first
  const xEarlier = toldAs(x, EARLIER) !== toldAs(y, EARLIER) ? toldAs(x, EARLIER) : x.claim.quoteStart <= y.claim.quoteStart;
  const [earlier, later] = xEarlier ? [x, y] : [y, x];
  if (!revises(earlier, later) || overlaps(earlier.interval, later.interval, 0)) return null;
  const [a, b] = x.claim.id <= y.claim.id ? [x, y] : [y, x];
  const explanation = `${lead(a, b, topic(a))}${says(earlier)}; ${says(later)}, told as a revision of it. The article reports that the figure changed: both cannot be the count.`;
  return build('revision', a, b, relativeGap(a.core, b.core), explanation);
}
