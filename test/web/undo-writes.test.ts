// Every write says what it did and offers an Undo (within the browser session and the hour): deciding a conflict,
// merging, renaming and spelling entities, deleting a claim or a source, editing the lexicon (metrics, grammar lists,
// adding the defaults), rating a claim, the version Checked mark, a user's role and status, a new version fetched, following a feed, loading the samples. Each Undo puts the
// rows back (ids kept) in one transaction audited as 'undo'; a stale, forged, expired or other-session Undo changes
// nothing.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/domain/crosscheck.js';
import type { Claim } from '../../src/domain/types.js';
import { recomputeConflicts } from '../../src/app/recompute.js';
import { DEFAULT_FETCH_LIMITS, loadConfig } from '../../src/config.js';
import { body, startTestServer, type TestServer } from '../helpers/http-server.js';
import { createApp } from '../../src/web/app.js';
import { addComment } from '../../src/store/comments.js';
import { addLexiconMetric, listLexiconMetrics } from '../../src/store/lexicon.js';
import { getClaimRating, rateClaim } from '../../src/store/claim-ratings.js';
import { flagChangedClaims, listVersions, versionFlagsOfSource } from '../../src/store/versions.js';
import { listGrammar, setGrammarList } from '../../src/store/lexicon-grammar.js';
import { enableUser, getUser } from '../../src/store/users.js';
import { addAlias, getEntity, resolveEntity } from '../../src/store/entities.js';
import { deleteEntity } from '../../src/store/entity-removal.js';
import { explainConflict, getConflict, reopenConflict } from '../../src/store/conflicts.js';
import { listAudit } from '../../src/store/audit.js';
import type { Db } from '../../src/store/database.js';
import { createTestDb, FIXED_NOW, makeClaim, makeEntity, makeSource, TEST_CTX } from '../helpers/index.js';
import { csrfToken, html, testApp, type HtmlDocument } from './harness.js';
import { addTestUser, pageToken, signInAs } from './accounts-harness.js';

const EARLY = 'The Valdorian war began in March 2011, the Portbrak weekly recalled.';
const LATE = 'Officials in East Tarn now say the Valdorian war began in 2015.';

/** Two articles that disagree on when the war began, the conflict the rules store, and a comment on one claim. */
function warStart(db: Db): { early: Claim; late: Claim; conflictId: number; warId: number } {
  const war = makeEntity(db, { name: 'Valdorian war', type: 'event', aliases: ['war in Valdoria'] });
  const weekly = makeSource(db, { title: 'Ten years of war', publisher: 'Portbrak Weekly', body: EARLY, publishedAt: '2021-03-15' });
  const daily = makeSource(db, { title: 'Officials move the start', publisher: 'Tarn Daily', body: LATE, publishedAt: '2019-03-19' });
  const fields = { kind: 'date' as const, metric: 'start date', subjectId: war.id, qualifier: 'exact' as const, asOf: null, status: 'confirmed' as const };
  const early = makeClaim(db, { ...fields, sourceId: weekly.id, quote: EARLY, quoteStart: 0, quoteEnd: EARLY.length, valueText: 'March 2011', figure: { unit: 'date', low: '2011-03-01', high: '2011-03-31' } });
  const late = makeClaim(db, { ...fields, sourceId: daily.id, quote: LATE, quoteStart: 0, quoteEnd: LATE.length, valueText: '2015', figure: { unit: 'date', low: '2015-01-01', high: '2015-12-31' } });
  recomputeConflicts(db, [early, late], DEFAULT_SETTINGS, TEST_CTX);
  const conflictId = (db.prepare('SELECT conflict_id FROM conflict_claims WHERE claim_id = ?').get(late.id) as { conflict_id: number }).conflict_id;
  addComment(db, 'claim', late.id, 'The East Tarn date looks like the year foreign forces arrived.', TEST_CTX);
  return { early, late, conflictId, warId: war.id };
}

/** Every row of the tables an undo restores, to compare a database before a write and after its Undo. */
function snapshot(db: Db): Record<string, unknown[]> {
  const tables = ['sources', 'entities', 'entity_aliases', 'claims', 'conflicts', 'conflict_claims', 'comments', 'lexicon_metrics'];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));
}

/** Claims and conflicts as far as an Undo promises them back (versions and times move on; recomputed columns too). */
function settled(db: Db): unknown {
  return {
    claims: db.prepare('SELECT id, source_id, value_text, subject_id, speaker_id, status, rank, rank_reason FROM claims ORDER BY id').all(),
    conflicts: db.prepare('SELECT id, key, status, resolution_note, preferred_claim_id, subject_id FROM conflicts ORDER BY id').all(),
    members: db.prepare('SELECT * FROM conflict_claims ORDER BY 1, 2').all(),
  };
}

function undoFields(doc: HtmlDocument): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const input of doc.querySelectorAll('.flash form input[name]')) fields[input.getAttribute('name') as string] = input.getAttribute('value') ?? '';
  return fields;
}

