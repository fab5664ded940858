// When a figure was told, as against the period it counts: a month opening the sentence before the speaker and his
// verb ("In February last year the ministry gave a toll of") dates the statement; a month or a year right after the
// verb ("said in March that", "reported this year that") is no period of the count; "February last year" is one
// month of the year before. Also a disappearance or an abduction named before its figure, the whole of a part
// ("72 of the country's 330 districts"), and an aside on the place of the doctors who speak. Sentences written by
// the team about invented places (Tarn, Mesa).
import { describe, expect, it } from 'vitest';
import type { ExtractedClaim } from '../../src/domain/types.js';
import { claimsIn, figureIn } from '../helpers/figures.js';

const claimsOf = (sentence: string, published: string): ExtractedClaim[] => claimsIn(sentence, { published });
const figure = (sentence: string, valueText: string, published = '2026-09-17'): ExtractedClaim => figureIn(sentence, valueText, { published });

describe('a month of a relative year', () => {
  it('"February last year" is one month of the year before publication', () => {
    const dates = claimsOf('The offensive on Tarn began in February last year.', '2026-09-17').filter((c) => c.kind === 'date');
    expect(dates.map((c) => c.valueText)).toEqual(['in February last year']);
    expect(dates[0]?.value).toMatchObject({ low: '2025-02-01', high: '2025-02-28' });
  });

  it('"March of this year" and "May next year" read their own years', () => {
    const dates = claimsOf('The talks opened in March of this year and will close in May next year.', '2026-09-17').filter((c) => c.kind === 'date');
    expect(dates.map((c) => c.value)).toEqual([
      expect.objectContaining({ low: '2026-03-01', high: '2026-03-31' }),
      expect.objectContaining({ low: '2027-05-01', high: '2027-05-31' }),
    ]);
  });
});

describe('the time of the statement, not of the count', () => {
  it('a month opening the sentence before "the ministry gave" holds the toll as of that month, with no period', () => {
    const c = figure('In February last year the ministry gave an official toll of 26,500 dead, a number rights groups disputed.', '26,500');
    expect(c.scope ?? null).toBeNull();
    expect(c.asOf).toBe('2025-02-28');
  });

  it('"In early March, …, rebel leaders put the number of dead at about 80" holds the toll as of early March', () => {
    const c = figure('In early March, after the police raids on villages in Tarn that set off the revolt, rebel leaders put the number of dead at about 80.', 'about 80');
    expect(c.scope ?? null).toBeNull();
    expect(c.asOf).toBe('2026-03-10');
    expect(figure('In March, rebel leaders put the number of dead at about 80.', 'about 80').asOf).toBe('2026-03-31');
  });

  it('"In February the ministry said 340 died" is still a count of February', () => {
    expect(figure('In February the ministry said 340 people died in Tarn.', '340').scope).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('"said in March that" is no count of March', () => {
    const c = figure('The army said in March that 400 people had been killed in Tarn.', '400');
    expect(c.scope ?? null).toBeNull();
  });

  it('"reported this year that" is no count of this year', () => {
    const c = figure('A state commission reported this year that the police were responsible for the disappearance of 6,100 people.', '6,100');
    expect(c.scope ?? null).toBeNull();
  });

  it('a month opening the sentence still bounds a count the sentence tells itself', () => {
    const c = figure('In March, 300 people were killed in Tarn.', '300');
    expect(c.scope).toEqual({ from: '2026-03-01', to: '2026-03-31' });
  });

  it('a count "this year" is still this year’s count', () => {
    const c = figure('The monitors said 400 people were killed in Tarn this year.', '400');
    expect(c.scope).toEqual({ from: '2026-01-01', to: '2026-09-17' });
  });
});

describe('what a figure counts, named before it', () => {
  it('"the disappearance of 300 people" counts the missing', () => {
    expect(figure('The police were blamed for the disappearance of 300 people in Tarn.', '300').metric).toBe('missing');
  });

  it('"the abduction of 200 children" counts missing children', () => {
    const c = figure('The rebels carried out the abduction of 200 children in Mesa.', '200');
    expect(c.metric).toBe('children missing');
    expect(c.population).toBe('children');
  });
});

describe('the place of the speaker', () => {
  it('"doctors at a hospital in the nearby town of Mesa, which received the dead, said" do not make Mesa the toll’s place', () => {
    const c = figure('Doctors at a hospital in the nearby town of Mesa, which received most of the dead and wounded, said more than 200 bodies had been brought in.', 'more than 200');
    expect(c.subject ?? null).not.toBe('Mesa');
    expect(c.speaker).toMatch(/Doctors/);
  });
});

describe('the whole of a part', () => {
  it('"72 of the country’s 330 districts": the 330 count all districts, not the ones held', () => {
    const held = figure('The monitors said the army held 72 of the country’s 330 districts.', '72');
    const all = figure('The monitors said the army held 72 of the country’s 330 districts.', '330');
    expect(all.metric).toBe(`${held.metric} in all`);
  });

  it('"20 of the 300 soldiers" were killed; the 300 are a count of soldiers, not of the killed', () => {
    const all = figure('Rebels killed 20 of the 300 soldiers at the Tarn garrison.', '300');
    expect(all.kind).toBe('count');
    expect(all.metric).not.toMatch(/killed/);
  });
});
