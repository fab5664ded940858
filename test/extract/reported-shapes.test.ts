// More shapes of reporting met in coverage of wars the lexicon knows nothing about: who speaks when the subject is
// a body with an aside, a statement read on the radio, data named by its owner or a "he" after a person introduced
// by role; which side a count of "soldiers of the X army" or "X losses" is; a figure told as a revision of the one
// before it; a "since" that belongs to another clause; a quoted share. Articles written by the team about invented
// places; Chile and Peru (which the country data knows) stand for the sides where a test needs a demonym.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { articlePlaces } from '../../src/extract/topic.js';
import type { ExtractedClaim } from '../../src/domain/types.js';
import { claimsInContext, conflictsOf, pairValues, pairsOf } from '../helpers/extract-conflicts.js';
import { defaultLexicon } from '../helpers/lexicons.js';

const lexicon = defaultLexicon();

function claimsOf(text: string, published = '2026-03-02'): ExtractedClaim[] {
  return extract(text, { published, publisher: 'Test Wire', lexicon });
}

function figure(text: string, valueText: string, published = '2026-03-02'): ExtractedClaim {
  const claims = claimsOf(text, published);
  const found = claims.find((c) => c.valueText === valueText);
  if (!found) throw new Error(`no claim "${valueText}" among ${claims.map((c) => c.valueText).join(', ')}`);
  return found;
}

const article = (...lines: string[]): string => ['Tarn: the count goes on', '', ...lines].join('\n');

describe('who speaks', () => {
  it('a body whose subject carries a relative aside with commas of its own', () => {
    const text = article('Researchers at the Korvan Institute, who have tracked deaths from shelling, hunger and disease, estimate that 41,000 civilians died in Tarn.');
    expect(figure(text, '41,000').speaker).toBe('Researchers at the Korvan Institute');
  });

  it('a monitor with an appositive, then "said on Tuesday it had documented"', () => {
    const text = article('The Tarn Rights Monitor, a Mesa-based group that interviews families, said on Tuesday it had documented at least 130 civilian deaths.');
    expect(figure(text, 'at least 130').speaker).toBe('Tarn Rights Monitor');
  });

  it('"In that paper we estimated" is the publisher speaking, not a speaker called "In"', () => {
    const text = article('In that paper we estimated that about 250,000 people had died in Mesa.');
    expect(figure(text, 'about 250,000').speaker).toBeNull();
  });

  it('"Local sources, including two officials in Mesa, told" speaks as the local sources, and Mesa is where they are, not the toll\'s place', () => {
    const text = article('The war in Tarn goes on. Local sources, including two officials in Mesa, the capital of Lerna province, told the wire that 160 people had been killed.');
    const toll = figure(text, '160');
    expect([toll.speaker, toll.subject]).toEqual(['Local sources', 'Tarn']);
    // a partitive right before its figure is still a part of a total, compared with nothing
    expect(figure(article('The war in Tarn goes on. Of those, local sources told the wire, 12 were children.'), '12').subject).toBeNull();
  });

  it('a partitive closed by a verb of saying or an "and" is not the later figure\'s', () => {
    const text = article('The war in Tarn goes on. The Mesa governor has said that most of those who died in Tarn were fighters, and put the number of civilians killed in Tarn at 22.');
    expect(figure(text, '22').subject).toBe('Tarn');
  });

  it('"put the toll at 132 in a statement read on state television on Saturday" is no count of Saturday alone', () => {
    const toll = figure(article('The war in Tarn goes on. The government put the death toll at 132 in a statement read on state television on Saturday.'), '132', '2026-03-02');
    expect(toll.scope).toBeNull();
  });

  it('"By the defence ministry\'s count" speaks for the ministry; "a rebel website claimed" for the website; "has still not said" for nobody', () => {
    expect(figure(article('By the Defence Ministry\'s count, 6,261 soldiers were killed in Tarn.'), '6,261').speaker).toBe('Defence Ministry');
    expect(figure(article('A pro-rebel website claimed that more than 300 civilians had been killed in Tarn.'), 'more than 300').speaker).toBe('pro-rebel website');
    expect(figure(article('Seventeen days after the massacre at Mesa, the government has still not said how many people died there.'), 'Seventeen days').speaker).toBeNull();
  });

  it('"according to a report released today by the Monitor" and "by the estimate of the Lantern project" speak for their authors', () => {
    expect(figure(article('Between 480 and 540 civilians were killed in Tarn last year, according to a report released today by the Civilian Protection Monitor.'), 'Between 480 and 540').speaker).toBe('Civilian Protection Monitor');
    const published = figure(article('At least 40 people died in Tarn, according to figures published on Monday by the health ministry.'), 'At least 40');
    expect([published.speaker, published.scope]).toEqual(['health ministry', null]);
    expect(figure(article('More than 66,000 soldiers died in Tarn, by the estimate of the Lantern Costs project.'), 'More than 66,000').speaker).toBe('Lantern Costs');
  });

  it('a study whose aside names its author speaks for the author', () => {
    const text = article(
      'The study, released online by the medical journal The Lantern, estimated that 601,027 people had died in Mesa.',
      'The report, published on Monday by the Korvan Institute, said 400 people had died in Mesa.',
    );
    expect(figure(text, '601,027').speaker).toBe('Lantern');
    expect(figure(text, '400').speaker).toBe('Korvan Institute');
  });

  it('a statement read on the radio speaks for the government', () => {
    const text = article('A government statement read on state radio said 81 civilians were killed in the raid on Mesa.');
    expect(figure(text, '81').speaker).toBe('government');
  });

  it('"Government figures put the number at" and "the UN has verified"', () => {
    expect(figure(article('Government figures put the number of civilians killed in Tarn since 2020 at around 2,000.'), 'around 2,000').speaker).toBe('Government');
    expect(figure(article('The Tarn Rights Office has verified the killing of 3,904 children since March 2020.'), '3,904').speaker).toBe('Tarn Rights Office');
  });

  it('a department whose name holds "and", and an association cited with "according to"', () => {
    expect(figure(article('The Department of Welfare and Development says nearly 36,000 people from Mesa were displaced.'), 'nearly 36,000').speaker).toBe(
      'Department of Welfare and Development',
    );
    const cited = article('Rebels overran the camp at Mesa, where, according to an association of soldiers\' families, as many as 153 captured soldiers were executed.');
    expect(figure(cited, 'as many as 153').speaker).toBe("association of soldiers' families");
  });

  it('"he" after a person the sentence before opened on, by role or with a name in apposition', () => {
    const adviser = article('A senior government adviser, who asked not to be named, called the Korvan estimates "inflated". He said the number of civilians who died in Tarn was "fewer than 5,000".');
    expect(figure(adviser, 'fewer than 5,000').speaker).toBe('senior government adviser');
    const governor = article('The Chilean governor of the region, Ada Venn, dismissed that as fantasy. Peru held "no more than 55%" of the region\'s territory, she told reporters.');
    expect(figure(governor, 'no more than 55%').speaker).toBe('Ada Venn');
  });

  it('"said Tuesday it had confirmed": the pronoun is the office, not the day', () => {
    const text = article('The U.N. rights office said Tuesday it had confirmed 1,892 civilian deaths across Tarn since the war began.');
    expect(figure(text, '1,892').speaker).not.toBe('Tuesday');
    expect(figure(text, '1,892').speaker).toMatch(/rights office|United Nations/);
  });

  it('"… dismissed that assessment and claimed" is the sentence\'s subject; "accuses" reports', () => {
    const text = article('A commander of the former rebels, reached by telephone in Mesa, dismissed that assessment and claimed his men held nine towns.');
    expect(figure(text, 'nine').speaker).toBe('commander of the former rebels');
    expect(figure(article("Chile's military, for its part, accuses Peru of 2,608 ceasefire violations this year."), '2,608').speaker).toBe("Chile's military");
  });

  it('"recorded by the army" is passive, and a "when" clause\'s own verb does not cover the figure before it', () => {
    const passive = article('The number of ceasefire violations by Chilean forces recorded by the Peruvian Army this year now stands at 2,317.');
    expect(figure(passive, '2,317').speaker).toBe('Peruvian Army');
    const when = article('Links to the region of about 6 million people have been cut since the fighting began on Nov. 4, when the premier accused the rebels of an attack.');
    expect(figure(when, 'about 6 million').speaker).toBeNull();
  });

  it('"the Korvan estimates" after a verb is a noun; "officials in the Mesa Valley say" is a speaker', () => {
    expect(figure(article('Officials in the Mesa Valley say the toll has topped 4,500 people.'), '4,500').speaker).toBe('Officials in the Mesa Valley');
  });
});

