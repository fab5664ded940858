// The default vocabulary names no war; the sample set and a desk's own pack bring their names.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDefaultLexicon, readLexiconFile } from '../../src/app/bootstrap.js';
import { loadSamples } from '../../src/app/samples.js';
import { loadConfig } from '../../src/config.js';
import { countryOf } from '../../src/extract/places.js';
import { addMissingLexicon } from '../../src/store/lexicon-sync.js';
import { resolveEntity } from '../../src/store/entities.js';
import { FIXED_NOW, TEST_CTX, createTestDb } from '../helpers/index.js';

const config = loadConfig({}, {});

describe('the default vocabulary', () => {
  it('names no war, no country, no force and no person: only metrics, international bodies and wire services', () => {
    const lexicon = readDefaultLexicon(config);
    expect(lexicon.metrics.length).toBeGreaterThan(10);
    for (const e of lexicon.entities) {
      expect(['organisation', 'outlet'], e.name).toContain(e.type);
      expect(e.partOf, e.name).toBeUndefined();
      expect(countryOf(e.name), e.name).toBeNull();
    }
  });
});

describe('the sample set brings its own names', () => {
  it('adds its vocabulary when the samples load, once, and audited', () => {
    const db = createTestDb();
    addMissingLexicon(db, readDefaultLexicon(config), TEST_CTX);
    expect(resolveEntity(db, 'Shoigu')).toBeNull();
    loadSamples(db, config, () => FIXED_NOW);
    expect(resolveEntity(db, 'Shoygu')?.name).toBe('Sergei Shoigu');
    const entities = (db.prepare('SELECT count(*) AS n FROM entities').get() as { n: number }).n;
    loadSamples(db, config, () => FIXED_NOW);
    expect((db.prepare('SELECT count(*) AS n FROM entities').get() as { n: number }).n).toBe(entities);
  });
});

describe('a pack file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-pack-'));
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('is read with its entities and defaults for what it leaves out', () => {
    const file = write('valdoria.json', JSON.stringify({ entities: [{ name: 'Korvan Front', type: 'force', aliases: ['the Front'] }, { name: 'Valdorian war', type: 'event' }] }));
    const pack = readLexiconFile(file);
    expect(pack.metrics).toEqual([]);
    expect(pack.entities.map((e) => [e.name, e.aliases])).toEqual([['Korvan Front', ['the Front']], ['Valdorian war', []]]);
    const db = createTestDb();
    expect(addMissingLexicon(db, pack, TEST_CTX).entities).toEqual(['Korvan Front', 'Valdorian war']);
  });

  it('is refused with a message naming the file and what is wrong', () => {
    expect(() => readLexiconFile(write('broken.json', '{ "entities": ['))).toThrow(/broken\.json: not a readable JSON lexicon/);
    expect(() => readLexiconFile(write('typo.json', JSON.stringify({ entities: [{ name: 'Korvan Front', type: 'army' }] })))).toThrow(/typo\.json: not a lexicon: entities\.0\.type/);
    expect(() => readLexiconFile(write('blank.json', JSON.stringify({ entities: [{ name: '  ', type: 'force' }] })))).toThrow(/entities\.0\.name/);
    expect(() => readLexiconFile(path.join(dir, 'missing.json'))).toThrow(/missing\.json/);
  });
});
