// The fact sheet over the five seed articles of the development corpus (../shared/corpus/seeds), extracted as an
// import extracts them (candidates included), with the default vocabulary: the start-date disagreement is stated
// once and the war's toll is on the sheet with its source. The war is found in the data (the subject said to have
// started in March 2011), not named here. Extraction keeps improving, so only those lines are checked, not the whole sheet.
// A fresh clone without ../shared skips it and says so.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importSource } from '../../src/app/importer.js';
import { exportFactSheet, type FactSheetRequest } from '../../src/app/factsheet-data.js';
import { loadConfig } from '../../src/config.js';
import { readDefaultLexicon } from '../../src/app/bootstrap.js';
import { DEFAULT_SETTINGS } from '../../src/domain/crosscheck.js';
import { seedLexicon } from '../../src/store/lexicon.js';
import { createTestDb, TEST_CTX } from '../helpers/index.js';

const SEEDS = fileURLToPath(new URL('../../../shared/corpus/seeds', import.meta.url));
const GOLD = fileURLToPath(new URL('../../../shared/corpus/seeds.gold.json', import.meta.url));
const present = existsSync(SEEDS) && existsSync(GOLD);
if (!present) console.warn(`factsheet-corpus: skipped, ${SEEDS} is absent (a fresh clone has no ../shared)`);

const ALL: FactSheetRequest = { subjects: [], metrics: [], from: '', to: '', includeCandidates: true };

function corpusDb() {
  const db = createTestDb();
  seedLexicon(db, readDefaultLexicon(loadConfig({}, {})), TEST_CTX);
  const gold = JSON.parse(readFileSync(GOLD, 'utf8')) as { documents: { file: string; published: string; publisher: string }[] };
  for (const doc of gold.documents) {
    const body = readFileSync(join(SEEDS, doc.file), 'utf8');
    const title = body.split('\n').find((line) => line.trim() !== '')!.trim();
    importSource(db, { title, publisher: doc.publisher, author: null, url: null, publishedAt: doc.published, body, format: 'text' }, TEST_CTX, { settings: DEFAULT_SETTINGS });
  }
  expect(db.prepare('SELECT count(*) AS n FROM sources').get()).toEqual({ n: gold.documents.length });
  // The war the articles are about: the subject said to have started in March 2011.
  const war = db.prepare("SELECT e.name FROM claims c JOIN entities e ON e.id = c.subject_id WHERE c.metric = 'start date' AND c.value_low LIKE '2011-03%'").pluck().get() as string;
  return { db, war };
}

describe.skipIf(!present)('the fact sheet of the corpus seed articles', () => {
  it("the sheet of the war's subject states the 2015 / March 2011 disagreement once, each figure with its source", () => {
    const { db, war: name } = corpusDb();
    const war = exportFactSheet(db, { ...ALL, subjects: [name] }, 'md', '2026-01-15T12:00:00.000Z');
    const start = war.slice(war.indexOf('### Start date'), war.indexOf('\n#', war.indexOf('### Start date') + 1));
    expect(start.match(/Sources disagree/g)).toHaveLength(1);
    expect(start.match(/- \*\*March 2011\*\* — /g)).toHaveLength(1);
    expect(start).toMatch(/- \*\*March 2011\*\* — .*RFE\/RL, 14 September 2021/);
    expect(start).toMatch(/- \*\*2015\*\* — .*The National, 19 March 2019/);
  });

  it('the toll of more than 400,000 is on that sheet with its source', () => {
    const { db, war: name } = corpusDb();
    const war = exportFactSheet(db, { ...ALL, subjects: [name] }, 'md', '2026-01-15T12:00:00.000Z');
    expect(war).toMatch(/- \*\*At least 400,000, as of 14 September 2021\*\* — 1 independent source: RFE\/RL, 14 September 2021/);
  });

  it('leads with the toll ("more than 400,000" with its source) and the start date (March 2011)', () => {
    const { db, war: name } = corpusDb();
    const war = exportFactSheet(db, { ...ALL, subjects: [name] }, 'md', '2026-01-15T12:00:00.000Z');
    const lead = war.slice(war.indexOf('## Key figures'), war.indexOf('\n## ', war.indexOf('## Key figures') + 1));
    expect(lead).toMatch(/- \*\*Toll:\*\* At least 400,000 killed .*RFE\/RL, 14 September 2021/);
    expect(lead).toMatch(/- \*\*Start:\*\* March 2011 .*RFE\/RL, 14 September 2021.*\(sources disagree: see below\)/);
  });
});