describe('whose soldiers', () => {
  it('"soldiers of the Chilean army" and "members of the Chilean security forces" are Chilean soldiers', () => {
    expect(figure(article('A rebel commander claimed that more than 60 soldiers of the Chilean army had died at Mesa.'), 'more than 60').population).toBe('Chilean soldiers');
    expect(figure(article('The rebels said 45 members of the Peruvian security forces were killed near Mesa.'), '45').population).toBe('Peruvian soldiers');
  });

  it('"put Chilean losses at 55,000 dead" counts Chilean soldiers, and meets the side\'s own count', () => {
    const text = article('Peru\'s general staff put Chilean losses at about 55,000 dead. Chile says 5,900 Chilean soldiers have died in the war.');
    expect(figure(text, 'about 55,000').population).toBe('Chilean soldiers');
    expect(pairsOf(text, lexicon)).toContain('5,900 vs about 55,000');
  });
});

describe('a figure told as a revision of the one before it', () => {
  const text = article(
    'Last week, army officials had put the number of slain rebels in Mesa at more than 1,000.',
    'On Monday the army revised that number down to 960, after a recount of remains counted twice.',
  );

  it('is a conflict even inside the tolerance, with the earlier figure dated by "last week"', () => {
    expect(figure(text, 'more than 1,000', '2026-03-04').asOf).toBe('2026-03-01');
    const { claims } = claimsInContext([{ publisher: 'Test Wire', published: '2026-03-04', text }], lexicon);
    const conflicts = conflictsOf(claims);
    expect(conflicts.map((c) => c.rule)).toContain('revision');
    expect(conflicts.find((c) => c.rule === 'revision')?.explanation).toMatch(/told as a revision/);
  });

  it('but a later figure that only adds to the count is no revision', () => {
    const grown = article('Last week, army officials had put the number of slain rebels in Mesa at 1,000.', 'On Monday the army said 40 more rebels had been killed in Mesa.');
    const { claims } = claimsInContext([{ publisher: 'Test Wire', published: '2026-03-04', text: grown }], lexicon);
    expect(conflictsOf(claims).map((c) => c.rule)).not.toContain('revision');
  });

  it('a speaker\'s figure told as superseded ("in its first statement … had put") is revised by its later one', () => {
    const told = [
      'Market attack in Mesa: monitor doubles its count',
      'Gunmen attacked the market in Mesa on Saturday.',
      'The Mesa Monitor now says that at least 400 people were killed in the attack, based on interviews with survivors.',
      'The count includes traders and their families.',
      'In its first statement, issued on Sunday, the Monitor had put the toll at about 200.',
    ].join('\n');
    const { claims } = claimsInContext([{ publisher: 'Test Wire', published: '2026-03-04', text: told }], lexicon);
    expect(pairValues(claims)).toEqual(['about 200 vs at least 400']);
    expect(conflictsOf(claims).map((c) => c.rule)).toEqual(['revision']);
  });

  it('but not when the later figure is a running total that has risen since', () => {
    const grown = [
      'Siege of Mesa: the toll rises',
      'The Mesa Monitor had put the toll of the siege of Mesa at about 200 in its first report.',
      'The Monitor says the toll in Mesa has since risen to 400 as fighting went on.',
    ].join('\n');
    const { claims } = claimsInContext([{ publisher: 'Test Wire', published: '2026-03-04', text: grown }], lexicon);
    expect(conflictsOf(claims).map((c) => c.rule)).not.toContain('revision');
  });
});

