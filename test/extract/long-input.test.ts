// Pasted text without full stops, or a table flattened into one line, must not make extraction
// quadratic: sentences are capped and every look-around is bounded. These tests assert on the output of
// such input (speed is measured by `npm run bench:extract`, "pathological 1 MB").
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { MAX_SENTENCE, sentences } from '../../src/extract/sentences.js';
import type { Lexicon } from '../../src/domain/types.js';

const lexicon = JSON.parse(readFileSync(fileURLToPath(new URL('../../db/lexicon/default.json', import.meta.url)), 'utf8')) as Lexicon;
const PUB = '2024-05-14';

describe('over-long sentences', () => {
  it('cuts a sentence without full stops into pieces of at most MAX_SENTENCE characters, keeping offsets', () => {
    const text = 'the ferry left the harbour late again and the crew waited for the weather to turn '.repeat(60);
    const got = sentences(text);
    expect(got.length).toBeGreaterThan(4);
    for (const s of got) {
      expect(s.text.length).toBeLessThanOrEqual(MAX_SENTENCE);
      expect(text.slice(s.start, s.end)).toBe(s.text);
    }
    // nothing is lost: the pieces cover the text word for word
    expect(got.map((s) => s.text).join(' ')).toBe(text.trim());
  });

  it('prefers a semicolon to a comma or a space when it cuts', () => {
    const clause = 'the convoy waited at the crossing for most of the day while drivers slept in their cabs';
    const text = `${Array.from({ length: 12 }, () => clause).join('; ')}.`;
    for (const s of sentences(text).slice(0, -1)) expect(s.text).toMatch(/;$/);
  });

  it('leaves ordinary sentences as the splitter reads them', () => {
    const text = 'Rescuers reached the village at dawn. They found 14 survivors, the regional office said.';
    expect(sentences(text).map((s) => s.text)).toEqual(['Rescuers reached the village at dawn.', 'They found 14 survivors, the regional office said.']);
  });
});

describe('extract() on pathological input', () => {
  it('reads a 200 KB sentence without full stops figure by figure, with its speaker', () => {
    const unit = 'police said 12 people were hurt and ';
    const times = Math.floor(200_000 / unit.length);
    const text = unit.repeat(times);
    const claims = extract(text, { published: PUB, publisher: 'The Test Herald', lexicon });
    expect(claims).toHaveLength(times);
    for (const c of claims) {
      expect(c.value).toEqual({ low: 12, high: 12, unit: 'count' });
      expect(c.quote.length).toBeLessThanOrEqual(MAX_SENTENCE);
      expect(text.slice(c.start, c.end)).toBe(c.quote);
    }
    // only a figure cut off from its verb or noun where the sentence was cut loses them
    const read = claims.filter((c) => c.speaker === 'police' && c.kind === 'casualties' && c.metric === 'wounded');
    expect(read.length / times).toBeGreaterThan(0.95);
  });

  it('finds no speaker and no figure in 200 KB of "said said said"', () => {
    expect(extract('said '.repeat(40_000), { published: PUB, lexicon })).toEqual([]);
  });

  it('proposes at most 50 figures per sentence of a number dump on one line', () => {
    const text = Array.from({ length: 40_000 }, (_, i) => String((i * 37) % 1000)).join(' ');
    const claims = extract(text, { published: PUB, lexicon });
    const perSentence = new Map<number, number>();
    for (const c of claims) perSentence.set(c.start, (perSentence.get(c.start) ?? 0) + 1);
    expect(perSentence.size).toBeGreaterThan(100);
    expect(Math.max(...perSentence.values())).toBe(50);
  });
});