/** POSTs a form as the page would (CSRF token from `page`), follows the redirect; returns the message and the Undo's fields. */
async function write(agent: request.Agent, page: string, url: string, fields: Record<string, string>) {
  const _csrf = await csrfToken(agent, page);
  const res = await agent.post(url).type('form').send({ _csrf, ...fields }).expect(303);
  const doc = html((await agent.get(res.headers.location as string).expect(200)).text);
  return { location: res.headers.location as string, message: doc.querySelector('.flash p')?.textContent ?? '', undo: undoFields(doc) };
}

async function undo(agent: request.Agent, fields: Record<string, string>, status = 303) {
  const res = await agent.post('/undo').type('form').send(fields).expect(status);
  if (status !== 303) return { message: html(res.text).querySelector('.error-message')?.textContent ?? '', location: '' };
  const doc = html((await agent.get(res.headers.location as string).expect(200)).text);
  return { message: doc.querySelector('.flash p')?.textContent ?? '', location: res.headers.location as string };
}

describe('Undo of conflict decisions', () => {
  it('resolving says so; Undo reopens the conflict with the decision it had before (explained) and the claims ranked as before', async () => {
    const { agent, db } = testApp();
    const { early, late, conflictId } = warStart(db);
    explainConflict(db, conflictId, 1, 'The two outlets date different phases of the fighting.', TEST_CTX);
    const before = settled(db);
    const done = await write(agent, `/conflicts/${conflictId}`, `/conflicts/${conflictId}/resolve`, {
      preferredClaimId: String(early.id), reason: 'error', note: 'The start is documented.', version: '2',
    });
    expect(done.message).toBe(`Resolved conflict #${conflictId}: the preferred claim is ranked first, the others deprecated.`);
    expect(done.undo.token).toBeTruthy();
    expect(getConflict(db, conflictId).status).toBe('resolved');

    const undone = await undo(agent, done.undo);
    expect(undone.location).toMatch(new RegExp(`^/conflicts/${conflictId}\\?done=`));
    expect(undone.message).toBe(`Undone: resolved conflict #${conflictId}: the preferred claim is ranked first, the others deprecated.`);
    expect(settled(db)).toEqual(before);
    expect(getConflict(db, conflictId)).toMatchObject({ status: 'explained', resolutionNote: 'The two outlets date different phases of the fighting.' });
    expect(listAudit(db, 'conflict', conflictId).map((e) => e.action)).toEqual(['create', 'resolve', 'resolve', 'undo']);
    expect(listAudit(db, 'claim', late.id).at(-1)).toMatchObject({ action: 'undo', reason: expect.stringMatching(/^Undo of: Resolved conflict/) });

    // Twice: nothing more changes, and the message says it was undone already.
    expect((await undo(agent, done.undo, 409)).message).toContain('undone already');
    expect(listAudit(db, 'conflict', conflictId)).toHaveLength(4);
  });

  it('a stale Undo (the conflict was decided again since) is refused with a message and changes nothing', async () => {
    const { agent, db } = testApp();
    const { early, conflictId } = warStart(db);
    const done = await write(agent, `/conflicts/${conflictId}`, `/conflicts/${conflictId}/resolve`, { preferredClaimId: String(early.id), reason: 'superseded', note: '', version: '1' });
    reopenConflict(db, conflictId, 2, TEST_CTX);
    const after = snapshot(db);
    const refused = await undo(agent, done.undo, 409);
    // Reopening ranked the claims normal again: the first row found changed is named.
    expect(refused.message).toMatch(/^This change was not undone: (claim|conflict) #\d+ has changed since\. Nothing was changed\.$/);
    expect(snapshot(db)).toEqual(after);
    // The message, drawn again, no longer offers it.
    const page = html((await agent.get(done.location).expect(200)).text);
    expect(page.querySelector('.flash p')?.textContent).toContain('It has changed since');
    expect(page.querySelector('.flash form')).toBeNull();
  });
});

describe('Undo of deletions', () => {
  it('deleting a claim says so; Undo brings it back with its id, comment and conflict, and leads to it', async () => {
    const { agent, db } = testApp();
    const { late, conflictId } = warStart(db);
    const before = snapshot(db);
    const done = await write(agent, `/claims/${late.id}/delete`, `/claims/${late.id}/delete`, { version: '1' });
    expect(done.message).toBe(`Deleted claim #${late.id} “2015”.`);
    expect(db.prepare('SELECT count(*) AS n FROM conflicts').get()).toEqual({ n: 0 });

    const undone = await undo(agent, done.undo);
    expect(undone.location).toMatch(new RegExp(`^/claims/${late.id}\\?done=`));
    expect(undone.message).toBe(`Undone: deleted claim #${late.id} “2015”.`);
    expect(snapshot(db)).toEqual(before);
    expect(getConflict(db, conflictId).claimIds).toContain(late.id);
    expect(listAudit(db, 'claim', late.id).map((e) => e.action)).toEqual(['create', 'comment', 'delete', 'undo']);
    // Searching finds the quote again: the full-text index follows the restored row.
    expect(html((await agent.get('/search?q=East%20Tarn').expect(200)).text).querySelector(`a[href="/claims/${late.id}"]`)).not.toBeNull();
  });

  it('deleting a source says so; Undo restores the source, its claims with their ids, ratings and conflicts, exactly', async () => {
    const { agent, db } = testApp();
    const { late, conflictId } = warStart(db);
    explainConflict(db, conflictId, 1, 'Different phases.', TEST_CTX);
    rateClaim(db, late.id, 0, { rating: 2, explanation: 'The date of the foreign entry, not of the war.' }, TEST_CTX);
    const rating = getClaimRating(db, late.id);
    const before = snapshot(db);
    const done = await write(agent, `/sources/${late.sourceId}/delete`, `/sources/${late.sourceId}/delete`, { version: '1' });
    expect(done.message).toBe(`Deleted source #${late.sourceId} “Officials move the start” and its 1 claim.`);
    const undone = await undo(agent, done.undo);
    expect(undone.location).toMatch(new RegExp(`^/sources/${late.sourceId}\\?done=`));
    expect(snapshot(db)).toEqual(before);
    expect(getConflict(db, conflictId)).toMatchObject({ status: 'explained', resolutionNote: 'Different phases.' });
    expect(listAudit(db, 'source', late.sourceId).map((e) => e.action)).toEqual(['create', 'delete', 'undo']);
    expect(getClaimRating(db, late.id)).toEqual(rating);
  });

  it('an Undo of a deletion whose number was taken since is refused (nothing is overwritten)', async () => {
    const { agent, db } = testApp();
    const { late } = warStart(db);
    const done = await write(agent, `/claims/${late.id}/delete`, `/claims/${late.id}/delete`, { version: '1' });
    const newcomer = makeClaim(db, { sourceId: late.sourceId, quote: LATE, quoteStart: 0, quoteEnd: LATE.length, valueText: 'in 2015' });
    expect(newcomer.id).toBe(late.id);
    expect((await undo(agent, done.undo, 409)).message).toBe(`This change was not undone: claim #${late.id} has changed since. Nothing was changed.`);
    expect(db.prepare('SELECT value_text FROM claims WHERE id = ?').get(late.id)).toEqual({ value_text: 'in 2015' });
  });

  it('an Undo that would bring back a reference to something deleted since (the speaker) is refused, nothing changed', async () => {
    const { agent, db } = testApp();
    const { late } = warStart(db);
    const monitor = makeEntity(db, { name: 'Tarn monitor', type: 'organisation' });
    db.prepare('UPDATE claims SET speaker_id = ? WHERE id = ?').run(monitor.id, late.id);
    const done = await write(agent, `/claims/${late.id}/delete`, `/claims/${late.id}/delete`, { version: '1' });
    deleteEntity(db, monitor.id, TEST_CTX);
    const after = snapshot(db);
    expect((await undo(agent, done.undo, 409)).message).toBe(`This change was not undone: entity #${monitor.id}, which it would bring back a reference to, is gone. Nothing was changed.`);
    expect(snapshot(db)).toEqual(after);
  });
});

describe('Undo of entity changes', () => {
  it('a merge says what moved; Undo brings the merged entity back with its id, aliases, claims (subject and speaker) and conflicts', async () => {
    const { agent, db } = testApp();
    const { warId, late } = warStart(db);
    const monitor = makeEntity(db, { name: 'Korvan Front monitor', type: 'organisation', aliases: ['KF monitor'] });
    db.prepare('UPDATE claims SET speaker_id = ? WHERE id = ?').run(monitor.id, late.id);
    recomputeConflicts(db, [late], DEFAULT_SETTINGS, TEST_CTX);
    const other = makeEntity(db, { name: 'Upper Mires war', type: 'event' });
    const before = snapshot(db);
    const done = await write(agent, `/entities/${warId}`, `/entities/${warId}/merge`, { into: String(other.id), confirm: 'yes', version: '1' });
    expect(done.message).toBe('Merged “Valdorian war” into “Upper Mires war”: 2 claims moved.');
    expect(resolveEntity(db, 'war in Valdoria')?.id).toBe(other.id);

    const undone = await undo(agent, done.undo);
    expect(undone.location).toMatch(new RegExp(`^/entities/${warId}\\?done=`));
    expect(undone.message).toBe('Undone: merged “Valdorian war” into “Upper Mires war”: 2 claims moved.');
    const now = snapshot(db);
    // The entity merged into was touched by the merge and by its Undo (version and time); everything else is as before.
    expect({ ...now, entities: undefined }).toEqual({ ...before, entities: undefined });
    expect(getEntity(db, warId)).toMatchObject({ name: 'Valdorian war', aliases: ['war in Valdoria'] });
    expect(getEntity(db, other.id).aliases).toEqual([]);
    expect(listAudit(db, 'entity', warId).map((e) => e.action)).toEqual(['create', 'merge', 'undo']);
  });

  it('a stale merge Undo (the remaining entity got a new spelling since) changes nothing', async () => {
    const { agent, db } = testApp();
    const { warId } = warStart(db);
    const other = makeEntity(db, { name: 'Upper Mires war', type: 'event' });
    const done = await write(agent, `/entities/${warId}`, `/entities/${warId}/merge`, { into: String(other.id), confirm: 'yes', version: '1' });
    addAlias(db, other.id, 'Mires conflict', TEST_CTX);
    const after = snapshot(db);
    expect((await undo(agent, done.undo, 409)).message).toBe(`This change was not undone: entity #${other.id} has changed since. Nothing was changed.`);
    expect(snapshot(db)).toEqual(after);
  });

  it('rename, a new spelling and a removed one each say what changed and can be undone', async () => {
    const { agent, db } = testApp();
    const entity = makeEntity(db, { name: 'Portbrak city council', type: 'organisation', aliases: ['Portbrak council'] });
    const page = `/entities/${entity.id}`;
    const before = snapshot(db);
    const renamed = await write(agent, page, `/entities/${entity.id}/rename`, { name: 'Portbrak municipal council', type: 'organisation', version: '1' });
    expect(renamed.message).toBe('Renamed “Portbrak city council” to “Portbrak municipal council”; the old name stays as an alias.');
    await undo(agent, renamed.undo);
    expect(getEntity(db, entity.id)).toMatchObject({ name: 'Portbrak city council', aliases: ['Portbrak council'] });

    const added = await write(agent, page, `/entities/${entity.id}/aliases`, { alias: 'PCC', version: String(getEntity(db, entity.id).version) });
    expect(added.message).toBe('Added the spelling “PCC” to Portbrak city council.');
    await undo(agent, added.undo);
    const removed = await write(agent, page, `/entities/${entity.id}/aliases/remove`, { alias: 'Portbrak council', version: String(getEntity(db, entity.id).version) });
    expect(removed.message).toBe('Removed the spelling “Portbrak council” from Portbrak city council.');
    expect((await undo(agent, removed.undo)).message).toBe('Undone: removed the spelling “Portbrak council” from Portbrak city council.');
    expect({ ...snapshot(db), entities: undefined }).toEqual({ ...before, entities: undefined });
    expect(getEntity(db, entity.id).aliases).toEqual(['Portbrak council']);
  });
});

/** Every field of the form `selector` on a page, as the browser would send it. */
function formFields(doc: HtmlDocument, selector: string): Record<string, string> {
  const fields: Record<string, string> = {};
  const form = doc.querySelector(selector);
  for (const input of form?.querySelectorAll('input[name], textarea[name]') ?? []) {
    const name = input.getAttribute('name') as string;
    fields[name] = input.tagName === 'TEXTAREA' ? (input.textContent ?? '') : (input.getAttribute('value') ?? '');
  }
  for (const select of form?.querySelectorAll('select[name]') ?? []) {
    const option = select.querySelector('option[selected]') ?? select.querySelector('option');
    fields[select.getAttribute('name') as string] = option?.getAttribute('value') ?? option?.textContent ?? '';
  }
  return fields;
}

describe('Undo of claim edits and flags', () => {
  it('saving a claim says so; Undo gives the claim its earlier text back', async () => {
    const { agent, db } = testApp();
    const { late } = warStart(db);
    const before = settled(db);
    const edit = html((await agent.get(`/claims/${late.id}/edit`).expect(200)).text);
    const fields: Record<string, string> = { ...formFields(edit, 'form.claim-form'), note: 'Checked against the bulletin archive.' };
    delete fields.intent;
    const done = await write(agent, `/claims/${late.id}/edit`, `/claims/${late.id}/edit`, fields);
    expect(done.message).toBe(`Saved claim #${late.id} “2015” (confirmed).`);
    expect(db.prepare('SELECT note FROM claims WHERE id = ?').get(late.id)).toEqual({ note: 'Checked against the bulletin archive.' });
    await undo(agent, done.undo);
    expect(settled(db)).toEqual(before);
    expect(db.prepare('SELECT note FROM claims WHERE id = ?').get(late.id)).toEqual({ note: null });
  });

  it('flagging claims as conflicting and removing the flag each say so and can be undone', async () => {
    const { agent, db } = testApp();
    const { early, late } = warStart(db);
    const flagged = await write(agent, '/claims', '/conflicts', { ids: [String(early.id), String(late.id)] as unknown as string, note: 'One date is the uprising, the other the foreign entry.' });
    const id = Number(/^\/conflicts\/(\d+)/.exec(flagged.location)?.[1]);
    expect(flagged.message).toBe(`Flagged 2 claims as conflicting (conflict #${id}).`);
    await undo(agent, flagged.undo);
    expect(db.prepare('SELECT count(*) AS n FROM conflicts WHERE manual = 1').get()).toEqual({ n: 0 });

    const again = await write(agent, '/claims', '/conflicts', { ids: [String(early.id), String(late.id)] as unknown as string, note: 'Still disputed.' });
    const againId = Number(/^\/conflicts\/(\d+)/.exec(again.location)?.[1]);
    const removed = await write(agent, `/conflicts/${againId}`, `/conflicts/${againId}/unflag`, { version: '1' });
    expect(removed.message).toBe(`Removed the conflict #${againId} flagged by hand.`);
    const back = await undo(agent, removed.undo);
    expect(back.location).toMatch(new RegExp(`^/conflicts/${againId}\\?done=`));
    expect(getConflict(db, againId)).toMatchObject({ manual: true, explanation: 'Still disputed.' });
  });
});

describe('Undo of a comment', () => {
  it('adding a comment says so; Undo takes it off the thread', async () => {
    const { agent, db } = testApp();
    const { early } = warStart(db);
    const done = await write(agent, `/claims/${early.id}`, `/claims/${early.id}/comments`, { body: 'The weekly cites the first protests.' });
    expect(done.message).toBe(`Added your comment to claim #${early.id}.`);
    expect(done.location).toMatch(/#comments$/);
    await undo(agent, done.undo);
    expect(db.prepare("SELECT count(*) AS n FROM comments WHERE body LIKE 'The weekly%'").get()).toEqual({ n: 0 });
  });
});

describe('Undo of lexicon edits', () => {
  it('adding, changing and deleting a metric each say so; Undo puts the vocabulary back', async () => {
    const { agent, db } = testApp();
    addLexiconMetric(db, { metric: 'killed', kind: 'casualties', keywords: ['killed', 'dead'] }, TEST_CTX);
    const before = listLexiconMetrics(db);
    const added = await write(agent, '/lexicon', '/lexicon', { metric: 'bridges destroyed', kind: 'count', keywords: 'bridge, bridges' });
    expect(added.message).toBe('Added the metric “bridges destroyed” (count).');
    await undo(agent, added.undo);
    expect(listLexiconMetrics(db)).toEqual(before);

    const target = before[0]!;
    const changed = await write(agent, '/lexicon', `/lexicon/metrics/${target.id}`, { kind: target.kind, keywords: 'only, these' });
    expect(changed.message).toBe(`Saved the metric “${target.metric}” (${target.kind}): 2 keywords.`);
    await undo(agent, changed.undo);
    const deleted = await write(agent, '/lexicon', `/lexicon/metrics/${target.id}/delete`, {});
    expect(deleted.message).toBe(`Deleted the metric “${target.metric}”.`);
    await undo(agent, deleted.undo);
    expect(listLexiconMetrics(db)).toEqual(before);
    expect(listAudit(db, 'lexicon', target.id).map((e) => e.action)).toEqual(['create', 'update', 'undo', 'delete', 'undo']);
  });
});

describe('Undo of a rating and of a version check', () => {
  it('rating a claim says so; Undo takes the rating off (audited on the claim); a stale Undo (rated again since) changes nothing', async () => {
    const { agent, db } = testApp();
    const { late } = warStart(db);
    const done = await write(agent, `/claims/${late.id}`, `/claims/${late.id}/rating`, { rating: '2', explanation: 'The year foreign forces arrived, not the start.', version: '0' });
    expect(done.message).toBe(`Rated claim #${late.id} “Mostly false”: it is in the ClaimReview export.`);
    expect(getClaimRating(db, late.id)?.rating).toBe(2);
    expect((await undo(agent, done.undo)).message).toBe(`Undone: rated claim #${late.id} “Mostly false”: it is in the ClaimReview export.`);
    expect(getClaimRating(db, late.id)).toBeNull();
    expect(listAudit(db, 'claim', late.id).map((e) => e.action).slice(-2)).toEqual(['rate', 'undo']);

    const again = await write(agent, `/claims/${late.id}`, `/claims/${late.id}/rating`, { rating: '3', explanation: 'Partly right.', version: '0' });
    rateClaim(db, late.id, 1, { rating: 1, explanation: 'Wrong year.' }, TEST_CTX);
    const after = getClaimRating(db, late.id);
    expect((await undo(agent, again.undo, 409)).message).toBe(`This change was not undone: rating of claim #${late.id} has changed since. Nothing was changed.`);
    expect(getClaimRating(db, late.id)).toEqual(after);
  });

  it('marking a claim checked against the newer version says so; Undo puts its flag back; a stale Undo (flagged again since) changes nothing', async () => {
    const { agent, db } = testApp();
    const { late } = warStart(db);
    const newer = makeSource(db, { title: 'Officials move the start again', publisher: 'Tarn Daily', body: 'The date is no longer given.', publishedAt: '2019-04-01' });
    const flag = () => versionFlagsOfSource(db, late.sourceId).get(late.id) ?? null;
    flagChangedClaims(db, [late], newer, [], TEST_CTX);
    const flagged = flag();
    const done = await write(agent, `/claims/${late.id}`, `/claims/${late.id}/version-checked`, {});
    expect(done.message).toBe(`Claim #${late.id} checked against the newer version: its flag is cleared.`);
    expect(flag()).toBeNull();
    expect((await undo(agent, done.undo)).message).toBe(`Undone: claim #${late.id} checked against the newer version: its flag is cleared.`);
    expect(flag()).toEqual(flagged);
    expect(listAudit(db, 'claim', late.id).map((e) => e.action).slice(-3)).toEqual(['flag', 'unflag', 'undo']);

    const again = await write(agent, `/claims/${late.id}`, `/claims/${late.id}/version-checked`, {});
    const newest = makeSource(db, { title: 'Officials move the start once more', publisher: 'Tarn Daily', body: 'Still no date.', publishedAt: '2019-05-01' });
    flagChangedClaims(db, [late], newest, [], TEST_CTX);
    const now = flag();
    expect((await undo(agent, again.undo, 409)).message).toBe(`This change was not undone: version flag of claim #${late.id} has changed since. Nothing was changed.`);
    expect(flag()).toEqual(now);
  });
});

describe('Undo of a grammar list edit', () => {
  it('saving a grammar list says so; Undo gives the list its entries back; a stale Undo (edited since) changes nothing', async () => {
    const { agent, db } = testApp();
    await write(agent, '/lexicon', '/lexicon/sync', {});
    const hedges = listGrammar(db).find((l) => l.list === 'hedges')!;
    const done = await write(agent, '/lexicon', `/lexicon/grammar/${hedges.id}`, { words: 'reportedly\nby some accounts' });
    expect(done.location).toMatch(new RegExp(`#grammar-${hedges.id}$`));
    expect(done.message).toBe('Saved the grammar list “hedges”: 2 entries.');
    await undo(agent, done.undo);
    expect(listGrammar(db).find((l) => l.id === hedges.id)).toEqual(hedges);
    expect(listAudit(db, 'lexicon-grammar', hedges.id).map((e) => e.action)).toEqual(['create', 'update', 'undo']);

    const again = await write(agent, '/lexicon', `/lexicon/grammar/${hedges.id}`, { words: 'allegedly' });
    setGrammarList(db, hedges.id, ['purportedly'], TEST_CTX);
    expect((await undo(agent, again.undo, 409)).message).toBe(`This change was not undone: grammar list #${hedges.id} has changed since. Nothing was changed.`);
    expect(listGrammar(db).find((l) => l.id === hedges.id)?.words).toEqual(['purportedly']);
  });
});

describe('Undo of "Add new defaults"', () => {
  it('adding the default vocabulary says so; Undo takes every added metric, entity and list off again; a stale Undo changes nothing', async () => {
    const { agent, db } = testApp();
    const before = { ...snapshot(db), grammar: listGrammar(db) };
    const done = await write(agent, '/lexicon', '/lexicon/sync', {});
    expect(done.message).toBe('Added the missing defaults to the lexicon.');
    expect(listLexiconMetrics(db).length).toBeGreaterThan(0);
    expect(listGrammar(db).length).toBeGreaterThan(0);
    await undo(agent, done.undo);
    expect({ ...snapshot(db), grammar: listGrammar(db) }).toEqual(before);

    const again = await write(agent, '/lexicon', '/lexicon/sync', {});
    const hedges = listGrammar(db).find((l) => l.list === 'hedges')!;
    setGrammarList(db, hedges.id, ['purportedly'], TEST_CTX);
    const after = { ...snapshot(db), grammar: listGrammar(db) };
    expect((await undo(agent, again.undo, 409)).message).toBe(`This change was not undone: grammar list #${hedges.id} has changed since. Nothing was changed.`);
    expect({ ...snapshot(db), grammar: listGrammar(db) }).toEqual(after);
  });
});

/** The sources a search lists (links to /sources/N). */
async function sourcesFound(agent: request.Agent, q: string): Promise<string[]> {
  const doc = html((await agent.get(`/search?q=${encodeURIComponent(q)}`).expect(200)).text);
  return [...doc.querySelectorAll('a[href^="/sources/"]')].map((a) => a.getAttribute('href') ?? '').filter((href) => /^\/sources\/\d+$/.test(href));
}

describe('Undo of loading the sample set', () => {
  it('loading the samples says so; Undo takes every sample article, claim, conflict and name off again; a stale Undo changes nothing', async () => {
    const { agent, db } = testApp();
    const before = { ...snapshot(db), grammar: listGrammar(db) };
    const done = await write(agent, '/', '/samples', {});
    expect(done.message).toMatch(/^Loaded the sample set: \d+ articles\.$/);
    expect((await sourcesFound(agent, 'fictional outlet')).length).toBeGreaterThan(0);
    await undo(agent, done.undo);
    expect({ ...snapshot(db), grammar: listGrammar(db) }).toEqual(before);
    expect(await sourcesFound(agent, 'fictional outlet')).toEqual([]);

    const again = await write(agent, '/', '/samples', {});
    const claim = db.prepare('SELECT id, version FROM claims ORDER BY id LIMIT 1').get() as { id: number; version: number };
    db.prepare("UPDATE claims SET note = 'Checked by hand.', version = version + 1 WHERE id = ?").run(claim.id);
    const after = snapshot(db);
    expect((await undo(agent, again.undo, 409)).message).toBe(`This change was not undone: claim #${claim.id} has changed since. Nothing was changed.`);
    expect(snapshot(db)).toEqual(after);
  });
});

describe('Undo of fetching a source again and of following a feed', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });
  const first = 'The Portbrak harbour office said 240 fishing boats were seized.\n\nA convoy of 30 trucks reached Upper Mires.\n';
  const second = 'The Portbrak harbour office said 310 fishing boats were seized.\n';

  it('a new version says so; Undo removes it and its flags and leads back to the source; a stale Undo changes nothing', async () => {
    server.route('/boats.txt', body('text/plain', first));
    const { agent, db } = testApp({ fetch: { ...DEFAULT_FETCH_LIMITS, allowPrivate: true } });
    await write(agent, '/sources/new', '/sources', { fetchUrl: server.url('/boats.txt'), title: 'Boats seized', publisher: 'Portbrak Courier', published: '2024-04-02' });
    const before = snapshot(db);
    server.route('/boats.txt', body('text/plain', second));
    const done = await write(agent, '/sources/1', '/sources/1/refetch', {});
    expect(done.message).toMatch(/stored as version 2/);
    expect(versionFlagsOfSource(db, 1).size).toBeGreaterThan(0);
    const undone = await undo(agent, done.undo);
    expect(undone.location).toMatch(/^\/sources\/1\?done=/);
    expect(undone.message).toMatch(/^Undone: .*stored as version 2/);
    expect(snapshot(db)).toEqual(before);
    expect(listVersions(db, 1)).toHaveLength(1);
    expect(versionFlagsOfSource(db, 1).size).toBe(0);

    const again = await write(agent, '/sources/1', '/sources/1/refetch', {});
    const claim = db.prepare('SELECT id FROM claims WHERE source_id = (SELECT max(id) FROM sources) ORDER BY id LIMIT 1').get() as { id: number };
    db.prepare("UPDATE claims SET note = 'Checked by hand.', version = version + 1 WHERE id = ?").run(claim.id);
    const after = snapshot(db);
    expect((await undo(agent, again.undo, 409)).message).toBe(`This change was not undone: claim #${claim.id} has changed since. Nothing was changed.`);
    expect(snapshot(db)).toEqual(after);
  });

  it('following a feed says so; Undo stops following it (audited); a stale Undo (polled since) changes nothing', async () => {
    server.route('/harbour.xml', body('application/rss+xml', `<rss version="2.0"><channel><title>Harbour notes</title>
      <item><title>Boats</title><link>${server.url('/boats.txt')}</link><pubDate>Mon, 06 May 2024 09:00:00 GMT</pubDate></item></channel></rss>`));
    const { agent, db } = testApp({ fetch: { ...DEFAULT_FETCH_LIMITS, allowPrivate: true } });
    const done = await write(agent, '/feeds', '/feeds', { url: server.url('/harbour.xml') });
    expect(done.message).toBe('Following “Harbour notes” (1 items now; poll to import them).');
    const feed = db.prepare('SELECT id FROM feeds').get() as { id: number };
    await undo(agent, done.undo);
    expect(db.prepare('SELECT count(*) AS n FROM feeds').get()).toEqual({ n: 0 });
    expect(listAudit(db, 'feed', feed.id).map((e) => e.action)).toEqual(['create', 'undo']);

    const again = await write(agent, '/feeds', '/feeds', { url: server.url('/harbour.xml') });
    db.prepare("UPDATE feeds SET last_polled_at = '2024-05-07T09:00:00.000Z'").run();
    const id = (db.prepare('SELECT id FROM feeds').get() as { id: number }).id;
    expect((await undo(agent, again.undo, 409)).message).toBe(`This change was not undone: feed #${id} has changed since. Nothing was changed.`);
    expect(db.prepare('SELECT count(*) AS n FROM feeds').get()).toEqual({ n: 1 });
  });
});

