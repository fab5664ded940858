// Generated articles for the benches: deterministic (seeded), varied, and written by the team from templates of its
// own. Each article knows where its checkable figures are (offsets into the body), so a bench can store claims that
// point at the text exactly, as imported ones do, without running extraction.
import type { ClaimKind, Figure, Qualifier } from '../domain/types.js';

/** A small seeded generator (mulberry32): the same seed gives the same corpus on every run. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One element of a non-empty list, uniformly. */
export function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)] as T;
}

/** An integer in [low, high], uniformly. */
export function between(rand: () => number, low: number, high: number): number {
  return low + Math.floor(rand() * (high - low + 1));
}

/**
 * Picks indexes 0..n-1 with Zipf-like weights (index i has weight 1/(i+1)^s): a few subjects and speakers get most
 * of the claims, as in real coverage, and most get a handful. Built once (cumulative table), O(log n) per draw.
 */
export function zipf(n: number, s = 1): (rand: () => number) => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i += 1) {
    total += 1 / Math.pow(i + 1, s);
    cumulative[i] = total;
  }
  return (rand) => {
    const target = rand() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const PLACES = [
  'Aleppo', 'Idlib', 'Raqqa', 'Homs', 'Hama', 'Latakia', 'Palmyra', 'Daraa', 'Kobani', 'Mosul', 'Tartus', 'Afrin', 'Manbij',
  'Qamishli', 'Douma', 'Deir ez-Zor', 'Quneitra', 'Jableh', 'Baniyas', 'Sarmada', 'Tal Abyad', 'Ras al-Ain', 'Maarat al-Numan',
  'Khan Sheikhoun', 'Saraqib', 'Jisr al-Shughur', 'Hasakah', 'Suwayda', 'Tadmur', 'Busra', 'Zabadani', 'Ghouta',
];
const PLACE_KINDS = ['province', 'district', 'valley', 'border crossing', 'air base', 'front', 'pocket', 'countryside'];
const CONFLICTS = ['civil war', 'offensive', 'siege', 'campaign', 'insurgency', 'ceasefire', 'evacuation'];
const FIRST = ['Ana', 'Viktor', 'Leila', 'Omar', 'Marta', 'Yusuf', 'Irina', 'Karim', 'Sofia', 'Dmitri', 'Nadia', 'Hassan', 'Elena', 'Tariq', 'Rania', 'Pavel'];
const LAST = ['Petrova', 'Bondar', 'Haddad', 'Khalil', 'Orlova', 'Saleh', 'Volkov', 'Nasser', 'Ilyina', 'Darwish', 'Mansour', 'Sokolov', 'Aziz', 'Kuznets'];
const ROLES = ['Defence Ministry', 'Health Office', 'Monitoring Group', 'Relief Agency', 'Interior Ministry', 'Civil Defence', 'Coalition Command', 'Observatory'];
const OUTLET_A = ['Northgate', 'Eastbridge', 'Saltmarsh', 'Kestrel', 'Meridian', 'Vantage', 'Halvard', 'Ridgeway', 'Coldwater', 'Brightline', 'Harbour', 'Lantern'];
const OUTLET_B = ['Herald', 'Courier', 'Ledger', 'Daily', 'Observer', 'Wire', 'Radio', 'Review', 'Dispatch', 'Post', 'Monitor', 'Times'];

/** Names of subjects (places, wars, campaigns), most covered first. */
export function subjectNames(n: number): string[] {
  const names: string[] = [];
  for (let i = 0; names.length < n; i += 1) {
    const place = PLACES[i % PLACES.length] as string;
    const round = Math.floor(i / PLACES.length);
    if (round === 0) names.push(place);
    else if (round <= CONFLICTS.length) names.push(`the ${place} ${CONFLICTS[round - 1]}`);
    else names.push(`${place} ${PLACE_KINDS[round % PLACE_KINDS.length]} ${Math.floor(round / PLACE_KINDS.length)}`);
  }
  return names;
}

/** Names of speakers (people and organisations), most quoted first. */
export function speakerNames(n: number): string[] {
  const names: string[] = [];
  for (let i = 0; names.length < n; i += 1) {
    if (i % 3 === 2) names.push(`the ${PLACES[i % PLACES.length]} ${ROLES[Math.floor(i / 3) % ROLES.length]}${i >= 3 * PLACES.length * ROLES.length ? ` ${i}` : ''}`);
    else {
      const first = FIRST[i % FIRST.length] as string;
      const last = LAST[Math.floor(i / FIRST.length) % LAST.length] as string;
      const clash = Math.floor(i / (FIRST.length * LAST.length));
      names.push(clash === 0 ? `${first} ${last}` : `${first} ${String.fromCharCode(65 + (clash % 26))}. ${last}${clash >= 26 ? `-${clash}` : ''}`);
    }
  }
  return names;
}

/** Names of outlets. */
export function publisherNames(n: number): string[] {
  const names: string[] = [];
  for (let i = 0; names.length < n; i += 1) {
    const base = `${OUTLET_A[i % OUTLET_A.length]} ${OUTLET_B[Math.floor(i / OUTLET_A.length) % OUTLET_B.length]}`;
    const round = Math.floor(i / (OUTLET_A.length * OUTLET_B.length));
    names.push(round === 0 ? base : `${base} ${round + 1}`);
  }
  return names;
}

const FILLER = [
  'Roads into the district stayed closed to most traffic, and aid workers said stocks of flour were thin.',
  'Diplomats in several capitals called for calm while talks on a wider settlement remained stalled.',
  'Residents spoke of long lines for bread and fuel as prices rose again through the week.',
  'The front has hardly moved in months, though both sides exchanged artillery fire across the river.',
  'Analysts warned that official tallies often trail what is happening on the ground.',
  'Schools in the town reopened briefly before a new wave of shelling sent families back to basements.',
  'A convoy of trucks carrying medicine waited at the checkpoint for a second day.',
  'Local councils asked for generators after the main power line was cut again.',
  'Farmers said the harvest would be late because fields near the road had been mined.',
  'Officials on both sides declined to comment on the report when reached by phone.',
  'Footage shared online showed smoke rising over the old market, though its date was unclear.',
  'The hospital director said staff had worked double shifts since the start of the month.',
  'Observers noted that the two accounts differed on almost every detail except the place.',
  'The statement did not say how the numbers had been gathered or who had checked them.',
  'Several families interviewed by phone said they planned to leave if the fighting reached the bridge.',
];

const QUALIFIED: { text: string; qualifier: Qualifier; low: number; high: number }[] = [
  { text: '', qualifier: 'exact', low: 1, high: 1 },
  { text: 'more than ', qualifier: 'at-least', low: 1, high: Number.NaN },
  { text: 'at least ', qualifier: 'at-least', low: 1, high: Number.NaN },
  { text: 'about ', qualifier: 'about', low: 0.9, high: 1.1 },
  { text: 'nearly ', qualifier: 'nearly', low: 0.9, high: 1 },
  { text: 'up to ', qualifier: 'at-most', low: Number.NaN, high: 1 },
];

/** A checkable figure in a generated article: where its sentence is and what it says. */
export interface GeneratedClaim {
  /** The sentence; body.slice(start, end) === quote. */
  quote: string;
  start: number;
  end: number;
  valueText: string;
  kind: ClaimKind;
  metric: string;
  /** Index into the subjects / speakers lists; speaker null = the outlet's own voice. */
  subject: number;
  speaker: number | null;
  figure: Figure;
  qualifier: Qualifier;
  scopeFrom: string | null;
  hedge: string | null;
}

export interface GeneratedArticle {
  title: string;
  publisher: string;
  publishedAt: string;
  body: string;
  claims: GeneratedClaim[];
}

export interface ArticleVocabulary {
  subjects: string[];
  speakers: string[];
  publishers: string[];
  /** Draw a subject / speaker / publisher index (e.g. zipf). */
  drawSubject: (rand: () => number) => number;
  drawSpeaker: (rand: () => number) => number;
  drawPublisher: (rand: () => number) => number;
}

/** A vocabulary of the given sizes with Zipf-distributed draws. */
export function vocabulary(sizes: { subjects: number; speakers: number; publishers: number }): ArticleVocabulary {
  return {
    subjects: subjectNames(sizes.subjects),
    speakers: speakerNames(sizes.speakers),
    publishers: publisherNames(sizes.publishers),
    drawSubject: zipf(sizes.subjects, 1),
    drawSpeaker: zipf(sizes.speakers, 0.9),
    drawPublisher: zipf(sizes.publishers, 0.7),
  };
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const iso = (y: number, m: number, d: number): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

function countFigure(n: number, q: (typeof QUALIFIED)[number]): Figure {
  return {
    unit: 'count',
    low: Number.isNaN(q.low) ? null : Math.round(n * q.low),
    high: Number.isNaN(q.high) ? null : Math.round(n * q.high),
  };
}

/** A stable pseudo-random number in [0, 1) for a fact (subject and template), so sources mostly agree on it. */
function factNoise(subject: number, template: number, salt = 0): number {
  let h = Math.imul(subject + 1, 0x9e3779b1) ^ Math.imul(template + 7, 0x85ebca6b) ^ Math.imul(salt + 13, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return ((h ^ (h >>> 13)) >>> 0) / 4294967296;
}

/**
 * One sentence with a figure about `subject`, attributed to `speaker` (or to the outlet when null). Figures follow
 * the fact (subject and template): sources mostly agree within a few percent, cumulative tolls grow with the year of
 * publication, and about one figure in twelve is an outlier, so the cross-check finds some conflicts, not all pairs.
 */
function claimSentence(rand: () => number, vocab: ArticleVocabulary, publishedYear: number): Omit<GeneratedClaim, 'start' | 'end'> {
  const subject = vocab.drawSubject(rand);
  const speaker = rand() < 0.25 ? null : vocab.drawSpeaker(rand);
  const about = vocab.subjects[subject] as string;
  const who = speaker === null ? 'the agency' : (vocab.speakers[speaker] as string);
  const hedge = rand() < 0.12 ? pick(rand, ['reportedly', 'allegedly']) : null;
  const h = hedge ? `${hedge} ` : '';
  const template = between(rand, 0, 9);
  const outlier = rand() < 0.08 ? 1.5 + rand() * 2 : 1;
  const noise = 1 + (rand() - 0.5) * 0.04;
  const base = Math.pow(10, 1.5 + factNoise(subject, template) * 3.5);
  const n = Math.max(2, Math.round(base * noise * outlier));
  const startYear = 2011 + Math.floor(factNoise(subject, template, 1) * Math.max(1, publishedYear - 2011));
  const startMonth = 1 + Math.floor(factNoise(subject, template, 2) * 12);
  const month = outlier > 1 ? between(rand, 1, 12) : startMonth;
  const year = outlier > 1 ? between(rand, 2011, publishedYear) : startYear;
  const q = pick(rand, QUALIFIED);
  const common = { subject, speaker, hedge, scopeFrom: null };
  switch (template) {
    case 0: {
      // A cumulative toll: it grows with each year since the fighting began.
      const toll = Math.round(n * (1 + publishedYear - startYear));
      return {
        ...common, kind: 'casualties', metric: 'killed', valueText: `${q.text}${toll.toLocaleString('en-US')}`, qualifier: q.qualifier, figure: countFigure(toll, q),
        scopeFrom: iso(startYear, startMonth, 1),
        quote: `${capitalise(who)} said ${q.text}${toll.toLocaleString('en-US')} people had ${h}been killed in ${about} since ${MONTHS[startMonth - 1]} ${startYear}.`,
      };
    }
    case 1: {
      const hurt = between(rand, 3, 400);
      return {
        ...common, kind: 'casualties', metric: 'wounded', valueText: `at least ${hurt}`, qualifier: 'at-least', figure: { unit: 'count', low: hurt, high: null },
        quote: `At least ${hurt} people were ${h}wounded in ${about} on ${pick(rand, WEEKDAYS)}, ${who} told reporters.`,
      };
    }
    case 2: {
      const p = Math.min(99, Math.max(1, Math.round((5 + factNoise(subject, template, publishedYear) * 90) * (outlier > 1 ? 0.5 : 1))));
      return {
        ...common, kind: 'territory', metric: 'territory controlled', valueText: `${p} percent`, qualifier: 'exact', figure: { unit: 'percent', low: p, high: p },
        quote: `According to ${who}, government forces now ${h}hold ${p} percent of ${about}.`,
      };
    }
    case 3:
      return {
        ...common, kind: 'count', metric: 'troops deployed', valueText: `about ${n.toLocaleString('en-US')}`, qualifier: 'about', figure: countFigure(n, QUALIFIED[3]!),
        quote: `${capitalise(who)} said about ${n.toLocaleString('en-US')} troops had ${h}been sent to ${about} last month.`,
      };
    case 4:
      return {
        ...common, kind: 'count', metric: 'displaced', valueText: `between ${n.toLocaleString('en-US')} and ${(2 * n).toLocaleString('en-US')}`, qualifier: 'range',
        figure: { unit: 'count', low: n, high: 2 * n },
        quote: `The fighting in ${about} has ${h}displaced between ${n.toLocaleString('en-US')} and ${(2 * n).toLocaleString('en-US')} people, ${who} said.`,
      };
    case 5:
      return {
        ...common, kind: 'date', metric: 'start date', valueText: `${MONTHS[month - 1]} ${year}`, qualifier: 'exact',
        figure: { unit: 'date', low: iso(year, month, 1), high: iso(year, month, lastDay(year, month)) },
        quote: `${capitalise(who)} said the fighting in ${about} ${h}began in ${MONTHS[month - 1]} ${year}.`,
      };
    case 6: {
      const years = Math.max(1, publishedYear - year);
      return {
        ...common, kind: 'duration', metric: 'duration', valueText: `${years}-year`, qualifier: 'exact', figure: { unit: 'year', low: years, high: years },
        quote: `The ${years}-year war has ${h}reshaped ${about}, ${who} wrote in a report.`,
      };
    }
    case 7: {
      const p = Math.min(99, Math.round((3 + factNoise(subject, template, publishedYear) * 77) * (outlier > 1 ? 1.3 : 1)));
      return {
        ...common, kind: 'percentage', metric: 'poll share', valueText: `${p} per cent`, qualifier: 'exact', figure: { unit: 'percent', low: p, high: p },
        quote: `${p} per cent of respondents in ${about} ${h}backed the plan, ${who} said.`,
      };
    }
    case 8:
      return {
        ...common, kind: 'count', metric: 'airstrikes', valueText: `${n.toLocaleString('en-US')}`, qualifier: 'exact', figure: { unit: 'count', low: n, high: n },
        quote: `${capitalise(who)} counted ${n.toLocaleString('en-US')} airstrikes ${h}carried out on ${about} during the year.`,
      };
    default: {
      const day = between(rand, 1, 28);
      return {
        ...common, kind: 'date', metric: 'meeting date', valueText: `${MONTHS[month - 1]} ${day}`, qualifier: 'exact',
        figure: { unit: 'date', low: iso(publishedYear, month, day), high: iso(publishedYear, month, day) },
        quote: `Talks on ${about} are ${h}scheduled for ${MONTHS[month - 1]} ${day}, ${who} said.`,
      };
    }
  }
}

/**
 * An article of about `bytes` characters holding `claimCount` sentences with figures, spread over paragraphs of
 * three to five sentences among filler, with a headline on the first line.
 */
export function generateArticle(rand: () => number, vocab: ArticleVocabulary, options: { bytes: number; claimCount: number }): GeneratedArticle {
  const year = between(rand, 2012, 2024);
  const publishedAt = iso(year, between(rand, 1, 12), between(rand, 1, 28));
  const publisher = vocab.publishers[vocab.drawPublisher(rand)] as string;
  const headSubject = vocab.subjects[vocab.drawSubject(rand)] as string;
  const title = `${capitalise(pick(rand, ['new figures on', 'fighting flares in', 'aid stalls in', 'talks resume over', 'a week of strikes in']))} ${headSubject}`;
  const claims: GeneratedClaim[] = [];
  let body = `${title}\n\n`;
  let pendingClaims = options.claimCount;
  let sentencesLeft = Math.max(options.claimCount, 1);
  while (pendingClaims > 0 || body.length < options.bytes) {
    const sentences = between(rand, 3, 5);
    for (let i = 0; i < sentences; i += 1) {
      if (i > 0) body += ' ';
      // Spread the figures so that some land in each paragraph, with filler around them.
      const wantClaim = pendingClaims > 0 && (body.length >= options.bytes || rand() < Math.min(0.9, pendingClaims / sentencesLeft + 0.25));
      if (wantClaim) {
        const claim = claimSentence(rand, vocab, year);
        claims.push({ ...claim, start: body.length, end: body.length + claim.quote.length });
        body += claim.quote;
        pendingClaims -= 1;
      } else {
        body += pick(rand, FILLER);
      }
      sentencesLeft = Math.max(1, sentencesLeft - 1);
    }
    body += '\n\n';
  }
  return { title, publisher, publishedAt, body, claims };
}

/**
 * A paste of `sentences` different tolls for one fact (the war in Valdoria, an invented place), five sentences a
 * paragraph: the figure-dense article of the crowded-fact case (app/crowded-facts.ts). A seed gives its own figures.
 */
export function denseTolls(seed: number, sentences: number): string {
  const rand = prng(seed);
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    out.push(`The war in Valdoria has killed ${between(rand, 1000, 91_000).toLocaleString('en-US')} people, the ministry said.`);
    out.push(i % 5 === 4 ? '\n\n' : ' ');
  }
  return out.join('');
}
