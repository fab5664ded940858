import { describe, expect, it } from 'vitest';
import { sentenceBounds } from '../../src/extract/nlp.js';
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

describe('sentence bounds (wink-nlp) and the news-copy rules after them', () => {
  const cut = (text: string): string[] => sentenceBounds(text).map(([a, b]) => text.slice(a, b));
  const split = (text: string): string[] => sentences(text).map((s) => s.text);

  it('maps wink-nlp sentences back to exact offsets, whatever the spaces between them', () => {
    const text = 'Valdoria held 1.5 km of road.  Was it enough?!\tNobody\u00a0knew… They left.';
    const got = sentences(text);
    expect(got.map((s) => s.text)).toEqual(['Valdoria held 1.5 km of road.', 'Was it enough?!', 'Nobody\u00a0knew… They left.']);
    for (const s of got) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('keeps dotted abbreviations inside a sentence, as wink-nlp reads them', () => {
    expect(cut('A senior U.N. official spoke. U.N. experts counted 12 more on Jan. 5 in Portbrak.')).toEqual([
      'A senior U.N. official spoke.',
      'U.N. experts counted 12 more on Jan. 5 in Portbrak.',
    ]);
  });

  it('keeps the sentences of a bracket together, and leaves a quotation\'s apart for the document pass', () => {
    expect(split('Then (in Portbrak. Later) he went. He stayed.')).toEqual(['Then (in Portbrak. Later) he went.', 'He stayed.']);
    expect(split('“We held the bridge. We lost four men,” the captain said.')).toEqual(['“We held the bridge.', 'We lost four men,” the captain said.']);
  });

  it('cuts after a bracket that never closes', () => {
    expect(split('The mayor (of East Tarn. said so. Then left.')).toEqual(['The mayor (of East Tarn. said so.', 'Then left.']);
  });

  it('keeps a title with its name, a numbered line with its text and a footnote mark with its sentence', () => {
    for (const text of ['Maj. Gen. Ivan Petrov spoke.', '3. Roads stayed shut.', 'Officer Ana K. Petrova spoke.']) expect(split(text)).toEqual([text]);
    expect(split('The toll rose to 90 in Upper Mires."[12]')).toEqual(['The toll rose to 90 in Upper Mires."[12]']);
    expect(split('"The toll rose to 90." [12]')).toEqual(['"The toll rose to 90." [12]']);
  });

  it('cuts before a credit line after a dash', () => {
    expect(split('The ministry said 14 died. — Valdoria Wire')).toEqual(['The ministry said 14 died.', '— Valdoria Wire']);
  });
});
