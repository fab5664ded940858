// Who holds a figure and what it counts, in shapes that reporting on any war uses and that the earlier rounds did not
// read: a body described before its name ("the separatist Velkan Freedom Front"), a speaker whose phrase coordinates
// two adjectives, a figure that "comes from" a source, "by her reckoning", a noun object mistaken for a verb ("rejected
// estimates by …, saying"), a place where a speaker spoke or sits, "in the city" after a siege, a unit's own dead, a
// refugee count, two figures "over the same 12 hours", and the article's place when its title breaks a tie or names a
// park. Articles written by the team about invented places (Tarn, Velka, Mesa); Chile and Peru stand for countries.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { articlePlaces } from '../../src/extract/topic.js';
import type { ExtractedClaim } from '../../src/domain/types.js';
import { pairsOf as pairsOfArticle } from '../helpers/extract-conflicts.js';
import { defaultLexicon } from '../helpers/lexicons.js';

const lexicon = defaultLexicon();

function claimsOf(text: string, published = '2026-03-02'): ExtractedClaim[] {
  return extract(text, { published, publisher: 'Test Wire', lexicon });
}

function claim(text: string, valueText: string, published = '2026-03-02'): ExtractedClaim {
  const claims = claimsOf(text, published);
  const found = claims.find((c) => c.valueText === valueText);
  if (!found) throw new Error(`no claim "${valueText}" among ${claims.map((c) => c.valueText).join(', ')}`);
  return found;
}

function pairsOf(text: string, published = '2026-03-02'): string[] {
  return pairsOfArticle(text, lexicon, published);
}

const article = (...paragraphs: string[]): string => paragraphs.join('\n\n');

describe('who holds the figure', () => {
  it('a body described before its name is the body: "the separatist Velkan Freedom Front puts the toll at"', () => {
    expect(claim('The separatist Velkan Freedom Front puts the toll at more than 9,000.', 'more than 9,000').speaker).toBe('Velkan Freedom Front');
  });

  it('"in the northern and central provinces" is one phrase: the agencies speak', () => {
    const c = claim('Relief agencies working in the northern and central provinces say at least 2,500 people have been killed.', 'at least 2,500');
    expect(c.speaker).toMatch(/^Relief agencies/);
  });

  it('a figure that "comes from" a body is that body\'s', () => {
    const c = claim('The estimate most often cited, about 30,000 killed, comes from the Tarn Relief Council and has been repeated ever since.', 'about 30,000');
    expect(c.speaker).toBe('Tarn Relief Council');
  });

  it('"by her reckoning" is the person the text just named', () => {
    const text = article('Ilse Marr, a historian at Mesa University, said the official figure was far too low. By her reckoning at least 4,300 people were killed.');
    expect(claim(text, 'at least 4,300').speaker).toBe('Ilse Marr');
  });

  it('"rejected estimates by relief groups …, saying" is the army\'s figure, the estimates a noun', () => {
    const c = claim('Velka\'s army on Tuesday rejected estimates by relief groups that thousands had died, saying fewer than 1,000 had been killed.', 'fewer than 1,000');
    expect(c.speaker).toBe("Velka's army");
  });

  it('"have gone much further, claiming that" is said by the sentence\'s subject', () => {
    expect(claim('Tarnian officials have gone much further, claiming that more than 1 million civilians died.', 'more than 1 million').speaker).toBe('Tarnian officials');
  });
});

describe('where the figure is', () => {
  const war = 'Tarn counts its dead\n\nThe war in Tarn has gone on for ten years.';

  it('where a speaker told reporters, or where a government sits, is not the toll\'s place', () => {
    const told = claim(article(war, 'Ada Fenn, the speaker of the regional parliament, told reporters in Mesa this week that at least 5,000 civilians had died.'), 'at least 5,000');
    expect(told.subject).toBe('Tarn');
    const seat = claim(article(war, 'The government in Mesa had also claimed that air strikes had killed more than 1,100 civilians.'), 'more than 1,100');
    expect(seat.subject).toBe('Tarn');
  });

  it('a team at a university somewhere does not place the dead there', () => {
    const c = claim(article(war, 'The figure comes from a team at Corvin University in Chile, which calculated that between 38,000 and 60,000 civilians died.'), 'between 38,000 and 60,000');
    expect(c.subject).toBe('Tarn');
  });

  it('"died in the city" after "the siege of Mesa" is Mesa\'s toll, a part that meets no whole', () => {
    const text = article(
      war,
      'Relief workers estimate that about 25,000 civilians were killed in the war.',
      'During the siege of Mesa alone, as many as 5,000 civilians died in the city, according to local officials.',
    );
    expect(claim(text, 'as many as 5,000').subject).toBe('Mesa');
    expect(pairsOf(text)).not.toContain('about 25,000 vs as many as 5,000');
  });
});

describe('what the figure counts', () => {
  it('"145 of its servicemen", told by a brigade\'s command, are the brigade\'s dead: no rival to the army\'s total', () => {
    const text = article(
      'Tarn counts its dead\n\nThe war in Tarn ended last year.',
      'According to the brigade\'s command, 145 of its servicemen were killed in Tarn during the campaign.',
      'The defence ministry has said that more than 6,000 servicemen died over the whole campaign.',
    );
    expect(claim(text, '145').population).toBe('brigade soldiers');
    expect(pairsOf(text)).not.toContain('145 vs more than 6,000');
  });

  it('people who "crossed into" a neighbour and a count of "arrivals" are refugees of the war: rival figures', () => {
    const text = article(
      'Mesa falls as Tarn war spreads\n\nFederal troops captured Mesa, the capital of the northern Tarn region, at the weekend. The Tarn war began on November 4.',
      'The UN refugee agency says about 45,000 people have crossed into eastern Velka since the conflict began. Velka\'s refugee commissioner put the number of arrivals at more than 60,000.',
    );
    expect(claim(text, 'about 45,000', '2026-12-01').metric).toBe('refugees');
    expect(claim(text, 'more than 60,000', '2026-12-01').metric).toBe('refugees');
    expect(pairsOf(text, '2026-12-01')).toContain('about 45,000 vs more than 60,000');
  });

  it('a figure "over the same 12 hours" counts what the figure it answers counts: rival figures', () => {
    const text = article(
      'Tarn war: battle for the capital\n\nThe war in Tarn reached its capital, Mesa, this summer.',
      'When rebels entered Mesa on 21 August, a government spokesman, Piet Amsel, said 1,300 people had been killed in Mesa in the first 12 hours of fighting. Rebel officials put the number of dead over the same 12 hours at about 400.',
    );
    expect(pairsOf(text, '2026-09-08')).toContain('1,300 vs about 400');
  });
});

describe("the article's place", () => {
  it('of two places its war phrases name as often, the one the title names', () => {
    const text = 'Chile puts Tarn troop losses at 1,173\n\nThe fighting in Mesa stopped in May. The campaign in Tarn began last year.';
    expect(articlePlaces(text).topic).toBe('Tarn');
  });

  it('a park where a vigil is held, or a title\'s first word written as a name, is no place of the war', () => {
    const text = 'Parents of the missing keep vigil in Freedom Park\n\nThe Association of Parents of Missing Persons gathered in Freedom Park on Saturday.';
    expect(articlePlaces(text).topic).toBeNull();
  });

  it('a town that is "the capital of the northern Tarn region" puts its war in Tarn', () => {
    const text = 'Troops take Mesa in weekend offensive\n\nFederal troops captured Mesa, the capital of the northern Tarn region, at the weekend. The offensive on Mesa began on Tuesday.';
    expect(articlePlaces(text).war).toBe('Tarn');
  });
});
