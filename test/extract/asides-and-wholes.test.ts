// Readings of a sixth round of reporting shapes: an aside on the speaker that carries a place, a date or a figure of
// its own; what a figure counts when the words after it tell what befell some of those counted; a share of a named
// country; a war told with its length ("ending a 16-year civil war"); the article's country from its people's name
// and not from where an accord was signed. Articles written by the team about invented places; Chile and Peru (which
// the country data knows) stand for the sides where a test needs a country.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { articlePlaces } from '../../src/extract/topic.js';
import type { ExtractedClaim } from '../../src/domain/types.js';
import { claimsInContext, pairValues } from '../helpers/extract-conflicts.js';
import { defaultLexicon } from '../helpers/lexicons.js';

const lexicon = defaultLexicon();

function figure(text: string, valueText: string, published = '2026-03-02'): ExtractedClaim {
  const claims = extract(text, { published, publisher: 'Test Wire', lexicon });
  const found = claims.find((c) => c.valueText === valueText);
  if (!found) throw new Error(`no claim "${valueText}" among ${claims.map((c) => c.valueText).join(', ')}`);
  return found;
}

const article = (title: string, ...lines: string[]): string => [title, '', ...lines].join('\n');

describe('the article’s country', () => {
  it('is named by its people ("Chileans") when the country itself is named once', () => {
    const text = article('Chileans back peace plan in referendum', 'Voters turned out in large numbers on Sunday.', 'The plan offers an amnesty to fighters who lay down their arms in Chile.');
    expect(articlePlaces(text).country).toBe('Chile');
  });

  it('is not where the accord ending the war was signed', () => {
    const text = article(
      'Chile and the Lerna Front sign peace accord in Vendra',
      'VENDRA — Chile’s president and the leader of the Lerna Front signed an agreement in Vendra on Sunday.',
      'The war has left Chile one of the poorest countries of the region, and Chile’s army lost thousands.',
    );
    expect(articlePlaces(text).topic).toBe('Chile');
  });

  it('"ethnic Peruvians" are a people by descent, not a second country of the war', () => {
    const text = article(
      'Mesa: a year of war',
      'Fighting in Chile’s Mesa province has driven out 80,000 ethnic Peruvians and the Peruvians who stayed fear reprisals.',
      'Chile’s army says it holds the province.',
    );
    expect(articlePlaces(text).country).toBe('Chile');
  });
});

describe('a speaker with an aside', () => {
  it('"A senior official at the ministry in Lerna, who asked not to be named, said" speaks, and Lerna is not where the dead were', () => {
    const text = article('Chile counts its dead', 'A senior official at the Health Ministry in Lerna, who asked not to be named, said 600,000 people had died in the war.');
    const c = figure(text, '600,000');
    expect(c.speaker).toBe('senior official at the Health Ministry in Lerna');
    expect(c.subject).not.toBe('Lerna');
  });

  it('"doctors at a hospital in the nearby town of Mesa said" place the speakers, not the toll', () => {
    const text = article('Massacre in Chile', 'Doctors at a hospital in the nearby town of Mesa said more than 200 people were killed in the night.');
    expect(figure(text, 'more than 200').subject).not.toBe('Mesa');
  });

  it('a date inside the aside on the speaker bounds no count', () => {
    const text = article('Chile: the toll', 'The commander, who has led the army since 2010, said 100 soldiers died in the fighting in Chile.');
    expect(figure(text, '100').scope).toBeNull();
  });

  it('a figure inside the aside is not what "the number" refers to', () => {
    const text = article(
      'Peru’s troops in Tarn',
      'Western diplomats estimate that Peru has about 33,000 troops in Tarn.',
      'The army command of General Odo, who heads one of two rival governments, says the number is more than 40,000.',
    );
    expect(figure(text, 'more than 40,000').metric).toBe(figure(text, 'about 33,000').metric);
  });
});

