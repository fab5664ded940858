// A desk's working notes over HTTP: comments on claims and conflicts, sources taken to review so the queue can
// show "mine" and "unassigned", and resolutions that wait for a second editor.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { assigneeOf, takenBy } from '../../src/store/assignments.js';
import { getClaim } from '../../src/store/claims.js';
import { getConflict } from '../../src/store/conflicts.js';
import { getProposal } from '../../src/store/proposals.js';
import { listAudit } from '../../src/store/audit.js';
import { listComments } from '../../src/store/comments.js';
import type { Db } from '../../src/store/database.js';
import type { Role } from '../../src/domain/roles.js';
import { DEFAULT_BODY, makeClaim, makeEntity, makeManualConflict, makeSource } from '../helpers/index.js';
import { html, testApp } from './harness.js';
import { addTestUser, pageToken, signInAs } from './accounts-harness.js';

describe('comments', () => {
  it('adds to the thread of a claim and of a conflict under the author\'s name, audited; an empty one is refused', async () => {
    const { agent, db } = testApp();
    await addTestUser(db, 'ilse', 'reviewer');
    const source = makeSource(db);
    const claim = makeClaim(db, { sourceId: source.id });
    const other = makeClaim(db, { sourceId: source.id, valueText: '900', figure: { unit: 'count', low: 900, high: 900 }, qualifier: 'exact' });
    const conflict = makeManualConflict(db, [claim.id, other.id]);
    await signInAs(agent, 'ilse');
    const token = await pageToken(agent);

    const res = await agent.post(`/claims/${claim.id}/comments`).type('form').send({ _csrf: token, body: 'The Portbrak monitor revised this figure a week later.' }).expect(303);
    expect(res.headers.location).toMatch(new RegExp(`^/claims/${claim.id}\\?done=[^#]+#comments$`));
    await agent.post(`/conflicts/${conflict.id}/comments`).type('form').send({ _csrf: token, body: 'Different periods? Check the dates.' }).expect(303);

    const page = html((await agent.get(`/claims/${claim.id}`).expect(200)).text);
    expect([...page.querySelectorAll('.comment-thread li')].map((li) => `${li.querySelector('.comment-author')?.textContent}: ${li.querySelector('.comment-body')?.textContent}`))
      .toEqual(['ilse: The Portbrak monitor revised this figure a week later.']);
    expect(listComments(db, 'conflict', conflict.id).map((c) => c.author)).toEqual(['ilse']);
    expect(listAudit(db, 'conflict', conflict.id).at(-1)).toMatchObject({ actor: 'ilse', action: 'comment' });

    const empty = await agent.post(`/claims/${claim.id}/comments`).type('form').send({ _csrf: token, body: '   ' }).expect(422);
    expect(html(empty.text).querySelector('#body-error')?.textContent).toBe('Write a comment first.');
    expect(listComments(db, 'claim', claim.id)).toHaveLength(1);
    const activity = await agent.get('/activity.json?action=comment').expect(200);
    expect(activity.body.events).toHaveLength(2);
  });
});

describe('taking sources to review', () => {
  it('shows each reviewer their own sources or the ones nobody has taken, and keeps a taken source its holder\'s', async () => {
    const { app, db } = testApp();
    await addTestUser(db, 'ilse', 'reviewer');
    await addTestUser(db, 'tomas', 'reviewer');
    const older = makeSource(db, { title: 'Older report from Upper Mires' });
    const newer = makeSource(db, { title: 'Newer report from East Tarn', body: `${DEFAULT_BODY}Another line.\n` });
    makeClaim(db, { sourceId: older.id });
    makeClaim(db, { sourceId: newer.id });
    const ilse = request.agent(app);
    const tomas = request.agent(app);
    await signInAs(ilse, 'ilse');
    await signInAs(tomas, 'tomas');

    const token = await pageToken(ilse);
    await ilse.post(`/sources/${older.id}/assignment`).type('form').send({ _csrf: token, take: 'yes', return: '/review?assigned=mine' }).expect(303);
    expect(assigneeOf(db, older.id)).toBe('ilse');
    const reviewing = (doc: ReturnType<typeof html>) => doc.querySelector('.review-card .citation a')?.textContent;
    const mine = html((await ilse.get('/review?assigned=mine').expect(200)).text);
    expect(reviewing(mine)).toContain('Older report');
    expect(mine.querySelector('.assignee')?.textContent).toBe('ilse');
    expect(html((await tomas.get('/review?assigned=mine').expect(200)).text).querySelector('.review-card')).toBeNull();
    expect(reviewing(html((await tomas.get('/review?assigned=unassigned').expect(200)).text))).toContain('Newer report');

    const tomasToken = await pageToken(tomas);
    const taken = await tomas.post(`/sources/${older.id}/assignment`).set('Accept', 'application/json').type('form').send({ _csrf: tomasToken, take: 'yes' }).expect(409);
    expect(taken.body.error.message).toContain('ilse has taken this source');
    await ilse.post(`/sources/${older.id}/assignment`).type('form').send({ _csrf: token, take: 'no' }).expect(303);
    expect(assigneeOf(db, older.id)).toBeNull();
    expect(listAudit(db, 'source', older.id).filter((e) => e.action === 'assign').map((e) => `${e.actor} ${JSON.stringify(e.after)}`))
      .toEqual(['ilse {"assignee":"ilse"}', 'ilse {"assignee":null}']);
  });
});

