// Exports of the sample set in all four formats, pinned byte for byte (test/fixtures/factsheet/), over a database of
// the sample articles with hand-made claims (see factsheet-fixture.ts); the CSV parses back to the same claims.
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { exportFactSheet, type FactSheetRequest } from '../../src/app/factsheet-data.js';
import { loadFactSheetData } from '../../src/store/factsheet.js';
import { createTestDb, makeClaim } from '../helpers/index.js';
import { GENERATED_AT, seedSampleFactSheet } from './factsheet-fixture.js';

const ALL: FactSheetRequest = { subjects: [], metrics: [], from: '', to: '', includeCandidates: false };

function sampleDb() {
  const db = createTestDb();
  return { db, ...seedSampleFactSheet(db) };
}

describe('sample set exports', () => {
  it.each(['md', 'csv', 'json', 'html'] as const)('%s is pinned', async (format) => {
    const { db } = sampleDb();
    await expect(exportFactSheet(db, ALL, format, GENERATED_AT)).toMatchFileSnapshot(`../fixtures/factsheet/sample-set.${format}`);
  });

  it('Markdown for the Syrian civil war (asked for by an alias) pinned', async () => {
    const { db } = sampleDb();
    const md = exportFactSheet(db, { ...ALL, subjects: ['syrian war'] }, 'md', GENERATED_AT);
    await expect(md).toMatchFileSnapshot('../fixtures/factsheet/syrian-civil-war.md');
  });

  it('the Syrian civil war sheet leads with the toll and the start, and states the start-date disagreement once with both sources; the 131 figure keeps "reportedly"', () => {
    const { db } = sampleDb();
    const war = exportFactSheet(db, { ...ALL, subjects: ['Syrian civil war'] }, 'md', GENERATED_AT);
    const lead = war.slice(war.indexOf('## Key figures'), war.indexOf('## Syrian civil war'));
    expect(lead).toContain('- **Toll:** At least 400,000 killed (Syrian civil war), March 2011 – April 2016 — 1 independent source: Radio Halvard, 20 June 2016; according to United Nations [^1]');
    expect(lead).toContain('- **Start:** March 2011 (Syrian civil war, start date) — 1 independent source: The Vantage Courier, 14 September 2021 [^4] (sources disagree: see below)');
    const start = war.slice(war.indexOf('### Start date'), war.indexOf('## Sources'));
    expect(start.match(/Sources disagree/g)).toHaveLength(1);
    expect(start).toContain('**Sources disagree.** Flagged by the event-date rule');
    expect(start).toContain('- **March 2011** — 1 independent source: The Vantage Courier, 14 September 2021 [^4]');
    expect(start).toContain('- **2015** — 1 independent source: The Eastbridge Daily, 20 March 2019 [^5]');
    const deaths = exportFactSheet(db, { ...ALL, subjects: ['Russian campaign in Syria'], metrics: ['Russian military deaths'] }, 'md', GENERATED_AT);
    expect(deaths).toContain('- **Reportedly 131, January – September 2017** — 1 independent source: The Meridian Ledger, 12 October 2017; reportedly [^');
  });

  it("a claim with no subject counts under its article's context, also when the sheet is for one subject; minor facts can be left out", () => {
    const { db, sources } = sampleDb();
    const body = sources['05']!.body;
    const quote = 'Few Syrians expect the eight-year war to end soon.';
    makeClaim(db, {
      sourceId: sources['05']!.id, quote, quoteStart: body.indexOf(quote), quoteEnd: body.indexOf(quote) + quote.length, status: 'confirmed',
      kind: 'duration', metric: 'duration', subjectId: null, valueText: 'eight-year', figure: { unit: 'year', low: 8, high: 8 }, qualifier: 'exact', asOf: null,
    });
    const war = exportFactSheet(db, { ...ALL, subjects: ['Syrian civil war'] }, 'md', GENERATED_AT);
    expect(war).toContain('### Duration\n\n- **8 years, as of 20 March 2019** — 1 independent source: The Eastbridge Daily, 20 March 2019 [^');
    expect(war).toContain("speaker: the outlet itself; subject from the article's other claims;");
    const all = exportFactSheet(db, { ...ALL, minorFacts: 'omit' }, 'md', GENERATED_AT);
    expect(all).toContain('### Duration');
    expect(all).not.toContain('meeting date');
    expect(all).not.toContain('Appendix');
  });

  it('the CSV parses back to the same claims with their sources (filler, a date with no measure, left off)', () => {
    const { db, claims: { fillerDate, ...claims }, sources } = sampleDb();
    const rows = parse(exportFactSheet(db, { ...ALL, includeCandidates: true }, 'csv', GENERATED_AT), { columns: true }) as Record<string, string>[];
    const stored = loadFactSheetData(db, { includeCandidates: true });
    expect(rows.map((r) => Number(r.claim_id)).sort((a, b) => a - b)).toEqual(Object.values(claims).map((c) => c.id).sort((a, b) => a - b));
    expect(rows.map((r) => Number(r.claim_id))).not.toContain(fillerDate.id);
    expect(rows.filter((r) => r.minor === 'yes').map((r) => Number(r.claim_id))).toEqual([claims.meeting.id]);
    for (const row of rows) {
      const claim = stored.claims.find((c) => c.id === Number(row.claim_id))!;
      const source = Object.values(sources).find((s) => s.id === claim.sourceId)!;
      expect(row).toMatchObject({
        quote: claim.quote, value_text: claim.valueText, status: claim.status, kind: claim.kind, metric: claim.metric, subject: claim.subjectName ?? '',
        low: String(claim.figure.low ?? ''), high: String(claim.figure.high ?? ''), unit: claim.figure.unit,
        speaker: claim.speakerName ?? '', relay: claim.relay ?? '', hedge: claim.hedge ?? '', attribution_cue: claim.attributionCue ?? '',
        publisher: source.publisher, published: source.publishedAt, title: source.title, url: source.url ?? '', sha256: source.bodySha256,
      });
    }
  });

  it('the same data and generation time give the same bytes; another time changes only the header', () => {
    const a = exportFactSheet(sampleDb().db, ALL, 'html', GENERATED_AT);
    const b = exportFactSheet(sampleDb().db, ALL, 'html', GENERATED_AT);
    expect(b).toBe(a);
    const later = exportFactSheet(sampleDb().db, ALL, 'html', '2026-02-01T00:00:00.000Z');
    expect(later.replace('2026-02-01T00:00:00.000Z', GENERATED_AT)).toBe(a);
  });
});
