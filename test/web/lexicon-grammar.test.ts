// The grammar word lists on the lexicon page over HTTP: listed with a form each, saved one entry per line (audited),
// refused with 422 and a message when an entry is bad (nothing changes), added by "Add new defaults" when missing,
// and read by the next import: a reporting verb added on the page gives the next article's figure its speaker.
import { describe, expect, it } from 'vitest';
import { getEntity } from '../../src/store/entities.js';
import { listAudit } from '../../src/store/audit.js';
import { listClaimsOfSource } from '../../src/store/claims.js';
import { listGrammar, lexiconVersion, type StoredGrammarList } from '../../src/store/lexicon-grammar.js';
import type { Db } from '../../src/store/database.js';
import { csrfToken, html, testApp, type TestApp } from './harness.js';

function listNamed(db: Db, name: string): StoredGrammarList {
  const list = listGrammar(db).find((l) => l.list === name);
  if (!list) throw new Error(`no grammar list ${name}`);
  return list;
}

async function withDefaults(): Promise<TestApp & { token: string }> {
  const t = testApp();
  const token = await csrfToken(t.agent, '/lexicon');
  await t.agent.post('/lexicon/sync').type('form').send({ _csrf: token }).expect(303);
  return { ...t, token };
}

describe('the grammar word lists on the lexicon page', () => {
  it('shows each list with what it is for and its entries one per line', async () => {
    const { agent, db } = await withDefaults();
    const doc = html((await agent.get('/lexicon').expect(200)).text);
    const verbs = listNamed(db, 'reportingVerbs');
    const row = doc.querySelector(`#grammar-${verbs.id}`);
    expect(row?.querySelector('h3')?.textContent).toBe(`Reporting verbs (${verbs.words.length})`);
    expect(row?.querySelector('textarea[name="words"]')?.textContent).toBe(verbs.words.join('\n'));
    expect(doc.querySelector('[data-list="roleNouns:soldiers"] h3')?.textContent).toMatch(/^Role nouns: soldiers/);
    expect(doc.querySelectorAll('.lexicon-grammar-list')).toHaveLength(listGrammar(db).length);
  });

  it('saves a list trimmed, without blank lines or repeats; audited, and the lexicon version moves', async () => {
    const { agent, db, token } = await withDefaults();
    const hedges = listNamed(db, 'hedges');
    const version = lexiconVersion(db);
    const res = await agent.post(`/lexicon/grammar/${hedges.id}`).type('form').send({ _csrf: token, words: '  reportedly \r\n\r\nby some accounts\nreportedly\n' }).expect(303);
    expect(res.headers.location).toMatch(new RegExp(`^/lexicon\\?done=[^#]+#grammar-${hedges.id}$`));
    expect(listNamed(db, 'hedges').words).toEqual(['reportedly', 'by some accounts']);
    expect(listAudit(db, 'lexicon-grammar', hedges.id).at(-1)).toMatchObject({ action: 'update', before: { words: hedges.words }, after: { words: ['reportedly', 'by some accounts'] } });
    expect(lexiconVersion(db)).toBeGreaterThan(version);
  });

  it('refuses a bad entry with 422 and a message naming it, the input kept; nothing changes', async () => {
    const { agent, db, token } = await withDefaults();
    const patterns = listNamed(db, 'reportingPatterns');
    const typed = 'put the toll at\n(estimated|reckoned) the dead at';
    const res = await agent.post(`/lexicon/grammar/${patterns.id}`).type('form').send({ _csrf: token, words: typed }).expect(422);
    const row = html(res.text).querySelector(`#grammar-${patterns.id}`);
    expect(row?.querySelector(`#words-${patterns.id}-error`)?.textContent).toBe('entry 2 (“(estimated|reckoned) the dead at”) has a capturing group: write (?:…) instead of (…).');
    expect(row?.querySelector('textarea')?.textContent).toBe(typed);
    expect(row?.querySelector('textarea')?.getAttribute('aria-invalid')).toBe('true');
    await agent.post(`/lexicon/grammar/${patterns.id}`).type('form').send({ _csrf: token, words: 'put the [toll at' }).expect(422);
    const verbs = listNamed(db, 'reportingVerbs');
    const long = await agent.post(`/lexicon/grammar/${verbs.id}.json`).type('form').send({ _csrf: token, words: `said\n${'x'.repeat(101)}` }).expect(422);
    expect(long.body.error.fields.words).toMatch(/^entry 2 .* is too long \(at most 100 characters\)\.$/);
    expect(listNamed(db, 'reportingPatterns')).toEqual(patterns);
    expect(listNamed(db, 'reportingVerbs')).toEqual(verbs);
    await agent.post(`/lexicon/grammar/${verbs.id}`).type('form').send({ words: 'said' }).expect(403);
    await agent.post('/lexicon/grammar/9999').type('form').send({ _csrf: token, words: 'said' }).expect(404);
    expect(listNamed(db, 'reportingVerbs')).toEqual(verbs);
  });

  it('"Add new defaults" brings back only the lists the database lacks', async () => {
    const { agent, db, token } = await withDefaults();
    const hedges = listNamed(db, 'hedges');
    await agent.post(`/lexicon/grammar/${hedges.id}`).type('form').send({ _csrf: token, words: 'reportedly' }).expect(303);
    db.prepare("DELETE FROM lexicon_grammar WHERE list = 'captionWords'").run();
    const res = await agent.post('/lexicon/sync').type('form').send({ _csrf: token }).expect(303);
    expect(res.headers.location).toMatch(/^\/lexicon\?synced=1&metrics=0&entities=0&aliases=0&grammar=1&done=/);
    const page = html((await agent.get(res.headers.location ?? '').expect(200)).text);
    expect(page.querySelector('.lexicon-synced')?.textContent).toBe('Added from the defaults: 0 metrics, 0 entities, 0 aliases, 1 grammar list. Nothing that was here changed.');
    expect(listNamed(db, 'hedges').words).toEqual(['reportedly']);
    expect(listNamed(db, 'captionWords').words.length).toBeGreaterThan(0);
  });
});

describe('imports read the edited grammar', () => {
  it('a reporting verb added on the page gives the next import’s figure its speaker; removed, it no longer does', async () => {
    const { agent, db, token } = await withDefaults();
    const speakersOf = async (title: string, body: string): Promise<(string | null)[]> => {
      const res = await agent.post('/sources.json').type('form').send({ _csrf: token, title, publisher: 'Portbrak Evening Lamp', published: '2024-05-02', body }).expect(201);
      return listClaimsOfSource(db, res.body.source.id).filter((c) => c.valueText !== 'on Monday' && c.valueText !== 'on Tuesday').map((c) => (c.speakerId === null ? null : getEntity(db, c.speakerId).name));
    };
    const verbs = listNamed(db, 'reportingVerbs');
    const save = (words: string[]): Promise<unknown> => agent.post(`/lexicon/grammar/${verbs.id}`).type('form').send({ _csrf: token, words: words.join('\n') }).expect(303);

    await save([...verbs.words, 'divulged']);
    const read = await speakersOf('Boats seized', 'The Portbrak harbour office divulged on Monday that 240 fishing boats had been seized off East Tarn.\n');
    expect(read).toEqual(['Portbrak harbour office']);

    await save(verbs.words);
    const unread = await speakersOf('More boats seized', 'The Portbrak harbour office divulged on Tuesday that 310 fishing boats had been seized off East Tarn.\n');
    expect(unread).toEqual([null]);
  });
});
