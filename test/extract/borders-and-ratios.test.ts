// Readings of where those counted went and where a speaker spoke: people who "fled to Peru" or "fled abroad" are
// refugees, not the displaced inside the country; "told the Coast Wire in Mesa" is where the official spoke; a survey
// "published in the Chilean medical journal" is no toll of Chile; "more than ten times higher" is a ratio, no count;
// an invasion's date is the war's start, so a toll "since 2003" in a war begun by an invasion in 2003 is the whole
// war's. Sentences written by the team about invented places (Mesa, Tarn); Chile and Peru where a country is needed.
import { describe, expect, it } from 'vitest';
import { articlePlaces } from '../../src/extract/topic.js';
import type { ExtractedClaim } from '../../src/domain/types.js';
import { claimsIn, figureIn } from '../helpers/figures.js';

const published = '2026-10-12';
const claimsOf = (sentence: string): ExtractedClaim[] => claimsIn(sentence, { published });
const figure = (sentence: string, valueText: string): ExtractedClaim => figureIn(sentence, valueText, { published });

describe('fled across a border', () => {
  it('"nearly 150,000 had fled to Peru, Bolivia and Argentina" are refugees', () => {
    expect(figure('The UN refugee agency said that nearly 150,000 Chileans had fled to Peru, Bolivia and Argentina.', 'nearly 150,000').metric).toBe('refugees');
  });

  it('"have fled abroad" are refugees', () => {
    expect(figure('Some 20,000 people have fled abroad since the fighting began.', 'Some 20,000').metric).toBe('refugees');
  });

  it('"fled to Mesa", a town of the country, are still the displaced', () => {
    expect(figure('About 50,000 people fled to Mesa after the attack.', 'About 50,000').metric).toBe('displaced');
  });
});

describe('where the speaker spoke', () => {
  it('"a senior ministry official told the Coast Wire in Mesa" does not place the count in Mesa', () => {
    const c = figure('"Our registers show some 400,000 people displaced within our borders," a senior ministry official told the Coast Wire in Mesa.', 'some 400,000');
    expect(c.subject ?? null).not.toBe('Mesa');
  });

  it('a count told "in Mesa" by the sentence itself stays Mesa’s', () => {
    expect(figure('Rebels killed 30 people in Mesa on Sunday.', '30').subject).toBe('Mesa');
  });

  it('a survey "published in the Chilean medical journal" places no toll in Chile', () => {
    const c = figure('A household survey published on Wednesday in the Chilean medical journal Vita estimates that 65,000 more people have died since the war began.', '65,000');
    expect(c.subject).not.toBe('Chile');
  });
});

describe('ratios and starts', () => {
  it('"a figure more than ten times higher than any official count" is no count', () => {
    const claims = claimsOf('The survey estimates that 65,000 people have died, a figure more than ten times higher than any official count.');
    expect(claims.map((c) => c.valueText)).not.toContain('more than ten');
  });

  it('"since the invasion in March 2003" gives the war’s start date', () => {
    const c = figure('Some 65,000 people have died in Tarn since the invasion in March 2003.', 'March 2003');
    expect(c.metric).toBe('start date');
  });
});

describe('more speakers and their places', () => {
  it('"according to the UN humanitarian coordinator in Mesa." places no toll in Mesa', () => {
    const c = figure('Fighting in Tarn has ended. The war killed an estimated 150,000 people, according to the UN humanitarian coordinator in Mesa.', 'an estimated 150,000');
    expect(c.subject ?? null).not.toBe('Mesa');
  });

  it('"killed in Mesa, according to doctors" stays Mesa’s', () => {
    expect(figure('Fighting in Tarn has ended. At least 40 people were killed in Mesa, according to doctors.', 'At least 40').subject).toBe('Mesa');
  });

  it('"A spokesman for the Executive Mansion, speaking on the radio, put the dead at about 200" is the spokesman', () => {
    const c = figure('A spokesman for the Executive Mansion, speaking on the state radio station, put the dead at about 200.', 'about 200');
    expect(c.speaker).toBe('spokesman for the Executive Mansion');
    expect(c.metric).toBe('killed');
  });

  it('"the market strike of August 2023, in which local officials say more than 60 were killed" is that strike’s toll', () => {
    const c = figure('Residents still speak with dread of the market strike of August 2023, in which local officials say more than 60 people were killed.', 'more than 60');
    expect(c.scope).toEqual({ from: '2023-08-01', to: '2023-08-31' });
    expect(c.speaker).toBe('local officials');
  });
});

