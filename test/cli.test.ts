// `crosscheck export` as scripts call it: the built CLI (dist/cli.js; `npm test` builds it first) run against a temp
// database of the sample articles with hand-made claims; output pinned, deterministic, errors clear.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { exportFactSheet } from '../src/app/factsheet-data.js';
import { explainConflict, getConflictWithClaims, listConflicts, resolveConflict } from '../src/store/conflicts.js';
import { listClaimsOfSource } from '../src/store/claims.js';
import { openDatabase } from '../src/store/database.js';
import { rateClaim } from '../src/store/claim-ratings.js';
import { setClaimStatus } from '../src/store/claim-changes.js';
import { loadSamples } from '../src/app/samples.js';
import { FIXED_NOW, MIGRATIONS_DIR, TEST_CTX } from './helpers/index.js';
import { GENERATED_AT, seedSampleFactSheet } from './web/factsheet-fixture.js';
import { expectValidClaimReview } from './web/claim-review-validity.js';

const CLI = path.join(PROJECT_ROOT, 'dist', 'cli.js');
let dir: string;
let dbFile: string;

function crosscheck(...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, CROSSCHECK_DB: path.join(dir, 'not-this.sqlite') } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does).`);
  dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-cli-'));
  dbFile = path.join(dir, 'sheet.sqlite');
  const db = openDatabase(dbFile, { migrationsDir: MIGRATIONS_DIR });
  seedSampleFactSheet(db);
  db.close();
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('crosscheck export', () => {
  it('prints the pinned Markdown sheet for a subject named by its alias', () => {
    const run = crosscheck('export', '--db', dbFile, '--format', 'md', '--subject', 'syrian war', '--generated-at', '2026-01-15T12:00:00Z');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/factsheet/syrian-civil-war.md'), 'utf8'));
  });

  it('lists minor facts in an appendix, or leaves them out with --no-appendix', () => {
    const withAppendix = crosscheck('export', '--db', dbFile, '--format', 'md', '--generated-at', GENERATED_AT);
    expect(withAppendix.stdout).toContain('## Appendix: minor facts\n\n### Vladimir Putin — meeting date');
    const without = crosscheck('export', '--db', dbFile, '--format', 'md', '--no-appendix', '--generated-at', GENERATED_AT);
    expect(without.status).toBe(0);
    expect(without.stdout).not.toContain('Appendix');
    expect(without.stdout).not.toContain('meeting date');
  });

  it('writes to a file with -o, the same bytes the web download and the export function give', () => {
    const out = path.join(dir, 'sheet.csv');
    const run = crosscheck('export', '--db', dbFile, '--format', 'csv', '--metric', 'start date', '--metric', 'killed', '--from', '2011-01-01', '--to', '2016-12-31', '-o', out, '--generated-at', GENERATED_AT);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    const db = openDatabase(dbFile, { migrationsDir: MIGRATIONS_DIR });
    const expected = exportFactSheet(db, { subjects: [], metrics: ['start date', 'killed'], from: '2011-01-01', to: '2016-12-31', includeCandidates: false }, 'csv', GENERATED_AT);
    db.close();
    expect(readFileSync(out, 'utf8')).toBe(expected);
  });

  it('is deterministic: the same data and --generated-at give the same bytes', () => {
    const args = ['export', '--db', dbFile, '--format', 'html', '--include-candidates', '--generated-at', '2026-03-01'];
    const first = crosscheck(...args);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Generated 2026-03-01T00:00:00.000Z');
    expect(crosscheck(...args).stdout).toBe(first.stdout);
    const json = JSON.parse(crosscheck('export', '--db', dbFile, '--format', 'json', '--include-candidates').stdout) as { counts: { included: number; unreviewed: number } };
    // The sample sheet holds 13 claims; the date with no measure (filler) is left off.
    expect(json.counts).toMatchObject({ included: 12, unreviewed: 1 });
  });

  it('--format claimreview prints the settled conflicts as ClaimReview JSON-LD, each review valid', () => {
    const run = crosscheck('export', '--db', dbFile, '--format', 'claimreview', '--subject', 'syrian war', '--base-url', 'https://checks.example.org');
    expect(run.stderr).toBe('');
    const reviews = JSON.parse(run.stdout) as Record<string, unknown>[];
    // The sample sheet's one settled conflict is the explained death toll: both of its claims are reviewed.
    expect(reviews.map((r) => (r.reviewRating as { alternateName: string }).alternateName)).toEqual(['Sources differ: explained', 'Sources differ: explained']);
    for (const review of reviews) expectValidClaimReview(review);
    expect(String(reviews[0]!.url)).toMatch(/^https:\/\/checks\.example\.org\/conflicts\/\d+#claim-\d+$/);
  });

  it('an unknown subject fails with the close matches; bad flags and a missing database fail clearly', () => {
    const unknown = crosscheck('export', '--db', dbFile, '--format', 'md', '--subject', 'Syrian civil wars');
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe('crosscheck: No subject is called “Syrian civil wars”. Close matches: Syrian civil war.\n');

    const format = crosscheck('export', '--db', dbFile, '--format', 'pdf');
    expect(format.status).not.toBe(0);
    expect(format.stderr).toContain('"pdf" is not a format; use html, md, csv, json, claimreview.');

    const date = crosscheck('export', '--db', dbFile, '--format', 'md', '--from', '2019-02-30');
    expect(date.status).not.toBe(0);
    expect(date.stderr).toContain('"2019-02-30" is not a date; use YYYY-MM-DD.');

    const time = crosscheck('export', '--db', dbFile, '--format', 'md', '--generated-at', 'noon');
    expect(time.status).not.toBe(0);
    expect(time.stderr).toContain('"noon" is not an ISO time');

    const missing = crosscheck('export', '--db', path.join(dir, 'nope.sqlite'), '--format', 'md');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(`crosscheck: no database at ${path.join(dir, 'nope.sqlite')}; pass --db FILE.\n`);
    expect(existsSync(path.join(dir, 'nope.sqlite'))).toBe(false);
  });
});

describe('crosscheck export --format claimreview on the sample set', () => {
  it('exports every settled conflict’s claims and every rated confirmed claim of the loaded sample set, each review valid', () => {
    const file = path.join(dir, 'samples.sqlite');
    const db = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
    const config = loadConfig({}, {});
    loadSamples(db, config, () => FIXED_NOW);
    const open = listConflicts(db, { status: 'open', limit: 2 }).items;
    expect(open.length).toBe(2);
    const [first, second] = open.map((c) => getConflictWithClaims(db, c.id));
    resolveConflict(db, first!.conflict.id, first!.conflict.version, { preferredClaimId: first!.claims[0]!.id, reason: 'superseded', note: 'The later count replaces it.' }, TEST_CTX);
    explainConflict(db, second!.conflict.id, second!.conflict.version, 'The two outlets count different periods.', TEST_CTX);
    const lone = listClaimsOfSource(db, 1).find((c) => !first!.claims.some((x) => x.id === c.id) && !second!.claims.some((x) => x.id === c.id))!;
    const [confirmed] = setClaimStatus(db, [{ id: lone.id, version: lone.version }], 'confirmed', TEST_CTX);
    rateClaim(db, confirmed!.id, 0, { rating: '5', explanation: 'The ministry’s own bulletin gives the same figure.' }, TEST_CTX);
    db.close();

    const run = crosscheck('export', '--db', file, '--format', 'claimreview', '--base-url', 'https://checks.example.org/');
    expect(run.stderr).toBe('');
    const reviews = JSON.parse(run.stdout) as Record<string, unknown>[];
    const conflictClaims = new Set([...first!.claims, ...second!.claims].map((c) => c.id));
    expect(reviews.length).toBeGreaterThanOrEqual(conflictClaims.size);
    for (const review of reviews) expectValidClaimReview(review);
    expect(reviews.filter((r) => String(r.url).startsWith('https://checks.example.org/conflicts/'))).toHaveLength(reviews.length - 1);
    expect(reviews.at(-1)).toMatchObject({ url: `https://checks.example.org/claims/${lone.id}`, claimReviewed: lone.quote, reviewRating: { ratingValue: 5, alternateName: 'True' } });
  });
});

