// Shapes of reporting that every war's coverage uses and that the cross-check must read without any lexicon entry
// for the war: a rival estimate that only says "the real figure", a side's own losses ("lost 300 soldiers"), the
// war's start told as "fighting broke out" or "the insurgency began", a pronoun after a person introduced by role,
// and an organisation whose name holds "for <Name>". Articles written by the team about invented places; the
// countries the data package knows (Chile, Peru) stand for the sides where a test needs a demonym.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { articleTopic } from '../../src/extract/topic.js';
import type { ExtractedClaim } from '../../src/domain/types.js';
import type { ClaimInContext } from '../../src/domain/crosscheck.js';
import { claimsInContext, conflictsOf, pairValues, pairsOf as pairsOfArticle, type Article } from '../helpers/extract-conflicts.js';
import { defaultLexicon } from '../helpers/lexicons.js';

const lexicon = defaultLexicon();

function claimsOf(text: string, published = '2026-03-02'): ExtractedClaim[] {
  return extract(text, { published, publisher: 'Test Wire', lexicon });
}

/** The conflicts the rules find in one article from the test wire, as value pairs. */
function pairsOf(text: string, published = '2026-03-02'): string[] {
  return pairsOfArticle(text, lexicon, published);
}

function claim(claims: ExtractedClaim[], valueText: string): ExtractedClaim {
  const found = claims.find((c) => c.valueText === valueText);
  if (!found) throw new Error(`no claim "${valueText}" among ${claims.map((c) => c.valueText).join(', ')}`);
  return found;
}

describe('a figure that stands for an earlier one', () => {
  const text = [
    'Chile toll disputed as war drags on',
    'The war in Chile has now lasted two years. The Andes Casualty Monitor puts the toll at more than 12,000 people.',
    'The UN envoy for Chile, Ines Varga, said last week that the true number could be as high as 40,000.',
  ].join('\n\n');

  it('takes the measure, population and subject of the figure it refers back to, and keeps its own speaker', () => {
    const claims = claimsOf(text);
    const first = claim(claims, 'more than 12,000');
    const rival = claim(claims, '40,000');
    expect(rival.metric).toBe(first.metric);
    expect(rival.population).toBe(first.population);
    expect(rival.subject).toBe('Chile');
    expect(rival.speaker).toBe('Ines Varga');
  });

  it('leaves a bare figure alone when nothing before it names a fact, or when it names its own ("the number of schools")', () => {
    const alone = claimsOf('Chile talks resume\n\nThe real figure may be as high as 40,000, an aid worker said.');
    expect(claim(alone, '40,000').metric).toBe('count');
    const own = claimsOf('Chile war\n\nThe war in Chile has killed 3,000 people. The number of schools shut stands at 900.');
    expect(claim(own, '900').metric).not.toBe(claim(own, '3,000').metric);
  });

  it('sets the two estimates of one article against each other', () => {
    const article: Article = { publisher: 'Test Wire', published: '2026-03-02', text };
    const { claims } = claimsInContext([article], lexicon);
    const conflicts = conflictsOf(claims);
    expect(conflicts.some((c) => c.claimIds.length >= 2 && c.claimIds.map((id) => claims.find((x) => x.id === id)?.valueText).join(' ').includes('40,000'))).toBe(true);
  });
});

describe("a side's own losses", () => {
  it('reads "lost N soldiers" as the dead of the side the speaker belongs to, not as troops deployed', () => {
    const claims = claimsOf('Border war\n\nPeru’s defence ministry said the army had lost 310 soldiers since the border war with Chile began.');
    const lost = claim(claims, '310');
    expect(lost.kind).toBe('casualties');
    expect(lost.metric).toBe('Peruvian soldiers killed');
  });

  it('gives "of its soldiers" the side of a country\'s ministry', () => {
    const claims = claimsOf('Border war\n\nPeru’s defence ministry said on Friday that 312 of its soldiers had been killed.');
    expect(claim(claims, '312').population).toBe('Peruvian soldiers');
  });
});

describe("the start of the article's war, told without the word war", () => {
  it('dates the war from "fighting broke out", "fighting between A and B erupted" and "the insurgency began"', () => {
    const broke = claimsOf('Chile: a year of war\n\nThe war in Chile goes on. Thousands have died since fighting broke out in March 2024.');
    expect(claim(broke, 'March 2024')).toMatchObject({ metric: 'start date', subject: 'Chile' });
    const between = claimsOf('Peru and Chile dig in\n\nThe war in Chile is in its fifth month. Fighting between Chile and Peru erupted in May 2025.');
    expect(claim(between, 'May 2025')).toMatchObject({ metric: 'start date', subject: 'Chile' });
    const insurgency = claimsOf('Chile insurgency\n\nThe war in Chile spreads. The insurgency, which began in 2019, has reached the coast.');
    expect(claim(insurgency, 'in 2019')).toMatchObject({ metric: 'start date', subject: 'Chile' });
  });

  it('does not date the war from renewed fighting or fighting in a named town', () => {
    const renewed = claimsOf('Chile war\n\nThe war in Chile began in 2022. Renewed fighting erupted in May 2025.');
    expect(claim(renewed, 'May 2025').subject).toBeNull();
  });
});

