// A database at every earlier schema version, holding data written with that version's schema, migrates to the
// newest version with its data intact. Adding migration N+1 means adding a seed for version N below.
import { describe, expect, it } from 'vitest';
import { countClaimsByStatus, getClaim, getClaimView } from '../../src/store/claims.js';
import { countConflictsByStatus, getConflict } from '../../src/store/conflicts.js';
import { countSessions, getUser } from '../../src/store/users.js';
import { countEntities, resolveEntity } from '../../src/store/entities.js';
import { countSources, getSource } from '../../src/store/sources.js';
import { listAudit } from '../../src/store/audit.js';
import { loadLexicon } from '../../src/store/lexicon.js';
import { lexiconVersion } from '../../src/store/lexicon-grammar.js';
import { migrate, openDatabase, schemaVersion, listMigrations, type Db } from '../../src/store/database.js';
import { search } from '../../src/store/search.js';
import { MIGRATIONS_DIR, makeClaim } from '../helpers/index.js';

const BODY = 'A sample outlet said 300 people fled the town on Monday.\n';
const AT = '2020-05-05T10:00:00.000Z';

/** Raw inserts in the schema of a version (the repositories always speak the newest). Returns a check to run after migrating. */
const SEEDS: Record<number, (db: Db) => (db: Db) => void> = {
  1: (db) => {
    db.exec(`
      INSERT INTO sources (id, title, publisher, author, url, published_at, language, body, body_sha256, format, version, created_at, updated_at)
        VALUES (1, 'Old article', 'Old Outlet', NULL, 'https://example.org/old', '2020-05-04', 'en', '${BODY.replace(/'/g, "''")}',
          '${'a'.repeat(64)}', 'text', 3, '${AT}', '${AT}');
      INSERT INTO entities (id, name, type, normalized_name, created_at, updated_at) VALUES (1, 'Sergei Shoigu', 'person', 'sergei shoigu', '${AT}', '${AT}');
      INSERT INTO entity_aliases (entity_id, alias, normalized_alias, created_at) VALUES (1, 'Shoygu', 'shoygu', '${AT}');
      INSERT INTO claims (id, source_id, quote, quote_start, quote_end, value_text, kind, metric, subject_id, value_low, value_high, value_unit,
          qualifier, speaker_id, status, rank, origin, version, created_at, updated_at)
        VALUES (1, 1, 'A sample outlet said 300 people fled the town on Monday.', 0, 56, '300', 'count', 'displaced', NULL, 300, 300, 'count',
          'exact', 1, 'confirmed', 'preferred', 'manual', 2, '${AT}', '${AT}'),
          (2, 1, 'on Monday', 46, 55, 'Monday', 'date', 'flight date', NULL, '2020-05-04', '2020-05-04', 'date',
          'exact', NULL, 'candidate', 'normal', 'extracted', 1, '${AT}', '${AT}');
      INSERT INTO conflicts (id, key, rule, severity, explanation, status, resolution_note, subject_id, metric, manual, created_at, updated_at)
        VALUES (1, 'manual:1,2', 'manual', 0, 'flagged', 'explained', 'different things', NULL, 'displaced', 1, '${AT}', '${AT}');
      INSERT INTO conflict_claims (conflict_id, claim_id) VALUES (1, 1), (1, 2);
      INSERT INTO audit_events (at, actor, action, entity, entity_id, before_json, after_json, reason)
        VALUES ('${AT}', 'local', 'create', 'source', 1, NULL, '{"title":"Old article"}', NULL);
      INSERT INTO lexicon_metrics (metric, kind, keywords, updated_at) VALUES ('displaced', 'count', '["fled","displaced"]', '${AT}');
    `);
    return (migrated) => {
      expect(getSource(migrated, 1)).toMatchObject({ title: 'Old article', body: BODY, version: 3, publishedAt: '2020-05-04' });
      expect(getClaim(migrated, 1)).toMatchObject({ speakerId: 1, figure: { unit: 'count', low: 300, high: 300 }, status: 'confirmed', rank: 'preferred', version: 2 });
      expect(getClaim(migrated, 2).figure).toEqual({ unit: 'date', low: '2020-05-04', high: '2020-05-04' });
      expect(resolveEntity(migrated, 'SHOYGU')).toMatchObject({ id: 1, version: 1 });
      expect(getConflict(migrated, 1)).toMatchObject({ status: 'explained', resolutionNote: 'different things', claimIds: [1, 2], manual: true });
      expect(listAudit(migrated, 'source', 1)).toHaveLength(1);
      expect(search(migrated, 'fled').sources.map((hit) => hit.id)).toEqual([1]);
      expect(search(migrated, 'fled').claims.map((hit) => hit.id)).toEqual([1]);
      expect(countClaimsByStatus(migrated)).toEqual({ candidate: 1, confirmed: 1, rejected: 0 });
      expect(countConflictsByStatus(migrated)).toEqual({ open: 0, explained: 1, resolved: 0 });
      expect([countSources(migrated), countEntities(migrated)]).toEqual([1, 1]);
      expect(loadLexicon(migrated).metrics).toEqual([{ metric: 'displaced', kind: 'count', keywords: ['fled', 'displaced'] }]);
    };
  },
};

