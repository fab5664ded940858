// A fact crowded with figures: two pasted articles, each with a thousand different tolls for the war in Valdoria
// (team-written, an invented place), would disagree pair by pair half a million times. Imported through the web
// form with real SQLite, the second import stores the fact's one crowded conflict instead, which the conflicts page
// and the fact page show as a dispute.
import { describe, expect, it } from 'vitest';
import { MAX_CLAIMS_PER_ARTICLE } from '../../src/app/importer.js';
import { MAX_CONFLICTS_PER_FACT } from '../../src/app/crowded-facts.js';
import { CROWDED_RULE } from '../../src/domain/crowded-fact.js';
import { VALUES_SHOWN } from '../../src/web/pages/conflict.js';
import { denseTolls } from '../../src/bench/fixtures.js';
import { csrfToken, html, testApp } from './harness.js';

describe('a fact crowded with figures', () => {
  it('two dense articles on one fact store one crowded conflict, under the cap, shown on the conflicts and fact pages', async () => {
    const { agent, db } = testApp();
    const _csrf = await csrfToken(agent);
    const sentences = MAX_CLAIMS_PER_ARTICLE + 50;
    await agent.post('/sources').type('form').send({ _csrf, title: 'Tolls, first list', publisher: 'Portbrak Ledger', published: '2024-05-01', body: denseTolls(7, sentences) }).expect(303);
    await agent.post('/sources').type('form').send({ _csrf, title: 'Tolls, second list', publisher: 'East Tarn Courier', published: '2024-05-02', body: denseTolls(11, sentences) }).expect(303);
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    expect(count("SELECT count(DISTINCT subject_id || '|' || metric) FROM claims")).toBe(1);
    const conflicts = count('SELECT count(*) FROM conflicts');
    expect(conflicts).toBeGreaterThan(0);
    expect(conflicts).toBeLessThanOrEqual(MAX_CONFLICTS_PER_FACT);
    const crowded = db.prepare('SELECT id, subject_id, metric, explanation FROM conflicts WHERE rule = ?').get(CROWDED_RULE) as { id: number; subject_id: number; metric: string; explanation: string };
    expect(crowded.explanation).toMatch(/^2 sources give [\d,]+ different values for this fact \([a-z ]+, Valdoria\)/);
    // The conflicts page lists the fact as disputed, with the crowded conflict and its rule's name.
    const list = html((await agent.get('/conflicts').expect(200)).text);
    expect(list.querySelector('.fact-row')?.textContent).toContain('Valdoria');
    expect(list.querySelector('table.conflicts')?.textContent).toContain('Too many values to compare');
    // The fact page shows the conflict, and the conflict page opens.
    const fact = html((await agent.get(`/facts/${crowded.subject_id}/${encodeURIComponent(crowded.metric)}`).expect(200)).text);
    expect(fact.querySelector('.fact-conflicts')?.textContent).toContain('different values for this fact');
    const page = html((await agent.get(`/conflicts/${crowded.id}`).expect(200)).text);
    expect(page.querySelectorAll('.value-group').length).toBe(VALUES_SHOWN);
    expect(page.querySelector('.more-values')?.textContent).toContain('more are not laid out here');
  });
});