describe('speakers and places inside names', () => {
  it('"he" after a person introduced by role is that person, not the organisation quoted last', () => {
    const claims = claimsOf(
      [
        'Chile front lines',
        'The UN refugee agency puts the number of displaced at 3.8 million.',
        'Rebel spokesman Tomas Orel denied shelling homes. He said the rebels control about 60 percent of the country.',
      ].join('\n\n'),
    );
    expect(claim(claims, 'about 60 percent').speaker).toBe('spokesman Tomas Orel');
  });

  it('"the Monitor for Civil Rights" names no place: its toll stays the war\'s', () => {
    const claims = claimsOf('Chile war toll\n\nThe war in Chile goes on. The Andes Monitor for Civil Rights puts the toll at 18,000 people.');
    expect(claim(claims, '18,000').subject).toBe('Chile');
  });

  it('"In Dunmore alone" narrows a toll to the town at the start of a sentence too', () => {
    const claims = claimsOf('Chile war toll\n\nThe war in Chile has killed 25,000 people. In Dunmore alone, 2,800 residents have died.');
    expect(claim(claims, '2,800').subject).toBe('Dunmore');
  });
});

describe('rival tolls of one war', () => {
  it('a toll "since the war began" is the whole war\'s, set against a toll told without a period', () => {
    const article: Article = {
      publisher: 'Test Wire',
      published: '2025-10-24',
      text: [
        'Peru counts its dead',
        'Peru’s defence ministry said that 312 of its soldiers had been killed since the border war with Chile began on 4 June 2025.',
        'Chile’s military spokesman Colonel Ivo Serna said Chilean forces had killed more than 4,000 Peruvian soldiers.',
      ].join('\n\n'),
    };
    const { claims } = claimsInContext([article], lexicon);
    const toll = claims.find((c) => c.valueText === '312')!;
    expect(toll.scopeFrom).toBeNull();
    const values = pairValues(claims);
    expect(values).toContain('312 vs more than 4,000');
  });

  it('"An independent site, the Kesten Observer, has counted" is the Observer\'s count', () => {
    const claims = claimsOf('Peru war\n\nAn independent news site, the Kesten Observer, has counted the names of 1,150 Peruvian servicemen killed in the fighting.');
    expect(claim(claims, '1,150').speaker).toBe('Kesten Observer');
  });

  it('a side the country data spells only as a name ("Djiboutian" for Djibouti) is one side however written', () => {
    const claims = claimsOf('Djibouti war\n\nDjibouti’s defence ministry said 312 of its soldiers were killed. A monitor counted 1,150 Djiboutian soldiers killed.');
    expect(claim(claims, '312').population).toBe(claim(claims, '1,150').population);
  });

  it('"the Front said it had lost 40 men" is the Front\'s own dead, not a toll of the whole war', () => {
    const claims = claimsOf('Chile war\n\nThe war in Chile has killed 11,000 people. The Front said it had lost 40 men.');
    expect(claim(claims, '40').metric).not.toBe(claim(claims, '11,000').metric);
  });
});

describe('what a toll is, when and by whom', () => {
  it('"had killed 377,000 people by the end of 2021" holds at the end of 2021, not on the day it is told', () => {
    const claims = claimsOf('Chile war\n\nThe UN said the war in Chile had killed 377,000 people by the end of 2021.', '2025-11-10');
    expect(claim(claims, '377,000').asOf).toBe('2021-12-31');
  });

  it('"another 227,000 died of hunger" adds to a toll and is set against no total', () => {
    const claims = claimsOf('Chile war\n\nThe war in Chile has killed 150,000 people. Another 227,000 died from hunger and disease.');
    expect(claim(claims, '227,000').subject).toBeNull();
  });

  it('"killed or wounded" counts casualties, not the dead', () => {
    const claims = claimsOf('Chile war\n\nAt least 19,200 civilians have been killed or wounded by air strikes in Chile, the monitor said.');
    expect(claim(claims, 'At least 19,200').metric).toBe('civilians casualties');
  });

  it('"a defence ministry statement said" is the ministry speaking, and "puts the toll much lower, at" a reporting verb', () => {
    const claims = claimsOf('Chile war\n\nThe war in Chile goes on. A defence ministry statement said "fewer than 2,000" people had died. The health ministry puts the toll much lower, at 1,300.');
    expect(claim(claims, 'fewer than 2,000').speaker).toBe('defence ministry');
    expect(claim(claims, '1,300').speaker).toBe('health ministry');
  });

  it('a place in the other clause or in the speaker\'s own phrase does not narrow a toll ("officials in Kidal estimate")', () => {
    const claims = claimsOf('Chile war\n\nIn Chile, the Andes Observatory counts at least 3,900 deaths, while local officials in Dunmore estimate the toll at nearly 6,000.');
    expect(claim(claims, 'at least 3,900').subject).toBe('Chile');
    expect(claim(claims, 'nearly 6,000').subject).toBe('Chile');
  });

  it('reads the population after a quoted figure and in "the figure of civilian dead"', () => {
    const quoted = claimsOf('Chile war\n\nThe rebels claimed to have killed "more than 200" troops in Chile.');
    expect(claim(quoted, 'more than 200').population).toBe('Chilean soldiers');
    const figure = claimsOf('Chile war\n\nThe health ministry said the figure of civilian dead in Chile stood at 18,000.');
    expect(claim(figure, '18,000').population).toBe('civilians');
  });

  it('"since it erupted in December 2024" dates the war the sentence names', () => {
    const claims = claimsOf('Chile war\n\nThe war in Chile has killed 2,100 people since it erupted in December 2024.', '2025-06-20');
    expect(claim(claims, 'December 2024')).toMatchObject({ metric: 'start date', subject: 'Chile' });
  });
});

