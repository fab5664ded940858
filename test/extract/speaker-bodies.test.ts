// Who tells a figure, in an eighth round of shapes: a body of an organisation ("the UN mission in Tarn", "a UN
// official", "UN military observers") is itself, not its headquarters, so two bodies of one organisation are two
// sources; "put the toll closer to", "put it at"; churches and dioceses speak; "It found that" after an organisation
// that opened the sentence before; people "crammed into Mesa" are Mesa's. Sentences written by the team about invented
// places (Tarn, Mesa, the Lerna Centre).
import { describe, expect, it } from 'vitest';
import type { ExtractedClaim } from '../../src/domain/types.js';
import { claimsIn, figureIn } from '../helpers/figures.js';

const published = '2026-03-01';
const figure = (text: string, valueText: string): ExtractedClaim => figureIn(text, valueText, { published });

describe('a body of an organisation', () => {
  it('"the UN mission in Tarn", "a UN official" and "UN military observers" are not the United Nations as a whole', () => {
    expect(figure('The UN mission in Tarn recorded 934 killings.', '934').speaker).toBe('UN mission');
    expect(figure('A UN official said 25,000 people were displaced.', '25,000').speaker).toBe('UN official');
    expect(figure('UN military observers said the rebels held half the country.', 'half').speaker).toBe('UN military observers');
    expect(figure('According to the UN human rights office, 400 people were killed.', '400').speaker).toBe('UN human rights office');
  });

  it('the organisation itself is still its canonical name', () => {
    expect(figure('The UN said 3,000 people were killed in Tarn.', '3,000').speaker).toBe('United Nations');
  });
});

describe('ways of giving a figure', () => {
  it('"put the toll closer to" reports the speaker’s figure', () => {
    expect(figure('Church leaders put the toll closer to 40,000.', '40,000').speaker).toBe('Church leaders');
  });

  it('churches and a diocese speak', () => {
    expect(figure('The churches put the toll at 40,000.', '40,000').speaker).toBe('churches');
    expect(figure('The diocese said 119 civilians were killed.', '119').speaker).toBe('diocese');
  });

  it('"It found that" after "The Lerna Centre released its report" is the centre’s', () => {
    const text = 'Lerna report\n\nThe Lerna Centre released its report on Tuesday. It found that 5,210 people had died in Tarn.';
    expect(claimsIn(text, { published }).find((c) => c.valueText === '5,210')?.speaker).toBe('Lerna Centre');
  });
});

describe('where those counted are', () => {
  it('displaced people "crammed into Mesa" are Mesa’s; people who "fled into Peru" are no count of Peru', () => {
    expect(figure('The UN says some 450,000 displaced people are crammed into Mesa.', 'some 450,000').subject).toBe('Mesa');
    expect(figure('About 20,000 people fled into Peru.', 'About 20,000').subject ?? null).toBeNull();
  });
});
