// Entities that are no name: an import never creates them, and `crosscheck entity prune` removes the ones older
// versions stored, keeping their claims' text and recomputing the conflicts they were part of.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config.js';
import { openDatabase } from '../src/store/database.js';
import { DEFAULT_SETTINGS } from '../src/domain/crosscheck.js';
import { importSource } from '../src/app/importer.js';
import { isJunkName, listJunkEntities, pruneJunkEntities } from '../src/app/prune-entities.js';
import { recomputeConflicts } from '../src/app/recompute.js';
import { getClaim } from '../src/store/claims.js';
import { listConflicts } from '../src/store/conflicts.js';
import { createTestDb, makeClaim, makeEntity, makeSource, MIGRATIONS_DIR, TEST_CTX } from './helpers/index.js';

// Team-written reporting on an invented war, full of phrases whose fragments used to become entities.
const TRAPS = [
  'Korvan Front casualties pass 4,000\n',
  'The war in Valdoria has killed more than 4,000 people, the Valdorian Health Ministry said on Monday. ',
  'An upper estimate of 6,500 dead is backed by an independent monitor that tracks violence in the region. ',
  'The 500 soldiers sent to Portbrak were British, a Tarn-based monitoring group said in a new report. ',
  'The figure, it said, could rise. "We counted 212 bodies," said Ilse Varga, a doctor in Upper Mires. ',
  'U.N. experts said at least 300 civilians had died in East Tarn since March.\n',
].join('');

describe('entities from an import', () => {
  it('are names, titles with names, organisations or role phrases, never fragments', () => {
    const db = createTestDb();
    importSource(db, { title: 'Korvan Front casualties pass 4,000', publisher: 'Harbour Gazette', publishedAt: '2026-05-04', body: TRAPS, format: 'text', language: 'en' }, TEST_CTX, { settings: DEFAULT_SETTINGS });
    const names = (db.prepare('SELECT name, type FROM entities').all() as { name: string; type: string }[]);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((e) => isJunkName(e.name, e.type)).map((e) => e.name)).toEqual([]);
    for (const fragment of ['The', 'An', 'upper', 'U', '500', 'British', 'Tarn-based', 'it', 'is backed by an']) {
      expect(names.map((e) => e.name.toLowerCase())).not.toContain(fragment.toLowerCase());
    }
  });
});

describe('isJunkName', () => {
  it('tells fragments from names', () => {
    for (const junk of ['The', 'an', '500', 'British', 'Tarn-based', 'is backed by an', 'upper', 'tracks violence']) {
      expect(isJunkName(junk, 'other'), junk).toBe(true);
    }
    for (const name of ['Ilse Varga', 'UNHCR', 'Valdorian Health Ministry', 'army chief Dara Voss', 'human rights activists', 'U.N. experts']) {
      expect(isJunkName(name, 'other'), name).toBe(false);
    }
    expect(isJunkName('the war in Valdoria', 'event')).toBe(false);
  });
});

describe('pruneJunkEntities', () => {
  it('removes fragments, keeps their claims without them, recomputes their conflicts and audits each change', () => {
    const db = createTestDb();
    const junkSubject = makeEntity(db, { name: 'The', type: 'other' });
    const junkSpeaker = makeEntity(db, { name: 'is backed by an', type: 'other' });
    const real = makeEntity(db, { name: 'Valdoria', type: 'place' });
    const a = makeClaim(db, { sourceId: makeSource(db, { publishedAt: '2026-03-01', publisher: 'Outlet A' }).id, subjectId: junkSubject.id, speakerId: junkSpeaker.id, figure: { unit: 'count', low: 100, high: 100 }, qualifier: 'exact', valueText: '100', asOf: '2026-03-01' });
    const b = makeClaim(db, { sourceId: makeSource(db, { publishedAt: '2026-03-02', publisher: 'Outlet B' }).id, subjectId: junkSubject.id, figure: { unit: 'count', low: 900, high: 900 }, qualifier: 'exact', valueText: '900', asOf: '2026-03-02' });
    const kept = makeClaim(db, { subjectId: real.id });
    recomputeConflicts(db, [a, b, kept], DEFAULT_SETTINGS, TEST_CTX);
    expect(listConflicts(db, { limit: 10 }).items).toHaveLength(1);

    expect(listJunkEntities(db).map((e) => [e.name, e.claims])).toEqual([['is backed by an', 1], ['The', 2]]);
    const { removed } = pruneJunkEntities(db, DEFAULT_SETTINGS, TEST_CTX);

    expect(removed.map((e) => e.name)).toEqual(['is backed by an', 'The']);
    expect(listJunkEntities(db)).toEqual([]);
    const after = getClaim(db, a.id);
    expect([after.quote, after.subjectId, after.speakerId]).toEqual([a.quote, null, null]);
    expect(after.version).toBeGreaterThan(a.version);
    expect(getClaim(db, kept.id).subjectId).toBe(real.id);
    expect(listConflicts(db, { limit: 10 }).items).toHaveLength(0);
    const audit = db.prepare("SELECT entity, action, count(*) AS n FROM audit_events WHERE reason LIKE '%not a name%' OR action = 'delete' GROUP BY entity, action").all();
    expect(audit).toEqual(expect.arrayContaining([{ entity: 'entity', action: 'delete', n: 2 }, { entity: 'claim', action: 'update', n: 3 }]));
  });

  it('changes nothing when every entity is a name', () => {
    const db = createTestDb();
    makeClaim(db, { subjectId: makeEntity(db, { name: 'Korvan Front', type: 'force' }).id });
    const before = db.prepare('SELECT count(*) AS n FROM audit_events').get();
    expect(pruneJunkEntities(db, DEFAULT_SETTINGS, TEST_CTX).removed).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM audit_events').get()).toEqual(before);
  });
});

describe('crosscheck entity prune', () => {
  it('lists fragments without changing anything, then removes them with --apply', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-prune-'));
    try {
      const file = path.join(dir, 'desk.sqlite');
      const db = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
      makeClaim(db, { speakerId: makeEntity(db, { name: '500', type: 'other' }).id, subjectId: makeEntity(db, { name: 'Valdoria', type: 'place' }).id });
      db.close();
      const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'cli.js'), 'entity', 'prune', '--db', file, ...args], { encoding: 'utf8' });
      const listed = cli();
      expect(listed.status).toBe(0);
      expect(listed.stdout).toBe('junk  "500" (other, 1 claim)\n1 entity would be removed; run again with --apply to remove them.\n');
      expect(cli('--apply').stdout).toContain('Removed 1 entity; their claims keep their text.');
      expect(cli().stdout).toBe('No entity is a fragment; nothing to prune.\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