describe('regions, statements and partitives', () => {
  it('"the war in Chile\'s Portbrak region" is about the region, as "the conflict in Portbrak" is', () => {
    const a = claimsOf('Portbrak toll revised\n\nThe two-year war in Chile’s Portbrak region killed as many as 60,000 civilians, researchers said. The war broke out in November 2020.');
    const b = claimsOf('Portbrak, two years on\n\nThe conflict in Portbrak, which began in October 2020, left some 16,000 people dead, monitors said.');
    expect(claim(a, 'November 2020').subject).toBe('Portbrak');
    expect(claim(b, 'October 2020').subject).toBe('Portbrak');
  });

  it('"the army said on Saturday it had killed 150" is a count of the offensive, not of Saturday', () => {
    const claims = claimsOf('Chile offensive\n\nChile’s army said on Saturday it had killed 150 rebel fighters in Portbrak.', '2025-08-10');
    expect(claim(claims, '150').scope).toBeNull();
  });

  it('"Of the dead counted by the monitors, about 40,000 were combatants" is a part, and "Of the dead" speaks for no one', () => {
    const claims = claimsOf('Chile war\n\nThe war in Chile left 160,000 people dead. Of the dead counted by the monitors, about 40,000 were combatants.');
    const part = claim(claims, 'about 40,000');
    expect(part.subject).toBeNull();
    expect(part.speaker).not.toBe('Of the dead');
  });
});

describe('who holds a share of territory, with no lexicon entry for any side', () => {
  const text = [
    'Chile front lines',
    'The war in Chile goes on. Peru now controls about 18 percent of Chile, Chilean officials said. Peru said its forces held 25 percent of Chile.',
    'The rebels control 45 percent of the country, their spokesman said. A military spokesman, Major Elin Ruud, said the rebels held less than a fifth of the country.',
    'The government controls 60 percent of Chile, the army said.',
  ].join('\n\n');

  it('folds the holder: a country or its forces to the country, the rebels to "<place> rebels", the state\'s bodies to the place', () => {
    const claims = claimsOf(text);
    expect(claim(claims, 'about 18 percent').subject).toBe('Peru');
    expect(claim(claims, '25 percent').subject).toBe('Peru');
    expect(claim(claims, '45 percent').subject).toBe('Chile rebels');
    expect(claim(claims, 'less than a fifth').subject).toBe('Chile rebels');
    expect(claim(claims, '60 percent').subject).toBe('Chile');
  });

  it('"A military spokesman, Major Elin Ruud, said" is Major Elin Ruud speaking, and the two rebel shares disagree', () => {
    const article: Article = { publisher: 'Test Wire', published: '2026-03-02', text };
    const { claims } = claimsInContext([article], lexicon);
    expect(claims.find((c) => c.valueText === 'less than a fifth')?.speakerName).toBe('Major Elin Ruud');
    const values = pairValues(claims);
    expect(values).toContain('45 percent vs less than a fifth');
  });
});

describe("a side's own count of its dead", () => {
  it('"the army put its own losses at three dead" is the army\'s soldiers, set against the rebels\' count of them', () => {
    const article: Article = {
      publisher: 'Test Wire',
      published: '2025-08-10',
      text: 'Portbrak offensive\n\nThe war in Portbrak goes on. The Korvan Front said it had killed 40 government soldiers. The army put its own losses at three dead.',
    };
    const { claims } = claimsInContext([article], lexicon);
    expect(claims.find((c) => c.valueText === 'three')).toMatchObject({ metric: 'soldiers killed', speakerName: 'army' });
    const values = pairValues(claims);
    expect(values).toContain('40 vs three');
  });

  it('"elders put the number at closer to 30" after "killed 150 fighters" is another estimate of the same dead', () => {
    const claims = claimsOf('Portbrak offensive\n\nThe war in Portbrak goes on. The army claims to have killed 150 fighters; local elders put the number at closer to 30.');
    expect(claim(claims, '30')).toMatchObject({ metric: claim(claims, '150').metric, speaker: 'local elders' });
  });
});

describe('the place of a war no country list holds', () => {
  it('reads it from a wire dateline, a title the text uses as a place, or a side of "the border war with"', () => {
    expect(articleTopic('Talks stall\n\nRAVENHOLT, Selvania (Northwire) — Selvania’s civil war entered its third year on Tuesday.')).toBe('Selvania');
    expect(articleTopic('Selvania: counting the dead\n\nThe government of Selvania says its army has lost 3,100 soldiers.')).toBe('Selvania');
    expect(articleTopic('Brenmark says 312 troops killed in border war with Haldor\n\nThe ministry gave its first toll in months.')).toBe('Haldor');
  });

  it('keeps the place a war phrase names over a side named with "between"', () => {
    const text = 'Portbrak toll rises\n\nThe war in Portbrak goes on. The war between Chile and the Korvan Front has killed thousands in Portbrak.';
    expect(articleTopic(text)).toBe('Portbrak');
  });
});

describe('whose soldiers a count names no side for', () => {
  it('the state\'s, whether its army counts them or an armed group claims to have killed them', () => {
    const claims = claimsOf('Chile clashes\n\nThe war in Chile goes on. The army said 57 soldiers died this week. The rebel coalition said it had killed "more than 200" troops.');
    expect(claim(claims, '57').population).toBe('Chilean soldiers');
    expect(claim(claims, 'more than 200').population).toBe('Chilean soldiers');
  });

  it('a country\'s official speaks for that country\'s soldiers, so two sides\' tolls stay apart', () => {
    const claims = claimsOf('Border war\n\nThe war in Chile goes on. Peru said 2,783 of its soldiers were killed. A Chilean official said 2,317 soldiers had been killed.');
    expect(claim(claims, '2,783').population).toBe('Peruvian soldiers');
    expect(claim(claims, '2,317').population).toBe('Chilean soldiers');
  });
});

