import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import type { ExtractedClaim, Lexicon } from '../../src/domain/types.js';
import { sampleWorldLexicon } from '../helpers/lexicons.js';

// The sample set's world: these sentences name its people, forces and events.
const lexicon = sampleWorldLexicon();
// 2024-05-14 is a Tuesday.
const PUB = '2024-05-14';

function run(text: string, publisher: string | null = 'The Test Herald'): ExtractedClaim[] {
  return extract(text, { published: PUB, publisher, lexicon });
}

function one(text: string, valueText: string, publisher?: string | null): ExtractedClaim {
  const claims = run(text, publisher);
  const claim = claims.find((c) => c.valueText === valueText);
  if (!claim) throw new Error(`no claim "${valueText}" in ${JSON.stringify(claims.map((c) => c.valueText))}`);
  return claim;
}

describe('extract(): the output contract', () => {
  it('gives each claim its sentence as quote with offsets into the text', () => {
    const text = 'Flood report\n\nThe river rose fast. Officials said 35 people were killed in the valley.';
    const [claim] = run(text);
    expect(claim).toMatchObject({
      kind: 'casualties',
      quote: 'Officials said 35 people were killed in the valley.',
      valueText: '35',
      value: { low: 35, high: 35, unit: 'count' },
      qualifier: 'exact',
      speaker: 'Officials',
      attributionCue: 'said',
      metric: 'killed',
      asOf: PUB,
    });
    expect(text.slice(claim?.start, claim?.end)).toBe(claim?.quote);
  });

  it('writes dates as ISO intervals and percentages as 0–100', () => {
    expect(one('The port reopened in September 2019 after repairs.', 'September 2019').value).toEqual({
      low: '2019-09-01', high: '2019-09-30', unit: 'date',
    });
    const share = one('The coalition now controls 62 percent of the territory.', '62 percent');
    expect(share.value).toEqual({ low: 62, high: 62, unit: 'percent' });
    expect(share.kind).toBe('territory');
  });

  it('returns nothing for text without figures', () => {
    expect(run('Nothing here can be counted.')).toEqual([]);
  });
});

describe('kind and metric from the lexicon', () => {
  it('tells casualties from troop counts', () => {
    expect(one('Five contract soldiers died in the ambush.', 'Five').kind).toBe('casualties');
    const troops = one('Hundreds of marines are stationed at the port.', 'Hundreds');
    expect([troops.kind, troops.metric]).toEqual(['count', 'troops deployed']);
  });

  it('tells a poll share from a territory share', () => {
    const poll = one('Half of respondents believe the talks will fail.', 'Half');
    expect([poll.kind, poll.metric]).toEqual(['percentage', 'poll share']);
  });

  it('classifies durations and names the subject from the lexicon', () => {
    const war = one('Aid has shrunk during the nine-year Syrian war.', 'nine-year');
    expect(war.kind).toBe('duration');
    expect(war.value).toEqual({ low: 9, high: 9, unit: 'year' });
    expect(war.subject).toBe('Syrian civil war');
  });
});

