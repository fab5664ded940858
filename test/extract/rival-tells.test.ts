// Rival tells of one fact in adjacent sentences: two speakers' figures for one measure, one placed in a town, the other
// in a sentence that names no place — the second is the town's too, so that the two meet and disagree. Not when the
// speakers are one, the periods differ or the second sentence names a wider span. Articles written by the team about
// invented places (Mesa, Tarn; Chile where a country the country data knows is needed).
import { describe, expect, it } from 'vitest';
import type { ExtractedClaim } from '../../src/domain/types.js';
import { claimsIn } from '../helpers/figures.js';

const published = '2026-05-14';
const subjectOf = (text: string, valueText: string): string | null => {
  const claims: ExtractedClaim[] = claimsIn(`Chile: Rebels seize Mesa\n\n${text}`, { published });
  const found = claims.find((c) => c.valueText === valueText);
  if (!found) throw new Error(`no claim "${valueText}" among ${claims.map((c) => c.valueText).join(', ')}`);
  return found.subject;
};

const assault = 'A senior army officer told the Coast Wire that about 800 militants had taken part in the assault on Mesa.';

describe('two speakers, one fact, adjacent sentences', () => {
  it('"the attackers numbered 1,300" after "800 militants … in the assault on Mesa" is Mesa’s', () => {
    const text = `${assault} A security official told the Harbour Times that the attackers numbered 1,300.`;
    expect(subjectOf(text, 'about 800')).toBe('Mesa');
    expect(subjectOf(text, '1,300')).toBe('Mesa');
  });

  it('the figure before the placed one takes its place too', () => {
    const text = `A security official told the Harbour Times that the attackers numbered 1,300. ${assault}`;
    expect(subjectOf(text, '1,300')).toBe('Mesa');
  });

  it('the first sentence of the next paragraph, and a figure in the publisher’s own voice, tell the same fact', () => {
    const own = 'About 800 militants took part in the assault on Mesa on Sunday.';
    expect(subjectOf(`${assault}\n\nA security official told the Harbour Times that the attackers numbered 1,300.`, '1,300')).toBe('Mesa');
    expect(subjectOf(`${own} A security official told the Harbour Times that the attackers numbered 1,300.`, '1,300')).toBe('Mesa');
  });

  it('one speaker’s two figures stay apart', () => {
    const text = `${assault} He said the attackers numbered 1,300 by the second day.`;
    expect(subjectOf(text, '1,300')).not.toBe('Mesa');
  });

  it('a toll of another period, or of the war, is no rival tell of the town’s', () => {
    const year = 'Investigators told the council that 1,200 people were killed in Mesa last year.';
    expect(subjectOf(`${year} The envoy said the toll could reach 15,000.`, '15,000')).not.toBe('Mesa');
    const town = 'Investigators told the council that 1,200 people were killed in Mesa.';
    expect(subjectOf(`${town} The envoy said the war had killed 15,000 people.`, '15,000')).not.toBe('Mesa');
    // a toll that points back at no event is the country's, however it is worded
    expect(subjectOf(`${town} The envoy said 15,000 people had been killed.`, '15,000')).not.toBe('Mesa');
  });

  it('a figure two sentences away stays the article’s', () => {
    const text = `${assault} The city fell within hours. A security official told the Harbour Times that the attackers numbered 1,300.`;
    expect(subjectOf(text, '1,300')).not.toBe('Mesa');
  });

  it('a rival whose sentence names the town where it names its speaker takes the town, a sentence further off too', () => {
    const town = 'At least 2,000 people were killed in Mesa, a local councillor told the Coast Wire.';
    const office = 'The office of the provincial governor, which oversees Mesa, said no more than 150 people had died.';
    expect(subjectOf(`${town} ${office}`, 'no more than 150')).toBe('Mesa');
    expect(subjectOf(`${town} Bodies still lay in the streets.\n\n${office}`, 'no more than 150')).toBe('Mesa');
    // not a speaker who merely names the town, a toll of the war, nor one three sentences away
    expect(subjectOf(`${town} Elsewhere, the interior ministry said 140 people had been killed, most of them far from Mesa.`, '140')).not.toBe('Mesa');
    expect(subjectOf(`${town} ${office.replace('people had died', 'people had died in the war')}`, 'no more than 150')).not.toBe('Mesa');
    expect(subjectOf(`${town} Bodies lay in the streets. Shops stayed shut.\n\n${office}`, 'no more than 150')).not.toBe('Mesa');
  });
});
