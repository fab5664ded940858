import { describe, expect, it } from 'vitest';
import { NotFoundError, StaleEditError, ValidationError } from '../../src/domain/errors.js';
import { addAlias, countEntities, findOrCreateEntity, getEntity, listEntities, removeAlias, renameEntity, resolveEntity } from '../../src/store/entities.js';
import { seedEntities } from '../../src/store/entity-seeds.js';
import { deleteEntity, mergeEntities } from '../../src/store/entity-removal.js';
import { getClaim } from '../../src/store/claims.js';
import { getConflict } from '../../src/store/conflicts.js';
import { listAudit } from '../../src/store/audit.js';
import { TEST_CTX, createTestDb, makeClaim, makeConflict, makeEntity } from '../helpers/index.js';

describe('entities', () => {
  it('resolves spellings through case, accents, punctuation and the alias table (Shoigu/Shoygu)', () => {
    const db = createTestDb();
    const shoigu = makeEntity(db, { name: 'Sergei Shoigu', type: 'person', aliases: ['Shoigu', 'Shoygu', 'Sergey Shoygu'] });
    const isis = makeEntity(db, { name: 'Islamic State', type: 'organisation', aliases: ['ISIS', 'IS', 'ISIL', 'Daesh'] });
    const base = makeEntity(db, { name: 'Hmeimim', type: 'place', aliases: ['Hemeimeem', 'Khmeimim'] });
    for (const spelling of ['shoygu', 'SHOIGU', 'Sergey  Shoygu', 'sergei shoigu.']) expect(resolveEntity(db, spelling)?.id).toBe(shoigu.id);
    for (const spelling of ['I.S.I.S.', 'isil', 'the Islamic State']) expect(resolveEntity(db, spelling)?.id).toBe(isis.id);
    for (const spelling of ['Ḥmeimim', 'KHMEIMIM']) expect(resolveEntity(db, spelling)?.id).toBe(base.id);
    expect(resolveEntity(db, 'Lavrov')).toBeNull();
    expect(resolveEntity(db, '...')).toBeNull();
  });

  it('findOrCreate reuses a matching entity and creates (audited) otherwise', () => {
    const db = createTestDb();
    const kremlin = findOrCreateEntity(db, 'The Kremlin', 'organisation', TEST_CTX);
    expect(findOrCreateEntity(db, 'kremlin', 'other', TEST_CTX).id).toBe(kremlin.id);
    expect(countEntities(db)).toBe(1);
    expect(listAudit(db, 'entity', kremlin.id).map((e) => e.action)).toEqual(['create']);
  });

  it('a spelling belongs to one entity only', () => {
    const db = createTestDb();
    const shoigu = makeEntity(db, { name: 'Sergei Shoigu', aliases: ['Shoygu'] });
    const other = makeEntity(db, { name: 'Someone Else' });
    expect(() => addAlias(db, other.id, 'SHOYGU', TEST_CTX)).toThrow(ValidationError);
    expect(() => addAlias(db, other.id, 'sergei-shoigu', TEST_CTX)).toThrow(ValidationError);
    expect(() => makeEntity(db, { name: 'Shoygu' })).toThrow(ValidationError);
    expect(addAlias(db, shoigu.id, 'shoygu', TEST_CTX).aliases).toEqual(['Shoygu']);
    expect(() => addAlias(db, 999, 'x', TEST_CTX)).toThrow(NotFoundError);
  });

  it('adds and removes aliases, audited', () => {
    const db = createTestDb();
    const entity = makeEntity(db, { name: 'Hmeimim' });
    expect(addAlias(db, entity.id, 'Hemeimeem', TEST_CTX).aliases).toEqual(['Hemeimeem']);
    expect(resolveEntity(db, 'hemeimeem')?.id).toBe(entity.id);
    expect(removeAlias(db, entity.id, 'HEMEIMEEM', TEST_CTX).aliases).toEqual([]);
    expect(resolveEntity(db, 'hemeimeem')).toBeNull();
    expect(() => removeAlias(db, entity.id, 'Hemeimeem', TEST_CTX)).toThrow(NotFoundError);
    expect(listAudit(db, 'entity', entity.id).map((e) => e.action)).toEqual(['create', 'update', 'update']);
  });

  it('rename keeps the old name as an alias and can take one of its aliases as the name', () => {
    const db = createTestDb();
    const entity = makeEntity(db, { name: 'Shoygu', type: 'person', aliases: ['Sergei Shoigu'] });
    const renamed = renameEntity(db, entity.id, entity.version, { name: 'Sergei Shoigu' }, TEST_CTX);
    expect(renamed).toMatchObject({ name: 'Sergei Shoigu', aliases: ['Shoygu'], type: 'person' });
    expect(resolveEntity(db, 'shoygu')?.id).toBe(entity.id);
    const other = makeEntity(db, { name: 'Valery Gerasimov' });
    expect(() => renameEntity(db, other.id, other.version, { name: 'Shoygu' }, TEST_CTX)).toThrow(ValidationError);
    expect(listAudit(db, 'entity', entity.id).at(-1)).toMatchObject({ action: 'update', before: { name: 'Shoygu' }, after: { name: 'Sergei Shoigu' } });
  });

  it('merge moves claims (speaker and subject), conflicts and aliases, deletes the duplicate, audited on both', () => {
    const db = createTestDb();
    const keep = makeEntity(db, { name: 'Sergei Shoigu', type: 'person' });
    const duplicate = makeEntity(db, { name: 'Sergey Shoygu', type: 'person', aliases: ['Shoygu'] });
    const spoken = makeClaim(db, { speakerId: duplicate.id });
    const about = makeClaim(db, { subjectId: duplicate.id, sourceId: spoken.sourceId });
    const conflict = makeConflict(db, [spoken.id, about.id], { subjectId: duplicate.id });
    const merged = mergeEntities(db, duplicate, keep, TEST_CTX);
    expect(merged.aliases.sort()).toEqual(['Sergey Shoygu', 'Shoygu']);
    expect(() => getEntity(db, duplicate.id)).toThrow(NotFoundError);
    expect(getClaim(db, spoken.id)).toMatchObject({ speakerId: keep.id, version: 2 });
    expect(getClaim(db, about.id).subjectId).toBe(keep.id);
    expect(getConflict(db, conflict.id).subjectId).toBe(keep.id);
    expect(resolveEntity(db, 'sergey shoygu')?.id).toBe(keep.id);
    expect(listAudit(db, 'entity', duplicate.id).at(-1)).toMatchObject({ action: 'merge', after: { mergedInto: keep.id, speakerClaimsMoved: 1, subjectClaimsMoved: 1 } });
    expect(listAudit(db, 'entity', keep.id).at(-1)?.action).toBe('merge');
    expect(() => mergeEntities(db, merged, merged, TEST_CTX)).toThrow(ValidationError);
  });

  it('merge audits each moved claim (speaker and subject before and after) and each moved conflict, with the merge', () => {
    const db = createTestDb();
    const keep = makeEntity(db, { name: 'Sample Monitor', type: 'organisation' });
    const duplicate = makeEntity(db, { name: 'The Sample Monitor Group', type: 'organisation' });
    const third = makeEntity(db, { name: 'Sample Province', type: 'place' });
    const spoken = makeClaim(db, { speakerId: duplicate.id, subjectId: third.id });
    const both = makeClaim(db, { speakerId: duplicate.id, subjectId: duplicate.id, sourceId: spoken.sourceId });
    const untouched = makeClaim(db, { speakerId: keep.id, sourceId: spoken.sourceId });
    const conflict = makeConflict(db, [spoken.id, both.id], { subjectId: duplicate.id });
    mergeEntities(db, duplicate, keep, TEST_CTX);
    expect(listAudit(db, 'claim', spoken.id).at(-1)).toMatchObject({
      action: 'update',
      before: { speakerId: duplicate.id, subjectId: third.id, version: 1 },
      after: { speakerId: keep.id, subjectId: third.id, version: 2 },
      reason: 'The Sample Monitor Group merged into Sample Monitor.',
    });
    // A claim that spoke about itself moves once, in one event and one version.
    expect(listAudit(db, 'claim', both.id).slice(1)).toEqual([
      expect.objectContaining({ before: { speakerId: duplicate.id, subjectId: duplicate.id, version: 1 }, after: { speakerId: keep.id, subjectId: keep.id, version: 2 } }),
    ]);
    expect(getClaim(db, both.id).version).toBe(2);
    expect(listAudit(db, 'claim', untouched.id)).toHaveLength(1);
    expect(listAudit(db, 'conflict', conflict.id).at(-1)).toMatchObject({
      action: 'update',
      before: { subjectId: duplicate.id },
      after: { subjectId: keep.id },
    });
  });

  it('rename, merge and alias edits check the version the reviewer saw, and bump it', () => {
    const db = createTestDb();
    const keep = makeEntity(db, { name: 'Valery Gerasimov', type: 'person' });
    const duplicate = makeEntity(db, { name: 'V. Gerasimov', type: 'person' });
    const claim = makeClaim(db, { speakerId: duplicate.id });
    expect(keep.version).toBe(1);
    // Another reviewer adds an alias after our page was drawn: our rename (at version 1) is refused.
    const aliased = addAlias(db, keep.id, 'Gerasimov', TEST_CTX, keep.version);
    expect(aliased.version).toBe(2);
    expect(() => renameEntity(db, keep.id, keep.version, { name: 'General Gerasimov' }, TEST_CTX)).toThrow(StaleEditError);
    expect(() => addAlias(db, keep.id, 'Gen. Gerasimov', TEST_CTX, keep.version)).toThrow(StaleEditError);
    expect(() => removeAlias(db, keep.id, 'Gerasimov', TEST_CTX, keep.version)).toThrow(StaleEditError);
    expect(getEntity(db, keep.id)).toMatchObject({ name: 'Valery Gerasimov', aliases: ['Gerasimov'], version: 2 });
    // A merge checks both entities: nothing moves when either is stale.
    expect(() => mergeEntities(db, duplicate, keep, TEST_CTX)).toThrow(StaleEditError);
    const renamedDuplicate = renameEntity(db, duplicate.id, duplicate.version, { name: 'Gen. V. Gerasimov' }, TEST_CTX);
    expect(renamedDuplicate.version).toBe(2);
    expect(() => mergeEntities(db, duplicate, aliased, TEST_CTX)).toThrow(StaleEditError);
    expect(getClaim(db, claim.id).speakerId).toBe(duplicate.id);
    const merged = mergeEntities(db, renamedDuplicate, aliased, TEST_CTX);
    expect(merged.version).toBe(3);
    expect(getClaim(db, claim.id).speakerId).toBe(keep.id);
    // Without a version, alias edits apply to the current one.
    expect(removeAlias(db, keep.id, 'Gerasimov', TEST_CTX).version).toBe(4);
  });

  it('lists with alias and claim counts, filtered by type and folded prefix', () => {
    const db = createTestDb();
    const ministry = makeEntity(db, { name: 'Russian Defence Ministry', aliases: ['Russian MoD', 'Ministry of Defence'] });
    const monitor = makeEntity(db, { name: 'Sample Monitor', type: 'organisation' });
    makeEntity(db, { name: 'Aleppo', type: 'place' });
    const claim = makeClaim(db, { speakerId: ministry.id, subjectId: monitor.id });
    makeClaim(db, { speakerId: ministry.id, sourceId: claim.sourceId });
    const page = listEntities(db);
    expect(page.items.map((e) => e.name)).toEqual(['Aleppo', 'Russian Defence Ministry', 'Sample Monitor']);
    expect(page.items[1]).toMatchObject({ aliasCount: 2, speakerClaimCount: 2, subjectClaimCount: 0 });
    expect(page.items[2]).toMatchObject({ speakerClaimCount: 0, subjectClaimCount: 1 });
    expect(listEntities(db, { type: 'place' }).items.map((e) => e.name)).toEqual(['Aleppo']);
    expect(listEntities(db, { q: 'ministry of' }).items.map((e) => e.id)).toEqual([ministry.id]);
    expect(listEntities(db, { q: '100%' }).total).toBe(0);
  });

  it('seeds entities only into an empty table, skipping clashing aliases', () => {
    const db = createTestDb();
    const result = seedEntities(
      db,
      [
        { name: 'Islamic State', type: 'organisation', aliases: ['ISIS', 'I.S.I.S.', 'Islamic State'] },
        { name: 'Islamic State of Iraq', type: 'organisation', aliases: ['isis'] },
      ],
      TEST_CTX,
    );
    expect(result).toEqual({ created: 2, skippedAliases: ['isis'] });
    expect(resolveEntity(db, 'isis')?.name).toBe('Islamic State');
    expect(seedEntities(db, [{ name: 'New', type: 'other', aliases: [] }], TEST_CTX).created).toBe(0);
    expect(countEntities(db)).toBe(2);
  });

  it('deletes an unused entity with its aliases, and refuses one that claims use', () => {
    const db = createTestDb();
    const unused = makeEntity(db, { name: 'Typo Entity', aliases: ['Typo'] });
    const used = makeEntity(db, { name: 'Speaking Ministry' });
    makeClaim(db, { speakerId: used.id });
    deleteEntity(db, unused.id, TEST_CTX);
    expect(resolveEntity(db, 'typo')).toBeNull();
    expect(listAudit(db, 'entity', unused.id).at(-1)?.action).toBe('delete');
    expect(() => deleteEntity(db, used.id, TEST_CTX)).toThrow(ValidationError);
    expect(() => deleteEntity(db, 999, TEST_CTX)).toThrow(NotFoundError);
  });
});
