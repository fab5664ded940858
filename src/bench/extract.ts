// npm run bench:extract — extraction throughput on generated 5 KB articles, after warm-up, on one core.
// Prints articles per second and peak memory. The articles are written from templates of our own with
// varied figures, speakers, dates and hedges, so every stage of the pipeline does real work.
// Then the time to extract 1 MB of pathological text: a paste without full stops (one sentence of
// figures and speakers), "said said said…", and numbers run into one line. Extraction must stay linear.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extract, loadTagger, prepareLexicon, type PreparedLexicon } from '../extract/index.js';
import { prng } from './fixtures.js';
import type { Lexicon } from '../domain/types.js';

const ARTICLE_BYTES = 5 * 1024;
const WARMUP = 30;
const MEASURED = 300;


const SPEAKERS = ['The Defence Ministry', 'A regional governor', 'The monitoring group', 'Colonel Ana Petrova', 'The health office', 'Local officials', 'The Kremlin', 'Rebel commanders'];
const QUALIFIERS = ['', 'more than ', 'at least ', 'about ', 'some ', 'nearly ', 'up to ', 'as many as '];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WORDS = ['two', 'three', 'seven', 'ten', 'twelve', 'twenty'];
const VAGUE = ['Hundreds', 'Thousands', 'Dozens', 'Tens of thousands', 'Millions'];
const HEDGES = ['', 'reportedly ', 'allegedly ', ''];
const FILLER = [
  'Roads into the district remained closed to most traffic, and aid groups said supplies were running low.',
  'Diplomats in several capitals urged restraint while talks on a wider settlement stayed frozen.',
  'Residents described long queues for bread and fuel as prices climbed through the week.',
  'The front line has barely moved, though both sides traded artillery fire along the river.',
  'Analysts cautioned that official tallies often lag behind what happens on the ground.',
];

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)] as T;
}

function sentence(rand: () => number): string {
  const n = Math.floor(rand() * 90_000) + 10;
  const fmt = n.toLocaleString('en-US');
  const who = pick(rand, SPEAKERS);
  switch (Math.floor(rand() * 12)) {
    case 0:
      return `${who} said ${pick(rand, QUALIFIERS)}${fmt} people had been killed since ${pick(rand, MONTHS)} ${2012 + Math.floor(rand() * 10)}.`;
    case 1:
      return `"We ${pick(rand, HEDGES)}lost ${pick(rand, WORDS)} vehicles on ${pick(rand, WEEKDAYS)}," ${who.toLowerCase()} told reporters.`;
    case 2:
      return `According to ${who.toLowerCase()}, government forces now control ${Math.floor(rand() * 100)} percent of the province.`;
    case 3:
      return `${pick(rand, VAGUE)} of troops were ${pick(rand, HEDGES)}deployed to the border last ${pick(rand, ['week', 'month', 'year'])}.`;
    case 4:
      return `The ${Math.floor(rand() * 12) + 2}-year conflict has displaced between ${fmt} and ${(n * 2).toLocaleString('en-US')} people.`;
    case 5:
      return `He added that ${Math.floor(rand() * 40) + 1} per cent of respondents in the latest poll backed the plan.`;
    case 6:
      return `An S-400 battery and two Su-24M jets were seen near the base at ${10 + Math.floor(rand() * 12)}:${String(Math.floor(rand() * 60)).padStart(2, '0')}.`;
    case 7:
      return `The siege lasted ${Math.floor(rand() * 50) + 2} months, and the last convoy needed an hour and ${Math.floor(rand() * 50) + 5} minutes to cross.`;
    case 8:
      return `Over half the villages in the valley were ${pick(rand, HEDGES)}emptied over the first nine months of 2017, TASS reported.`;
    case 9:
      return `Talks are scheduled for ${pick(rand, MONTHS)} ${Math.floor(rand() * 27) + 1}, and a second round will follow next ${pick(rand, WEEKDAYS)}.`;
    case 10:
      return `The figure of ${fmt} could not be independently verified.`;
    default:
      return pick(rand, FILLER);
  }
}

