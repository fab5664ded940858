// Speakers read from parts of speech (wink-nlp) where the hand rules find a reporting verb but no speaker: the
// verb's subject, stepping over a ", who …," aside; never for a passive, a noun, an idiom or a relative clause,
// and the same claims as the hand rules everywhere else. Team-written sentences.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Lexicon } from '../../src/domain/types.js';
import { extract, loadTagger, prepareLexicon } from '../../src/extract/index.js';

const lexicon = JSON.parse(readFileSync(fileURLToPath(new URL('../../db/lexicon/default.json', import.meta.url)), 'utf8')) as Lexicon;
const { tagger, loadMs } = loadTagger();
const tagged = prepareLexicon(lexicon, tagger);
const plain = prepareLexicon(lexicon);

function speakers(sentence: string, prepared = tagged): [string, string | null][] {
  return extract(`${sentence}\n`, { published: '2024-05-02', lexicon: prepared }).map((c) => [c.valueText, c.speaker]);
}

describe('speakers from parts of speech', () => {
  it('loads the model from the installed package', () => {
    expect(loadMs).toBeGreaterThan(0);
    expect(tagger.tag('Dara Voss said.').map((t) => t.pos)).toEqual(['PROPN', 'PROPN', 'VERB', 'PUNCT']);
  });

  it('reads the subject past a relative aside (the hand rules now read this one too: a name before ", said")', () => {
    const sentence = 'Ilse Marrow, who led the Upper Mires survey for six years, said the figure of 4,100 could rise.';
    expect(speakers(sentence, plain)).toContainEqual(['4,100', 'Ilse Marrow']);
    expect(speakers(sentence)).toContainEqual(['4,100', 'Ilse Marrow']);
  });

  it('reads the first noun phrase of a coordinated subject the hand rules cut to a fragment', () => {
    const sentence = 'The Upper Mires relief committee and its partner clinics in East Tarn reported 1,200 new cases of cholera.';
    expect(speakers(sentence, plain)).toEqual([['1,200', null]]);
    expect(speakers(sentence)).toEqual([['1,200', 'Upper Mires relief committee']]);
  });

  it('gives no speaker for a passive, a noun, an idiom or a relative clause', () => {
    expect(speakers('Civilians were reported killed in 14 villages near Portbrak.')).toEqual([['14', null]]);
    expect(speakers('Sanctions have added to the pressure on 30 Valdorian banks.')).toEqual([['30', null]]);
    expect(speakers('A war that has claimed 9,000 lives goes on in East Tarn.')).toEqual([['9,000', null]]);
    expect(speakers('The council rejected a claim that 700 homes were lost.')).toEqual([['700', null]]);
  });

  it('leaves a speaker the hand rules read as it was', () => {
    const sentence = 'Valdoria’s health ministry said on Monday that 312 people had died in Portbrak.';
    expect(speakers(sentence)).toEqual(speakers(sentence, plain));
  });
});
