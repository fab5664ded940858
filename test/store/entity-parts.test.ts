// The topic hierarchy: an entity may be part of another. Seeding and "add new defaults" link parts from the
// lexicon (sync never overwrites a reviewer's choice), a cycle or the entity itself is refused, a merge keeps the
// parts of the merged entity, and a fact sheet for a subject includes the claims about its parts, transitively.
import { describe, expect, it } from 'vitest';
import { StaleEditError, ValidationError } from '../../src/domain/errors.js';
import type { Lexicon } from '../../src/domain/types.js';
import { exportFactSheet, type FactSheetRequest } from '../../src/app/factsheet-data.js';
import { addMissingLexicon } from '../../src/store/lexicon-sync.js';
import { getEntity, resolveEntity } from '../../src/store/entities.js';
import { listAudit } from '../../src/store/audit.js';
import { listParts, setPartOf, withParts, wholeOf } from '../../src/store/entity-parts.js';
import { loadLexicon, seedLexicon } from '../../src/store/lexicon.js';
import { mergeEntities } from '../../src/store/entity-removal.js';
import { TEST_CTX, createTestDb, makeClaim, makeEntity } from '../helpers/index.js';

// The part comes before its whole, so seeding must resolve wholes after creating every entity.
const LEXICON: Lexicon = {
  metrics: [],
  entities: [
    { name: 'Northern Brigade', type: 'force', aliases: ['the brigade'], partOf: 'River campaign' },
    { name: 'River campaign', type: 'event', aliases: [], partOf: 'Valley war' },
    { name: 'Valley war', type: 'event', aliases: ['war in the valley'] },
    { name: 'Harbour town', type: 'place', aliases: [] },
  ],
};

describe('seeding and syncing "part of" from the lexicon', () => {
  it('seeding links each part to its whole, and the lexicon reads back with partOf', () => {
    const db = createTestDb();
    seedLexicon(db, LEXICON, TEST_CTX);
    const war = resolveEntity(db, 'war in the valley')!;
    const campaign = resolveEntity(db, 'River campaign')!;
    expect(resolveEntity(db, 'the brigade')?.partOfId).toBe(campaign.id);
    expect(campaign.partOfId).toBe(war.id);
    expect(war.partOfId).toBeNull();
    expect(loadLexicon(db).entities.find((e) => e.name === 'Northern Brigade')).toEqual({
      name: 'Northern Brigade',
      type: 'force',
      aliases: ['the brigade'],
      partOf: 'River campaign',
    });
    expect(loadLexicon(db).entities.find((e) => e.name === 'Harbour town')).not.toHaveProperty('partOf');
  });

  it('sync sets "part of" only where it is unset: a reviewer\'s choice stays', () => {
    const db = createTestDb();
    seedLexicon(db, { metrics: [], entities: LEXICON.entities.map(({ partOf: _ignored, ...rest }) => rest) }, TEST_CTX);
    const town = resolveEntity(db, 'Harbour town')!;
    const brigade = resolveEntity(db, 'Northern Brigade')!;
    setPartOf(db, brigade.id, 'Harbour town', TEST_CTX);
    const result = addMissingLexicon(db, LEXICON, TEST_CTX);
    expect(getEntity(db, brigade.id).partOfId).toBe(town.id);
    expect(resolveEntity(db, 'River campaign')?.partOfId).toBe(resolveEntity(db, 'Valley war')?.id);
    expect(result.partOf).toEqual([{ entity: 'River campaign', whole: 'Valley war' }]);
    expect(addMissingLexicon(db, LEXICON, TEST_CTX).partOf).toEqual([]);
  });

  it('sync skips a lexicon link that would close a cycle the reviewers made', () => {
    const db = createTestDb();
    seedLexicon(db, { metrics: [], entities: LEXICON.entities.map(({ partOf: _ignored, ...rest }) => rest) }, TEST_CTX);
    setPartOf(db, resolveEntity(db, 'Valley war')!.id, 'Northern Brigade', TEST_CTX);
    const result = addMissingLexicon(db, LEXICON, TEST_CTX);
    // In file order: the brigade joins the campaign; the campaign may not then join the war, which is part of the
    // brigade and so (now) of the campaign.
    expect(result.partOf).toEqual([{ entity: 'Northern Brigade', whole: 'River campaign' }]);
    expect(resolveEntity(db, 'River campaign')?.partOfId).toBeNull();
  });
});

