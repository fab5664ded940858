// Entity names and aliases are names, not documents: at most 200 characters on every path that adds them (web,
// lexicon sync), an over-long one stored before the limit never reaches the matcher, and an alias can be removed
// (web form with CSRF, `crosscheck entity remove-alias`), versioned and audited.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { readDefaultLexicon } from '../../src/app/bootstrap.js';
import { addMissingLexicon } from '../../src/store/lexicon-sync.js';
import { countClaimsByStatus } from '../../src/store/claims.js';
import { createEntity, getEntity, renameEntity, resolveEntity } from '../../src/store/entities.js';
import { listAudit } from '../../src/store/audit.js';
import { loadLexicon, seedLexicon } from '../../src/store/lexicon.js';
import { MAX_NAME_LENGTH } from '../../src/domain/names.js';
import { openDatabase } from '../../src/store/database.js';
import { MIGRATIONS_DIR, TEST_CTX, makeEntity } from '../helpers/index.js';
import { csrfToken, html, tableCounts, testApp } from './harness.js';

const ARTICLE = 'Officials said on Monday that 42 people were killed in the shelling of Aleppo, the ministry said.\n';
const LONG = 'Shoygu'.repeat(10_000).slice(0, 50_000);

function seeded() {
  const t = testApp();
  seedLexicon(t.db, readDefaultLexicon(t.config), TEST_CTX);
  return t;
}

async function importArticle(t: ReturnType<typeof testApp>, body: string) {
  const _csrf = await csrfToken(t.agent);
  return t.agent.post('/sources').type('form').send({ _csrf, title: 'Shelling', publisher: 'Wire', published: '2019-03-04', body });
}

describe('a name or alias over 200 characters', () => {
  it('a 50,000-character alias is refused beside the field, nothing changes, and imports keep working', async () => {
    const t = seeded();
    const minister = makeEntity(t.db, { name: 'Valery Gerasimov Junior', type: 'person' });
    const _csrf = await csrfToken(t.agent, `/entities/${minister.id}`);
    const before = tableCounts(t.db);
    const res = await t.agent.post(`/entities/${minister.id}/aliases`).type('form').send({ _csrf, version: minister.version, alias: LONG });
    expect(res.status).toBe(422);
    expect(html(res.text).querySelector('#alias-error')?.textContent).toBe('Use at most 200 characters (this one has 50,000).');
    expect(getEntity(t.db, minister.id)).toMatchObject({ aliases: [], version: minister.version });
    expect(tableCounts(t.db)).toEqual(before);

    const imported = await importArticle(t, ARTICLE);
    expect(imported.status).toBe(303);
    expect(countClaimsByStatus(t.db).candidate).toBeGreaterThan(0);
  });

  it('is refused by create and rename too; 200 characters are accepted', () => {
    const { db } = testApp();
    expect(() => createEntity(db, { name: 'x'.repeat(MAX_NAME_LENGTH + 1), type: 'person' }, TEST_CTX)).toThrow(/at most 200 characters/);
    expect(() => createEntity(db, { name: 'Someone', type: 'person', aliases: ['y'.repeat(201)] }, TEST_CTX)).toThrow(/at most 200 characters/);
    expect(resolveEntity(db, 'Someone')).toBeNull();
    const ok = createEntity(db, { name: 'z'.repeat(MAX_NAME_LENGTH), type: 'person' }, TEST_CTX);
    expect(() => renameEntity(db, ok.id, ok.version, { name: 'w'.repeat(201) }, TEST_CTX)).toThrow(/at most 200 characters/);
    expect(getEntity(db, ok.id).name).toBe('z'.repeat(200));
  });

  it('one stored before the limit existed is left out of the matcher, so extraction still works', async () => {
    const t = seeded();
    const minister = makeEntity(t.db, { name: 'Valery Gerasimov Junior', type: 'person', aliases: ['Gerasimov Jr'] });
    t.db.prepare("INSERT INTO entity_aliases (entity_id, alias, normalized_alias, created_at) VALUES (?, ?, 'legacy', '2020-01-01T00:00:00Z')").run(minister.id, LONG);
    const lexicon = loadLexicon(t.db);
    const names = lexicon.entities.flatMap((e) => [e.name, ...e.aliases]);
    expect(names).toContain('Gerasimov Jr');
    expect(names.every((n) => n.length <= MAX_NAME_LENGTH)).toBe(true);
    expect((await importArticle(t, ARTICLE)).status).toBe(303);
    expect(countClaimsByStatus(t.db).candidate).toBeGreaterThan(0);
  });

  it('in the lexicon file, is skipped and reported by sync; the rest is added', () => {
    const { db } = testApp();
    const result = addMissingLexicon(
      db,
      {
        metrics: [],
        entities: [
          { name: 'A'.repeat(300), type: 'organisation', aliases: [] },
          { name: 'Valley Front', type: 'organisation', aliases: ['VF', 'B'.repeat(201)] },
        ],
      },
      TEST_CTX,
    );
    expect(result.entities).toEqual(['Valley Front']);
    expect(result.skipped).toEqual([`${'A'.repeat(40)}…`, `${'B'.repeat(40)}…`]);
    expect(resolveEntity(db, 'VF')?.name).toBe('Valley Front');
  });
});

