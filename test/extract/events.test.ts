// Event phrases and their resolution against a lexicon of our own making.
import { describe, expect, it } from 'vitest';
import { compileLexicon } from '../../src/extract/lexicon-match.js';
import { articleContext, eventIndex, eventOfActor, forceOfDemonym, resolveEventPhrase, sameStem } from '../../src/extract/events.js';
import { eventPhrases } from '../../src/extract/event-phrases.js';
import { SHIPPED_GRAMMAR } from '../../src/extract/grammar.js';
import type { Lexicon } from '../../src/domain/types.js';

const lexicon: Lexicon = {
  metrics: [{ metric: 'duration', kind: 'duration', keywords: ['war', 'civil war', 'campaign', 'intervention'] }],
  entities: [
    { name: 'Norland civil war', type: 'event', aliases: ["Norland's war"] },
    { name: 'Sudmark border war', type: 'event', aliases: ['Sudmark war'] },
    { name: 'Ostrian intervention in Norland', type: 'event', aliases: ['Ostrian air campaign'] },
    { name: 'Ostria', type: 'place', aliases: ['Ostburg'] },
    { name: 'Ostrian armed forces', type: 'force', aliases: ['Ostrian forces', 'Ostrian troops'] },
    { name: 'Norland army', type: 'force', aliases: ['Norlandic forces'] },
    { name: 'Norland rebels', type: 'force', aliases: ['Norlandic troops'] },
  ],
};
const lex = compileLexicon(lexicon);
const index = eventIndex(lex, SHIPPED_GRAMMAR.forceWords);
const idOf = (name: string): number => lexicon.entities.findIndex((e) => e.name === name);

function resolve(sentence: string, article = sentence): string | null {
  const [phrase] = eventPhrases(index, sentence);
  if (!phrase) throw new Error(`no event phrase in "${sentence}"`);
  const found = resolveEventPhrase(index, phrase, articleContext(article));
  return found === null ? null : lexicon.entities[found]!.name;
}

describe('event phrases', () => {
  it('take the modifiers before the noun and a named place after it', () => {
    const [p] = eventPhrases(index, "Aid fell during Norland's grinding eight-year civil war in the north.");
    expect(p).toMatchObject({ head: 'war', determiner: 'during' });
    expect(p?.modifiers).toEqual(["Norland's", 'grinding', 'eight-year', 'civil']);
    const [q] = eventPhrases(index, 'The war in Norland began in 2012.');
    expect(q?.modifiers).toEqual(['Norland']);
  });
});

describe('resolveEventPhrase', () => {
  it('matches a name by its own words, in any form (Norland, Norland\'s)', () => {
    expect(resolve("Norland's war began in 2012.")).toBe('Norland civil war');
    expect(resolve('The Sudmark war ended in 2001.')).toBe('Sudmark border war');
  });

  it('leaves a bare phrase unnamed when two events fit equally', () => {
    expect(resolve('The war began in 2012.', 'Norland and Sudmark both fought.')).toBeNull();
  });

  it('rejects a phrase whose capitalised modifier names neither the event nor a place it names', () => {
    expect(resolve('The Vestian war began in 1990.', 'Norland watched.')).toBeNull();
  });

  it('reads a place by its aliases: "Ostburg\'s campaign" is Ostria\'s', () => {
    expect(resolve("Ostburg's campaign began in 2014.")).toBe('Ostrian intervention in Norland');
  });
});

describe('actors and demonyms', () => {
  it('an actor\'s own event is the one whose names it modifies', () => {
    expect(lexicon.entities[eventOfActor(index, idOf('Ostria'))!]?.name).toBe('Ostrian intervention in Norland');
  });

  it('a demonym names a force only when one force has it', () => {
    expect(forceOfDemonym(index, 'Ostrian')).toBe(idOf('Ostrian armed forces'));
    expect(forceOfDemonym(index, 'Norlandic')).toBeNull();
  });

  it('sameStem folds country and adjective forms, not unrelated words', () => {
    expect(sameStem('russia', 'russian')).toBe(true);
    expect(sameStem('iran', 'iranian')).toBe(true);
    expect(sameStem('war', 'warsaw')).toBe(false);
  });
});
