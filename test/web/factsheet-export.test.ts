// Exports of the sample set in all four formats, pinned byte for byte (test/fixtures/factsheet/), over a database of
// the sample articles with hand-made claims (see factsheet-fixture.ts); the CSV parses back to the same claims.
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { exportFactSheet, type FactSheetRequest } from '../../src/factsheet-data.js';
import { loadFactSheetData } from '../../src/store/index.js';
import { createTestDb } from '../helpers/index.js';
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

  it('the Syrian civil war sheet states the start-date disagreement with both sources; the 131 figure keeps "reportedly"', () => {
    const { db } = sampleDb();
    const war = exportFactSheet(db, { ...ALL, subjects: ['Syrian civil war'] }, 'md', GENERATED_AT);
    const disagreement = war.slice(war.indexOf('## Syrian civil war — start date'));
    expect(disagreement).toContain('**Sources disagree.** Flagged by the event-date rule');
    expect(disagreement).toContain('"March 2011" (1–31 Mar 2011), reported 14 September 2021 — The Vantage Courier, 14 September 2021');
    expect(disagreement).toContain('"2015" (1 Jan – 31 Dec 2015), reported 20 March 2019 — The Eastbridge Daily, 20 March 2019');
    const deaths = exportFactSheet(db, { ...ALL, subjects: ['Russian campaign in Syria'], metrics: ['Russian military deaths'] }, 'md', GENERATED_AT);
    expect(deaths).toContain('- **Reportedly 131 russian military deaths (Russian military intervention in Syria), January – September 2017** — 1 independent source: The Meridian Ledger, 12 October 2017; reportedly [^');
  });

  it('the CSV parses back to the same claims with their sources', () => {
    const { db, claims, sources } = sampleDb();
    const rows = parse(exportFactSheet(db, { ...ALL, includeCandidates: true }, 'csv', GENERATED_AT), { columns: true }) as Record<string, string>[];
    const stored = loadFactSheetData(db, { includeCandidates: true });
    expect(rows.map((r) => Number(r.claim_id)).sort((a, b) => a - b)).toEqual(Object.values(claims).map((c) => c.id).sort((a, b) => a - b));
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