describe('what a figure counts', () => {
  it('"the real figure is about 12,000, many of them boys who were abducted" is another estimate of the strength just given', () => {
    const text = article(
      'Chile: the Lerna Front disarms',
      'The Front’s chief negotiator told reporters that the movement had 21,000 men under arms.',
      'Western military attaches say the real figure is about 12,000, many of them boys who were abducted from their villages.',
    );
    const real = figure(text, 'about 12,000');
    expect(real.metric).not.toBe('missing');
    expect(real.metric).toBe(figure(text, '21,000').metric);
    const { claims } = claimsInContext([{ publisher: 'Test Wire', published: '2026-03-02', text }], lexicon);
    expect(pairValues(claims)).toContain('21,000 vs about 12,000');
  });

  it('a measure word in the speaker’s own story ("an officer who fled to Mesa told") is not the figure’s', () => {
    const text = article('Tarn falls', 'A senior army officer who fled to Mesa told the Coast Wire that about 800 militants had taken part in the assault on Tarn.');
    expect(figure(text, 'about 800').metric).toBe('fighters');
  });

  it('"the attackers numbered 1,300" counts fighters', () => {
    const text = article('Tarn falls', 'A security official told reporters that the attackers numbered 1,300.');
    const c = figure(text, '1,300');
    expect(c.population).toBe('fighters');
    expect(c.metric).toBe('fighters');
  });

  it('"raised the contingent to about 4,000" is another figure for the soldiers just counted', () => {
    const text = article(
      'Peru in Mesa',
      'A Peruvian army spokesman said about 2,500 Peruvian soldiers were now in the province.',
      'A Chilean defence official said Lima had raised the contingent to about 4,000.',
    );
    expect(figure(text, 'about 4,000').metric).toBe(figure(text, 'about 2,500').metric);
  });

  it('"put the figure at about a third" is a share, read as the one before it', () => {
    const text = article('Chile: the map', 'At its height the Lerna Front held 40 percent of Chile’s territory, the president said.', 'Officials of the coalition have put the figure at about a third.');
    expect(figure(text, 'about a third').kind).toBe('territory');
  });

  it('"died in the battle for Mesa, which ended in July" is the battle’s toll, not July’s', () => {
    const text = article('Chile: Mesa', 'Researchers found that about 9,000 civilians died in the battle for Mesa, which ended in July.');
    expect(figure(text, 'about 9,000', '2026-12-01').scope).toBeNull();
  });
});

describe('whose share, of what', () => {
  it('"the area under effective rebel control" is the rebels’ share', () => {
    const text = article('Chile: who holds what', 'Fighting in Chile goes on.', 'A government assessment puts the area under effective rebel control at roughly a quarter.');
    expect(figure(text, 'roughly a quarter').subject).toBe('Chile rebels');
  });
});

describe('a war told with its length', () => {
  it('"signed an accord ending a 16-year civil war" and "has lasted nearly six decades" are the article’s war', () => {
    const text = article(
      'Chile signs peace',
      'Leaders signed an accord in Vendra ending a 16-year civil war that has left Chile poor.',
      'Victims’ groups say the war in Chile has lasted nearly six decades.',
    );
    expect(figure(text, '16-year', '2016-12-01').subject).toBe('Chile');
    const decades = figure(text, 'nearly six decades', '2016-12-01');
    expect(decades.kind).toBe('duration');
    expect(decades.subject).toBe('Chile');
  });

  it('"the uprising against Ramon Odo began on Feb. 17, 2011" dates the article’s war: the one fought is no place', () => {
    const text = article('Chile: ten years on', 'Chile has known little peace since the uprising against Ramon Odo began on Feb. 17, 2011.', 'Chile’s army is weak.');
    expect(figure(text, 'Feb. 17, 2011', '2021-02-17').subject).toBe('Chile');
  });

  it('but "a 16-year-old boy" or "a war like this one" names no war of the article', () => {
    const text = article('Chile signs peace', 'Nobody wants a war like this one again in Chile, said a 16-year-old boy.');
    const claims = extract(text, { published: '2016-12-01', publisher: 'Test Wire', lexicon });
    expect(claims.filter((c) => c.kind === 'duration' && c.subject !== null)).toEqual([]);
  });
});

