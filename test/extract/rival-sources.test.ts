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
    expect(c.speaker).toBe('Relief agencies working in the northern and central provinces');
  });

  it('but "and" after a noun still ends a clause: "shelled the hospital and local officials said"', () => {
    expect(claim('The army shelled the hospital and local officials said 40 people died.', '40').speaker).toBe('local officials');
  });

  it('a place or a site after words that describe it is no speaker\'s name', () => {
    expect(claim('Fighters besieging Kadir said 40 soldiers were killed.', '40').speaker).not.toBe('Kadir');
    expect(claim('Militiamen guarding Mesa Airport said 12 attackers died.', '12').speaker).not.toBe('Mesa Airport');
  });

  it('"those displaced say" and "survivors interviewed say" still speak', () => {
    expect(claim('Those displaced say at least 300 people were killed in the raid.', 'at least 300').speaker).toBe('Those displaced');
  });

  it('"came from the shelling of Mesa" names an event, not a source', () => {
    expect(claim('The highest numbers of dead came from the shelling of Mesa, where 300 people were killed.', '300').speaker).toBeNull();
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
    // (after a wire dateline too: the city in capitals is where the story was filed, not who speaks)
    const filed = claim('TARNOW, Nov 23 (Northwire) - Velka\'s army on Tuesday rejected estimates by relief groups that thousands had died, saying fewer than 1,000 had been killed.', 'fewer than 1,000');
    expect(filed.speaker).toBe("Velka's army");
  });

  it('"countered that" reports: a rival group\'s spokesman gives its strength', () => {
    expect(claim('A Front spokesman, reached by telephone, countered that the movement commands more than 3,000 fighters.', 'more than 3,000').speaker).toBe('Front spokesman');
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

  it('a rescue team in Mesa that found bodies places them in Mesa', () => {
    expect(claim(article(war, 'A rescue team in Mesa found 40 bodies under the rubble.'), '40').subject).toBe('Mesa');
  });

  it('a place the figure takes in ("including 120 in Mesa", "once deaths in Velka are included") is not its place', () => {
    expect(claim(article(war, 'At least 400 people were killed in the raids, including 120 in Mesa.'), 'At least 400').subject).toBe('Tarn');
    expect(claim(article(war, 'By one count at least 43,000 people were killed once deaths in the camps in Velka are included.'), 'at least 43,000').subject).toBe('Tarn');
    // (an aside the comma closes leaves the place the figure's own: "including two brothers, in Mesa on Sunday")
    expect(claim(article(war, 'Shelling left at least 10 people dead, including two brothers, in Mesa on Sunday.'), 'at least 10').subject).toBe('Mesa');
  });

  it('a team at a university somewhere does not place the dead there', () => {
    const c = claim(article(war, 'The figure comes from a team at Corvin University in Chile, which calculated that between 38,000 and 60,000 civilians died.'), 'between 38,000 and 60,000');
    expect(c.subject).toBe('Tarn');
  });

  it('"missing in the province" is the province the paragraph named, two sentences back: a rival of its own count', () => {
    const text = article(
      'Families keep vigil for the missing\n\nThe war in Tarn has gone on for twenty years.',
      "A families' association says between 8,000 and 10,000 people have disappeared in Velka Province since 2004. The provincial government rejects that figure. In a reply to the assembly this year, it said 3,744 people had gone missing in the province since 2004.",
    );
    expect(claim(text, '3,744').subject).toBe('Velka Province');
    expect(pairsOf(text)).toContain('3,744 vs between 8,000 and 10,000');
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

  it('people who "crossed into" a neighbour are refugees of the war, told since it began: rival figures', () => {
    const text = article(
      'Mesa falls as Tarn war spreads\n\nGovernment troops took Mesa, the capital of the Tarn region, on Sunday. The Tarn war began on March 9.',
      'A UN agency says about 18,000 people have crossed into Velka since the conflict began. Velka\'s refugee office puts the number of refugees at more than 31,000.',
    );
    expect(claim(text, 'about 18,000', '2026-06-20').metric).toBe('refugees');
    expect(claim(text, 'about 18,000', '2026-06-20').subject).toBe('Tarn');
    expect(pairsOf(text, '2026-06-20')).toContain('about 18,000 vs more than 31,000');
  });

  it('soldiers or tanks that cross a border are no refugees', () => {
    expect(claim('About 3,000 soldiers crossed into Velka overnight.', 'About 3,000').metric).not.toMatch(/refugees/);
    expect(claim('Some 200 tanks crossed into Velka.', 'Some 200').metric).not.toMatch(/refugees/);
  });

  it('a figure "over the same 12 hours" counts what the figure it answers counts: rival figures', () => {
    const text = article(
      'Tarn war: battle for the capital\n\nThe war in Tarn reached its capital, Mesa, this spring.',
      'After rebels broke into Mesa on 3 May, a government spokesman, Piet Amsel, said 640 people had been killed in Mesa in the first two days. Rebel officials put the number of dead over the same two days at about 150.',
    );
    expect(pairsOf(text, '2026-05-20')).toContain('640 vs about 150');
  });

  it('but a figure "over the same period" that names its own place keeps it', () => {
    const text = article(
      'Tarn war: battle for the capital\n\nThe war in Tarn reached its capital, Mesa, this spring.',
      'Officials said 640 people were killed in Mesa in the first two days. Rebels said 150 people were killed in Kadir over the same two days.',
    );
    expect(claim(text, '150', '2026-05-20').subject).toBe('Kadir');
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