describe('taking subjects to review', () => {
  it('counts a taken subject\'s claims as its reviewer\'s in the queue, in any source, and not as nobody\'s; audited, released like a source', async () => {
    const { app, db } = testApp();
    await addTestUser(db, 'ilse', 'reviewer');
    await addTestUser(db, 'tomas', 'reviewer');
    const tarn = makeEntity(db, { name: 'East Tarn', type: 'place' });
    const source = makeSource(db, { title: 'Report from the Korvan Front' });
    const ofTarn = makeClaim(db, { sourceId: source.id, subjectId: tarn.id });
    const other = makeClaim(db, { sourceId: source.id, valueText: '900', figure: { unit: 'count', low: 900, high: 900 }, qualifier: 'exact' });
    const ilse = request.agent(app);
    const tomas = request.agent(app);
    await signInAs(ilse, 'ilse');
    await signInAs(tomas, 'tomas');
    const token = await pageToken(ilse);

    await ilse.post(`/entities/${tarn.id}/assignment`).type('form').send({ _csrf: token, take: 'yes' }).expect(303);
    expect(takenBy(db, 'subject', tarn.id)).toBe('ilse');
    expect(html((await tomas.get(`/entities/${tarn.id}`).expect(200)).text).querySelector('.assignment-subject .assignee')?.textContent).toBe('ilse');

    const queue = async (agent: typeof ilse, filter: string) => {
      const page = html((await agent.get(`/review?assigned=${filter}`).expect(200)).text);
      return { claim: page.querySelector('.review-card')?.getAttribute('data-claim-id') ?? null, heading: page.querySelector('#candidate-heading')?.textContent ?? '' };
    };
    // The source is nobody's, but East Tarn's claim in it is ilse's: she sees only that one, tomas only the other.
    expect(await queue(ilse, 'mine')).toEqual({ claim: String(ofTarn.id), heading: 'Candidate 1 of 1: about 1,200' });
    expect((await queue(tomas, 'unassigned')).claim).toBe(String(other.id));
    expect((await queue(tomas, 'unassigned')).heading).toMatch(/^Candidate 1 of 1/);
    expect((await queue(tomas, 'mine')).claim).toBeNull();
    const reviewPage = html((await ilse.get('/review?assigned=mine').expect(200)).text);
    expect(reviewPage.querySelector('.assignment-subject .assignee')?.textContent).toBe('ilse');

    const tomasToken = await pageToken(tomas);
    const taken = await tomas.post(`/entities/${tarn.id}/assignment`).set('Accept', 'application/json').type('form').send({ _csrf: tomasToken, take: 'yes' }).expect(409);
    expect(taken.body.error.message).toBe('ilse has taken this subject; ask them or an editor to release it. Nothing was changed.');
    expect(takenBy(db, 'subject', tarn.id)).toBe('ilse');

    await ilse.post(`/entities/${tarn.id}/assignment`).type('form').send({ _csrf: token, take: 'no' }).expect(303);
    expect(takenBy(db, 'subject', tarn.id)).toBeNull();
    expect((await queue(tomas, 'unassigned')).heading).toMatch(/^Candidate 1 of 2/);
    expect(listAudit(db, 'entity', tarn.id).filter((e) => e.action === 'assign').map((e) => `${e.actor} ${JSON.stringify(e.after)}`))
      .toEqual(['ilse {"assignee":"ilse"}', 'ilse {"assignee":null}']);
  });
});