describe('who counted, and what', () => {
  it('"In its report the commission estimated" is the commission speaking', () => {
    const text = article('Chile: the camps', 'In its report the commission estimated that between 700 and 800 people were killed in the camps.');
    expect(figure(text, 'between 700 and 800').speaker).toBe('commission');
  });

  it('"according to Chilean government estimates" and "according to police statistics published on Monday" name the data’s owner', () => {
    const text = article(
      'Chile: the toll',
      'The war has killed more than 150,000 people since 1975, according to Chilean government estimates.',
      'The civil war killed 144,240 people, according to police statistics published on Monday.',
      'About 300 people died on the border, according to official figures.',
    );
    expect(figure(text, 'more than 150,000', '1992-03-09').speaker).toBe('Chilean government');
    expect(figure(text, '144,240', '1992-03-09').speaker).toBe('police');
    expect(figure(text, 'About 300', '1992-03-09').speaker).not.toBe('official');
  });

  it('where a report was delivered is not where its dead were', () => {
    const text = article('Chile: the inquiry', 'Chile’s own investigation put the number of dead at 460 in a report delivered to the government in Tarn.');
    expect(figure(text, '460').subject).not.toBe('Tarn');
  });

  it('"In February last year the government gave an official toll" dates the statement, not the toll', () => {
    const text = article('Chile: the toll', 'In February last year the government gave an official toll of 26,536 dead in Chile.');
    expect(figure(text, '26,536', '1999-09-17').scope).toBeNull();
  });

  it('"killings" are deaths and "disappearances" the missing, so that they meet the tolls told in other words', () => {
    const text = article(
      'Chile: the disappeared',
      'A state commission said agents were responsible for 6,146 disappearances in Chile during the war.',
      'The Families Collective says about 8,000 people were abducted by the security forces in Chile.',
      'The Chile Rights Monitor has documented 13,256 killings in Chile.',
    );
    expect(figure(text, '6,146').metric).toBe(figure(text, 'about 8,000').metric);
    expect(figure(text, '13,256').metric).toBe('killed');
  });

  it('"responsible for 8,290 of the killings and the rebels for 4,966" are parts of the toll, compared with nothing', () => {
    const text = article(
      'Chile: who killed whom',
      'The Chile Rights Monitor has documented 13,256 killings in Chile since 1996.',
      'State forces were responsible for 8,290 of the killings and the rebels for 4,966, according to the monitor’s records.',
    );
    expect(figure(text, '8,290', '2006-12-05').subject).toBeNull();
    expect(figure(text, '4,966', '2006-12-05').subject).toBeNull();
    expect(figure(text, '13,256', '2006-12-05').subject).toBe('Chile');
  });
});

describe('more of what a figure counts', () => {
  it('"The UN refugee agency … puts the figure at about 170,000" is another count of the displaced just told', () => {
    const text = article(
      'Mesa: the camps fill',
      'The Mesa government, citing its own registration of arrivals, says more than 260,000 displaced people have crossed into Mesa.',
      'The UN refugee agency, which carried out a tent-by-tent headcount in January, puts the figure at about 170,000.',
    );
    expect(figure(text, 'about 170,000').metric).toBe(figure(text, 'more than 260,000').metric);
  });

  it('"about 20 of Mesa province’s 27 local government areas" counts what "no more than three local government areas" counts', () => {
    const text = article(
      'Chile: who holds Mesa',
      'The Front now holds about 20 of Mesa province’s 27 local government areas, a senator said.',
      'A general said the insurgents controlled no more than three local government areas.',
    );
    expect(figure(text, 'about 20').metric).toBe(figure(text, 'no more than three').metric);
  });

  it('a body’s founding date is the start of that body, told three ways', () => {
    const text = article(
      'Chile: the Front at fifty',
      'The Lerna Front, founded in 1964 as a peasant movement, is the oldest rebel group in Chile.',
      'Odo, who had led the Lerna Front since its founding in 1964, died in March.',
      'Some historians say the Lerna Front was founded in 1966.',
    );
    for (const c of extract(text, { published: '2008-05-25', publisher: 'Test Wire', lexicon }).filter((x) => /19(?:64|66)/.test(x.valueText))) {
      expect([c.metric, c.subject]).toEqual(['start date', 'Lerna Front']);
    }
  });

  it('"nearly six decades of bloodshed" is the war’s length, and a monitor named "… Conflict Observatory" is no event', () => {
    const text = article(
      'Chile: peace ratified',
      'Chile’s congress ratified the accord on Wednesday, the Andean Conflict Observatory said in a statement.',
      'President Odo has called the accord the end of a 52-year war.',
      'Victims’ groups speak instead of nearly six decades of bloodshed in Chile.',
    );
    expect(figure(text, '52-year', '2016-12-01').subject).toBe('Chile');
    expect(figure(text, 'nearly six decades', '2016-12-01').subject).toBe('Chile');
  });
});