describe('Undo of a user\'s role and status', () => {
  it('an admin changing a role or disabling someone is told so; Undo puts it back (audited); a stale Undo changes nothing; no password hash is logged', async () => {
    const { agent, db } = testApp();
    await addTestUser(db, 'ilse', 'admin');
    await addTestUser(db, 'oskar', 'reviewer');
    await signInAs(agent, 'ilse');
    const oskar = getUser(db, 'oskar');
    const role = await write(agent, '/users', '/users/oskar/role', { role: 'editor' });
    expect(role.message).toBe('oskar is now editor.');
    expect((await undo(agent, role.undo)).message).toBe('Undone: oskar is now editor.');
    expect(getUser(db, 'oskar')).toMatchObject({ role: 'reviewer', disabledAt: null });

    const disabled = await write(agent, '/users', '/users/oskar/status', { status: 'disabled' });
    expect(disabled.message).toBe('oskar is disabled; their sessions have ended.');
    await undo(agent, disabled.undo);
    expect(getUser(db, 'oskar').disabledAt).toBeNull();
    expect(listAudit(db, 'user', oskar.id).map((e) => e.action)).toEqual(['create', 'update', 'undo', 'disable', 'undo']);
    expect(JSON.stringify(db.prepare('SELECT rows_json FROM undo_log').all())).not.toContain('password_hash');

    const again = await write(agent, '/users', '/users/oskar/status', { status: 'disabled' });
    enableUser(db, 'oskar', TEST_CTX);
    expect((await undo(agent, again.undo, 409)).message).toBe(`This change was not undone: user #${oskar.id} has changed since. Nothing was changed.`);
    expect(getUser(db, 'oskar').disabledAt).toBeNull();
  });
});