// Version 2 added only search indexes (and version 3 trigger-kept counts, versions 4 and 5 indexes): version 1's
// rows are valid there too.
SEEDS[2] = SEEDS[1]!;
SEEDS[3] = SEEDS[1]!;
SEEDS[4] = SEEDS[1]!;
// Version 6 (conflict partner indexes) adds indexes only as well.
SEEDS[5] = SEEDS[1]!;
// Version 7 adds entities.version (default 1) and the app_settings table: version 6 holds version 1's rows.
SEEDS[6] = SEEDS[1]!;
// Version 8 (current-conflict list indexes) adds indexes only.
SEEDS[7] = SEEDS[1]!;
// Version 9 adds entities.part_of_id (NULL: an old entity is part of nothing): version 8 holds version 1's rows.
SEEDS[8] = SEEDS[1]!;
// Version 10 makes one conflict per fact and pair of values: pairwise conflicts between the same two values merge,
// carrying the strongest decision (resolved over explained over open), its preferred claim and every note.
SEEDS[9] = (db) => {
  SEEDS[1]!(db);
  const claim = (id: number, text: string, low: string, high: string): string =>
    `(${id}, 1, 'The war began in ${text}.', 0, 10, '${text}', 'date', 'start date', 2, '${low}', '${high}', 'date', 'exact', 'confirmed', 'normal', 'extracted', 1, '${AT}', '${AT}')`;
  const pair = (id: number, ids: string, status: string, note: string | null, preferred: number | null): string =>
    `(${id}, 'event-date:${ids}', 'event-date', 0.9, 'Dates ${ids} do not overlap.', '${status}', ${note ? `'${note}'` : 'NULL'}, ${preferred ?? 'NULL'}, 2, 'start date', 0, '${AT}', '${AT}')`;
  db.exec(`
    INSERT INTO entities (id, name, type, normalized_name, created_at, updated_at) VALUES (2, 'Valdorian war', 'event', 'valdorian war', '${AT}', '${AT}');
    INSERT INTO claims (id, source_id, quote, quote_start, quote_end, value_text, kind, metric, subject_id, value_low, value_high, value_unit,
        qualifier, status, rank, origin, version, created_at, updated_at)
      VALUES ${claim(3, '2015', '2015-01-01', '2015-12-31')}, ${claim(4, 'March 2011', '2011-03-01', '2011-03-31')},
        ${claim(5, 'March 2011', '2011-03-01', '2011-03-31')}, ${claim(6, '2009', '2009-01-01', '2009-12-31')};
    INSERT INTO conflicts (id, key, rule, severity, explanation, status, resolution_note, preferred_claim_id, subject_id, metric, manual, created_at, updated_at)
      VALUES ${pair(10, '3,4', 'open', null, null)}, ${pair(11, '3,5', 'resolved', 'Portbrak records say 2011.', 5)},
        ${pair(12, '3,6', 'explained', 'Different wars.', null)};
    INSERT INTO conflict_claims (conflict_id, claim_id) VALUES (10, 3), (10, 4), (11, 3), (11, 5), (12, 3), (12, 6);
  `);
  return (migrated) => {
    expect(getConflict(migrated, 1)).toMatchObject({ manual: true, claimIds: [1, 2], status: 'explained' });
    // 10 and 11 were "2015" against "March 2011": one conflict now, with the resolved decision of 11.
    expect(() => getConflict(migrated, 10)).toThrow();
    expect(getConflict(migrated, 11)).toMatchObject({
      status: 'resolved', preferredClaimId: 5, resolutionNote: 'Portbrak records say 2011.', claimIds: [3, 4, 5], stale: false,
      valueGroups: [{ group: 1, claimIds: [3] }, { group: 2, claimIds: [4, 5] }],
    });
    expect(getConflict(migrated, 12)).toMatchObject({ status: 'explained', resolutionNote: 'Different wars.', claimIds: [3, 6] });
    expect(listAudit(migrated, 'conflict', 10).map((e) => [e.action, e.after])).toEqual([['merge', { into: 11 }]]);
  };
};
// Version 11 adds trigger-kept counts (conflicts per status, sources, entities), filled from the rows already there:
// version 10 holds version 1's rows.
SEEDS[10] = SEEDS[1]!;
// Version 12 adds users, sessions and audit indexes: version 11 holds version 1's rows, and their events keep `local`.
SEEDS[11] = (db) => {
  const check = SEEDS[1]!(db);
  return (migrated) => {
    check(migrated);
    expect(listAudit(migrated, 'source', 1).map((event) => event.actor)).toEqual(['local']);
  };
};
// Version 13 adds comments, assignments and resolution proposals: version 12's accounts and sessions stay.
SEEDS[12] = (db) => {
  const check = SEEDS[11]!(db);
  db.exec(`
    INSERT INTO users (id, name, role, password_hash, created_at) VALUES (1, 'ilse', 'editor', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', '${AT}');
    INSERT INTO sessions (token_sha256, user_id, created_at, last_seen_at) VALUES ('${'b'.repeat(64)}', 1, '${AT}', '${AT}');
  `);
  return (migrated) => {
    check(migrated);
    expect(getUser(migrated, 'ILSE')).toMatchObject({ id: 1, role: 'editor', disabledAt: null });
    expect(countSessions(migrated, 1)).toBe(1);
  };
};
// Version 14 adds sources.fetched_url, fetched_at and media_type: NULL for a source stored before them; version 13
// holds version 12's rows.
SEEDS[13] = (db) => {
  const check = SEEDS[12]!(db);
  return (migrated) => {
    check(migrated);
    expect(getSource(migrated, 1)).toMatchObject({ fetchedUrl: null, fetchedAt: null, mediaType: null });
  };
};
// Version 15 adds the feeds and feed_items tables only: version 14 holds version 13's rows.
SEEDS[14] = SEEDS[13]!;
// Version 16 adds sources.previous_version_id (NULL: a first version) and claim_version_flags: version 15 holds version 13's rows.
SEEDS[15] = SEEDS[13]!;
// Version 17 adds claim_ratings (an old claim is not rated): version 16 holds version 13's rows.
SEEDS[16] = SEEDS[13]!;
// Version 18 adds feed_item_failures only: version 17 holds version 13's rows.
SEEDS[17] = SEEDS[13]!;
// Version 19 adds subject_assignments, sign_in_failures and claims.confirmed_by/confirmed_at, filled from the history:
// claim 1, confirmed as `local`, keeps `local` (a later edit of the confirmed claim is not a confirmation).
SEEDS[18] = (db) => {
  const check = SEEDS[17]!(db);
  const claim = (status: string) => JSON.stringify({ id: 1, status });
  db.exec(`
    INSERT INTO audit_events (at, actor, action, entity, entity_id, before_json, after_json, reason) VALUES
      ('${AT}', 'local', 'create', 'claim', 1, NULL, '${claim('candidate')}', NULL),
      ('2020-05-06T09:00:00.000Z', 'local', 'update', 'claim', 1, '${claim('candidate')}', '${claim('confirmed')}', NULL),
      ('2020-05-07T09:00:00.000Z', 'ilse', 'update', 'claim', 1, '${claim('confirmed')}', '${claim('confirmed')}', NULL);
  `);
  return (migrated) => {
    check(migrated);
    expect(getClaimView(migrated, 1)).toMatchObject({ confirmedBy: 'local', confirmedAt: '2020-05-06T09:00:00.000Z' });
  };
};
// Version 20 adds lexicon_grammar (empty: extraction reads the shipped lists until they are seeded) and the lexicon
// version, which an edit of the metrics moves: version 19 holds version 18's rows.
SEEDS[19] = (db) => {
  const check = SEEDS[18]!(db);
  return (migrated) => {
    check(migrated);
    expect(loadLexicon(migrated).grammar).toBeUndefined();
    const version = lexiconVersion(migrated);
    migrated.prepare("UPDATE lexicon_metrics SET keywords = '[\"fled\"]'").run();
    expect(lexiconVersion(migrated)).toBe(version + 1);
  };
};
// Version 21 adds the undo_log table only: version 20 holds version 19's rows.
SEEDS[20] = SEEDS[19]!;

