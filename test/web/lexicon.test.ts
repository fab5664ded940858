// The lexicon page over HTTP: metrics with kind and keywords, edit / add / delete (CSRF, 422 with the input kept,
// audited), "Add new defaults" that never overwrites edits, the next import extracting with edited keywords, and
// `crosscheck lexicon sync` from the shell.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppDatabase, readDefaultLexicon } from '../../src/app/bootstrap.js';
import { loadConfig, PROJECT_ROOT } from '../../src/config.js';
import { addAlias, createEntity, removeAlias, resolveEntity } from '../../src/store/entities.js';
import { deleteLexiconMetric, listLexiconMetrics, setMetricKeywords } from '../../src/store/lexicon.js';
import { listAudit } from '../../src/store/audit.js';
import { listClaimsOfSource } from '../../src/store/claims.js';
import type { Db } from '../../src/store/database.js';
import { addMissingLexicon } from '../../src/store/lexicon-sync.js';
import { TEST_CTX } from '../helpers/index.js';
import { csrfToken, html, testApp, type TestApp } from './harness.js';

function metricNamed(db: Db, name: string) {
  const metric = listLexiconMetrics(db).find((m) => m.metric === name);
  if (!metric) throw new Error(`no metric ${name}`);
  return metric;
}

/** A test app whose database holds the default lexicon (added with the page's own button). */
async function withDefaults(): Promise<TestApp & { token: string }> {
  const t = testApp();
  const token = await csrfToken(t.agent, '/lexicon');
  await t.agent.post('/lexicon/sync').type('form').send({ _csrf: token }).expect(303);
  return { ...t, token };
}