describe('crosscheck import', () => {
  const STORY =
    'Officials in the coastal district said on Monday that 42 people had been evacuated after the shelling of the port. ' +
    'A local monitor put the number of damaged homes at more than 300, a figure the officials did not dispute. ' +
    'The regional governor told reporters that repair crews would reach the harbour road by the end of the week.\n';
  const front = (publisher: string) => `---\ntitle: Evacuations\npublisher: ${publisher}\npublished: 2018-04-09\n---\n`;

  it('exits 1 when any file failed, naming each failed file on stderr; the others are imported', () => {
    const folder = path.join(dir, 'import-some-fail');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'good.md'), front('Wire') + STORY);
    writeFileSync(path.join(folder, 'undated.txt'), 'A text with no date and 12 ministers.\n');
    writeFileSync(path.join(folder, 'empty.txt'), '');
    const db = path.join(dir, 'import-some-fail.sqlite');
    const run = crosscheck('import', '--db', db, folder);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('2 of 3 files failed');
    expect(run.stderr).toContain(path.join(folder, 'undated.txt'));
    expect(run.stderr).toContain(path.join(folder, 'empty.txt'));
    expect(run.stderr).not.toContain('good.md');
    expect(run.stdout).toContain('Imported 1 of 3 files (0 already there, 2 failed)');
  });

  it('exits 0 when every file was imported or already there; a near-duplicate is named', () => {
    const db = path.join(dir, 'import-ok.sqlite');
    const first = path.join(dir, 'story.md');
    const relayed = path.join(dir, 'story-relayed.md');
    writeFileSync(first, front('Wire') + STORY);
    writeFileSync(relayed, front('Harbour Times') + STORY.replace('on Monday', 'on Monday evening'));
    expect(crosscheck('import', '--db', db, first).status).toBe(0);
    const again = crosscheck('import', '--db', db, first, relayed);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`skipped ${first}: the same text is already source #1`);
    expect(again.stdout).toMatch(/near-duplicate of source #1 “Evacuations” \(\d+ % the same text\)/);
  });
});