describe('a figure a speaker denies', () => {
  const text = [
    'Rebels dispute the toll of Portbrak',
    'Reports from the Korvan Front suggest that the deceased in Portbrak were 1,800 army soldiers, and not 2,600 civilians as claimed by the UN mission.',
  ].join('\n\n');

  it('"Reports from the Front suggest" is the Front speaking, and "the deceased" count the dead', () => {
    const claims = claimsOf(text);
    expect(claim(claims, '1,800').speaker).toBe('Korvan Front');
    expect(claim(claims, '1,800').metric).toMatch(/killed/);
  });

  it('"and not 2,600 … as claimed by the UN mission" is the UN mission\'s figure for the same dead, and the two disagree', () => {
    const claims = claimsOf(text);
    const denied = claim(claims, '2,600');
    expect(denied.speaker).toBe('UN mission');
    expect(denied.metric).toBe(claim(claims, '1,800').metric);
    expect(pairsOf(text, '2026-03-02')).toContain('1,800 vs 2,600');
  });

  it('a figure after "not" that no earlier figure of its sentence asserts keeps its own fact', () => {
    const claims = claimsOf('Portbrak toll\n\nThe monitor counted not 300 soldiers but 2,600 civilians killed in Portbrak.');
    expect(claim(claims, '2,600').population).toBe('civilians');
  });
});

describe('the region a war is fought in, and sides named by their members', () => {
  const regional = [
    'Drone strike on Chilean market kills at least 31',
    'A drone strike on a market in Chile\'s Norvale region killed at least 31 people, a local administrator said on Tuesday.',
    'The Norvale regional government gave a far lower figure. In a statement carried by state media, it said nine people had died.',
    'Fighting in Norvale began in August 2023, and the Norvale militias now hold much of the countryside.',
  ].join('\n\n');

  it('takes the region the article names more often than its country as the article\'s place', () => {
    expect(articleTopic(regional)).toBe('Norvale');
  });

  it('"it said" after "The regional government gave a far lower figure" is the regional government speaking, and the two tolls disagree', () => {
    expect(claim(claimsOf(regional), 'nine').speaker).toBe('Norvale regional government');
    const { claims } = claimsInContext([{ publisher: 'Test Wire', published: '2026-03-02', text: regional }], lexicon);
    expect(pairValues(claims)).toContain('at least 31 vs nine');
  });

  it('"the largest war in Europe" compares the war with others; it does not place it', () => {
    const text = 'Chile after two years of war\n\nIt is two years since troops crossed into Chile, in the largest war in Europe for decades. Chile says 9,000 soldiers have died.';
    expect(articleTopic(text)).toBe('Chile');
  });

  it('"a spokesman for one of the main Korvan factions … saying the group had lost no more than 40 fighters in the same period" is the Korvan side\'s own count', () => {
    const text = [
      'Army says 312 Korvan fighters killed',
      'Security forces killed 312 Korvan fighters in the Tarn valley over the past two weeks, the army said in a statement on Monday.',
      'A spokesman for one of the main Korvan factions, contacted by phone, rejected the figures, saying the group had lost no more than 40 fighters in the same period.',
    ].join('\n\n');
    const claims = claimsOf(text);
    const own = claim(claims, 'no more than 40');
    const army = claims.filter((c) => c.valueText === '312').at(-1)!;
    expect(own.speaker).toBe('spokesman for one of the main Korvan factions');
    expect(own.population).toBe(army.population);
    expect(army.scope).not.toBeNull();
    expect(own.scope).toEqual(army.scope);
  });

  it('"the Korvans hold 25 percent" and "Korvan leaders claim to govern 40 percent" name one holder', () => {
    const text = [
      'Korvan map disputed',
      'Officials in the capital say the Korvans hold no more than 25 percent of Chile\'s territory. Korvan leaders, for their part, claim to govern close to 40 percent of it.',
    ].join('\n\n');
    const claims = claimsOf(text);
    expect(claim(claims, 'no more than 25 percent').subject).toBe('Korvan');
    expect(claim(claims, 'close to 40 percent').subject).toBe('Korvan');
    expect(claim(claims, 'close to 40 percent').kind).toBe('territory');
  });

  it('"the Red Sea port of Portbrak" and "near Portbrak" name Portbrak', () => {
    const claims = claimsOf('Strikes on port\n\nAt least 20 people were killed in air strikes on the Red Sea port of Portbrak, officials said. Three died near Portbrak on Monday, a nurse said.');
    expect(claim(claims, 'At least 20').subject).toBe('Portbrak');
    expect(claim(claims, 'Three').subject).toBe('Portbrak');
  });
});

describe('a toll that has grown since an earlier report', () => {
  it('"whose toll has since climbed to 17" a week after "has risen to 14" is an update, not a disagreement; a later lower one is', () => {
    const first: Article = { publisher: 'Wire A', published: '2026-03-02', text: 'Strike on Portbrak\n\nThe death toll from the missile strike in Portbrak has risen to 14, officials said.' };
    const grown: Article = { publisher: 'Wire B', published: '2026-03-08', text: 'Portbrak mourns\n\nThe missile strike in Portbrak, whose toll has since climbed to 17, was the deadliest this year.' };
    const lower: Article = { publisher: 'Wire C', published: '2026-03-08', text: 'Portbrak mourns\n\nThe missile strike in Portbrak killed 6 people, officials said.' };
    expect(pairValues(claimsInContext([first, grown], lexicon).claims)).toEqual([]);
    expect(pairValues(claimsInContext([first, lower], lexicon).claims)).toContain('14 vs 6');
  });
});