describe('scope, place and share', () => {
  it('a "since" in a clause after the figure dates that clause, not the figure', () => {
    const text = article('Peru held "no more than 55%" of the region\'s territory, she said, and much of that had been in rebel hands since 2014.');
    expect(figure(text, 'no more than 55%').scope).toBeNull();
  });

  it('"over the same period" takes the period, but a place the sentence names stays its own', () => {
    const text = article(
      'In the Mesa district alone, at least 96 civilians have been killed since January, according to local officials.',
      'Across the Tarn region, the UN has recorded at least 280 civilian deaths over the same period.',
    );
    const whole = figure(text, 'at least 280', '2026-09-21');
    expect(whole.subject).toBe('Tarn');
    expect(whole.scope?.from).toBe('2026-01-01');
  });

  it('a quoted fraction is a share', () => {
    expect(figure(article('The rebels held "more than a third" of the territory, their spokesman said.'), 'more than a third').kind).toBe('territory');
  });

  it('an incident dated by "an August 2024 coalition air strike" dates the toll told after it', () => {
    const text = article('Among the deadliest incidents was an August 2024 coalition air strike on a bus in Mesa. The strike killed 40 children, according to the UN.');
    expect(figure(text, '40', '2025-10-31').scope).toEqual({ from: '2024-08-01', to: '2024-08-31' });
  });
});

