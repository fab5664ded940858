// The fact sheet over the five seed articles of the development corpus (../shared/corpus/seeds), extracted as an
// import extracts them (candidates included): it should lead with the war's toll and its start, and state the
// start-date disagreement once. The war is found in the data (the subject of the start dates), not named here. Extraction keeps improving, so only those lines are checked, not the whole sheet.
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
import { seedLexicon } from '../../src/store/index.js';
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
  return { db, war, at: (text: string) => new RegExp(text.replace('WAR', war.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))) };
}

describe.skipIf(!present)('the fact sheet of the corpus seed articles', () => {
  it('the whole sheet leads with the toll of more than 400,000 and its source, and the start of the war', () => {
    const { db, at } = corpusDb();
    const sheet = exportFactSheet(db, ALL, 'md', '2026-01-15T12:00:00.000Z');
    const lead = sheet.slice(sheet.indexOf('## Key figures'), sheet.indexOf('\n## ', sheet.indexOf('## Key figures') + 1));
    expect(lead).toMatch(/- \*\*Toll:\*\* At least 400,000 killed .* RFE\/RL, 14 September 2021/);
    expect(lead).toMatch(at('- \\*\\*Start:\\*\\* March 2011 \\(WAR, start date\\)'));
  });

  it("the war's own sheet leads with its start and states the 2015 / March 2011 disagreement once", () => {
    const { db, war: name, at } = corpusDb();
    const war = exportFactSheet(db, { ...ALL, subjects: [name] }, 'md', '2026-01-15T12:00:00.000Z');
    const lead = war.slice(war.indexOf('## Key figures'), war.indexOf(`## ${name}`));
    expect(lead).toMatch(at('- \\*\\*Start:\\*\\* March 2011 \\(WAR, start date\\) .*\\(sources disagree: see below\\)'));
    const start = war.slice(war.indexOf('### Start date'), war.indexOf('\n## ', war.indexOf('### Start date')));
    expect(start.match(/Sources disagree/g)).toHaveLength(1);
    expect(start).toMatch(/- \*\*March 2011\*\* — .*RFE\/RL/);
    expect(start).toMatch(/- \*\*2015\*\* — .*The National/);
  });

  // Known gap (issue 13's first "Done when" line): extraction gives the 400,000 toll the country as its subject, not
  // the war, so the war's own sheet leads with another toll. This pins that state; when the subject is fixed it
  // fails: then assert the toll in the war's lead instead.
  it("the war's own sheet does not yet lead with the toll of more than 400,000: the claim names the country (known gap)", () => {
    const { db, war: name } = corpusDb();
    const war = exportFactSheet(db, { ...ALL, subjects: [name] }, 'md', '2026-01-15T12:00:00.000Z');
    const lead = war.slice(war.indexOf('## Key figures'), war.indexOf(`## ${name}`));
    expect(lead).toMatch(/- \*\*Toll:\*\* /);
    expect(lead).not.toContain('400,000');
    const subject = db.prepare("SELECT e.name FROM claims c JOIN entities e ON e.id = c.subject_id WHERE c.value_text LIKE '%400,000%'").pluck().get();
    expect(subject).not.toBe(name);
  });
});