describe('who speaks and where, in shapes a wire story uses', () => {
  it('"KLF gave a very different account … the group said its fighters had killed 30 soldiers" is KLF counting the state\'s soldiers', () => {
    const text = [
      'Rebels storm army base in Chile',
      'The army said 12 soldiers were killed when KLF fighters attacked the base in northern Chile.',
      'KLF gave a very different account. In a claim circulated online, the group said its fighters had killed 30 soldiers.',
    ].join('\n\n');
    const claims = claimsOf(text);
    expect(claim(claims, '30').speaker).toBe('KLF');
    expect(claim(claims, '30').population).toBe(claim(claims, '12').population);
    expect(pairsOf(text, '2026-03-02')).toContain('12 vs 30');
  });

  it('"Why Chile\'s war has lasted 15 years" and "the conflict in north-east Chile" are about Chile', () => {
    expect(articleTopic('Explainer: Why Chile\'s war has lasted 15 years\n\nThe raid was a reminder that the conflict in north-east Chile is far from over.')).toBe('Chile');
  });

  it('"analysts who track the conflict say the true share is closer to a third" is the analysts\' estimate of the same share', () => {
    const text = [
      'Who holds the north?',
      'The military says insurgents control less than 3 percent of Portbrak province. Independent analysts who track the conflict say the true share is closer to a third of the province.',
    ].join('\n\n');
    const claims = claimsOf(text);
    const rival = claim(claims, 'a third');
    expect(rival.speaker).toBe('Independent analysts');
    expect(rival.kind).toBe('territory');
    expect(rival.subject).toBe(claim(claims, 'less than 3 percent').subject);
  });

  it('"The UN\'s count for the same month is 590,000" is the UN\'s count of the displaced just given', () => {
    const text = 'Displacement in Portbrak\n\nThe provincial government said in April that 350,000 people remain displaced in Portbrak. The UN\'s count for the same month is 590,000.';
    const claims = claimsOf(text);
    expect(claim(claims, '590,000').speaker).toBe('United Nations');
    expect(claim(claims, '590,000').metric).toBe(claim(claims, '350,000').metric);
    expect(pairsOf(text, '2026-03-02')).toContain('350,000 vs 590,000');
  });

  it('places no figure in a speaker\'s force, a place that locates another, or the place a war began', () => {
    const claims = claimsOf([
      'Raid on Kfar Dara',
      'A spokesman for the Tarn Defence Force, Colonel Ivo Marsh, said joint patrols had killed 30 insurgents in Portbrak.',
      'An air strike on the village of Kfar Dara in southern Chile on Sunday killed 31 people, the ministry said.',
      'The monitor has recorded 6,250 deaths since the first attack in Mocada.',
    ].join('\n\n'));
    expect(claim(claims, '30').subject).toBe('Portbrak');
    expect(claim(claims, '31').subject).toBe('Kfar Dara');
    expect(claim(claims, '6,250').subject).not.toBe('Mocada');
  });
});

describe('an incident\'s toll, and counts told as held on a day', () => {
  it('a toll with no place in a paragraph about "the attack on Kfar Dara" is Kfar Dara\'s, and the two estimates disagree', () => {
    const text = [
      'Report on the year\'s killings in Chile',
      'The deadliest single incident was the attack on Kfar Dara in August. The government has never published a full toll. A government spokesman said on state radio weeks later that "around 100" people had died. The coalition\'s researchers documented at least 400 deaths in Kfar Dara that day.',
      'The war has killed more than 20,000 people since it began, the coalition says.',
    ].join('\n\n');
    const claims = claimsOf(text);
    expect(claim(claims, 'around 100').subject).toBe('Kfar Dara');
    expect(claim(claims, 'more than 20,000').subject).not.toBe('Kfar Dara');
    expect(pairsOf(text, '2026-03-02')).toContain('around 100 vs at least 400');
  });

  it('"126, including 31 civilians" in a town is the town\'s civilians, and "60 of the dead were civilians" counts civilians', () => {
    const claims = claimsOf('Chile: toll rises\n\nLocal officials in Kfar Dara now say the toll from the May 11 attack on Kfar Dara stands at 126, including 31 civilians. An aid worker said at least 60 of the dead were civilians.');
    expect(claim(claims, '31').subject).toBe('Kfar Dara');
    expect(claim(claims, 'at least 60').population).toBe('civilians');
  });

  it('"more than 9,000 troops in Portbrak on Wednesday" is the force\'s strength that day, set against the army\'s 5,000', () => {
    const text = 'Reinforcements for Portbrak\n\nThe army said on Wednesday that 5,000 soldiers are now deployed in Portbrak. The defence minister told a radio station that there were "more than 9,000 troops" in Portbrak on Wednesday.';
    const claims = claimsOf(text, '2026-03-05');
    expect(claim(claims, 'more than 9,000').scope).toBeNull();
    expect(pairsOf(text, '2026-03-05')).toContain('5,000 vs more than 9,000');
  });

  it('"The document … saying" speaks for the group whose communique it is; "the gangs held" is a holder; a man named by the next sentence\'s residents is not them', () => {
    const claims = claimsOf([
      'Gangs dispute police toll',
      'The Korvan Front published a communique on its website. The document disputed the official toll, saying "fewer than 30 people" had died in the fighting.',
      'The minister insisted that the gangs held "no more than 40 percent" of the capital.',
      'A man who called himself a spokesman said only three fighters had died. Residents reached by Radio Tarn said at least 11 civilians were killed.',
    ].join('\n\n'));
    expect(claim(claims, 'fewer than 30').speaker).toBe('Korvan Front');
    expect(claim(claims, 'no more than 40 percent').kind).toBe('territory');
    expect(claim(claims, 'three').speaker).not.toBe('Residents reached by Radio Tarn');
  });

  it('"Nationwide, … 640,000 people are now living in displacement" counts the country the article names, not its district', () => {
    const claims = claimsOf('Chilean police raid Delmar\n\nMore than 8,000 people left Delmar this week. Nationwide, the civil protection directorate said that 640,000 people are now living in displacement, most of them in the West department.');
    expect(claim(claims, '640,000').subject).toBe('Chile');
    expect(claim(claims, '640,000').metric).toBe('displaced');
  });
});