describe('second review of resolutions', () => {
  async function desk(overrides: Parameters<typeof testApp>[0] = {}) {
    const t = testApp(overrides);
    for (const [name, role] of [['ilse', 'reviewer'], ['tomas', 'reviewer'], ['oskar', 'editor'], ['vera', 'admin']] as const) await addTestUser(t.db, name, role);
    const source = makeSource(t.db);
    const first = makeClaim(t.db, { sourceId: source.id });
    const second = makeClaim(t.db, { sourceId: source.id, valueText: '900', figure: { unit: 'count', low: 900, high: 900 }, qualifier: 'exact' });
    const conflict = makeManualConflict(t.db, [first.id, second.id]);
    const as = async (name: string) => {
      const agent = request.agent(t.app);
      await signInAs(agent, name);
      return { agent, token: await pageToken(agent) };
    };
    const resolve = { preferredClaimId: String(first.id), reason: 'superseded', note: 'The monitor revised its count.' };
    return { ...t, conflict, first, as, resolve };
  }

  it('turns a resolution into a proposal that only another editor can apply, naming both in the history', async () => {
    const { db, conflict, first, as, resolve } = await desk();
    const oskar = await as('oskar');
    await oskar.agent.post(`/conflicts/${conflict.id}/resolve`).type('form').send({ _csrf: oskar.token, version: String(conflict.version), ...resolve }).expect(303);
    const page = html((await oskar.agent.get(`/conflicts/${conflict.id}`).expect(200)).text);
    expect(page.querySelector('#proposal .proposer')?.textContent).toBe('oskar');
    expect(page.querySelector('#proposal')?.textContent).toContain('The monitor revised its count.');
    const own = await oskar.agent.post(`/conflicts/${conflict.id}/approve`).set('Accept', 'application/json').type('form').send({ _csrf: oskar.token, version: String(conflict.version) }).expect(422);
    expect(own.body.error.message).toContain('A second editor approves');

    const vera = await as('vera');
    await vera.agent.post(`/conflicts/${conflict.id}/approve`).type('form').send({ _csrf: vera.token, version: String(conflict.version) }).expect(303);
    expect(getConflict(db, conflict.id)).toMatchObject({ status: 'resolved', preferredClaimId: first.id });
    expect(listAudit(db, 'conflict', conflict.id).slice(-3).map((e) => `${e.actor} ${e.action} ${e.reason}`)).toEqual([
      'oskar propose The monitor revised its count.',
      'vera resolve The monitor revised its count.',
      'vera approve Approved; proposed by oskar: The monitor revised its count.',
    ]);
  });

  it('lets a proposer withdraw, refuses another reviewer, and refuses a proposal the conflict has moved past', async () => {
    const { db, conflict, as, resolve } = await desk();
    const ilse = await as('ilse');
    const tomas = await as('tomas');
    await ilse.agent.post(`/conflicts/${conflict.id}/resolve`).type('form').send({ _csrf: ilse.token, version: String(conflict.version), ...resolve }).expect(303);
    const notYours = await tomas.agent.post(`/conflicts/${conflict.id}/withdraw`).set('Accept', 'application/json').type('form').send({ _csrf: tomas.token, version: '1' }).expect(403);
    expect(notYours.body.error.code).toBe('not_yours');
    await ilse.agent.post(`/conflicts/${conflict.id}/withdraw`).type('form').send({ _csrf: ilse.token, version: '1' }).expect(303);
    expect(getProposal(db, conflict.id)).toBeNull();

    await ilse.agent.post(`/conflicts/${conflict.id}/resolve`).type('form').send({ _csrf: ilse.token, version: String(conflict.version), ...resolve }).expect(303);
    const oskar = await as('oskar');
    await oskar.agent.post(`/conflicts/${conflict.id}/explain`).type('form').send({ _csrf: oskar.token, version: String(conflict.version), note: 'Different periods.' }).expect(303);
    const vera = await as('vera');
    await vera.agent.post(`/conflicts/${conflict.id}/approve`).set('Accept', 'application/json').type('form').send({ _csrf: vera.token, version: '1' }).expect(409);
    expect(getConflict(db, conflict.id).status).toBe('explained');
  });

  it('is off with one editor (or CROSSCHECK_SECOND_REVIEW=off): the editor resolves at once, a reviewer still proposes', async () => {
    const { db, conflict, as, resolve } = await desk({ secondReview: 'off' });
    const ilse = await as('ilse');
    await ilse.agent.post(`/conflicts/${conflict.id}/resolve`).type('form').send({ _csrf: ilse.token, version: String(conflict.version), ...resolve }).expect(303);
    expect(getConflict(db, conflict.id).status).toBe('open');
    const oskar = await as('oskar');
    await oskar.agent.post(`/conflicts/${conflict.id}/withdraw`).type('form').send({ _csrf: oskar.token, version: '1' }).expect(303);
    await oskar.agent.post(`/conflicts/${conflict.id}/resolve`).type('form').send({ _csrf: oskar.token, version: String(conflict.version), ...resolve }).expect(303);
    expect(getConflict(db, conflict.id).status).toBe('resolved');
  });
});

