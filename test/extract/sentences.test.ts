import { describe, expect, it } from 'vitest';
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