describe('removing an alias', () => {
  it('the entity page has a remove form per alias; removing is versioned and audited, a stale form changes nothing', async () => {
    const { agent, db } = testApp();
    const minister = makeEntity(db, { name: 'Sergei Shoigu', type: 'person', aliases: ['Shoygu', 'Shoigu'] });
    const page = html((await agent.get(`/entities/${minister.id}`).expect(200)).text);
    const forms = [...page.querySelectorAll(`form[action="/entities/${minister.id}/aliases/remove"]`)];
    expect(forms.map((f) => f.querySelector('input[name="alias"]')?.getAttribute('value'))).toEqual(['Shoigu', 'Shoygu']);
    expect(forms.every((f) => f.querySelector('input[name="_csrf"]')?.getAttribute('value'))).toBe(true);

    const _csrf = await csrfToken(agent, `/entities/${minister.id}`);
    const res = await agent.post(`/entities/${minister.id}/aliases/remove`).type('form').send({ _csrf, version: minister.version, alias: 'Shoygu' }).expect(303);
    expect(res.headers.location).toMatch(new RegExp(`^/entities/${minister.id}\\?done=`));
    const after = getEntity(db, minister.id);
    expect(after).toMatchObject({ aliases: ['Shoigu'], version: minister.version + 1 });
    expect(resolveEntity(db, 'Shoygu')).toBeNull();
    expect(listAudit(db, 'entity', minister.id).at(-1)).toMatchObject({ action: 'update' });

    // The same (now old) form again: 409, nothing removed.
    await agent.post(`/entities/${minister.id}/aliases/remove`).type('form').send({ _csrf, version: minister.version, alias: 'Shoigu' }).expect(409);
    expect(getEntity(db, minister.id).aliases).toEqual(['Shoigu']);
    // Without the token: refused.
    await agent.post(`/entities/${minister.id}/aliases/remove`).type('form').send({ version: after.version, alias: 'Shoigu' }).expect(403);
    // An alias it does not have: 404 with a message.
    const missing = await agent.post(`/entities/${minister.id}/aliases/remove.json`).type('form').send({ _csrf, version: after.version, alias: 'Nobody' });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('Nobody');
  });
});

describe('crosscheck entity remove-alias', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-alias-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'cli.js'), ...args], { encoding: 'utf8' });

  it('removes a spelling from the entity named by name or alias, audited; an unknown one is refused with a message', () => {
    const file = path.join(dir, 'aliases.sqlite');
    const db = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
    const minister = createEntity(db, { name: 'Sergei Shoigu', type: 'person', aliases: ['Shoygu', 'S. Shoigu'] }, TEST_CTX);
    db.close();
    const run = cli('entity', 'remove-alias', '--db', file, 'Shoygu', 'S. Shoigu');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Removed the alias "S. Shoigu" from Sergei Shoigu');
    const missing = cli('entity', 'remove-alias', '--db', file, 'Sergei Shoigu', 'Nobody');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Alias “Nobody” of Sergei Shoigu was not found');
    const unknown = cli('entity', 'remove-alias', '--db', file, 'Nobody at all', 'Shoygu');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('no entity is called "Nobody at all"');
    const check = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
    expect(getEntity(check, minister.id).aliases).toEqual(['Shoygu']);
    expect(listAudit(check, 'entity', minister.id).at(-1)).toMatchObject({ action: 'update', reason: 'crosscheck entity remove-alias' });
    check.close();
  });
});
