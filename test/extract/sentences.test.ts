import { describe, expect, it } from 'vitest';
import { sentenceBounds } from '../../src/extract/sentence-bounds.js';
import { paragraphs, sentences } from '../../src/extract/sentences.js';

describe('paragraphs and sentences', () => {
  it('keeps offsets into the original text', () => {
    const text = '  Headline here\n\nFirst one. Second one!\n';
    for (const s of sentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(paragraphs(text).map((p) => p.text)).toEqual(['Headline here', 'First one. Second one!']);
  });

  it('does not cut after titles, initials and abbreviated months', () => {
    const text = 'Maj. Gen. Ivan Petrov of the U.S. office spoke on Feb. 27 about the plan.';
    expect(sentences(text).map((s) => s.text)).toEqual([text]);
  });

  it('cuts after a quotation that ends a sentence', () => {
    const text = '"We held the bridge." He then left the room.';
    expect(sentences(text).map((s) => s.text)).toEqual(['"We held the bridge."', 'He then left the room.']);
  });

  it('cuts after a sentence that ends with a number', () => {
    const text = 'The talks began in 2014. Diplomats left early. The vote was 5. Nobody objected.';
    expect(sentences(text).map((s) => s.text)).toEqual(['The talks began in 2014.', 'Diplomats left early.', 'The vote was 5.', 'Nobody objected.']);
  });

  it('cuts words glued together by a lost space', () => {
    const text = 'The talks stalled for good.Negotiators went home.';
    expect(sentences(text).map((s) => s.text)).toEqual(['The talks stalled for good.', 'Negotiators went home.']);
  });

  it('numbers sentences by paragraph', () => {
    const got = sentences('One here. Two here.\nThree here.');
    expect(got.map((s) => s.paragraph)).toEqual([0, 0, 1]);
  });
});

describe('sentence bounds (the splitter rules before the news-copy fix-ups)', () => {
  const cut = (text: string): string[] => sentenceBounds(text).map(([a, b]) => text.slice(a, b));

  it('ends a sentence at a run of full stops, question and exclamation marks followed by a space', () => {
    expect(cut('Valdoria held 1.5 km of road. Was it enough?! Nobody knew.')).toEqual([
      'Valdoria held 1.5 km of road.',
      'Was it enough?!',
      'Nobody knew.',
    ]);
  });

  it('does not end one inside quotation marks or brackets, even when one is never closed', () => {
    expect(cut('He said "we left. They stayed." Then (in Portbrak. Later) he went.')).toEqual([
      'He said "we left. They stayed." Then (in Portbrak. Later) he went.',
    ]);
    expect(cut('The mayor (of East Tarn. said so. Then left.')).toEqual(['The mayor (of East Tarn. said so. Then left.']);
  });

  it('does not end one after titles, dotted initials, numbered lines or an abbreviation before a lower-case word', () => {
    for (const text of ['Gen. Tomas Reyk spoke.', 'The U.S.A. team left.', '3. Roads stayed shut.', 'On Jan. 5 the talks began.', 'Officer Ana K. Petrova spoke.']) {
      expect(cut(text)).toEqual([text]);
    }
  });

  it('ends one after an abbreviation that a capitalised word follows', () => {
    expect(cut('The depot is on Ave. Portbrak lies beyond it.')).toEqual(['The depot is on Ave.', 'Portbrak lies beyond it.']);
  });
});