describe('what a figure counts', () => {
  it('"the force later revised the toll to 40" counts what the figure before it counted, and conflicts with it', () => {
    const text = article('Early reports put the number of Chilean police officers killed in Mesa at 44.', 'The force later revised the toll to 40 after identifying the remains.');
    expect(figure(text, '40').metric).toBe(figure(text, '44').metric);
    expect(pairsOf(text, lexicon)).toContain('40 vs 44');
  });

  it('"The Monitor\'s own count, based on …, is 31" is the Monitor\'s count of what the figure before counted', () => {
    const text = article(
      'The Tarn Rights Office says shelling has killed 44 civilians in Mesa this year.',
      'The Monitor\'s own count, based on hospital registers in Mesa and on interviews with families, is 31.',
    );
    const own = figure(text, '31', '2026-11-05');
    expect(own).toMatchObject({ speaker: 'Monitor', metric: 'civilians killed', subject: 'Mesa' });
    expect(pairsOf(text, lexicon, '2026-11-05')).toContain('31 vs 44');
  });

  it('"fields 12,000 fighters, a force intact despite its losses" counts the force, not its losses', () => {
    const text = article('The war in Tarn goes on. Western officials estimate that the Ostra Front still fields between 7,000 and 12,000 fighters, a force largely intact despite the losses it has suffered.');
    const force = figure(text, 'between 7,000 and 12,000');
    expect([force.kind, force.population]).toEqual(['count', 'fighters']);
    // an appositive closed by its comma leaves the verb after it to the figure
    expect(figure(article('The war in Tarn goes on. The government had said that five people, a woman and four children, were killed in Mesa.'), 'five').kind).toBe('casualties');
    // a relative clause still says what happened to the people counted
    expect(figure(article('The war in Tarn goes on. Some 300 civilians, who died in the shelling of Mesa, were buried on Monday.'), 'Some 300').kind).toBe('casualties');
  });

  it('a figure its sentence reports as someone\'s word, the speaker unnamed, disagrees with a named speaker\'s', () => {
    const told = article(
      'The war in Tarn is in its ninth year.',
      'On Monday, a delegation of the group told reporters in Mesa that the Ostra rebels now controlled 85 percent of Tarn.',
      'Ada Venn, an analyst at the Korvan Institute, estimated that the rebels held about 40 percent of the country.',
    );
    expect(pairsOf(told, lexicon)).toContain('85 percent vs about 40 percent');
    // a war that "has claimed" lives claims no speech: the publisher's context beside a cited part is left alone
    const context = article('The war has claimed over 6,000 lives in Tarn, the worst toll in a decade.', 'According to the Tarn Monitor, nearly 1,900 people were killed in Tarn in direct fighting.');
    expect(pairsOf(context, lexicon)).toEqual([]);
  });

  it('a word the speaker is quoted on is still what is counted: 203 "rebels"', () => {
    expect(figure(article('The army stated that 203 "rebels" had been killed in the operation in Mesa.'), '203').population).toBe('fighters');
  });

  it('a group\'s name of two words is the side: "Ostra Front fighters"', () => {
    expect(figure(article('Commanders estimate that as many as 2,500 Ostra Front fighters are holed up in Mesa.'), 'as many as 2,500').population).toBe('Ostra Front fighters');
  });

  it('"puts the number at" with no figure before it counts what the next sentence\'s figure counts', () => {
    const text = article(
      'How many people the fighting in Tarn has driven from their homes depends on who is counting.',
      'The Tarn relief agency puts the number at about 630,000. The UN, which surveys host villages, counted more than 817,000 displaced people in Tarn.',
    );
    expect(figure(text, 'about 630,000')).toMatchObject({ metric: figure(text, 'more than 817,000').metric, population: figure(text, 'more than 817,000').population });
    expect(pairsOf(text, lexicon)).toContain('about 630,000 vs more than 817,000');
  });

  it('"in a single village, Mesa Gal, …" puts the toll in the village', () => {
    const text = article('The war in Tarn has killed thousands.', 'In a single village, Mesa Gal, known to residents as Gal, investigators concluded that at least 750 people were killed.');
    expect(figure(text, 'at least 750').subject).toBe('Mesa Gal');
  });

  it('"nine districts across the north" counts districts, as "four of the country\'s 16 districts" does', () => {
    const text = article('The government says the rebels hold no more than four of the country\'s 16 districts.', 'A rebel commander claimed his men controlled nine districts across the north and east of Tarn.');
    expect(figure(text, 'nine').population).toBe(figure(text, 'no more than four').population);
    expect(figure(text, 'nine').population).toBe('districts');
  });

  it('"the country has been in turmoil since December 2012" dates the start of the article\'s war', () => {
    const text = ['Tarn: a country in pieces', 'The war in Tarn has killed thousands. The country has been in turmoil since December 2012, when a rebel alliance took the north.'].join('\n');
    expect(figure(text, 'December 2012', '2014-01-24')).toMatchObject({ subject: 'Tarn', metric: 'start date' });
  });
});