describe('speakers named after "according to"', () => {
  it('"according to the regional education bureau" is the bureau', () => {
    expect(figure('More than 4 million children are out of school, according to the regional education bureau.', 'More than 4 million').speaker).toBe('regional education bureau');
  });

  it('"according to a regional security official who asked not to be named" is the official', () => {
    expect(figure('About 30,000 fighters refused to disarm, according to a regional security official who asked not to be named.', 'About 30,000').speaker).toBe('regional security official');
  });

  it('"according to the same commission, which said" is the commission named before', () => {
    const text = 'The Tarn Rights Commission said 50 people were killed in Mesa. A drone strike killed 26 people, according to the same commission, which said most of the victims were civilians.';
    expect(figure(text, '26').speaker).toBe('Tarn Rights Commission');
  });
});

describe('a war that is over is not the article’s', () => {
  it('"since the end of the war in neighbouring Tarn" and "recovering from the Tarn war" do not make Tarn the place', () => {
    const text = [
      'Chile declares emergency in Lerna as militia seizes Mesa',
      '',
      'Chile declared a state of emergency in Lerna on Friday after militia fighters seized the town of Mesa.',
      'The crisis is the most serious since the end of the war in neighbouring Tarn.',
      'Many saw the accord as a betrayal, because it left unresolved the land that Lerna forces had seized from Tarn during the war.',
      'Aid agencies said thousands had been displaced in communities still recovering from the Tarn war.',
    ].join('\n');
    expect(articlePlaces(text).topic).not.toBe('Tarn');
  });
});

// Guards found by an independent review of these rules: ordinary sentences that must keep their old reading.
describe('ordinary sentences keep their reading', () => {
  it('"displaced 200,000 people, while another 50,000 have fled to Peru": only the 50,000 are refugees', () => {
    const text = 'The fighting in Chile has displaced 200,000 people, while another 50,000 have fled to Peru.';
    expect(figure(text, '200,000').metric).toBe('displaced');
    expect(figure(text, '50,000').metric).toBe('refugees');
  });

  it('"fled to Chile’s west" is no border crossed', () => {
    expect(figure('More than 40,000 residents fled to Chile’s west after the shelling of Mesa.', 'More than 40,000').metric).toBe('displaced');
  });

  it('"17 of the 40 people killed in Mesa": the 40 are still the killed', () => {
    expect(figure('Officials said 17 of the 40 people killed in Mesa on Sunday were children.', '40').metric).toBe('killed');
  });

  it('"its casualties were 300 wounded and 40 dead" keep their measures', () => {
    const text = 'The army said its casualties were 300 wounded and 40 dead.';
    expect(figure(text, '300').metric).toBe('wounded');
    expect(figure(text, '40').metric).toBe('killed');
  });

  it('"In February the health ministry said 340 people had been killed that month" is February’s count', () => {
    expect(figure('In February the health ministry said 340 people had been killed in air strikes that month.', '340').scope).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('"a police office in Mesa … and rescuers said 14 were killed" is Mesa’s toll', () => {
    expect(figure('A missile hit a police office in Mesa overnight and rescuers said 14 people were killed.', '14').subject).toBe('Mesa');
  });

  it('"according to residents in Mesa" is Mesa’s toll', () => {
    expect(figure('Fighting in Tarn has ended. At least 40 people were killed on Sunday, according to residents in Mesa.', 'At least 40').subject).toBe('Mesa');
  });

  it('"the health ministry said this year’s death toll had reached 4,000" is this year’s toll', () => {
    expect(figure('The health ministry said this year’s death toll in Mesa had reached 4,000.', '4,000').scope).toEqual({ from: '2026-01-01', to: '2026-10-12' });
  });
});