describe('setting what an entity is part of', () => {
  it('sets by alias, clears with a blank, bumps the version and audits each change', () => {
    const db = createTestDb();
    const war = makeEntity(db, { name: 'Valley war', type: 'event', aliases: ['war in the valley'] });
    const brigade = makeEntity(db, { name: 'Northern Brigade', type: 'force' });
    const set = setPartOf(db, brigade.id, 'WAR in the valley', TEST_CTX, brigade.version);
    expect(set).toMatchObject({ partOfId: war.id, version: brigade.version + 1 });
    expect(wholeOf(db, brigade.id)).toEqual({ id: war.id, name: 'Valley war' });
    expect(listParts(db, war.id)).toEqual([{ id: brigade.id, name: 'Northern Brigade' }]);
    expect(() => setPartOf(db, brigade.id, '', TEST_CTX, brigade.version)).toThrow(StaleEditError);
    expect(setPartOf(db, brigade.id, '  ', TEST_CTX, set.version).partOfId).toBeNull();
    const audit = listAudit(db, 'entity', brigade.id);
    expect(audit.map((e) => e.action)).toEqual(['create', 'update', 'update']);
  });

  it('refuses the entity itself, one of its parts (directly or further down) and an unknown name, changing nothing', () => {
    const db = createTestDb();
    const war = makeEntity(db, { name: 'Valley war', type: 'event' });
    const campaign = makeEntity(db, { name: 'River campaign', type: 'event' });
    const brigade = makeEntity(db, { name: 'Northern Brigade', type: 'force' });
    setPartOf(db, campaign.id, 'Valley war', TEST_CTX);
    setPartOf(db, brigade.id, 'River campaign', TEST_CTX);
    const before = getEntity(db, war.id);
    expect(() => setPartOf(db, war.id, 'Valley war', TEST_CTX)).toThrow(/cannot be part of itself/);
    expect(() => setPartOf(db, war.id, 'River campaign', TEST_CTX)).toThrow(/already a part of Valley war/);
    expect(() => setPartOf(db, war.id, 'Northern Brigade', TEST_CTX)).toThrow(ValidationError);
    expect(() => setPartOf(db, war.id, 'Nowhere in particular', TEST_CTX)).toThrow(/No entity is called/);
    expect(getEntity(db, war.id)).toEqual(before);
  });

  it('walks parts transitively and stops even on a cycle written behind its back', () => {
    const db = createTestDb();
    const a = makeEntity(db, { name: 'Whole A' });
    const b = makeEntity(db, { name: 'Part B' });
    const c = makeEntity(db, { name: 'Part C' });
    setPartOf(db, b.id, 'Whole A', TEST_CTX);
    setPartOf(db, c.id, 'Part B', TEST_CTX);
    expect(withParts(db, [a.id])).toEqual([a.id, b.id, c.id]);
    expect(withParts(db, [b.id])).toEqual([b.id, c.id]);
    db.prepare('UPDATE entities SET part_of_id = ? WHERE id = ?').run(c.id, a.id);
    expect(withParts(db, [a.id])).toEqual([a.id, b.id, c.id]);
  });

  it('a merge hands the merged entity\'s parts to the entity that remains', () => {
    const db = createTestDb();
    const war = makeEntity(db, { name: 'Valley war', type: 'event' });
    const duplicate = makeEntity(db, { name: 'Valley conflict', type: 'event' });
    const brigade = makeEntity(db, { name: 'Northern Brigade', type: 'force' });
    setPartOf(db, brigade.id, 'Valley conflict', TEST_CTX);
    mergeEntities(db, { id: duplicate.id, version: getEntity(db, duplicate.id).version }, { id: war.id, version: war.version }, TEST_CTX);
    expect(getEntity(db, brigade.id).partOfId).toBe(war.id);
  });
});

describe('a fact sheet for a subject with parts', () => {
  const REQUEST: FactSheetRequest = { subjects: [], metrics: [], from: '', to: '', includeCandidates: false };

  it('includes the claims about its parts, transitively, and says so in its filter', () => {
    const db = createTestDb();
    const war = makeEntity(db, { name: 'Valley war', type: 'event' });
    const campaign = makeEntity(db, { name: 'River campaign', type: 'event' });
    const brigade = makeEntity(db, { name: 'Northern Brigade', type: 'force' });
    const elsewhere = makeEntity(db, { name: 'Coastal militia', type: 'force' });
    setPartOf(db, campaign.id, 'Valley war', TEST_CTX);
    setPartOf(db, brigade.id, 'River campaign', TEST_CTX);
    makeClaim(db, { subjectId: war.id, status: 'confirmed', metric: 'killed' });
    makeClaim(db, { subjectId: brigade.id, status: 'confirmed', metric: 'wounded', hedge: 'reportedly' });
    makeClaim(db, { subjectId: elsewhere.id, status: 'confirmed', metric: 'missing' });

    const sheet = exportFactSheet(db, { ...REQUEST, subjects: ['Valley war'] }, 'md', '2026-01-02T03:04:05Z');
    expect(sheet).toContain('subjects: Valley war (with its parts)');
    expect(sheet).toMatch(/^# Fact sheet: Valley war$/m);
    expect(sheet).toMatch(/^## Northern Brigade$/m);
    expect(sheet.toLowerCase()).toContain('reportedly');
    expect(sheet).not.toContain('Coastal militia');

    // The part's own sheet leaves out the whole; a subject without parts reads as before.
    const partSheet = exportFactSheet(db, { ...REQUEST, subjects: ['Northern Brigade'] }, 'md', '2026-01-02T03:04:05Z');
    expect(partSheet).toContain('subjects: Northern Brigade ·');
    expect(partSheet).not.toContain('Valley war');
    const json = JSON.parse(exportFactSheet(db, { ...REQUEST, subjects: ['Valley war'] }, 'json', '2026-01-02T03:04:05Z'));
    expect(json.filter.subjects).toEqual(['Valley war']);
  });
});