describe('whose count, which place', () => {
  it('a place in an aside on the speaker is not the figure\'s', () => {
    const text = article("Chile's army, which sent a column into the town of Mesa this week, said its troops had killed more than 200 insurgents.");
    expect(figure(text, 'more than 200').subject).not.toBe('Mesa');
    const reached = article('A rebel commander, reached by telephone in Mesa, claimed that his fighters had killed 70 soldiers.');
    expect(figure(reached, '70').subject).not.toBe('Mesa');
  });

  it('"insurgents" in an article naming one armed group are that group\'s fighters, and meet its count', () => {
    const text = article(
      'Ostra Front fighters attacked Mesa on Monday.',
      "Chile's army said its troops had killed more than 200 insurgents in Mesa.",
      'The defence ministry put the number of Ostra Front fighters killed in Mesa at some 120.',
    );
    expect(figure(text, 'more than 200').population).toBe('Ostra Front fighters');
    expect(pairsOf(text, lexicon)).toContain('more than 200 vs some 120');
  });

  it('a title that tells of killings in a place the text names makes the place the bare tolls\' subject', () => {
    const text = [
      'Chile: Mesa families still await justice as UN confirms scale of killings',
      '',
      'Witnesses said the troops sealed off the village. The Observatory estimated that around 300 men had been killed in Mesa.',
      '',
      'The report released by the UN office last week concluded that at least 500 people were killed.',
    ].join('\n');
    expect(figure(text, 'at least 500', '2026-05-16').subject).toBe('Mesa');
    expect(pairsOf(text, lexicon, '2026-05-16')).toContain('around 300 vs at least 500');
  });

  it('"died in the Chilean strike on the Lerna theatre" counts the theatre\'s dead, not Chile\'s, and meets another toll of it', () => {
    const text = article(
      'The city council has said about 300 people were killed when a Chilean airstrike hit the Lerna Drama Theatre in March.',
      'A press investigation later concluded that close to 600 people died in the Chilean strike on the Lerna Drama Theatre.',
    );
    expect(figure(text, 'about 300').subject).toBe('Lerna Drama Theatre');
    expect(figure(text, 'close to 600').subject).toBe('Lerna Drama Theatre');
    expect(pairsOf(text, lexicon)).toContain('about 300 vs close to 600');
  });

  it('"in the capital" is the capital of the article\'s country, a toll apart from the country\'s', () => {
    const text = article('The war in Chile has killed 151,000, the survey found.', 'Most of the deaths occurred in the capital, where an estimated 82,000 people were killed.');
    expect(figure(text, 'an estimated 82,000').subject).toBe('Santiago');
    expect(figure(text, '151,000').subject).toBe('Chile');
  });

  it('"the army lost 19 of its own soldiers", said by an army spokesman somewhere, and the rebels\' "74 government soldiers" are one count', () => {
    const text = article(
      "Chile's army and the Ostra movement gave rival accounts of a battle near Mesa, in northern Chile.",
      'An army spokesman in Santiago said troops had killed 112 rebel fighters. The army lost 19 of its own soldiers, he said.',
      'In a statement, the movement said its fighters had killed 74 government soldiers.',
    );
    expect(figure(text, '19').population).toBe('Chilean soldiers');
    expect(figure(text, '74').population).toBe('Chilean soldiers');
    expect(pairsOf(text, lexicon)).toContain('19 vs 74');
  });

  it('civilians still in a town and people in it are one count; civilians killed stay a part of all killed', () => {
    const text = article('The refugee agency said about 50,000 civilians were believed to be still inside Mesa.', '"There are 120,000 people in Mesa, and they are starving," a council member said.', 'Shelling has killed 300 civilians in Mesa, the council said.');
    expect(figure(text, 'about 50,000').metric).toBe(figure(text, '120,000').metric);
    expect(pairsOf(text, lexicon)).toContain('120,000 vs about 50,000');
    expect(figure(text, '300').metric).toBe('civilians killed');
  });

  it('"Peru, the rebels\' other backer, has sent hundreds of military advisers" counts Peru\'s soldiers, apart from Chile\'s', () => {
    const text = article('Chile has about 4,000 troops in Mesa.', "Peru, the rebels' other main backer, has sent hundreds of military advisers to Mesa.");
    expect(figure(text, 'hundreds').population).toBe('Peruvian soldiers');
    expect(pairsOf(text, lexicon)).toEqual([]);
  });

  it('"Peru, which sent 2,000 troops and police to Lerna" counts Peru\'s soldiers in Lerna, where they were sent', () => {
    const sent = figure(article('Peru, which sent 2,000 troops and police to Lerna in July, now has about 2,500 there.'), '2,000');
    expect(sent).toMatchObject({ population: 'Peruvian soldiers', subject: 'Lerna' });
    expect(figure(article('Peru sent 1,000 soldiers and police officers into Lerna last year.'), '1,000').subject).toBe('Lerna');
  });

  it('a force "sent … in July 2021" holds at the sending, so two articles years apart disagree on its size', () => {
    const first = { publisher: 'Test Wire', published: '2021-08-27', text: article('Peru sent 1,000 soldiers and police officers to Lerna in July under a bilateral agreement.') };
    const later = { publisher: 'Lantern Daily', published: '2023-03-24', text: article('Peru, which sent 2,000 troops and police to Lerna in July 2021, now has about 2,500 there.') };
    expect(figure(later.text, '2,000', later.published).asOf).toBe('2021-07-31');
    expect(pairValues(claimsInContext([first, later], lexicon).claims)).toEqual(['1,000 vs 2,000']);
  });

  it('a force counted "when the president announced" a date holds at that date, retold months later', () => {
    const july = { publisher: 'Test Wire', published: '2021-07-27', text: article('The withdrawal of the 2,500 Chilean troops who were in Tarn when President Odo announced the pullout in April is nearly complete.') };
    const august = { publisher: 'Lantern Daily', published: '2021-08-31', text: article('When President Odo announced the full pullout on April 14, about 3,500 Chilean troops were in Tarn.') };
    expect(figure(july.text, '2,500', july.published).asOf).toBe('2021-04-30');
    expect(figure(august.text, 'about 3,500', august.published).asOf).toBe('2021-04-14');
    expect(pairValues(claimsInContext([july, august], lexicon).claims)).toEqual(['2,500 vs about 3,500']);
    // "when asked on Monday" is when it was said, not a day the figure held
    expect(figure(article('When asked on Monday, the minister said 300 people had died in Tarn.'), '300', '2021-07-27').asOf).toBe('2021-07-27');
  });

  it('"the bombing of October 2017, which killed 587" is that attack\'s toll and meets another article\'s count of it', () => {
    const first = { publisher: 'Test Wire', published: '2023-01-20', text: article('The war in Tarn goes on. Its deadliest attack, the October 2017 truck bombing at the Lerna junction, killed 512 people.') };
    const later = { publisher: 'Lantern Daily', published: '2023-01-24', text: article('The war in Tarn goes on. Survivors of the Lerna junction bombing of October 2017, which killed 587 people, still wait for help.') };
    expect(figure(later.text, '587', later.published).scope).toEqual({ from: '2017-10-01', to: '2017-10-31' });
    expect(pairValues(claimsInContext([first, later], lexicon).claims)).toEqual(['512 vs 587']);
    // a date that is no attack's ("the campaign of October 2017") scopes nothing: a campaign outlasts its month
    expect(figure(article('The war in Tarn goes on. Survivors of the campaign of October 2017, which killed 40 people, still wait for help.'), '40').scope).toBeNull();
  });

  it('"overran the army camp at Lerna, where as many as 153 soldiers were killed" puts the toll at Lerna', () => {
    const text = article('The war in Tarn goes on. In January 2012, fighters overran the army camp at Lerna, where, according to a families\' association, as many as 153 soldiers were killed.');
    expect(figure(text, 'as many as 153').subject).toBe('Lerna');
  });

  it('"82 soldiers had been executed there" is the toll of the place named last before it', () => {
    const text = ['Tarn: the mutiny', '', 'Wives marched in the capital over the fate of the garrison at Lerna, which fell in January. The defence ministry said at the time that 82 soldiers had been executed there.'].join('\n');
    expect(figure(text, '82', '2012-04-06').subject).toBe('Lerna');
    // an existential "there" places nothing
    const existential = ['Tarn: the mutiny', '', 'Wives marched over the fate of the garrison at Lerna. There were 82 soldiers killed in Tarn that month.'].join('\n');
    expect(figure(existential, '82', '2012-04-06').subject).not.toBe('Lerna');
  });

  it('a title that opens on a place and tells a toll ("Lerna: monitor raises death toll") names the incident of its bare tolls', () => {
    const text = [
      'Lerna: monitor raises death toll to at least 400',
      '',
      'The Tarn Monitor today revised its count of the people killed in the attack on Lerna, in Tarn, on Saturday.',
      '',
      'Based on interviews with survivors, the Monitor now estimates that at least 400 people were killed.',
    ].join('\n');
    expect(figure(text, 'at least 400', '2026-03-02').subject).toBe('Lerna');
    // "… as Lerna gives far lower toll": a government named by its seat is no incident
    const seat = ['Rights group says 6,000 dead in Tarn as Lerna gives far lower toll', '', 'The war in Tarn goes on. The group says about 6,000 people have been killed.', '', 'Officials in Lerna said fewer than 300 had died.'].join('\n');
    expect(figure(seat, 'about 6,000', '2026-03-02').subject).toBe('Tarn');
  });

  it('a publisher that sets its own count against a cited one disagrees with it', () => {
    const text = article('The ministry says shelling has killed 44 civilians in Mesa this year.', 'By our own count, based on hospital registers, 31 civilians have been killed in Mesa this year.');
    expect(pairsOf(text, lexicon, '2026-11-05')).toContain('31 vs 44');
  });
});

