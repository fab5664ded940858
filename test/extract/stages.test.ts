// Each stage of extraction on its own, on sentences the team wrote: what it takes, what it returns, and that
// it returns new values rather than changing what it was given.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Lexicon } from '../../src/domain/types.js';
import { analyseSentence } from '../../src/extract/analysis.js';
import { dateFinder } from '../../src/extract/dates.js';
import { closingPass, eventMemory, speakerMemory, type ReadClaim } from '../../src/extract/document.js';
import { findFigures } from '../../src/extract/figures.js';
import { extract, prepareLexicon } from '../../src/extract/index.js';
import { segment } from '../../src/extract/segment.js';

const lexicon = prepareLexicon(JSON.parse(readFileSync(fileURLToPath(new URL('../../db/lexicon/default.json', import.meta.url)), 'utf8')) as Lexicon);
const published = '2021-04-12';

function stagesOf(text: string) {
  const records = segment(text);
  const figures = records.map((s) => findFigures(s, lexicon.lex, dateFinder(published)));
  const analyses = records.map((s, i) => analyseSentence(s, figures[i]!, lexicon, published));
  return { records, figures, analyses };
}

describe('1 segment', () => {
  it('carries an open quotation into the next sentence of its paragraph, never past a paragraph break', () => {
    const text = 'Petrova said: “The shelling went on all night. We counted 14 dead in Portbrak.\nNobody came to help.';
    const [first, second, third] = segment(text);
    expect(first).toMatchObject({ index: 0, paragraph: 0, startsInQuote: false, openAtEnd: true });
    expect(second).toMatchObject({ index: 1, startsInQuote: true, openAtEnd: true });
    expect(third).toMatchObject({ paragraph: 1, startsInQuote: false, quotes: [] });
    expect(text.slice(second!.start, second!.end)).toBe(second!.text);
  });

  it('marks the sentences of a photo caption', () => {
    const [caption] = segment('Residents queue for water in Upper Mires, 3 April 2021. Photo: handout');
    expect(caption?.caption).toBe(true);
  });
});

describe('2 mentions', () => {
  it('reads a range as one mention and sets a dateline aside', () => {
    const { figures } = stagesOf('PORTBRAK, April 11 (Valdoria Wire) - Between 300 and 450 people fled East Tarn, officials said.');
    expect(figures[0]!.allDates.map((d) => d.text)).toEqual(['April 11']);
    expect(figures[0]!.dates).toEqual([]);
    expect(figures[0]!.mentions.map((m) => [m.text, m.low, m.high, m.qualifier])).toEqual([['Between 300 and 450', 300, 450, 'range']]);
  });
});

describe('3 sentence analysis', () => {
  it('keeps reporting verbs inside a quotation out of the sentence\'s own clauses', () => {
    const { analyses } = stagesOf('"They said 40 soldiers died," the Valdorian ministry said on Monday.');
    expect(analyses[0]!.allClauses.map((c) => c.cue)).toEqual(['said', 'said']);
    expect(analyses[0]!.clauses.map((c) => c.phrase)).toEqual(['Valdorian ministry']);
    expect(analyses[0]!.ground?.hedges).toHaveLength(1);
  });

  it('works out nothing per figure for a sentence without figures or event nouns', () => {
    expect(stagesOf('Rain fell on the valley.').analyses[0]!.ground).toBeNull();
  });
});

describe('5 document pass', () => {
  it('resolves "he" to the last named speaker and a quotation to the clause that closes it', () => {
    const text = 'Colonel Ana Petrova said 12 fighters were captured. He added that 30 more surrendered.\n“We counted 14 dead in Portbrak. Nobody came to help,” the mayor said.';
    const { records, analyses } = stagesOf(text);
    const speakers = speakerMemory(records, analyses, lexicon.lex, 'Portbrak Courier');
    expect(speakers[1]!.clauses[0]!.speaker).toBe('Colonel Ana Petrova');
    expect(speakers[2]!.quoted).toBe('mayor');
    expect(extract(text, { published, lexicon }).find((c) => c.valueText === '14')?.speaker).toBe('mayor');
  });

  it('gives a quotation with no clause of its own the speaker of the quotation before it', () => {
    const text = '“We lost 9 men near the river,” Petrova said. “Another 4 are missing.”';
    const { records, analyses } = stagesOf(text);
    expect(speakerMemory(records, analyses, lexicon.lex, null)[1]!.quoted).toBe('Petrova');
  });

  it('gives each sentence the event the article last named, without changing earlier sentences\' view', () => {
    const text = "Valdoria's civil war began in 2014. Talks stalled. The war has displaced 2 million people.";
    const { records, analyses } = stagesOf(text);
    const contexts = eventMemory(text, records, analyses, lexicon.events);
    expect(contexts.map((c) => c.sentence)).toEqual([0, 1, 2]);
    expect(contexts[0]!.lastEvent).toBeUndefined();
    expect(contexts[1]!.lastEvent?.sentence).toBe(0);
  });

  it('applies a caveat to the sentence before as a patch, leaving the claims it was given as they were', () => {
    const text = 'Officials said 70 people were killed in Portbrak. The toll could not be independently verified.';
    const claims = extract(text, { published, lexicon });
    const read: ReadClaim[] = claims.map((c) => ({ claim: { ...c, hedge: null }, sentence: 0, pendingEvent: null }));
    const before = structuredClone(read);
    const patched = closingPass(segment(text), [true, false], read, published);
    expect(patched[0]!.hedge).toMatch(/could not be independently verified/);
    expect(read).toEqual(before);
  });
});

describe('grammar vocabulary as data', () => {
  it('reads the shipped lists and refuses a malformed file, naming the field', async () => {
    const { GRAMMAR, parseGrammar } = await import('../../src/extract/grammar.js');
    expect(GRAMMAR.reportingVerbs).toContain('said');
    expect(GRAMMAR.roleNouns['soldiers']).toContain('troops');
    expect(() => parseGrammar({ ...GRAMMAR, hedges: ['reportedly', ''] })).toThrow(/hedges\.1/);
    expect(() => parseGrammar({ ...GRAMMAR, forceWords: undefined })).toThrow(/forceWords/);
  });

  it('reads a sentence with the words the file lists: reporting verbs, hedges, role nouns', () => {
    const [claim] = extract('Valdorian officials reportedly told reporters that 40 troops were killed in Portbrak.', { published, lexicon });
    expect(claim).toMatchObject({ speaker: 'Valdorian officials', attributionCue: 'told reporters', hedge: 'reportedly', population: 'soldiers' });
  });
});