/** One generated article of about `bytes` characters: a headline, then paragraphs of three sentences. */
function article(rand: () => number, bytes: number): string {
  const parts = [`Fighting flares along the river as ${pick(rand, VAGUE).toLowerCase()} flee`, ''];
  let size = parts[0]?.length ?? 0;
  while (size < bytes) {
    const para = [sentence(rand), sentence(rand), sentence(rand)].join(' ');
    parts.push(para);
    size += para.length + 1;
  }
  return parts.join('\n').slice(0, bytes);
}

function main(): void {
  const lexiconPath = fileURLToPath(new URL('../../db/lexicon/default.json', import.meta.url));
  // the part-of-speech model, loaded once per process as the CLI and each worker thread do
  const { tagger, loadMs } = loadTagger();
  console.log(`model: wink-nlp English model loaded in ${loadMs.toFixed(0)} ms`);
  // prepared once, as a caller that extracts many articles with one lexicon does (see extract/prepared.ts)
  const lexicon = prepareLexicon(JSON.parse(readFileSync(lexiconPath, 'utf8')) as Lexicon, tagger);
  const rand = prng(20150930);
  const corpus = Array.from({ length: WARMUP + MEASURED }, () => article(rand, ARTICLE_BYTES));
  const published = '2019-03-19';

  let claims = 0;
  let peakHeap = 0;
  for (const text of corpus.slice(0, WARMUP)) extract(text, { published, lexicon });
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  corpus.slice(WARMUP).forEach((text, i) => {
    claims += extract(text, { published, publisher: 'Bench Gazette', lexicon }).length;
    // sampled, so that measuring memory does not weigh on the throughput figure
    if (i % 10 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
  const kb = corpus.slice(WARMUP).reduce((sum, t) => sum + t.length, 0) / MEASURED / 1024;

  console.log(`extract: ${MEASURED} articles of ${kb.toFixed(1)} KB after ${WARMUP} warm-up, one core`);
  console.log(`  ${(MEASURED / seconds).toFixed(1)} articles/s (${((seconds * 1000) / MEASURED).toFixed(1)} ms each), ${(claims / MEASURED).toFixed(1)} claims per article`);
  // CPU time is steadier than wall time when other work shares the cores
  console.log(`  ${(MEASURED / cpuSeconds).toFixed(1)} articles per CPU second (${((cpuSeconds * 1000) / MEASURED).toFixed(1)} ms CPU each)`);
  console.log(`  peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB, peak heap used ${mb(peakHeap)} MB`);
  // the budget of the README ("Architecture": budgets): 50 articles of 5 KB per second on one core, RSS at most 300 MB
  const rssMb = (process.resourceUsage().maxRSS * 1024) / 1024 / 1024;
  console.log(`  budget: >= 50 articles/s and <= 300 MB RSS — ${MEASURED / seconds >= 50 && rssMb <= 300 ? 'met' : 'NOT met'}`);
  const timed = PATHOLOGICAL.map(([label, text]) => `${timeExtract(text, lexicon, published)} ms (${label})`);
  console.log(`  pathological 1 MB: ${timed.join(', ')}`);
}

const MB = 1024 * 1024;
const PATHOLOGICAL: readonly [string, string][] = [
  ['no full stops', 'officials said 10 people died and '.repeat(Math.ceil(MB / 34)).slice(0, MB)],
  ['"said said said…"', 'said '.repeat(MB / 4).slice(0, MB)],
  ['numbers on one line', Array.from({ length: MB / 4 }, (_, i) => String((i * 7919) % 100_000)).join(' ').slice(0, MB)],
];

/** Milliseconds to extract one text. */
function timeExtract(text: string, lexicon: PreparedLexicon, published: string): number {
  const started = process.hrtime.bigint();
  extract(text, { published, lexicon });
  return Math.round(Number(process.hrtime.bigint() - started) / 1e6);
}

main();
