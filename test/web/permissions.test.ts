// The permission walk: every route of the route table, for each role and signed out, is allowed or refused as its
// audience says; a refused write leaves every table as it was.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ROLES, roleAllows, type Role } from '../../src/domain/roles.js';
import { addLexiconMetric } from '../../src/store/lexicon.js';
import { getProposal } from '../../src/store/proposals.js';
import type { Db } from '../../src/store/database.js';
import { routeEntries, type RouteEntry } from '../../src/web/routes/index.js';
import { paths } from '../../src/web/urls.js';
import { TEST_CTX, makeClaim, makeEntity, makeManualConflict, makeSource } from '../helpers/index.js';
import { csrfToken, testApp } from './harness.js';
import { addTestUser, pageToken, signInAs } from './accounts-harness.js';

const ENTRIES = routeEntries;

/** The items a route's parameters name, made once per database. */
function seed(db: Db) {
  const source = makeSource(db);
  const subject = makeEntity(db, { name: 'Upper Mires' });
  const first = makeClaim(db, { sourceId: source.id, subjectId: subject.id });
  const second = makeClaim(db, { sourceId: source.id, subjectId: subject.id, valueText: '900', figure: { unit: 'count', low: 900, high: 900 }, qualifier: 'exact' });
  const conflict = makeManualConflict(db, [first.id, second.id]);
  const metric = addLexiconMetric(db, { metric: 'evacuated', kind: 'count', keywords: ['evacuated'] }, TEST_CTX);
  return { source, subject, claim: first, conflict, metric };
}

/** A concrete URL for a route pattern, over the seeded items. */
function urlFor(pattern: string, items: ReturnType<typeof seed>): string {
  const idFor = (): number => {
    if (pattern.startsWith('/sources')) return items.source.id;
    if (pattern.startsWith('/claims')) return items.claim.id;
    if (pattern.startsWith('/conflicts')) return items.conflict.id;
    if (pattern.startsWith('/entities')) return items.subject.id;
    if (pattern.startsWith('/lexicon')) return items.metric.id;
    throw new Error(`no item for ${pattern}`);
  };
  return pattern
    .replace(':subject', String(items.subject.id))
    .replace(':metric', 'killed')
    .replace(':format', 'md')
    .replace(':name', 'target')
    .replace(':id', () => String(idFor()));
}

/** Every row of every table but sessions (a sign-in is not a change to the desk's data), as text. */
function snapshot(db: Db): string {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'sessions' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  return JSON.stringify(tables.map((name) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]));
}

/** A refusal by the role check: sent to sign in, or told the role is not enough (not a form's own 401 or 403). */
function isRefusal(res: request.Response): boolean {
  if (res.status === 303) return String(res.headers.location).startsWith('/login?');
  const code = (res.body as { error?: { code?: string } } | undefined)?.error?.code ?? /data-code="([a-z_]+)"/.exec(res.text ?? '')?.[1];
  return (res.status === 401 && code === 'sign_in_required') || (res.status === 403 && code === 'role_refused');
}

function allowed(entry: RouteEntry, role: Role | null): boolean {
  return entry[2] === 'everyone' || roleAllows(role, entry[2]);
}

// Sign-out last: it ends the session the walk runs in.
const ordered = [...ENTRIES].sort((a, b) => Number(a[1] === paths.logout) - Number(b[1] === paths.logout));

describe('the route table', () => {
  it('holds every path the app has (no route is registered around it)', () => {
    const inTable = new Set(ENTRIES.map((entry) => entry[1]));
    expect(Object.values(paths).filter((path) => !inTable.has(path))).toEqual([]);
  });

  for (const role of [...ROLES, null] as const) {
    it(`allows and refuses every route as its audience says, ${role ? `signed in as a ${role}` : 'signed out'}`, async () => {
      const { app, db } = testApp();
      const items = seed(db);
      await addTestUser(db, 'target', 'viewer');
      const agent = request.agent(app);
      if (role) {
        await addTestUser(db, role, role);
        await signInAs(agent, role);
      }
      const token = role ? await pageToken(agent, '/activity') : await csrfToken(agent, '/login');
      const outcomes: string[] = [];
      for (const entry of ordered) {
        const [method, pattern] = entry;
        const url = urlFor(pattern, items);
        const before = snapshot(db);
        // Pages as a browser asks for them; writes as a script does, so the refusal's code can be read.
        const res = method === 'get' ? await agent.get(url) : await agent.post(url).set('Accept', 'application/json').type('form').send({ _csrf: token });
        const refused = isRefusal(res);
        outcomes.push(`${method.toUpperCase()} ${pattern}: ${refused ? 'refused' : 'allowed'} (${res.status})`);
        expect(refused, `${method.toUpperCase()} ${url} as ${role ?? 'signed out'} answered ${res.status}`).toBe(!allowed(entry, role));
        expect(res.status, `${method.toUpperCase()} ${url} as ${role ?? 'signed out'}`).toBeLessThan(500);
        if (refused) {
          expect(res.status, `${url}`).toBe(role ? 403 : method === 'get' ? 303 : 401);
          if (method === 'post') expect(snapshot(db), `${url} changed something though refused`).toBe(before);
        }
      }
      expect(outcomes).toHaveLength(ENTRIES.length);
      if (process.env.SHOW_OUTCOMES) console.log(role, outcomes.join('\n'));
    });
  }

  it('lets a reviewer only propose a deprecation and refuses a viewer\'s (403, nothing changed)', async () => {
    const { app, db } = testApp({ secondReview: 'off' });
    const items = seed(db);
    const second = items.conflict.claimIds.find((id) => id !== items.claim.id)!;
    const signedIn = async (role: Role) => {
      await addTestUser(db, role, role);
      const agent = request.agent(app);
      await signInAs(agent, role);
      const token = await pageToken(agent, '/activity');
      return () => agent.post(urlFor(paths.deprecateInConflict, items)).set('Accept', 'application/json').type('form')
        .send({ _csrf: token, claimId: String(second), version: '1', reason: 'error', note: 'A misprint.' });
    };
    const asViewer = await signedIn('viewer');
    const before = snapshot(db);
    const refused = await asViewer();
    expect([refused.status, refused.body.error.code]).toEqual([403, 'role_refused']);
    expect(snapshot(db)).toBe(before);
    const asReviewer = await signedIn('reviewer');
    expect((await asReviewer()).status).toBe(200);
    expect(getProposal(db, items.conflict.id)).toMatchObject({ kind: 'deprecate', claimId: second, proposedBy: 'reviewer' });
    expect(db.prepare('SELECT rank FROM claims WHERE id = ?').get(second)).toEqual({ rank: 'normal' });
  });
});
