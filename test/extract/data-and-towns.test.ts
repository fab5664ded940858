// Readings of a seventh round of reporting shapes: a speaker who says what official figures or a government
// assessment show; a side's losses told as "its losses were about 250 fighters"; "puts the area under rebel control
// at a quarter"; "the figure" after a sentence that names what is counted and gives no figure; an article about one
// town of a country's war, whose war tolls and shares are the country's; "gives an estimate of"; a war's toll told for
// its span ("For the first war, from … to …"); "it" after an organisation that "has given" an account; the war an
// "operation in Lerna" names. Articles written by the team about invented
// places (Mesa, Lerna); Chile stands for the country where a test needs one the country data knows.
import { describe, expect, it } from 'vitest';
import type { ExtractedClaim } from '../../src/domain/types.js';
import { figureIn } from '../helpers/figures.js';

const figure = (text: string, valueText: string): ExtractedClaim => figureIn(text, valueText, { published: '2026-03-02', title: 'Report' });

describe('who speaks for data', () => {
  it('"the minister said official figures showed" are the minister’s figures', () => {
    expect(figure('The minister said official figures showed 30,000 people had been killed.', '30,000').speaker).toBe('minister');
  });

  it('"Dara Voss, the spokesman, called it exaggerated and said official estimates showed" is Dara Voss', () => {
    const c = figure('Dara Voss, the presidential spokesman, called it exaggerated and said official estimates showed that fewer than 30,000 people had been killed.', 'fewer than 30,000');
    expect(c.speaker).toBe('Dara Voss');
  });

  it('official figures on their own still name no speaker', () => {
    expect(figure('Official figures showed 30,000 people had been killed.', '30,000').speaker ?? null).toBeNull();
  });

  it('"A government security assessment seen by the Coast Wire puts the area under rebel control at a quarter" is the government’s', () => {
    const c = figure('A government security assessment seen by the Coast Wire puts the area under effective rebel control at roughly a quarter of the country.', 'roughly a quarter');
    expect(c.kind).toBe('territory');
    expect(c.speaker).toBe('government');
  });
});

describe('what a figure counts', () => {
  it('"its losses were about 250 fighters" are fighters killed', () => {
    const c = figure('A senior official of the Lerna Front told reporters that its losses were about 250 fighters.', 'about 250');
    expect(c.metric).toMatch(/fighters killed$/);
  });

  it('"their losses were 40 killed and 80 wounded" keep their own measures', () => {
    const text = 'Their losses were 40 killed and 80 wounded.';
    expect(figure(text, '40').metric).toBe('killed');
    expect(figure(text, '80').metric).toBe('wounded');
  });

  it('"the figure" after a sentence that names the displaced, in a new paragraph, counts the displaced', () => {
    const text = [
      'Report', '',
      'The fate of about 200 people abducted by the rebels remains unknown.', '',
      'Estimates of the number of people displaced by the fighting vary widely. The interior ministry puts the figure at about 50,000. Aid agencies estimate that between 100,000 and 200,000 people were forced from their homes.',
    ].join('\n');
    expect(figure(text, 'about 50,000').metric).toBe('displaced');
  });

  it('"the figure" in the paragraph of the figure it refers to still takes that figure’s measure', () => {
    const text = 'About 200 people were abducted by the rebels. The interior ministry puts the figure at about 150.';
    expect(figure(text, 'about 150').metric).toBe('missing');
  });
});

describe('an article about one town of a country’s war', () => {
  const text = [
    'Chile army says 500 rebels killed in Mesa assault; rebels put losses lower',
    '',
    'SANTIAGO — Chile’s army said on Monday that more than 500 rebels were killed when insurgents stormed Mesa, the headquarters of western Lerna district, in a battle that lasted all night.',
    'Reporters flown into Mesa were shown 47 bodies near the jail.',
    'The assault on Mesa was the largest since the Front walked out of talks last August.',
    'More than 9,000 people have been killed since the Lerna Front launched its insurgency in 1996.',
    'The rebels claim to control 80 percent of Chile’s territory.',
  ].join('\n');

  it('a toll since the insurgency began is the country’s, not the town’s', () => {
    expect(figure(text, 'More than 9,000').subject).toBe('Chile');
  });

  it('the assault’s own toll stays the town’s', () => {
    expect(figure(text, 'more than 500').subject).toBe('Mesa');
  });

  it('a share of the territory is held by the country’s rebels, not the town’s', () => {
    expect(figure(text, '80 percent').subject).toBe('Chile rebels');
  });
});

describe('who gives a toll, and as of when', () => {
  it('"Lantern, the rights group, gives an estimate of about 35,000 dead" is Lantern’s estimate', () => {
    expect(figure('Lantern, the rights group, gives an estimate of about 35,000 dead.', 'about 35,000').speaker).toBe('Lantern');
  });

  it('"For the first war, from December 1994 to August 1996, …" is that war’s toll as of its end, over no period', () => {
    const c = figure('For the first war, from December 1994 to August 1996, Lantern, the rights group, gives an estimate of about 35,000 dead.', 'about 35,000');
    expect(c.asOf).toBe('1996-08-31');
    expect(c.scope ?? null).toBeNull();
  });

  it('"In February last year the government gave an official toll" is the government’s, not "last year the government"', () => {
    expect(figure('In February last year the government gave an official toll of 26,500 dead.', '26,500').speaker).toBe('government');
  });

  it('"In a statement, it said" after "The Defence Headquarters in Vendra has given a different account" is the headquarters', () => {
    const text = 'A district official told the monitor that as many as 2,000 people may have been killed. The Defence Headquarters in Vendra has given a very different account. In a statement on Saturday, it said no more than 150 people had died in Mesa.';
    expect(figure(text, 'no more than 150').speaker).toBe('Defence Headquarters in Vendra');
  });

  it('"an official in Lerna local government area, which includes Mesa, told" does not place the toll in Lerna', () => {
    const c = figure('Ibrahim Tanko, a district official in Lerna local government area, which includes Mesa, told the monitor that as many as 2,000 people may have been killed.', 'as many as 2,000');
    expect(c.subject ?? null).not.toBe('Lerna');
  });

  it('"the figure" after a sentence whose last figure sits in a ", which …" clause refers to the figure before it', () => {
    const text = 'The Lerna government says more than 260,000 displaced people are now in the province, which had a prewar population of about 300,000. The UN refugee agency puts the figure at about 170,000.';
    expect(figure(text, 'about 170,000').metric).toBe('displaced');
  });
});

describe('the war an article is about', () => {
  it('"the counter-terrorist operation in Lerna" makes Lerna the war’s place, though Chile is named more', () => {
    const text = [
      'Anti-terror regime lifted after ten years',
      '',
      'When Chile’s anti-terrorism committee announced on Thursday that the counter-terrorist operation in Lerna was over, it lifted a regime in force for ten years.',
      'Chile said the rebels were defeated. Most attacks in Lerna have stopped. Chile said about 300 people were killed last year.',
    ].join('\n');
    expect(figure(text, 'about 300').subject).toBe('Lerna');
  });
});