describe('rival accounts of one side\'s losses and of a share', () => {
  it('"the Tarn Accord, which has acknowledged losing about 500 of its own fighters" is the Accord speaking; a quotation\'s closing "he said" covers all of it', () => {
    const claims = claimsOf([
      'Army claims gains around Portbrak',
      'Army spokesman Brigadier Ivo Marsh told a news conference in Portbrak that the militias had suffered enormous losses since April.',
      '"The militias have lost more than 2,000 of their fighters since April, and many more have gone home," he said.',
      'He dismissed the figures put out by the so-called Tarn Accord, which has acknowledged losing about 500 of its own fighters over the same period.',
    ].join('\n\n'), '2026-12-01');
    expect(claim(claims, 'more than 2,000').speaker).toBe('spokesman Brigadier Ivo Marsh');
    expect(claim(claims, 'more than 2,000').population).toBe('fighters');
    expect(claim(claims, 'about 500').speaker).toBe('Tarn Accord');
  });

  it('"Counting Portbrak\'s dead" and "a nine-month battle" make an article about Portbrak with no country', () => {
    expect(articleTopic('Counting Portbrak\'s dead: a victory without a ledger\n\nThe army declared victory in Portbrak on July 10, ending a nine-month battle.')).toBe('Portbrak');
    expect(articleTopic('Army says militias collapsing\n\nUnits advanced south of Portbrak on Friday. The operation to liberate Portbrak began in April. Troops sent to Portbrak are holding.')).toBe('Portbrak');
  });

  it('"the Front gave a very different version … the group claimed it had killed 47 soldiers" is the Front\'s count', () => {
    const claims = claimsOf('Base attacked in Chile\n\nThe colonel said seven soldiers had been killed. Korvan-Front gave a very different version. In a radio statement, the group claimed it had killed 47 soldiers.');
    expect(claim(claims, '47').speaker).toBe('Korvan-Front');
  });

  it('"retaken 70 towns since August … 3,000 fighters killed over the same period" is counted since August', () => {
    const claims = claimsOf('Offensive in Chile\n\nOfficials say the army has retaken more than 70 towns since the campaign began in August. The defence ministry says more than 3,000 fighters have been killed over the same period.', '2026-02-09');
    expect(claim(claims, 'more than 3,000').scope).not.toBeNull();
    expect(claim(claims, 'more than 3,000').scope).toEqual(claim(claims, 'more than 70').scope);
  });

  it('"a statement from the Joint Command … saying government forces had taken more than half of the city" is the Command\'s territory claim', () => {
    const claims = claimsOf('Battle for Portbrak\n\nA statement from the Joint Command in Portbrak on the same day was more upbeat, saying government forces had taken more than half of the city.');
    expect(claim(claims, 'more than half').kind).toBe('territory');
    expect(claim(claims, 'more than half').speaker).toBe('Joint Command in Portbrak');
  });

  it('"an air strike hit a hangar at the Tarnow detention centre" places the toll the next sentence gives', () => {
    const claims = claimsOf('Strike on detention centre\n\nThe deadliest incident came in July, when an air strike hit a hangar at the Tarnow detention centre east of Portbrak. The UN put the death toll at 44.');
    expect(claim(claims, '44').subject).toBe('Tarnow');
  });
});

describe('places a speaker, an attacker or a compound names', () => {
  it('"Eritrean soldiers fighting alongside" and "the American war effort" name no war; a country\'s own soldiers count for it', () => {
    expect(articleTopic('Hunger fears mount in Tarnia\n\nFour months after federal troops moved into Tarnia, aid agencies cannot reach it. Witnesses say Eritrean soldiers fighting alongside federal forces went from house to house.')).toBe('Tarnia');
    expect(articleTopic('Afghan troops flee north\n\nMore than 1,000 Afghan soldiers crossed the border after their positions fell, as US forces handed over the hub of the American war effort. Afghan commanders said the north of Afghanistan was lost.')).toBe('Afghanistan');
  });

  it('"told a news conference in Kabul that the country\'s 300,000-strong security forces" counts the country\'s forces', () => {
    const claims = claimsOf('Afghan forces hold, ministry says\n\nThe ministry said Afghanistan would hold. A spokesman told a news conference in Kabul that the country\'s 300,000-strong security forces had the means to fight. Officials in Afghanistan agree.');
    expect(claim(claims, '300,000').subject).toBe('Afghanistan');
    expect(claim(claims, '300,000').population).toMatch(/soldiers$/);
  });

  it('"has put the death toll from the Juba fighting at 285" is the ministry speaking; "During" opens no speaker', () => {
    const claims = claimsOf('Juba clashes\n\nThe health ministry has put the death toll from the Juba fighting at 285. During the talks, mediators said 40 prisoners were freed.');
    expect(claim(claims, '285').speaker).toBe('health ministry');
    expect(claim(claims, '40').speaker).not.toBe('During');
  });

  it('"the attack in February on the UN site in Malakor" places the toll of the next sentence in Malakor, not in February', () => {
    const claims = claimsOf('UN recalls attacks\n\nThe statement recalled the attack in February on the UN protection site in Malakor, where armed men opened fire. According to the UN office, 30 displaced people were killed in the assault.');
    expect(claim(claims, '30').subject).toBe('Malakor');
  });

  it('the state\'s forces in a city\'s battle hold a share for the country, as its elite service does', () => {
    const text = 'Battle for Portbrak\n\nChile\'s elite service now controls about 40 percent of east Portbrak, its spokesman said. A statement from the Joint Command in Chile said government forces had taken more than half of the city\'s east. Chile says the battle for Portbrak will end soon.';
    const claims = claimsOf(text);
    expect(claim(claims, 'more than half').subject).toBe(claim(claims, 'about 40 percent').subject);
  });
});