describe('the lexicon page', () => {
  it('lists every metric with its kind and keywords, and the header links to it', async () => {
    const { agent, db } = await withDefaults();
    const doc = html((await agent.get('/lexicon').expect(200)).text);
    expect(doc.querySelector('nav[aria-label="Main"] a[href="/lexicon"]')?.getAttribute('aria-current')).toBe('page');
    const killed = metricNamed(db, 'killed');
    const row = doc.querySelector(`#metric-${killed.id}`);
    expect(row?.querySelector('h3')?.textContent).toBe('killed');
    expect(row?.querySelector('select[name="kind"] option[selected]')?.textContent).toBe('casualties');
    expect(row?.querySelector('input[name="keywords"]')?.getAttribute('value')).toBe(killed.keywords.join(', '));
    expect(doc.querySelectorAll('.lexicon-metric')).toHaveLength(listLexiconMetrics(db).length);
    const json = await agent.get('/lexicon.json').expect(200);
    expect(json.body.metrics.find((m: { metric: string }) => m.metric === 'killed')).toMatchObject({ kind: 'casualties', keywords: killed.keywords });
  });

  it('saves a metric’s keywords trimmed, lower-cased and without empty ones, and its kind; audited', async () => {
    const { agent, db, token } = await withDefaults();
    const wounded = metricNamed(db, 'wounded');
    const res = await agent.post(`/lexicon/metrics/${wounded.id}`).type('form').send({ _csrf: token, kind: 'count', keywords: ' Wounded , HURT,, maimed ,' }).expect(303);
    expect(res.headers.location).toMatch(new RegExp(`^/lexicon\\?done=[^#]+#metric-${wounded.id}$`));
    expect(metricNamed(db, 'wounded')).toMatchObject({ kind: 'count', keywords: ['wounded', 'hurt', 'maimed'] });
    const audit = listAudit(db, 'lexicon', wounded.id).at(-1);
    expect(audit).toMatchObject({ action: 'update', before: { keywords: wounded.keywords }, after: { keywords: ['wounded', 'hurt', 'maimed'] } });
  });

  it('refuses empty keywords or an unknown kind with 422, the input kept in the metric’s row; nothing changes', async () => {
    const { agent, db, token } = await withDefaults();
    const wounded = metricNamed(db, 'wounded');
    const res = await agent.post(`/lexicon/metrics/${wounded.id}`).type('form').send({ _csrf: token, kind: 'weather', keywords: ' , ,' }).expect(422);
    const row = html(res.text).querySelector(`#metric-${wounded.id}`);
    expect(row?.querySelector(`#keywords-${wounded.id}-error`)?.textContent).toBe('Give at least one keyword; separate several with commas.');
    expect(row?.querySelector(`#kind-${wounded.id}-error`)?.textContent).toMatch(/^Choose one of: casualties/);
    expect(row?.querySelector('input[name="keywords"]')?.getAttribute('value')).toBe(' , ,');
    expect(row?.querySelector('input[name="keywords"]')?.getAttribute('aria-invalid')).toBe('true');
    expect(metricNamed(db, 'wounded')).toEqual(wounded);
    const json = await agent.post(`/lexicon/metrics/${wounded.id}.json`).type('form').send({ _csrf: token, kind: 'count', keywords: '' }).expect(422);
    expect(json.body.error.fields.keywords).toBeTruthy();
    await agent.post('/lexicon/metrics/9999').type('form').send({ _csrf: token, kind: 'count', keywords: 'x' }).expect(404);
  });

  it('needs the CSRF token for every change', async () => {
    const { agent, db } = await withDefaults();
    const wounded = metricNamed(db, 'wounded');
    const before = listLexiconMetrics(db);
    await agent.post(`/lexicon/metrics/${wounded.id}`).type('form').send({ kind: 'count', keywords: 'x' }).expect(403);
    await agent.post(`/lexicon/metrics/${wounded.id}/delete`).type('form').send({}).expect(403);
    await agent.post('/lexicon').type('form').send({ metric: 'shelled', kind: 'count', keywords: 'shells' }).expect(403);
    await agent.post('/lexicon/sync').type('form').send({}).expect(403);
    expect(listLexiconMetrics(db)).toEqual(before);
  });

  it('adds a metric (name normalised, audited) and refuses a name that exists with 422, the input kept', async () => {
    const { agent, db, token } = await withDefaults();
    await agent.post('/lexicon').type('form').send({ _csrf: token, metric: '  Homes   Destroyed ', kind: 'count', keywords: 'homes destroyed, flattened' }).expect(303);
    const added = metricNamed(db, 'homes destroyed');
    expect(added).toMatchObject({ kind: 'count', keywords: ['homes destroyed', 'flattened'] });
    expect(listAudit(db, 'lexicon', added.id).map((e) => e.action)).toEqual(['create']);

    const res = await agent.post('/lexicon').type('form').send({ _csrf: token, metric: 'Killed', kind: 'casualties', keywords: 'slaughtered' }).expect(422);
    const doc = html(res.text);
    expect(doc.querySelector('#metric-error')?.textContent).toBe('Already in the lexicon.');
    expect(doc.querySelector('form.lexicon-add input[name="metric"]')?.getAttribute('value')).toBe('Killed');
    expect(doc.querySelector('form.lexicon-add input[name="keywords"]')?.getAttribute('value')).toBe('slaughtered');
    const blank = html((await agent.post('/lexicon').type('form').send({ _csrf: token, metric: ' ', kind: 'count', keywords: '' }).expect(422)).text);
    expect(blank.querySelector('#metric-error')?.textContent).toBe('Name the metric, e.g. “displaced”.');
    expect(blank.querySelector('#keywords-error')?.textContent).toBe('Give at least one keyword; separate several with commas.');
  });

  it('deletes a metric (audited)', async () => {
    const { agent, db, token } = await withDefaults();
    const missing = metricNamed(db, 'missing');
    await agent.post(`/lexicon/metrics/${missing.id}/delete`).type('form').send({ _csrf: token }).expect(303);
    expect(listLexiconMetrics(db).some((m) => m.metric === 'missing')).toBe(false);
    expect(listAudit(db, 'lexicon', missing.id).map((e) => e.action)).toEqual(['create', 'delete']);
  });
});