describe('who holds a share', () => {
  it('"the Tarnites control" and "the rebels hold" meet when the article calls the Tarnites rebels', () => {
    const text = [
      'Tarn: who holds the map',
      'The war in Tarn has gone on for six years. The Ostra rebels took the capital in 2021.',
      'A government spokesman said the Ostras controlled "less than 20 percent" of Tarn.',
      'A rebel commander rejected that, saying the rebels held "more than a third" of the country.',
    ].join('\n');
    const shares = claimsOf(text, '2026-03-02').filter((c) => c.kind === 'territory');
    expect(shares.map((c) => c.subject)).toEqual(['Tarn rebels', 'Tarn rebels']);
    expect(pairsOf(text, lexicon)).toContain('less than 20 percent vs more than a third');
  });

  it('"the Ostra Liberation Army claims to control" holds as the rebels, whether or not an earlier article made "Ostra" an entity', () => {
    const text = article('The war in Chile goes on. The Ostra Liberation Army, a guerrilla force fighting the government, claims to control about 40 percent of Chile.', 'A police spokesman in Santiago said the rebels held "no more than 5 percent" of Chile.');
    const known = { ...lexicon, entities: [...lexicon.entities, { name: 'Ostra', type: 'other' as const, aliases: [] }] };
    for (const lex of [lexicon, known]) {
      const claims = extract(text, { published: '2026-03-02', publisher: 'Test Wire', lexicon: lex });
      expect(claims.find((c) => c.valueText === 'about 40 percent')?.subject).toBe('Chile rebels');
    }
    expect(pairsOf(text, known)).toContain('about 40 percent vs no more than 5 percent');
  });

  it('a region\'s own forces in a war about the region are its rebels, "they" after them included', () => {
    const text = [
      'Fighting in Mesa',
      'The war in Mesa is in its second year. Mesan forces said on Thursday they now controlled more than 80% of the Mesa region.',
      'A government spokeswoman said the rebels held "at most 40%" of the region.',
    ].join('\n');
    const shares = claimsOf(text, '2026-03-02').filter((c) => c.kind === 'territory');
    expect(shares.map((c) => c.subject)).toEqual(['Mesa rebels', 'Mesa rebels']);
  });

  it('"the army and its auxiliaries control" is the state\'s share, "its fighters held" the rebels\'', () => {
    const text = [
      'Tarn: two maps',
      'The war in Tarn is in its sixth year. The Tarn Monitor estimates that the army holds no more than 40 percent of Tarn.',
      'In a speech in the capital, President Odo said the army and its auxiliaries now control about 70 percent of the national territory.',
      'A spokesman for the Ostra Defence Forces, one of the largest separatist militias, said its fighters held "more than 60 percent" of Tarn.',
    ].join('\n');
    const shares = claimsOf(text, '2026-03-02').filter((c) => c.kind === 'territory');
    expect(shares.map((c) => c.subject)).toEqual(['Tarn', 'Tarn', 'Tarn rebels']);
    // "now control" is the present tense of a share, not a running count grown: the two figures disagree
    expect(pairsOf(text, lexicon)).toContain('about 70 percent vs no more than 40 percent');
  });

  it('"the fighters claimed to control" holds as the fighters, and a comma before "claims to" leaves the holder to the speaker', () => {
    const claimed = article('The war in Tarn goes on. In a statement on its news channel, the fighters claimed to control "about two-thirds" of the city.');
    expect(figure(claimed, 'about two-thirds').subject).toBe('Tarn rebels');
    const aside = article('The war in Chile goes on. The Ostra Liberation Army, the guerrilla force fighting for independence from Chile, claims to control about 40 percent of Chile.');
    expect(figure(aside, 'about 40 percent').subject).toBe('Chile rebels');
  });

  it('"troops had entered a third of the city" is a share the troops hold', () => {
    const text = article('The battle for Mesa, in Chile, goes on. The group claimed that Chilean troops had entered no more than a third of the city.');
    const share = figure(text, 'no more than a third');
    expect([share.kind, share.subject]).toEqual(['territory', 'Chile']);
  });

  it('"We control two thirds," said a spokesman of a group the article calls fighters', () => {
    const text = [
      'Tarn: the north falls',
      'Ostra fighters entered the northern towns last week in the war in Tarn.',
      '"We now control more than two-thirds of the country," Ostra spokesman Ado Venn said.',
    ].join('\n');
    expect(figure(text, 'more than two-thirds').subject).toBe('Tarn rebels');
  });
});