describe('attribution', () => {
  it('leaves the publisher\'s own statements without a speaker', () => {
    expect(one('The offensive began in 2014 and stalled.', 'in 2014').speaker).toBeNull();
  });

  it('folds a speaker to its lexicon name', () => {
    expect(one('The Russian Defense Ministry said 14 drones were downed.', '14').speaker).toBe('Russian Defence Ministry');
  });

  it('reads "according to" a source named inside a longer phrase', () => {
    expect(one('According to a new survey by the Levada Centre, 58% of people back the plan.', '58%').speaker).toBe('Levada Center');
  });

  it('ties a figure in a quotation to the speaker of the quotation', () => {
    const c = one('"We lost 11 vehicles in one night," the brigade commander told reporters.', '11');
    expect([c.speaker, c.attributionCue]).toEqual(['brigade commander', 'told reporters']);
  });

  it('carries a quotation on to the sentence that continues it', () => {
    const text = 'The mayor spoke at noon. "Our shelters are full," she said. "Another 400 families are waiting."';
    expect(one(text, '400').speaker).toBe('mayor');
  });

  it('carries the speaker to "he added" and "the ministry also said"', () => {
    const text = 'Colonel Ivo Marek said the line held. He added that 23 soldiers were wounded.';
    expect(one(text, '23').speaker).toBe('Colonel Ivo Marek');
    const text2 = 'The Interior Ministry said roads were cut. The ministry also said 300 people were evacuated.';
    expect(one(text2, '300').speaker).toBe('Interior Ministry');
    const text3 = 'Airwars said on Monday that its tally was complete. The group also said 27 strikes hit homes.';
    expect(one(text3, '27').speaker).toBe('Airwars');
  });

  it('does not carry a speaker to a sentence without a reporting clause', () => {
    const text = 'A spokeswoman, Lena Varga, said the town was calm. Since then, 70 families have returned.';
    expect(one(text, '70').speaker).toBeNull();
  });

  it('takes a name given in the next sentence for an unnamed speaker', () => {
    const text = 'A senior senator said 600 reservists had been called up. Oskar Lind, who chairs the committee, told journalists the call-up was routine.';
    expect(one(text, '600').speaker).toBe('Oskar Lind');
  });

  it('records relays', () => {
    const a = one('Interfax reported that the governor said 19 buildings were damaged.', '19');
    expect([a.speaker, a.relay]).toEqual(['governor', 'Interfax']);
    const b = one('The general said 35 tanks were destroyed, according to Al Jazeera.', '35');
    expect([b.speaker, b.relay]).toEqual(['general', 'Al Jazeera']);
    const c = one('Rebels seized 12 villages, as reported by TASS.', '12');
    expect(c.relay).toBe('TASS');
  });

  it('reads "quoted X as saying" in both voices', () => {
    const a = one('Interfax quoted the port director as saying 17 ships were stuck.', '17');
    expect([a.speaker, a.relay]).toEqual(['port director', 'Interfax']);
    const b = one('The deputy mayor was quoted by TASS as saying that 250 flats were empty.', '250');
    expect([b.speaker, b.relay]).toEqual(['deputy mayor', 'TASS']);
  });

  it('ties a quotation of several sentences to the speaker named after it', () => {
    const text = '"The first trucks came at dawn. By noon we had unloaded 31 of them," said Dr Lina Osei, who runs the depot.';
    expect(one(text, '31').speaker).toBe('Dr Lina Osei');
  });

  it('takes the name in apposition, and does not turn "X\'s spokesman" into X', () => {
    expect(one("The mayor's aide, Jonas Berger, said 45 roads were shut.", '45').speaker).toBe('Jonas Berger');
    expect(one("Putin's press secretary said 12 envoys attended.", '12').speaker).toBe("Putin's press secretary");
  });

  it('resolves "he said" after a quotation of several sentences to the last named speaker', () => {
    const text = 'Engineer Tomas Reyes spoke after inspecting the dam. "The wall is cracked. We need 14 more pumps," he said.';
    expect(one(text, '14').speaker).toBe('Engineer Tomas Reyes');
  });

  it('gives the publisher its own first person', () => {
    expect(one('We estimate that 9,000 homes were destroyed.', '9,000').speaker).toBe('The Test Herald');
  });
});

describe('hedges', () => {
  it('marks reportedly, allegedly, purportedly and claimed', () => {
    expect(one('Militants reportedly lost 40 fighters.', '40').hedge).toBe('reportedly');
    expect(one('Troops allegedly shelled 3 schools.', '3').hedge).toBe('allegedly');
    expect(one('The drone purportedly carried 2 missiles.', '2').hedge).toBe('purportedly');
    expect(one('The group claimed 25 attacks in April.', '25').hedge).toBe('claimed');
  });

  it('lets a following "could not be verified" hedge the figures before it', () => {
    const text = 'Activists said 48 civilians were killed. The toll could not be independently verified.';
    expect(one(text, '48').hedge).toBe('could not be independently verified');
  });

  it('keeps a caveat with a figure of its own to that figure', () => {
    const text = 'The siege lasted 9 months. A toll of 310 could not be verified.';
    expect(one(text, '9 months').hedge).toBeNull();
    expect(one(text, '310').hedge).toBe('could not be verified');
  });
});

