// A pack may bring grammar entries (reporting verbs, hedges, role nouns…): `lexicon sync --file` adds the entries the
// stored lists lack, keeps what is there, checks every entry first (a bad pack changes nothing), and the next
// extraction reads them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAppDatabase, readDefaultLexicon, readLexiconFile } from '../../src/app/bootstrap.js';
import { loadConfig, PROJECT_ROOT } from '../../src/config.js';
import { extract } from '../../src/extract/index.js';
import { GRAMMAR } from '../../src/extract/grammar.js';
import { listAudit } from '../../src/store/audit.js';
import type { Db } from '../../src/store/database.js';
import { listGrammar, lexiconVersion, setGrammarList, type StoredGrammarList } from '../../src/store/lexicon-grammar.js';
import { loadLexicon } from '../../src/store/lexicon.js';
import { addMissingLexicon } from '../../src/store/lexicon-sync.js';
import { TEST_CTX, createTestDb } from '../helpers/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-grammar-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, pack: unknown): string => {
  const file = path.join(dir, name);
  writeFileSync(file, typeof pack === 'string' ? pack : JSON.stringify(pack));
  return file;
};
const PACK = {
  entities: [{ name: 'Korvan Front', type: 'force' }],
  grammar: { reportingVerbs: ['enumerated', 'said'], hedges: ['unconfirmable'], roleNouns: { medics: ['paramedics', 'medics'] } },
};

function listNamed(db: Db, name: string): StoredGrammarList {
  const list = listGrammar(db).find((l) => l.list === name);
  if (!list) throw new Error(`no grammar list ${name}`);
  return list;
}

function withDefaults(): Db {
  const db = createTestDb();
  addMissingLexicon(db, readDefaultLexicon(loadConfig({}, {})), TEST_CTX);
  return db;
}

describe('grammar entries in a pack', () => {
  it('are added after the entries a list has, audited, and a list for a new role is created', () => {
    const db = withDefaults();
    const verbs = listNamed(db, 'reportingVerbs');
    const added = addMissingLexicon(db, readLexiconFile(write('valdoria.json', PACK)), TEST_CTX);
    expect(added.entities).toEqual(['Korvan Front']);
    expect(added.grammar).toEqual([]);
    expect(added.grammarEntries).toEqual([
      { list: 'reportingVerbs', entries: ['enumerated'] },
      { list: 'hedges', entries: ['unconfirmable'] },
      { list: 'roleNouns:medics', entries: ['paramedics', 'medics'] },
    ]);
    expect(listNamed(db, 'reportingVerbs').words).toEqual([...verbs.words, 'enumerated']);
    expect(listAudit(db, 'lexicon-grammar', verbs.id).map((e) => e.action)).toEqual(['create', 'update']);
    expect(listAudit(db, 'lexicon-grammar', listNamed(db, 'roleNouns:medics').id).map((e) => e.action)).toEqual(['create']);
    // synced again: nothing more to add
    expect(addMissingLexicon(db, readLexiconFile(write('valdoria.json', PACK)), TEST_CTX).grammarEntries).toEqual([]);
  });

  it('are read by the next extraction: a new reporting verb gives the figure its speaker, a new hedge marks it', () => {
    const db = withDefaults();
    const text = 'The Portbrak relief office enumerated 1,200 deaths, a toll that was unconfirmable.';
    const before = extract(text, { published: '2024-03-01', lexicon: loadLexicon(db) });
    expect(before.map((c) => [c.speaker, c.hedge])).toEqual([[null, null]]);
    addMissingLexicon(db, readLexiconFile(write('valdoria.json', PACK)), TEST_CTX);
    const after = extract(text, { published: '2024-03-01', lexicon: loadLexicon(db) });
    expect(after.map((c) => [c.speaker, c.hedge])).toEqual([['Portbrak relief office', 'unconfirmable']]);
  });

  it('keep the lists a desk edited, and store the shipped lists first in a database that had none', () => {
    const db = withDefaults();
    const hedges = listNamed(db, 'hedges');
    setGrammarList(db, hedges.id, ['reportedly'], TEST_CTX);
    addMissingLexicon(db, readLexiconFile(write('valdoria.json', PACK)), TEST_CTX);
    expect(listNamed(db, 'hedges').words).toEqual(['reportedly', 'unconfirmable']);

    const bare = createTestDb();
    expect(listGrammar(bare)).toEqual([]);
    const added = addMissingLexicon(bare, readLexiconFile(write('valdoria.json', PACK)), TEST_CTX);
    expect(added.grammar).toContain('reportingVerbs');
    expect(listNamed(bare, 'reportingVerbs').words).toEqual([...GRAMMAR.reportingVerbs, 'enumerated']);
    expect(listNamed(bare, 'captionAgencies').words).toEqual(GRAMMAR.captionAgencies);
  });

  it('that would overfill a list are refused naming the list, and nothing of the pack is added', () => {
    const db = withDefaults();
    const version = lexiconVersion(db);
    const many = Array.from({ length: 500 }, (_, i) => `hedge number ${i}`);
    const pack = readLexiconFile(write('many.json', { entities: [{ name: 'Korvan Front', type: 'force' }], grammar: { hedges: many } }));
    expect(() => addMissingLexicon(db, pack, TEST_CTX)).toThrow(/hedges: at most 500 entries/);
    expect(lexiconVersion(db)).toBe(version);
    expect(listGrammar(db).find((l) => l.list === 'hedges')?.words).toEqual(GRAMMAR.hedges);
  });
});

