import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NotFoundError, StaleEditError, ValidationError } from '../../src/domain/errors.js';
import { countSources, deleteSource, findSourcesBySha256, getSource, listSources, updateSource } from '../../src/store/sources.js';
import { getClaim } from '../../src/store/claims.js';
import { listAudit } from '../../src/store/audit.js';
import { listClaims } from '../../src/store/claim-list.js';
import { DEFAULT_BODY, TEST_CTX, createTestDb, makeClaim, makeConflict, makeSource } from '../helpers/index.js';

describe('sources', () => {
  it('stores the body byte-identical with the sha256 of its UTF-8 bytes', () => {
    const db = createTestDb();
    // CRLF, a BOM-free non-ASCII name, a non-breaking space and trailing blank lines must all survive unchanged.
    const body = 'Erdoğan met the envoy on Tuesday.\r\nSome 1\u00a0200 people fled.\n\n\n';
    const source = makeSource(db, { body });
    const stored = getSource(db, source.id);
    expect(Buffer.from(stored.body, 'utf8').equals(Buffer.from(body, 'utf8'))).toBe(true);
    expect(stored.bodySha256).toBe(createHash('sha256').update(Buffer.from(body, 'utf8')).digest('hex'));
    expect(findSourcesBySha256(db, stored.bodySha256).map((s) => s.id)).toEqual([source.id]);
  });

  it('creates with version 1 and writes an audit event without the body', () => {
    const db = createTestDb();
    const source = makeSource(db);
    expect(source.version).toBe(1);
    expect(source.createdAt).toBe('2026-01-15T12:00:00.000Z');
    const [event] = listAudit(db, 'source', source.id);
    expect(event).toMatchObject({ action: 'create', actor: 'test', entity: 'source', entityId: source.id });
    expect(event?.after).toMatchObject({ title: source.title, bodySha256: source.bodySha256, bodyLength: DEFAULT_BODY.length });
    expect(event?.after).not.toHaveProperty('body');
  });

  it('lists newest first, paginated, without bodies, with claim counts per status', () => {
    const db = createTestDb();
    const older = makeSource(db, { title: 'Older' });
    const newer = makeSource(db, { title: 'Newer' });
    makeClaim(db, { sourceId: older.id });
    makeClaim(db, { sourceId: older.id, status: 'confirmed' });
    const page = listSources(db, { limit: 1 });
    expect(page.total).toBe(2);
    expect(page.items.map((s) => s.title)).toEqual(['Newer']);
    expect(page.items[0]).not.toHaveProperty('body');
    const second = listSources(db, { limit: 1, offset: 1 }).items[0];
    expect(second).toMatchObject({ id: older.id, claimCount: 2, claimCounts: { candidate: 1, confirmed: 1, rejected: 0 } });
    expect(listSources(db).items.find((s) => s.id === newer.id)?.claimCount).toBe(0);
    expect(countSources(db)).toBe(2);
  });

  it('updates metadata with the current version, bumping it and auditing before and after', () => {
    const db = createTestDb();
    const source = makeSource(db);
    const updated = updateSource(db, source.id, 1, { title: 'Corrected title', author: null }, TEST_CTX);
    expect(updated).toMatchObject({ title: 'Corrected title', author: null, version: 2, body: source.body });
    const events = listAudit(db, 'source', source.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'update']);
    expect(events[1]?.before).toMatchObject({ title: source.title });
    expect(events[1]?.after).toMatchObject({ title: 'Corrected title' });
  });

  it('refuses an update made from a stale version and changes nothing', () => {
    const db = createTestDb();
    const source = makeSource(db);
    updateSource(db, source.id, 1, { title: 'First reviewer' }, TEST_CTX);
    expect(() => updateSource(db, source.id, 1, { title: 'Second reviewer' }, TEST_CTX)).toThrow(StaleEditError);
    expect(getSource(db, source.id).title).toBe('First reviewer');
    expect(listAudit(db, 'source', source.id)).toHaveLength(2);
  });

  it('throws NotFoundError for unknown ids', () => {
    const db = createTestDb();
    expect(() => getSource(db, 42)).toThrow(NotFoundError);
    expect(() => updateSource(db, 42, 1, { title: 'x' }, TEST_CTX)).toThrow(NotFoundError);
    expect(() => deleteSource(db, 42, TEST_CTX)).toThrow(NotFoundError);
  });

  it('delete removes the source with its claims and conflicts left without two claims, audited', () => {
    const db = createTestDb();
    const doomed = makeSource(db);
    const kept = makeSource(db);
    const a = makeClaim(db, { sourceId: doomed.id });
    const b = makeClaim(db, { sourceId: kept.id });
    const c = makeClaim(db, { sourceId: kept.id });
    const crossSource = makeConflict(db, [a.id, b.id]);
    const sameSource = makeConflict(db, [b.id, c.id]);
    deleteSource(db, doomed.id, TEST_CTX);
    expect(() => getSource(db, doomed.id)).toThrow(NotFoundError);
    expect(() => getClaim(db, a.id)).toThrow(NotFoundError);
    expect(listClaims(db).items.map((claim) => claim.id).sort()).toEqual([b.id, c.id]);
    expect(listAudit(db, 'conflict', crossSource.id).at(-1)?.action).toBe('delete');
    expect(listAudit(db, 'conflict', sameSource.id).at(-1)?.action).toBe('create');
    const deletion = listAudit(db, 'source', doomed.id).at(-1);
    expect(deletion).toMatchObject({ action: 'delete', after: null });
    expect(deletion?.before).toMatchObject({ title: doomed.title, claimCount: 1 });
  });

  it('delete with a stale version is refused', () => {
    const db = createTestDb();
    const source = makeSource(db);
    updateSource(db, source.id, 1, { publisher: 'Other' }, TEST_CTX);
    expect(() => deleteSource(db, source.id, TEST_CTX, 1)).toThrow(StaleEditError);
    expect(getSource(db, source.id).publisher).toBe('Other');
  });

  it('refuses an empty title, an impossible date or an unknown format with per-field messages, writing nothing', () => {
    const db = createTestDb();
    expect(() => makeSource(db, { title: '  ', publishedAt: '2019-02-30', format: 'pdf' as never })).toThrow(
      expect.objectContaining({ fields: expect.objectContaining({ title: expect.any(String), publishedAt: expect.any(String), format: expect.any(String) }) }),
    );
    const source = makeSource(db);
    expect(() => updateSource(db, source.id, 1, { publishedAt: '15 March 2019' }, TEST_CTX)).toThrow(ValidationError);
    expect(countSources(db)).toBe(1);
    expect(getSource(db, source.id).version).toBe(1);
  });
});