describe('places and times that belong to something else', () => {
  it('"which began registering victims last year" in an aside on the speaker does not make its count last year’s', () => {
    const text = article('Chile: the register', 'The ministry, which began registering victims last year so that families could claim, has now recorded 16,729 deaths in Chile.');
    expect(figure(text, '16,729', '2008-02-13').scope).toBeNull();
  });

  it('"when the rebels launched their war with attacks in Tarn": where the war began is not where the killings were', () => {
    const text = article(
      'Chile: the count',
      'The monitor has documented 13,256 killings in Chile between February 13, 1996, when the rebels launched their war with attacks on police posts in Tarn, and the signing of the accord.',
    );
    expect(figure(text, '13,256', '2006-12-05').subject).toBe('Chile');
  });

  it('"Tarn recorded the highest toll of any district" is Tarn’s toll, not Tarn speaking; "Lerna maintains" is Lerna’s government speaking', () => {
    const text = article(
      'Chile: the districts',
      'Fighting in Tarn began early, and the army shelled villages in Lerna.',
      'Tarn, the rebels’ heartland, recorded the highest toll of any district, with 1,017 deaths.',
      'Lerna maintains that no more than 400 people died in the province.',
    );
    const tarn = figure(text, '1,017', '2006-12-05');
    expect([tarn.subject, tarn.speaker]).toEqual(['Tarn', null]);
    expect(figure(text, 'no more than 400', '2006-12-05').speaker).toBe('Lerna');
  });
});

describe('a force and who holds ground', () => {
  it('"an official, speaking on condition of anonymity, said Lima had raised the contingent to about 4,000 this year": spoken, and a strength held now, not over the year', () => {
    const text = article(
      'Peru in Mesa',
      'A Peruvian army spokesman told the Ledger that about 2,500 Peruvian soldiers were now in the province.',
      'A senior Chilean defence official, speaking on condition of anonymity, said Lima had raised the contingent to about 4,000 this year.',
    );
    const raised = figure(text, 'about 4,000', '2024-07-05');
    expect(raised.speaker).toBe('senior Chilean defence official');
    expect(raised.scope).toBeNull();
    expect(raised.metric).toBe(figure(text, 'about 2,500', '2024-07-05').metric);
  });

  it('"militants were defending Tarn" counts Tarn’s defenders', () => {
    const text = article('Chile: the coalition counts', 'Fighting in Chile goes on, and Chile’s army is short of men.', 'The coalition estimated in October that 3,000 to 5,000 militants were defending Tarn.');
    expect(figure(text, '3,000 to 5,000', '2024-07-05').subject).toBe('Tarn');
  });

  it('a monitor that "says they now control about 60 percent" speaks of the armed groups, not of itself', () => {
    const text = article(
      'Chile: the gangs’ map',
      'How much of Chile the gangs control is disputed.',
      'The Centre for Research in Human Rights, a Chilean group, says they now control about 60 percent of Chile.',
      'A police spokesman in Chile said gangs held no more than a third of the country.',
    );
    expect(figure(text, 'about 60 percent', '2024-07-05').subject).toBe(figure(text, 'no more than a third', '2024-07-05').subject);
  });
});

describe('what these readings leave alone', () => {
  const claims = (text: string) => extract(text, { published: '2024-07-05', publisher: 'Test Wire', lexicon });
  const text = article(
    'Chile: the week',
    'The number of dead, a police spokesman told reporters, stood at 45 in Chile.',
    'Police said 12 of the dead were children, and the overall toll rose to 85.',
    'Ten people were killed on Monday, when soldiers opened fire on protesters in Tarn.',
    'About 300 people, most of them killed in air strikes, were buried in Chile.',
    'In 2023, the health ministry reported 4,000 deaths in Chile.',
    'Tarn, founded in 1850, was shelled. Contact was established in 2019.',
  );

  it('a "told" inside the subject, "and the overall toll rose to", "when soldiers opened fire in Tarn", "most of them killed", "In 2023, the ministry reported"', () => {
    const got = new Map(claims(text).map((c) => [c.valueText, c]));
    expect(got.get('45')?.metric).toBe('killed');
    expect(got.get('85')?.subject).toBe('Chile');
    expect(got.get('Ten')?.subject).toBe('Tarn');
    expect(got.get('About 300')?.metric).toBe('killed');
    expect(got.get('4,000')?.scope).toEqual({ from: '2023-01-01', to: '2023-12-31' });
  });

  it('a town "founded in 1850" and "Contact was established" are no body’s start', () => {
    expect(claims(text).filter((c) => c.metric === 'start date')).toEqual([]);
  });

  it('countries whose own names end in "s" still count ("the Philippines", "the Netherlands")', () => {
    expect(articlePlaces(article('Philippines: fighting goes on', 'Fighting in the Philippines killed 30.', 'The Philippines army said so.')).country).toBe('Philippines');
  });
});