describe('a pack with a bad grammar list', () => {
  it('is refused when read, with a message naming the file, the list and the entry', () => {
    const bad = (name: string, grammar: unknown): (() => unknown) => () => readLexiconFile(write(name, { grammar }));
    expect(bad('typo.json', { hedgez: ['unconfirmable'] })).toThrow(/typo\.json: not a lexicon: grammar: Unrecognized key.*hedgez/);
    expect(bad('digits.json', { hedges: ['unconfirmable', '2024'] })).toThrow(/digits\.json: not a lexicon: grammar\.hedges: entry 2 \(“2024”\) has no letter in it/);
    expect(bad('group.json', { reportingPatterns: ['put the (death )?toll at'] })).toThrow(/grammar\.reportingPatterns: entry 1 .* capturing group/);
    expect(bad('role.json', { roleNouns: { '123': ['medics'] } })).toThrow(/grammar\.roleNouns\.123: a role is named with letters/);
    expect(bad('shape.json', { hedges: 'unconfirmable' })).toThrow(/grammar\.hedges: /);
  });
});

describe('crosscheck lexicon sync --file with grammar', () => {
  const cli = path.join(PROJECT_ROOT, 'dist', 'cli.js');
  const config = loadConfig({ dbPath: path.join(dir, 'cli.sqlite') }, {});
  const sync = (file: string) => spawnSync(process.execPath, [cli, 'lexicon', 'sync', '--db', config.dbPath, '--file', file], { encoding: 'utf8' });

  it('prints the entries it added, and refuses a bad pack on stderr without changing anything', () => {
    openAppDatabase(config, () => new Date('2026-01-15T12:00:00Z')).close();
    const good = sync(write('cli-pack.json', PACK));
    expect(good.stderr).toBe('');
    expect(good.stdout).toBe(
      [
        'entity  Korvan Front',
        'grammar reportingVerbs: + enumerated',
        'grammar hedges: + unconfirmable',
        'grammar roleNouns:medics: + paramedics, medics',
        'Lexicon: added 0 metrics, 1 entity, 0 aliases, 4 grammar entries; entries already listed stay as they were.',
        '',
      ].join('\n'),
    );
    const db = openAppDatabase(config, () => new Date('2026-01-15T12:00:00Z'));
    const version = lexiconVersion(db);
    db.close();
    const bad = sync(write('cli-bad.json', { entities: [{ name: 'East Tarn militia', type: 'force' }], grammar: { hedges: ['42'] } }));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/cli-bad\.json: not a lexicon: grammar\.hedges: entry 1 \(“42”\) has no letter in it/);
    const after = openAppDatabase(config, () => new Date('2026-01-15T12:00:00Z'));
    expect(lexiconVersion(after)).toBe(version);
    after.close();
  });
});
