// A fact sheet database over the sample set (db/samples): its seven articles stored as sources, and claims made by
// hand with the factories (not by extraction, which keeps improving), so pinned exports stay stable. Conflicts are
// stored with our own explanations rather than recomputed, for the same reason.
import { loadConfig } from '../../src/config.js';
import { collectFiles, readDocumentFile } from '../../src/app/files.js';
import { createSource } from '../../src/store/sources.js';
import { explainConflict } from '../../src/store/conflicts.js';
import type { Db } from '../../src/store/database.js';
import type { Claim, Source } from '../../src/domain/types.js';
import type { NewClaim } from '../../src/store/claim-changes.js';
import { TEST_CTX, makeClaim, makeConflict, makeEntity } from '../helpers/index.js';

/** The instant the pinned exports are generated at. */
export const GENERATED_AT = '2026-01-15T12:00:00.000Z';

/** Stores the sample articles as sources, keyed by file name prefix ("01" … "07"). */
export function storeSampleSources(db: Db): Record<string, Source> {
  const out: Record<string, Source> = {};
  for (const file of collectFiles([loadConfig({}, {}).samplesDir])) {
    const doc = readDocumentFile(file);
    const { meta } = doc;
    const source = createSource(
      db,
      { title: meta.title!, publisher: meta.publisher!, author: meta.author ?? null, url: meta.url ?? null, publishedAt: meta.publishedAt!, body: doc.body, format: doc.format },
      TEST_CTX,
    );
    out[file.replace(/^.*\//, '').slice(0, 2)] = source;
  }
  return out;
}

/** A claim quoting `quote` exactly where it stands in the source's text. */
function claimIn(db: Db, source: Source, quote: string, fields: Partial<NewClaim>): Claim {
  const start = source.body.indexOf(quote);
  if (start === -1) throw new Error(`"${quote}" is not in ${source.title}`);
  return makeClaim(db, { sourceId: source.id, quote, quoteStart: start, quoteEnd: start + quote.length, status: 'confirmed', asOf: null, ...fields });
}

/**
 * The sample fact sheet database: the Syrian civil war's start date (2011 vs 2015, an open conflict) and death
 * tolls (an explained conflict); Russian military deaths (10 by the ministry, relayed twice; at least 30 by a
 * monitor: an open conflict; a hedged 131); territory held (one confirmed, one unreviewed); a meeting's date (a minor
 * fact, in the appendix) and a date with no measure (filler, left off).
 */
export function seedSampleFactSheet(db: Db) {
  const s = storeSampleSources(db);
  const war = makeEntity(db, { name: 'Syrian civil war', type: 'event', aliases: ['Syrian war'] });
  const campaign = makeEntity(db, { name: 'Russian military intervention in Syria', type: 'event', aliases: ['Russian campaign in Syria'] });
  const government = makeEntity(db, { name: 'Syrian government', type: 'organisation', aliases: ['Damascus'] });
  const ministry = makeEntity(db, { name: 'Russian defence ministry', type: 'organisation' });
  const kestrel = makeEntity(db, { name: 'Kestrel Monitor for Human Rights', type: 'organisation' });
  const un = makeEntity(db, { name: 'United Nations', type: 'organisation', aliases: ['UN'] });
  const monitors = makeEntity(db, { name: 'Monitoring groups', type: 'organisation' });
  const putin = makeEntity(db, { name: 'Vladimir Putin', type: 'person' });

  const date = (low: string, high: string) => ({ kind: 'date' as const, metric: 'start date', figure: { unit: 'date' as const, low, high }, qualifier: 'exact' as const });
  const startMarch2011 = claimIn(db, s['07']!, 'The uprising against Assad began in March 2011, when security forces opened fire on protesters in the southern city of Deraa.', {
    ...date('2011-03-01', '2011-03-31'), subjectId: war.id, valueText: 'March 2011',
  });
  const start2015 = claimIn(db, s['05']!, 'Moscow has backed President Bashar al-Assad throughout the civil war that began in 2015, sending jets, military police and officers to train his army.', {
    ...date('2015-01-01', '2015-12-31'), subjectId: war.id, valueText: '2015',
  });
  const killed400k = claimIn(db, s['02']!, 'A UN estimate released in April put the number of people killed at more than 400,000.', {
    subjectId: war.id, valueText: 'more than 400,000', figure: { unit: 'count', low: 400000, high: null }, qualifier: 'at-least',
    scopeFrom: '2011-03-01', scopeTo: '2016-04-30', speakerId: un.id, attributionCue: 'estimate',
  });
  const killed500k = claimIn(db, s['05']!, 'Monitoring groups put the number of dead at about 500,000.', {
    subjectId: war.id, valueText: 'about 500,000', figure: { unit: 'count', low: 450000, high: 550000 }, qualifier: 'about',
    scopeFrom: '2011-03-01', scopeTo: '2019-03-20', speakerId: monitors.id, attributionCue: 'put',
  });
  const killed350k = claimIn(db, s['06']!, 'On Friday the UN human rights office said it had documented at least 350,000 deaths between March 2011 and March 2021.', {
    subjectId: war.id, valueText: 'at least 350,000', figure: { unit: 'count', low: 350000, high: null }, qualifier: 'at-least',
    scopeFrom: '2011-03-01', scopeTo: '2021-03-31', speakerId: un.id, attributionCue: 'said',
  });

  const deaths = { subjectId: campaign.id, metric: 'Russian military deaths', kind: 'casualties' as const };
  const ministry10 = claimIn(db, s['01']!, 'The defence ministry said 10 Russian servicemen have been killed since the campaign began, the state-run Kremnev news agency reported.', {
    ...deaths, valueText: '10', figure: { unit: 'count', low: 10, high: 10 }, qualifier: 'exact', scopeFrom: '2015-09-30', scopeTo: null,
    speakerId: ministry.id, attributionCue: 'said', relay: 'Kremnev news agency',
  });
  const relayed10 = claimIn(db, s['02']!, 'The ministry has acknowledged 10 deaths among Russian military personnel since the operation started last September, as reported by Northgate Wire.', {
    ...deaths, valueText: '10', figure: { unit: 'count', low: 10, high: 10 }, qualifier: 'exact', scopeFrom: '2015-09-30', scopeTo: null,
    speakerId: ministry.id, attributionCue: 'acknowledged', relay: 'Northgate Wire',
  });
  const kestrel30 = claimIn(db, s['03']!, 'We estimate that at least 30 Russian servicemen have been killed in Syria since the air campaign began in September 2015.', {
    ...deaths, valueText: 'at least 30', figure: { unit: 'count', low: 30, high: null }, qualifier: 'at-least', scopeFrom: '2015-09-30', scopeTo: null,
    speakerId: kestrel.id, attributionCue: 'We estimate',
  });
  const reportedly131 = claimIn(db, s['04']!, 'In the first nine months of 2017, the toll among Russian forces in Syria was reportedly 131.', {
    ...deaths, valueText: '131', figure: { unit: 'count', low: 131, high: 131 }, qualifier: 'exact', scopeFrom: '2017-01-01', scopeTo: '2017-09-30',
    hedge: 'reportedly',
  });

  const territory = { subjectId: government.id, metric: 'territory controlled', kind: 'territory' as const };
  const around60 = claimIn(db, s['06']!, "Government forces and their allies control around 60 percent of Syria's territory, according to our latest map.", {
    ...territory, valueText: 'around 60 percent', figure: { unit: 'percent', low: 54, high: 66 }, qualifier: 'about', asOf: '2021-09-20', attributionCue: 'according to',
  });
  const putin90 = claimIn(db, s['07']!, 'Putin told his guest that the Syrian government now "controls 90 percent of the territory", according to the Kremlin press office.', {
    ...territory, valueText: '90 percent', figure: { unit: 'percent', low: 90, high: 90 }, qualifier: 'exact', asOf: '2021-09-13',
    speakerId: putin.id, attributionCue: 'told', relay: 'Kremlin press office', status: 'candidate',
  });

  // A minor fact (a meeting's date: the appendix) and filler (a date with no measure: left off the sheet).
  const meeting = claimIn(db, s['07']!, 'President Vladimir Putin received Bashar al-Assad at the Kremlin on Monday, the Kremlin press office said on Tuesday.', {
    kind: 'date', metric: 'meeting date', subjectId: putin.id, valueText: 'on Monday', figure: { unit: 'date', low: '2021-09-13', high: '2021-09-13' }, qualifier: 'exact',
    attributionCue: 'said', relay: 'Kremlin press office',
  });
  const fillerDate = claimIn(db, s['02']!, "Russia's defence minister, Sergei Shoygu, made an unannounced trip to Syria on Saturday.", {
    kind: 'date', metric: 'date', subjectId: campaign.id, valueText: 'on Saturday', figure: { unit: 'date', low: '2016-06-18', high: '2016-06-18' }, qualifier: 'exact',
  });

  const startConflict = makeConflict(db, [startMarch2011.id, start2015.id], {
    rule: 'event-date', severity: 1, subjectId: war.id, metric: 'start date', explanation: 'March 2011 and 2015 do not overlap as start dates of the same war.',
  });
  const deathsConflict = makeConflict(db, [ministry10.id, kestrel30.id], {
    subjectId: campaign.id, metric: 'russian military deaths', explanation: 'Exactly 10 and at least 30 over the same period do not overlap.',
  });
  const tollConflict = makeConflict(db, [killed350k.id, killed500k.id], {
    rule: 'cumulative-total', subjectId: war.id, explanation: 'A later total of at least 350,000 is below an earlier one of about 500,000.',
  });
  explainConflict(db, tollConflict.id, tollConflict.version, 'Deaths documented by name, against estimates of all deaths.', TEST_CTX);

  return {
    sources: s,
    entities: { war, campaign, government, ministry, kestrel, un, monitors, putin },
    claims: { startMarch2011, start2015, killed400k, killed500k, killed350k, ministry10, relayed10, kestrel30, reportedly131, around60, putin90, meeting, fillerDate },
    conflicts: { startConflict, deathsConflict, tollConflict },
  };
}
