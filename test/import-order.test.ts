// The conflicts a set of articles raises does not depend on the order they were imported in: entities one
// article creates (its speakers) must not change what a figure of another article is about. Checked on the
// team's own articles about an invented war, and on the development corpus beside the project when it is there.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config.js';
import { DEFAULT_SETTINGS } from '../src/domain/crosscheck.js';
import { importSource } from '../src/app/importer.js';
import { conflictsReport } from '../src/app/reports.js';
import { createTestDb, TEST_CTX } from './helpers/index.js';

interface Article {
  file: string;
  publisher: string;
  published: string;
}

const OWN_DIR = path.join(PROJECT_ROOT, 'test/fixtures/articles');
const OWN: Article[] = [
  { file: '01-harbour-gazette.txt', publisher: 'Harbour Gazette', published: '2026-05-04' },
  { file: '02-east-tarn-courier.txt', publisher: 'East Tarn Courier', published: '2026-05-06' },
  { file: '03-portbrak-daily.txt', publisher: 'Portbrak Daily', published: '2026-05-07' },
  { file: '04-korvan-bulletin.txt', publisher: 'Korvan Bulletin', published: '2026-05-08' },
];

const CORPUS = path.resolve(PROJECT_ROOT, '../shared/corpus');
const DEV_GOLD = path.join(CORPUS, 'dev.gold.json');

/** Each conflict as the figures it sets against each other (publisher, value, sentence), independent of ids. */
function importAll(dir: string, articles: readonly Article[]): string[] {
  const db = createTestDb();
  for (const article of articles) {
    const body = readFileSync(path.join(dir, article.file), 'utf8');
    const title = body.split('\n', 1)[0] ?? article.file;
    importSource(db, { title, publisher: article.publisher, publishedAt: article.published, body, format: 'text', language: 'en' }, TEST_CTX, { settings: DEFAULT_SETTINGS });
  }
  const signatures = conflictsReport(db).conflicts.map((conflict) =>
    [conflict.rule, conflict.subject, conflict.metric, ...conflict.claims.map((c) => `${c.source.publisher}: ${c.valueText} | ${c.quote}`).sort()].join('\n'),
  );
  db.close();
  return signatures.sort();
}

describe('import order', () => {
  it('the team articles raise the same conflicts imported forwards and backwards', () => {
    const forwards = importAll(OWN_DIR, OWN);
    expect(forwards.length).toBeGreaterThanOrEqual(2);
    expect(importAll(OWN_DIR, [...OWN].reverse())).toEqual(forwards);
  });

  it.skipIf(!existsSync(DEV_GOLD))('the development corpus raises the same conflicts imported forwards and backwards — skipped when ../shared/corpus is not beside the project', () => {
    const gold = JSON.parse(readFileSync(DEV_GOLD, 'utf8')) as { documents: Article[] };
    const dir = path.join(CORPUS, 'dev');
    const forwards = importAll(dir, gold.documents);
    expect(forwards.length).toBeGreaterThan(0);
    expect(importAll(dir, [...gold.documents].reverse())).toEqual(forwards);
  }, 120_000);
});