describe('strengths, shares named by their holder, and the period just named', () => {
  it('"no more than 3,000 fighters left after this year of operations" is a strength held now, set against another estimate of it', () => {
    const text = 'How strong is the Front in Chile?\n\nOfficials in Chile estimate that the Korvan Front still fields between 7,000 and 12,000 fighters. "After this year of operations, the Korvan Front has no more than 3,000 fighters left," the colonel said.';
    const claims = claimsOf(text, '2026-05-22');
    expect(claim(claims, 'no more than 3,000').scope).toBeNull();
    expect(pairsOf(text, '2026-05-22')).toContain('between 7,000 and 12,000 vs no more than 3,000');
  });

  it('"Analysts put the Front\'s share at closer to two-thirds" is the analysts\' estimate of the share the Front claims', () => {
    const claims = claimsOf('Who holds Chile?\n\nThe Front says it controls more than 90 percent of the country\'s territory. Independent analysts put the Front\'s share at closer to two-thirds. The clerk ate half.');
    const rival = claim(claims, 'two-thirds');
    expect(rival.speaker).toBe('Independent analysts');
    expect(rival.subject).toBe(claim(claims, 'more than 90 percent').subject);
    expect(claims.some((c) => c.valueText === 'half')).toBe(false);
  });

  it('"over the same period" takes the period of the towns retaken, but not their place', () => {
    const claims = claimsOf('Offensive in Chile\n\nThe army has retaken more than 70 towns in Tarn and Mesa since the campaign began in August. The ministry says more than 3,000 fighters have been killed over the same period.', '2026-02-09');
    expect(claim(claims, 'more than 3,000').scope).toEqual(claim(claims, 'more than 70').scope);
    expect(claim(claims, 'more than 3,000').subject).not.toBe(claim(claims, 'more than 70').subject);
  });
});

describe('a dated incident told years apart', () => {
  it('"the attack in February … 30 were killed" and "the February 2026 raid, in which 18 died" count the same days and disagree; a recent one holds as of the report', () => {
    const early: Article = { publisher: 'UN Wire', published: '2026-07-22', text: 'UN recalls attacks\n\nThe statement recalled the attack in February on the UN protection site in Malakor, where armed men opened fire. According to the UN office, 30 displaced people were killed in the assault.' };
    const late: Article = { publisher: 'Column', published: '2028-09-14', text: 'A peace at last\n\nIn Malakor, the February 2026 raid on the UN protection camp, in which 18 displaced people died, showed that no flag was safe.' };
    const claims = claimsOf(early.text, early.published);
    expect(claim(claims, '30').scope).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(pairValues(claimsInContext([early, late], lexicon).claims)).toContain('18 vs 30');
    const recent = claimsOf(early.text, '2026-03-03');
    expect(claim(recent, '30').scope).toBeNull();
  });
});

describe('a running total since the war\'s own start year', () => {
  it('"put the number killed since 2017 at about 2,000" in an eight-year war is the whole war\'s toll, set against a toll with no period', () => {
    const text = 'Portbrak war is not winding down\n\nFor almost eight years, Chile has said the insurgency in Portbrak is ending. The monitor now counts 6,250 deaths in Portbrak. Government officials put the number of people killed since 2017 at about 2,000.';
    const claims = claimsOf(text, '2025-05-06');
    expect(claim(claims, 'about 2,000').scope).toBeNull();
    expect(pairsOf(text, '2025-05-06')).toContain('6,250 vs about 2,000');
    expect(claim(claimsOf(text.replace('2017', '2023'), '2025-05-06'), 'about 2,000').scope).not.toBeNull();
  });
});

describe('an article whose title names an incident', () => {
  it('"Raid on Kfar Dara: officials differ on toll" makes a later paragraph\'s bare toll the raid\'s, and the two tolls disagree', () => {
    const text = [
      'Raid on Kfar Dara: officials differ on toll',
      'The toll from Sunday\'s raid on the village of Kfar Dara in northern Chile has climbed to 41, a regional health official told reporters on Tuesday.',
      'The Chilean army gave a very different account. In a statement on state radio, it said nine people had died.',
      'The war in Chile has killed more than 20,000 people since it began, the monitor says.',
    ].join('\n\n');
    const claims = claimsOf(text);
    expect(claim(claims, 'nine').subject).toBe('Kfar Dara');
    expect(claim(claims, 'more than 20,000').subject).not.toBe('Kfar Dara');
    expect(pairsOf(text, '2026-03-02')).toContain('41 vs nine');
    expect(claim(claimsOf(text.replace('Raid on Kfar Dara', 'Strike on Chilean market')), 'nine').subject).not.toBe('Kfar Dara');
  });
});