describe('who may undo, and when', () => {
  it('another browser session sees the message without the Undo and is refused; a forged token is refused; nothing changes', async () => {
    const { app, agent, db } = testApp();
    const { late } = warStart(db);
    const done = await write(agent, `/claims/${late.id}/delete`, `/claims/${late.id}/delete`, { version: '1' });
    const other = request.agent(app);
    const seen = html((await other.get(done.location).expect(200)).text);
    expect(seen.querySelector('.flash p')?.textContent).toBe(`Deleted claim #${late.id} “2015”.`);
    expect(seen.querySelector('.flash form')).toBeNull();
    const _csrf = await csrfToken(other, '/claims');
    const refused = await other.post('/undo').type('form').send({ ...done.undo, _csrf }).expect(400);
    expect(html(refused.text).querySelector('.error-message')?.textContent).toContain('another browser session');

    const [data, mac] = done.undo.token!.split('.');
    const payload = JSON.parse(Buffer.from(data!, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...payload, log: 999 })).toString('base64url');
    await agent.post('/undo').type('form').send({ ...done.undo, token: `${forged}.${mac}` }).expect(400);
    expect(db.prepare('SELECT count(*) AS n FROM claims WHERE id = ?').get(late.id)).toEqual({ n: 0 });
    expect(listAudit(db, 'claim', late.id).map((e) => e.action)).toEqual(['create', 'comment', 'delete']);
  });

  it('signed in, the Undo belongs to that sign-in: someone else signing in on the same browser cannot undo it', async () => {
    const { agent, db } = testApp();
    await addTestUser(db, 'ilse', 'editor');
    await addTestUser(db, 'oskar', 'editor');
    const { late } = warStart(db);
    await signInAs(agent, 'ilse');
    const done = await write(agent, `/claims/${late.id}/delete`, `/claims/${late.id}/delete`, { version: '1' });
    expect(done.undo.token).toBeTruthy();
    await agent.post('/logout').type('form').send({ _csrf: await pageToken(agent) }).expect(303);
    await signInAs(agent, 'oskar');
    expect(html((await agent.get(done.location).expect(200)).text).querySelector('.flash form')).toBeNull();
    const refused = await agent.post('/undo').type('form').send({ ...done.undo, _csrf: await pageToken(agent) }).expect(400);
    expect(html(refused.text).querySelector('.error-message')?.textContent).toContain('another browser session');
    expect(db.prepare('SELECT count(*) AS n FROM claims WHERE id = ?').get(late.id)).toEqual({ n: 0 });
  });

  it('after the hour the Undo is no longer offered and is refused', async () => {
    const db = createTestDb();
    let now = FIXED_NOW;
    const app = createApp({ db, clock: () => now, config: loadConfig({ csrfSecret: 'test-secret-for-web-tests' }, {}) });
    const agent = request.agent(app);
    const { late } = warStart(db);
    const done = await write(agent, `/claims/${late.id}/delete`, `/claims/${late.id}/delete`, { version: '1' });
    now = new Date(FIXED_NOW.getTime() + 61 * 60 * 1000);
    expect(html((await agent.get(done.location).expect(200)).text).querySelector('.flash form')).toBeNull();
    expect((await undo(agent, done.undo, 400)).message).toContain('too old to undo');
    expect(db.prepare('SELECT count(*) AS n FROM claims WHERE id = ?').get(late.id)).toEqual({ n: 0 });
  });
});