describe('time scope', () => {
  it('runs "since" a date up to publication', () => {
    expect(one('Since last September, 210 people have been killed.', '210').scope).toEqual({ from: '2023-09-01', to: PUB });
  });

  it('covers the first months of the year', () => {
    expect(one('In the first six months of the year, 75 soldiers died.', '75').scope).toEqual({ from: '2024-01-01', to: '2024-06-30' });
    const named = run('In the first four months of 2022, 36 soldiers died.');
    expect(named.map((c) => c.valueText)).toEqual(['four months', '36']);
    expect(named[1]?.scope).toEqual({ from: '2022-01-01', to: '2022-04-30' });
  });

  it('resolves relative dates by tense', () => {
    expect(one('The envoy arrived on Sunday.', 'on Sunday').value.low).toBe('2024-05-12');
    expect(one('The envoy will return on Sunday.', 'on Sunday').value.low).toBe('2024-05-19');
    expect(one('Talks collapsed last week.', 'last week').value).toEqual({ low: '2024-05-06', high: '2024-05-12', unit: 'date' });
  });
});

describe('what is not a claim', () => {
  it('skips datelines, bylines, photo captions\' dates, model names and clock times', () => {
    const text = [
      '13/05/2024 08:40 by Desk Editor',
      'A handout photo shows the base on 12 May 2024. (AP Photo/Staff)',
      'Two Su-24M bombers and an S-300 battery were seen at 09:15.',
    ].join('\n');
    expect(run(text).map((c) => c.valueText)).toEqual(['Two']);
  });
});

describe('more shapes of news copy', () => {
  it('skips agency datelines and "Published:" lines but keeps the story\'s figures', () => {
    const text = 'ALEPPO, May 2 (Wire) - Shelling killed 6 people near the market.\nPublished: 2 May 2024';
    expect(run(text).map((c) => c.valueText)).toEqual(['6']);
  });

  it('skips a dateline that names the country after the city', () => {
    const text = 'HOMS, Syria, May 3 (Test Wire) – Shelling killed 4 people near the station on Thursday.';
    expect(run(text).map((c) => c.valueText)).toEqual(['4', 'on Thursday']);
  });

  it('skips a heading that ends with the date ("Field notes, 4 May 2024", "Radio Test – News desk – 4 May 2024")', () => {
    expect(run('Field notes, 4 May 2024\n\nShelling killed 4 people.').map((c) => c.valueText)).toEqual(['4']);
    expect(run('Radio Test – News desk – 4 May 2024\n\nShelling killed 4 people.').map((c) => c.valueText)).toEqual(['4']);
    expect(run('Talks opened in Geneva, as planned, on 2 March 2016.').map((c) => c.valueText)).toEqual(['2 March 2016']);
  });

  it('keeps dated timeline entries while dropping a dateline with a byline', () => {
    const text = '4 May 2024 – Ruth Okafor – The Test Herald\n2 March 2016 – Talks open in Geneva with 17 delegations.';
    expect(run(text).map((c) => c.valueText)).toEqual(['2 March 2016', '17']);
  });

  it('reads "N years ago" as the year it points to', () => {
    expect(one('The truce collapsed two years ago.', 'two years ago').value).toEqual({ low: '2022-01-01', high: '2022-12-31', unit: 'date' });
  });

  it('reads "half a million" as a count', () => {
    expect(one('The war has killed more than half a million people.', 'more than half a million').value).toEqual({
      low: 500_000, high: null, unit: 'count',
    });
  });

  it('finds the speaker a relative clause hangs on', () => {
    expect(one('The governor, who said 80 homes burned, resigned.', '80').speaker).toBe('governor');
  });

  it('gives a poll\'s figures to the pollster, not to the respondents', () => {
    const text = 'In a survey released last month by the Harbour Opinion Institute, 41 per cent of respondents said prices were too high.';
    const c = one(text, '41 per cent');
    expect([c.speaker, c.attributionCue]).toEqual(['Harbour Opinion Institute', 'poll by']);
  });

  it('does not take a time phrase for part of the speaker', () => {
    expect(one('On Friday the port authority said 75 ships had left.', '75').speaker).toBe('port authority');
  });

  it('does not give a figure to a speaker in a later, separate clause', () => {
    const text = 'The offensive has displaced 900,000 people, while aid groups said funding was short.';
    expect(one(text, '900,000').speaker).toBeNull();
    expect(one('Shelling killed 14 people, the governor said.', '14').speaker).toBe('governor');
  });

  it('leaves the time a statement was made to the publisher', () => {
    const text = 'On Friday, the envoy said 16 convoys had passed. The minister declared the road open in June 2023.';
    expect(one(text, 'On Friday').speaker).toBeNull();
    expect(one(text, '16').speaker).toBe('envoy');
    expect(one(text, 'June 2023').speaker).toBeNull();
  });

  it('leaves background in a relative clause on the speaker to the publisher', () => {
    const text = 'The alliance, which entered the war in 2016, says it has cleared 140 villages.';
    expect(one(text, 'in 2016').speaker).toBeNull();
    expect(one(text, '140').speaker).toBe('alliance');
  });

  it('does not take data for a speaker, but does take its owner', () => {
    expect(one('Satellite images show 230 craters.', '230').speaker).toBeNull();
    expect(one("The agency's figures show 1,200 arrests.", '1,200').speaker).toBe('agency');
  });

  it('does not count ages, footnotes or decades', () => {
    expect(run('Boys aged 15 served in the 1980s, records say [2].')).toEqual([]);
  });
});