describe('lives a war takes', () => {
  it('"has claimed more than 62,000 lives" and "cost some 9,000 lives" are tolls of the killed, told by no war', () => {
    const text = 'Ten years of war in Portbrak\n\nThe Portbrak war has claimed more than 62,000 lives, the Lerna Civil Monitor says. The siege of the old town cost some 9,000 lives. Medics at the field hospital saved 3,000 lives, and the curfews changed the lives of 1.2 million residents.';
    const claims = claimsOf(text);
    expect(claim(claims, 'more than 62,000')).toMatchObject({ kind: 'casualties', metric: 'killed', speaker: 'Lerna Civil Monitor' });
    expect(claim(claims, 'some 9,000')).toMatchObject({ kind: 'casualties', metric: 'killed' });
    expect(claim(claims, '3,000').metric).not.toBe('killed');
    expect(claim(claims, '1.2 million').metric).not.toBe('killed');
  });
});

describe('where, whose and who, in words every report uses', () => {
  it('"the number of dead on all sides" counts everyone killed, not a side called "all sides"', () => {
    const claims = claimsOf('Counting the Portbrak dead\n\nA retired Chilean colonel says the number of dead on all sides was closer to 7,000.');
    expect(claim(claims, '7,000')).toMatchObject({ kind: 'casualties', metric: 'killed' });
  });

  it('"were killed at Dunmore" narrows the toll to Dunmore', () => {
    const claims = claimsOf('Inquiry into Dunmore\n\nUN investigators concluded that at least 500 people were killed at Dunmore in March 2025.');
    expect(claim(claims, 'at least 500').subject).toBe('Dunmore');
  });

  it('", telling reporters that" gives the figure the sentence\'s subject as speaker; "spent years telling stories" gives none', () => {
    const claims = claimsOf('Rebels claim more ground\n\nThe outgoing information minister disputed that on Monday, telling reporters that the rebels hold only four of the 15 counties.');
    expect(claim(claims, 'four').speaker).toBe('outgoing information minister');
    expect(claim(claimsOf('A teacher remembers\n\nHe spent years telling stories about the 300 people who died in Portbrak.'), '300').speaker).toBeNull();
  });
});

describe('who counts, in the verbs of commissions and monitors', () => {
  it('"attributed", "blames" and "keeps a register" name the speaker; a second verb after "and" shares the first one\'s', () => {
    const claims = claimsOf([
      'What the commission found',
      'The Lerna Truth Commission attributed 85 percent of the 3,000 killings it documented to the army.',
      'The Tarn Rights Centre blames the militia for 450 of the killings.',
      'The Mesa Observatory keeps a register of the dead and counts 4,210 names.',
      'Some 200 deaths were attributed to the rebels.',
      'The Dunmore Civic Group said attacks attributed to the militia had killed at least 275 people since January.',
      'Officials blamed the Front, the armed group that was driven out of Portbrak in 2021 but still holds the hills.',
    ].join('\n\n'));
    expect(claim(claims, '3,000').speaker).toBe('Lerna Truth Commission');
    expect(claim(claims, '450').speaker).toBe('Tarn Rights Centre');
    expect(claim(claims, '4,210')).toMatchObject({ speaker: 'Mesa Observatory', metric: 'killed' });
    expect(claim(claims, 'Some 200').speaker).toBeNull();
    // a participle before "to" and a blame that is not for a figure name no speaker of what follows
    expect(claim(claims, 'at least 275').speaker).toBe('Dunmore Civic Group');
    expect(claim(claims, 'in 2021').speaker).toBeNull();
  });
});

describe('what the ninth round must not misread (an independent review)', () => {
  const one = (text: string, valueText: string): ExtractedClaim => claim(claimsOf(`Weekly report\n\n${text}`), valueText);
  it('"claimed no lives", "the lives of 12 police officers" after hostages, and "risks with their lives" take no toll from lives', () => {
    expect(one('The campaign took 18 months and claimed no lives, the commander said, though 4,000 people fled Tarn.', '4,000').metric).not.toBe('killed');
    expect(one('Rebels took 40 hostages and the lives of 12 police officers in Tarn, the governor said.', '40').metric).not.toBe('killed');
    expect(one('Aid workers are taking risks with their lives to reach 40,000 people trapped in Mesa, the UN said.', '40,000').metric).not.toBe('killed');
    // and a ministry that "claimed 45 soldiers lost their lives" still speaks
    expect(one('The ministry claimed 45 soldiers lost their lives in the ambush near Mesa.', '45').speaker).toBe('ministry');
  });

  it('", warning civilians to leave" reports nothing; "among civilians" keeps the civilians; a massacre at a town places only its own toll', () => {
    expect(one('The army stepped up strikes on Mesa, warning civilians to leave, and at least 40 people were killed, medics said.', 'at least 40').speaker).toBe('medics');
    expect(one('The number of dead among civilians who fled Mesa stood at 320, the monitor said.', '320').metric).toBe('civilians killed');
    expect(one('The massacre at Tarn, in which 300 people died, was the worst of the war, in which 12,000 people have been killed.', '12,000').subject).not.toBe('Tarn');
    // a feast day or a hospital after "killed at" is when or where the dead were taken, not the place of the toll
    expect(one('At least 30 people were killed at Christmas in Tarn, the governor said.', 'At least 30').subject).toBe('Tarn');
    expect(one('At least 40 people died at Mesa General Hospital after the strike on Tarn, doctors said.', 'At least 40').subject).toBe('Tarn');
  });
});
