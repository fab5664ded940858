// A part above its whole, end to end: the team's own articles about two invented wars imported one by one into a
// real database (extraction, storage, incremental recomputation), in either order; the conflicts found are those a
// full recomputation finds, and the conflicts list names them under the whole's fact.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../src/domain/crosscheck.js';
import { importSource } from '../src/app/importer.js';
import { recomputeAllConflicts } from '../src/app/recompute.js';
import { conflictsReport } from '../src/app/reports.js';
import { seedLexicon } from '../src/store/lexicon.js';
import type { Db } from '../src/store/database.js';
import { createTestDb, TEST_CTX } from './helpers/index.js';
import { defaultLexicon } from './helpers/lexicons.js';

interface Article {
  publisher: string;
  published: string;
  title: string;
  text: string;
}

const article = (publisher: string, published: string, title: string, text: string): Article => ({ publisher, published, title, text });

const ARTICLES: Article[] = [
  // Valdoria: 3,000 killed in all; 5,000 civilians killed is more (a conflict), 800 children killed is not
  article('Portbrak Daily', '2026-03-02', 'Ministry counts the dead in Valdoria', 'The health ministry said on Monday that 3,000 people had been killed in the war in Valdoria.'),
  article('Harbour Gazette', '2026-03-04', 'Rights group tallies civilian toll in Valdoria', 'The Red Lantern Society said on Wednesday that 5,000 civilians had been killed in the war in Valdoria.'),
  article('Korvan Bulletin', '2026-03-05', 'Aid office counts children among the dead in Valdoria', 'The Harbour Relief Office said on Thursday that 800 children had been killed in the war in Valdoria.'),
  // East Tarn: 2,500 casualties; 4,000 killed is more (a conflict), 1,000 wounded is not, nor 9,000 killed months later
  article('Upper Mires Post', '2026-03-03', 'Army gives casualty figure for East Tarn', 'The army said on Tuesday that casualties in the war in East Tarn had reached 2,500.'),
  article('Valdoria Ledger', '2026-03-04', 'Monitor counts the dead in East Tarn', 'The Korvan Front Monitor said on Wednesday that 4,000 people had been killed in the war in East Tarn.'),
  article('Tarn Observer', '2026-03-05', 'Hospitals count the wounded in East Tarn', 'Hospital directors said on Thursday that 1,000 people had been wounded in the war in East Tarn.'),
  article('Portbrak Daily', '2026-06-20', 'Monitor raises East Tarn toll', 'The Korvan Front Monitor said on Saturday that 9,000 people had been killed in the war in East Tarn.'),
];

function importAll(articles: readonly Article[]): Db {
  const db = createTestDb();
  seedLexicon(db, defaultLexicon(), TEST_CTX);
  for (const a of articles) {
    importSource(db, { title: a.title, publisher: a.publisher, publishedAt: a.published, body: `${a.title}\n\n${a.text}`, format: 'text', language: 'en' }, TEST_CTX, {
      settings: DEFAULT_SETTINGS,
    });
  }
  return db;
}

/** Each conflict as rule, subject and fact, and its values as "publisher: figure". */
function listed(db: Db): string[] {
  return conflictsReport(db).conflicts.map((k) => `${k.rule} | ${k.subject} | ${k.metric} | ${k.claims.map((c) => `${c.source.publisher}: ${c.valueText}`).sort().join(' × ')}`).sort();
}

describe('a part above its whole, through import', () => {
  const expected = [
    'part-above-whole | East Tarn | casualties | Upper Mires Post: 2,500 × Valdoria Ledger: 4,000',
    'part-above-whole | Valdoria | killed | Harbour Gazette: 5,000 × Portbrak Daily: 3,000',
  ];

  it('flags a part larger than its whole and nothing else, whichever comes first', () => {
    const forwards = importAll(ARTICLES);
    expect(listed(forwards)).toEqual(expected);
    const backwards = importAll([...ARTICLES].reverse());
    expect(listed(backwards)).toEqual(expected);
    const explanation = conflictsReport(backwards).conflicts.find((k) => k.metric === 'casualties')!.explanation;
    expect(explanation).toContain('"4,000" killed is more than the "2,500" casualties (killed and wounded) another source gives');
    forwards.close();
    backwards.close();
  });

  it('a full recomputation finds the same conflicts the imports found one by one', () => {
    const db = importAll(ARTICLES);
    expect(recomputeAllConflicts(db, DEFAULT_SETTINGS, TEST_CTX)).toEqual({ created: 0, updated: 0, deleted: 0, staled: 0 });
    expect(listed(db)).toEqual(expected);
    db.close();
  });
});