describe('the article\'s country', () => {
  it('"Chile\'s five-year war against the rebels" makes Chile the war\'s place, though Peru is named as often', () => {
    const text = [
      'Raid on a lakeside post',
      'Peruvian fishermen fled the island. Peru sent boats, and Peruvian officials said the border was closed.',
      'Chile\'s five-year war against the rebels has drawn criticism of the army.',
    ].join('\n');
    expect(articlePlaces(text)).toEqual({ topic: 'Chile', country: 'Chile', war: 'Chile' });
  });

  it('"Turkey" is the country the data spells "Türkiye"; "in Ostran-majority towns" and "in Ostran areas" name no place', () => {
    expect(articlePlaces('Curfews in Turkey\nThe war in Turkey has gone on. Turkey says 300 died.').topic).toBe('Türkiye');
    const text = ['A year of curfews', 'The fighting in Ostran areas and in Ostran-majority towns of Chile went on. Chile says 300 died in Chile.'].join('\n');
    expect(articlePlaces(text).topic).toBe('Chile');
  });

  it('"the centre of the Ostran insurgency" does not write "Ostran" as a place', () => {
    const text = ['Survey counts the dead in Chile', 'The war in Chile has killed 151,000. Mesa, the centre of the Ostran insurgency, saw the worst of it. In Chile the count goes on.'].join('\n');
    expect(articlePlaces(text).topic).toBe('Chile');
  });

  it('where refugees fled is not where the war is; the state whose army fights it is', () => {
    const text = [
      'Exodus to Peru reaches 300,000 as aid runs short',
      "The number of people who have fled into Peru since violence erupted in Chile's north reached 300,000 on Monday.",
      "Chile's army says about 400 people have been killed in the fighting, and Chile's government denies any abuses.",
      'Refugee camps in Peru are full, and Peru has asked for help.',
    ].join('\n');
    expect(articlePlaces(text).topic).toBe('Chile');
  });

  it('"Killings in Mesa and the West": the first of two places is the war\'s', () => {
    const text = ['Killings of civilians in Mesa and the West', 'Gunmen in Mesa attacked the market. The violence in Mesa has not stopped.'].join('\n');
    expect(articlePlaces(text).topic).toBe('Mesa');
  });

  it('"the Chilean siege" and "Chile\'s invasion" name the attacker, not the war\'s place', () => {
    const text = ['Mesa counts its dead', 'The Chilean siege of Mesa lasted months. Chile\'s invasion of Peru began in spring, and Peru says the war has killed 9,000.'].join('\n');
    expect(articlePlaces(text).topic).toBe('Peru');
  });
});