describe('adding new defaults', () => {
  it('adds missing metrics, entities and aliases and changes nothing that exists', async () => {
    const { agent, db } = testApp();
    const defaults = readDefaultLexicon(loadConfig({}, {}));
    // A database edited by its users: one metric's keywords and kind changed, one metric gone, an entity renamed
    // by hand with an alias of its own, an alias removed, and a default alias given to another entity.
    addMissingLexicon(db, defaults, TEST_CTX);
    const killed = metricNamed(db, 'killed');
    setMetricKeywords(db, killed.id, ['killed', 'perished'], TEST_CTX, 'count');
    deleteLexiconMetric(db, metricNamed(db, 'detained').id, TEST_CTX);
    const amnesty = resolveEntity(db, 'Amnesty International')!;
    removeAlias(db, amnesty.id, 'Amnesty', TEST_CTX);
    addAlias(db, amnesty.id, 'the London rights group', TEST_CTX);
    const own = createEntity(db, { name: 'Our own monitor', type: 'organisation' }, TEST_CTX);
    const jazeera = resolveEntity(db, 'Al Jazeera')!;
    removeAlias(db, jazeera.id, 'Aljazeera', TEST_CTX);
    addAlias(db, own.id, 'Aljazeera', TEST_CTX);
    const before = { amnesty: resolveEntity(db, 'Amnesty International')!, own: resolveEntity(db, 'Our own monitor')! };

    const token = await csrfToken(agent, '/lexicon');
    const res = await agent.post('/lexicon/sync').type('form').send({ _csrf: token }).expect(303);
    expect(res.headers.location).toMatch(/^\/lexicon\?synced=1&metrics=1&entities=0&aliases=1&done=/);
    const page = html((await agent.get(res.headers.location ?? '').expect(200)).text);
    expect(page.querySelector('.lexicon-synced')?.textContent).toBe('Added from the defaults: 1 metric, 0 entities, 1 alias. Nothing that was here changed.');

    expect(metricNamed(db, 'killed')).toMatchObject({ kind: 'count', keywords: ['killed', 'perished'] });
    expect(metricNamed(db, 'detained').keywords).toEqual(defaults.metrics.find((m) => m.metric === 'detained')!.keywords);
    const amnestyAfter = resolveEntity(db, 'Amnesty International')!;
    expect(amnestyAfter.name).toBe(before.amnesty.name);
    expect(amnestyAfter.aliases).toEqual(expect.arrayContaining([...before.amnesty.aliases, 'Amnesty']));
    expect(amnestyAfter.aliases).toHaveLength(before.amnesty.aliases.length + 1);
    // The alias now used by another entity stays there.
    expect(resolveEntity(db, 'Aljazeera')?.id).toBe(own.id);
    expect(resolveEntity(db, 'Our own monitor')).toEqual(before.own);

    const again = await agent.post('/lexicon/sync').type('form').send({ _csrf: token }).expect(303);
    expect(again.headers.location).toMatch(/^\/lexicon\?synced=1&metrics=0&entities=0&aliases=0&done=/);
    const nothing = html((await agent.get(again.headers.location ?? '').expect(200)).text);
    expect(nothing.querySelector('.lexicon-synced')?.textContent).toBe('The defaults hold nothing that is missing here: nothing was added.');
  });

  it('on an empty database adds the whole default lexicon', async () => {
    const { agent, db } = testApp();
    const token = await csrfToken(agent, '/lexicon');
    const json = await agent.post('/lexicon/sync.json').type('form').send({ _csrf: token }).expect(200);
    const defaults = readDefaultLexicon(loadConfig({}, {}));
    expect(json.body.added.metrics).toHaveLength(defaults.metrics.length);
    expect(json.body.added.entities.length).toBeGreaterThan(0);
    expect(listLexiconMetrics(db)).toHaveLength(defaults.metrics.length);
  });
});

describe('imports read the edited lexicon', () => {
  it('a keyword added on the page changes the next import’s extraction', async () => {
    const { agent, db, token } = await withDefaults();
    const importArticle = async (body: string): Promise<string[]> => {
      const res = await agent.post('/sources.json').type('form').send({ _csrf: token, title: 'Valley airlift', publisher: 'Sample Valley Post', published: '2019-03-15', body }).expect(201);
      return listClaimsOfSource(db, res.body.source.id).filter((c) => c.kind === 'count').map((c) => c.metric);
    };
    const before = await importArticle('Local officials said on Monday that 4,000 families had been airlifted from the valley.\n');
    expect(before).not.toContain('displaced');

    const displaced = metricNamed(db, 'displaced');
    await agent.post(`/lexicon/metrics/${displaced.id}`).type('form').send({ _csrf: token, kind: displaced.kind, keywords: `${displaced.keywords.join(', ')}, Airlifted` }).expect(303);
    const after = await importArticle('Local officials said on Tuesday that 3,500 families had been airlifted from the valley.\n');
    // the fact's metric names who was moved: the measure and the population counted
    expect(after).toEqual(['families displaced']);
  });
});

describe('crosscheck lexicon sync', () => {
  it('prints what it added to the database and leaves edits alone', () => {
    const cli = path.join(PROJECT_ROOT, 'dist', 'cli.js');
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first (npm test does).`);
    const dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-lexicon-'));
    try {
      const file = path.join(dir, 'lexicon.sqlite');
      const config = loadConfig({ dbPath: file }, {});
      const db = openAppDatabase(config, () => new Date('2026-01-15T12:00:00Z'));
      deleteLexiconMetric(db, metricNamed(db, 'wounded').id, TEST_CTX);
      setMetricKeywords(db, metricNamed(db, 'killed').id, ['killed'], TEST_CTX);
      db.close();
      const run = spawnSync(process.execPath, [cli, 'lexicon', 'sync', '--db', file], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toBe('metric  wounded\nLexicon: added 1 metric, 0 entities, 0 aliases; nothing existing changed.\n');
      const reopened = openAppDatabase(config, () => new Date('2026-01-15T12:00:00Z'));
      expect(metricNamed(reopened, 'killed').keywords).toEqual(['killed']);
      reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