describe('second review of deprecations', () => {
  /** The desk's users, and a manual conflict between two claims of one source. */
  async function twoClaimsInConflict(db: Db, users: [string, Role][]) {
    for (const [name, role] of users) await addTestUser(db, name, role);
    const source = makeSource(db);
    const first = makeClaim(db, { sourceId: source.id });
    const second = makeClaim(db, { sourceId: source.id, valueText: '900', figure: { unit: 'count', low: 900, high: 900 }, qualifier: 'exact' });
    return { second, conflict: makeManualConflict(db, [first.id, second.id]) };
  }

  it('turns an editor\'s deprecation into a proposal when two may decide, applied by the other editor', async () => {
    const t = testApp();
    const { second, conflict } = await twoClaimsInConflict(t.db, [['oskar', 'editor'], ['vera', 'editor']]);
    const oskar = request.agent(t.app);
    await signInAs(oskar, 'oskar');
    const token = await pageToken(oskar);
    await oskar.post(`/conflicts/${conflict.id}/deprecate`).type('form').send({ _csrf: token, claimId: String(second.id), version: String(second.version), reason: 'error' }).expect(303);
    expect(getClaim(t.db, second.id).rank).toBe('normal');
    expect(getProposal(t.db, conflict.id)).toMatchObject({ kind: 'deprecate', claimId: second.id, proposedBy: 'oskar' });

    const vera = request.agent(t.app);
    await signInAs(vera, 'vera');
    const page = html((await vera.get(`/conflicts/${conflict.id}`).expect(200)).text);
    expect(page.querySelector('#proposal')?.textContent).toContain(`proposes deprecating claim`);
    const veraToken = await pageToken(vera);
    await vera.post(`/conflicts/${conflict.id}/approve`).type('form').send({ _csrf: veraToken, version: '1' }).expect(303);
    expect(getClaim(t.db, second.id)).toMatchObject({ rank: 'deprecated', rankReason: 'error' });
    expect(listAudit(t.db, 'conflict', conflict.id).at(-1)).toMatchObject({ actor: 'vera', action: 'approve' });
  });

  it('lets a reviewer propose deprecating a claim, with why, pending under their name until an editor declines or approves it', async () => {
    // Even with second review off, a reviewer's deprecation is only a proposal.
    const t = testApp({ secondReview: 'off' });
    const { second, conflict } = await twoClaimsInConflict(t.db, [['ilse', 'reviewer'], ['oskar', 'editor']]);
    const why = 'The Portbrak wire copy has 90, not 900.';
    const ilse = request.agent(t.app);
    await signInAs(ilse, 'ilse');
    const ilseToken = await pageToken(ilse);
    const form = html((await ilse.get(`/conflicts/${conflict.id}`).expect(200)).text).querySelector(`.deprecate-form:has(input[name="claimId"][value="${second.id}"])`);
    expect(form?.querySelector('button')?.textContent).toBe('Propose deprecating this claim');
    expect(form?.querySelector('input[name="note"]')).not.toBeNull();
    const proposeIt = () => ilse.post(`/conflicts/${conflict.id}/deprecate`).type('form')
      .send({ _csrf: ilseToken, claimId: String(second.id), version: String(second.version), reason: 'error', note: why }).expect(303);
    await proposeIt();
    expect(getClaim(t.db, second.id).rank).toBe('normal');
    expect(getProposal(t.db, conflict.id)).toMatchObject({ kind: 'deprecate', claimId: second.id, proposedBy: 'ilse', reason: 'error', note: why });

    const oskar = request.agent(t.app);
    await signInAs(oskar, 'oskar');
    const oskarToken = await pageToken(oskar);
    const page = html((await oskar.get(`/conflicts/${conflict.id}`).expect(200)).text);
    expect(page.querySelector('#proposal .proposer')?.textContent).toBe('ilse');
    expect(page.querySelector('#proposal')?.textContent).toContain(`proposes deprecating claim`);
    expect(page.querySelector('#proposal')?.textContent).toContain(why);
    expect([...page.querySelectorAll('#proposal button')].map((b) => b.textContent)).toEqual(['Approve and deprecate', 'Decline']);

    await oskar.post(`/conflicts/${conflict.id}/withdraw`).type('form').send({ _csrf: oskarToken, version: String(conflict.version) }).expect(303);
    expect(getProposal(t.db, conflict.id)).toBeNull();
    expect(getClaim(t.db, second.id).rank).toBe('normal');
    expect(listAudit(t.db, 'conflict', conflict.id).at(-1)).toMatchObject({ actor: 'oskar', action: 'decline' });

    await proposeIt();
    await oskar.post(`/conflicts/${conflict.id}/approve`).type('form').send({ _csrf: oskarToken, version: String(conflict.version) }).expect(303);
    expect(getClaim(t.db, second.id)).toMatchObject({ rank: 'deprecated', rankReason: 'error' });
    expect(listAudit(t.db, 'conflict', conflict.id).at(-1)).toMatchObject({ actor: 'oskar', action: 'approve', reason: `Approved; proposed by ilse: ${why}` });
    expect(listAudit(t.db, 'claim', second.id).at(-1)).toMatchObject({ actor: 'oskar', reason: why });
  });
});