describe('periods that are scopes, not claims', () => {
  it('turns "over the past N days" into the scope of the figure beside it', () => {
    const claims = run('Jets flew 64 sorties over the past three days, the command said.');
    expect(claims.map((c) => c.valueText)).toEqual(['64']);
    expect(claims[0]?.scope).toEqual({ from: '2024-05-11', to: PUB });
  });

  it('does not read a change in percentage points as a share or a count', () => {
    expect(run('Support fell 9 percentage points.')).toEqual([]);
  });
});


describe('extract(): organisations named in full, then by their head noun', () => {
  it('"according to the ministry" is the ministry the article named before', () => {
    const c = one('The Albion Ministry of Transport said 12 bridges were closed. Of those, five were repaired, according to the ministry.', 'five');
    expect(c.speaker).toBe('Albion Ministry of Transport');
    expect(c.attributionCue).toBe('according to');
  });

  it('"the monitor" takes the name given in an earlier sentence without a reporting verb', () => {
    const c = one('The Harlow Refugee Monitor published a new tally on Sunday. According to the monitor, 2,300 families had fled.', '2,300');
    expect(c.speaker).toBe('Harlow Refugee Monitor');
  });

  it('"the group" is the most recently named group, not the last speaker', () => {
    const text = 'Officials said the road reopened. Members of the Brennan Relief Group arrived on Monday. The group said 15 trucks of flour were delivered.';
    expect(one(text, '15').speaker).toBe('Brennan Relief Group');
  });

  it('a short head noun with no earlier full name stays as written', () => {
    expect(one('According to the ministry, 30 schools were shut.', '30').speaker).toBe('ministry');
  });
});

describe('extract(): a date before a closing reporting clause', () => {
  it('is what the speaker reports when it ends a clause of its own', () => {
    const text = 'The prime minister hosted the envoy at his residence on Monday, the government press office said on Wednesday.';
    expect(one(text, 'on Monday').speaker).toBe('government press office');
    // the day of the statement is the publisher's own fact
    expect(one(text, 'on Wednesday').speaker).toBeNull();
  });

  it('is the time of the statement when it opens the sentence', () => {
    expect(one('On Friday, the ministry said 40 homes were damaged.', 'On Friday').speaker).toBeNull();
    expect(one('In a statement on Friday, the ministry said 40 homes were damaged.', 'on Friday').speaker).toBeNull();
  });
});

describe('extract(): the default lexicon keeps distinct actors apart', () => {
  it('a capital city is its own place, not its country', () => {
    expect(one('A car bomb in Damascus killed 12 people on Sunday.', '12').subject).toBe('Damascus');
    expect(one('Heavy snow in Moscow closed 40 schools.', '40').subject).toBe('Moscow');
  });

  it('"Moscow began bombing" still dates the Russian campaign, through the event\'s own names', () => {
    const c = one('Moscow began bombing rebel positions on 30 September 2015.', '30 September 2015');
    expect(c.subject).toBe('Russian military intervention in Syria');
    expect(c.metric).toBe('start date');
  });

  it('the UN refugee agency speaks as UNHCR, not as the United Nations', () => {
    expect(one('UNHCR said 5.6 million Syrians had registered as refugees.', '5.6 million').speaker).toBe('UNHCR');
    expect(one('The UN refugee agency said 5.6 million Syrians had registered as refugees.', '5.6 million').speaker).toBe('UNHCR');
    expect(one('The UN said 5.6 million Syrians had registered as refugees.', '5.6 million').speaker).toBe('United Nations');
  });
});