describe('how long an episode lasted', () => {
  const two = (a: string, b: string, datedA = '2026-03-10', datedB = '2026-07-12'): string[] =>
    pairValues(claimsInContext([{ publisher: 'Test Wire', published: datedA, text: article(a) }, { publisher: 'Other Daily', published: datedB, text: article(b) }], lexicon).claims);

  it('"the curfew, which lasted 79 days" in Mesa and "the 88-day curfew" in Mesa are one curfew told two ways', () => {
    const a = 'In Mesa alone, at least 136 civilians were killed during the curfew, which lasted 79 days.';
    const b = 'In Mesa, residents returned after the 88-day curfew to find whole streets in ruins.';
    expect(figure(article(a), '79 days').subject).toBe('Mesa curfew');
    expect(figure(article(b), '88-day').subject).toBe('Mesa curfew');
    expect(two(a, b)).toContain('79 days vs 88-day');
    // told three years apart, it may be another curfew
    expect(two(a, b, '2026-03-10', '2029-07-12')).toEqual([]);
  });

  it('"the Front believes its 78-day air campaign" and "the Front\'s 79-day bombing campaign" name one campaign; days are counted exactly', () => {
    const a = 'The Front believes its 78-day air campaign broke the siege, its officials said.';
    const b = "Hundreds of homes were destroyed during the Front's 79-day bombing campaign against Chile.";
    expect(figure(article(a), '78-day').subject).toBe('Front campaign');
    expect(two(a, b, '2026-03-10', '2027-02-08')).toContain('78-day vs 79-day');
  });

  it('a war\'s age told years apart grows with it, and an unnamed offensive is no episode to compare', () => {
    const [a, b] = ['The eight-year war in Mesa has emptied its villages.', 'The 10-year war in Mesa has emptied its villages.'];
    expect(figure(article(a), 'eight-year').subject).toBe(figure(article(b), '10-year').subject);
    expect(two(a, b, '2019-03-01', '2021-03-01')).toEqual([]);
    const c = 'The 12-year war in Mesa has emptied its villages.';
    expect(two(a, c, '2019-03-01', '2019-04-01')).toContain('12-year vs eight-year');
    expect(figure(article('A two-week offensive ended on Friday.'), 'two-week').subject).toBeNull();
  });
});

describe('when the war began', () => {
  it('"since the invasion began on March 20" dates the article\'s war, and meets "the war began on March 19"', () => {
    const text = article('The war in Mesa has killed thousands. Five years have passed since the invasion began on March 20, 2003.', 'The war began on March 19, 2003, when aircraft struck the capital.');
    expect(figure(text, 'March 20, 2003').subject).toBe('Mesa');
    expect(figure(text, 'March 20, 2003').metric).toBe('start date');
    expect(pairsOf(text, lexicon)).toContain('March 19, 2003 vs March 20, 2003');
  });

  it('an article about one village\'s massacre dates its country\'s war, not the village\'s', () => {
    const text = [
      'Soldiers killed 21 in Lerna, inquiry finds',
      'An inquiry has found that soldiers killed 21 civilians in the village of Lerna in February.',
      'Residents of Lerna buried the dead the next day. Lerna lies in the hills of Chile, where the army fights separatists.',
      'The conflict began in October 2016, when protests in Chile turned violent.',
    ].join('\n');
    expect(articlePlaces(text)).toMatchObject({ topic: 'Lerna', war: 'Chile' });
    expect(figure(text, 'October 2016').subject).toBe('Chile');
    expect(figure(text, '21').subject).toBe('Lerna');
  });

  it('an article about North Mesa dates the war in Mesa, which it also names alone, and meets an article about Mesa', () => {
    const north = {
      publisher: 'Test Wire', published: '2008-04-28',
      text: ['Clashes in North Mesa', 'Rebels attacked two towns in North Mesa on Saturday, the army said. Fighting in North Mesa has displaced thousands.', 'As many as 30,000 people may have died in Mesa since the conflict began.', 'The conflict began in April 2003, when rebels attacked an airport in North Mesa.'].join('\n'),
    };
    const whole = { publisher: 'Lantern Daily', published: '2008-04-23', text: ['Five years of war in Mesa', 'The conflict in Mesa began in February 2003, when rebels took up arms.', 'Aid groups say the war in Mesa goes on.'].join('\n') };
    expect(articlePlaces(north.text)).toMatchObject({ topic: 'North Mesa', war: 'Mesa' });
    expect(figure(north.text, 'April 2003', north.published).subject).toBe('Mesa');
    expect(pairValues(claimsInContext([north, whole], lexicon).claims)).toContain('April 2003 vs February 2003');
    // a region named so whose larger place the text never names alone keeps its own war
    expect(articlePlaces(['Clashes in North Mesa', 'Fighting in North Mesa goes on. The conflict in North Mesa began in 2003.'].join('\n')).war).toBe('North Mesa');
  });

  it('"in a war that began in 1983" is the article\'s war, though told with "a"', () => {
    const text = article('The rebels in Tarn have fought in a war that began in 1983.', 'Another war, a war of words, goes on in the press.');
    expect(figure(text, 'in 1983').subject).toBe('Tarn');
    expect(figure(text, 'in 1983').metric).toBe('start date');
  });
});