const NEWEST = listMigrations(MIGRATIONS_DIR).length;

function databaseAt(version: number): Db {
  const db = openDatabase(':memory:', { migrate: false });
  migrate(db, MIGRATIONS_DIR, { target: version });
  expect(schemaVersion(db)).toBe(version);
  return db;
}

describe('migrations', () => {
  it('every version before the newest has a seed here (except the empty version 0)', () => {
    for (let version = 1; version < NEWEST; version += 1) expect(SEEDS[version], `seed for version ${version}`).toBeDefined();
  });

  it('an empty database (version 0) migrates to the newest and works', () => {
    const db = databaseAt(0);
    migrate(db, MIGRATIONS_DIR);
    expect(schemaVersion(db)).toBe(NEWEST);
    expect(makeClaim(db).id).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  for (let version = 1; version < NEWEST; version += 1) {
    it(`a database at version ${version} migrates to ${NEWEST} with its data intact`, () => {
      const db = databaseAt(version);
      const check = SEEDS[version]!(db);
      const result = migrate(db, MIGRATIONS_DIR);
      expect(result).toMatchObject({ from: version, to: NEWEST });
      expect(schemaVersion(db)).toBe(NEWEST);
      check(db);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // And the migrated database takes new writes.
      expect(makeClaim(db, { sourceId: 1, quote: 'A sample', quoteStart: 0, quoteEnd: 8 }).sourceId).toBe(1);
    });
  }

  it('leaves who confirmed a claim empty when its history does not say (version 18 to 19)', () => {
    const db = databaseAt(18);
    SEEDS[17]!(db);
    migrate(db, MIGRATIONS_DIR, { target: 19 });
    expect(getClaimView(db, 1)).toMatchObject({ status: 'confirmed', confirmedBy: null, confirmedAt: null });
  });

  it('the newest seed also loads into the newest schema (so the next migration has a seed to test with)', () => {
    const seed = SEEDS[NEWEST] ?? SEEDS[NEWEST - 1];
    expect(seed).toBeDefined();
    const db = databaseAt(NEWEST);
    seed!(db)(db);
  });
});
