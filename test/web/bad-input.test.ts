// The bad-input suite: ~80 distinct bad inputs posted to the forms and JSON routes (empty and binary files, huge
// and deeply nested input, invalid dates, unknown ids, stale edits, forged requests, wrong types). Each must get a
// clear 4xx answer with a message, never a 500, and leave the database exactly as it was: a digest of every row
// of every table is compared before and after.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/database.js';
import { signFlash } from '../../src/web/flash.js';
import { TEST_CTX, makeClaim, makeConflict, makeEntity, makeSource } from '../helpers/index.js';
import { addAlias } from '../../src/store/entities.js';
import { csrfToken, html, testApp, type TestApp } from './harness.js';

/** sha256 over every row of every table (FTS shadow tables included), in a fixed order. */
function databaseDigest(db: Db): string {
  const hash = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  for (const table of tables) {
    hash.update(`\u0000${table}\u0000`);
    for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().iterate() as Iterable<unknown[]>) {
      hash.update(JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value)));
    }
  }
  return hash.digest('hex');
}

interface Seeded {
  sourceId: number;
  claimId: number;
  otherClaimId: number;
  conflictId: number;
  entityId: number;
  entityVersion: string;
  conflictVersion: string;
  metricId: number;
}

const META = { title: 'Shelling near East Tarn', publisher: 'Valdoria Daily', published: '2022-05-01' };
const BODY = 'The Portbrak Monitor said 40 homes burned in East Tarn on Monday.\n';

function seed(t: TestApp): Seeded {
  const source = makeSource(t.db);
  const claim = makeClaim(t.db, { sourceId: source.id });
  const other = makeClaim(t.db, { sourceId: source.id });
  const conflict = makeConflict(t.db, [claim.id, other.id]);
  const entity = makeEntity(t.db, { name: 'Portbrak Monitor', type: 'organisation' });
  addAlias(t.db, entity.id, 'the Monitor', TEST_CTX);
  const metricId = t.db.prepare('SELECT id FROM lexicon_metrics ORDER BY id LIMIT 1').pluck().get() as number;
  // Secrets made on first use are made now, so that the digest does not see them appear.
  signFlash(t.db, { k: 'note', text: 'warm-up' });
  const entityVersion = String(t.db.prepare('SELECT version FROM entities WHERE id = ?').pluck().get(entity.id));
  const conflictVersion = String(conflict.version);
  return { sourceId: source.id, claimId: claim.id, otherClaimId: other.id, conflictId: conflict.id, entityId: entity.id, entityVersion, conflictVersion, metricId };
}

type Body = Record<string, unknown> | string;

interface BadInput {
  name: string;
  /** The address; `s` holds the seeded ids. */
  url: (s: Seeded) => string;
  /** A form (urlencoded) body, or JSON when json is true. */
  body?: (s: Seeded) => Body;
  json?: boolean;
  /** A multipart upload: a file and form fields. */
  file?: { name: string; content: Buffer; fields?: Record<string, string> };
  /** Leave the CSRF token out, or send a wrong one. */
  csrf?: 'none' | 'wrong';
  headers?: Record<string, string>;
  /** Expected status (4xx) and words the answer must contain. */
  status: number;
  says: RegExp;
}

const deep = (n: number) => `${'<div>'.repeat(n)}40 homes burned${'</div>'.repeat(n)}`;
/** A JSON body whose article text is an object nested n levels deep. */
const nestedJson = (n: number) => `{"title":"${META.title}","publisher":"${META.publisher}","published":"${META.published}","body":${'{"a":'.repeat(n)}"x"${'}'.repeat(n)}}`;

const CASES: BadInput[] = [
  // --- new source: missing, empty, wrong-typed and impossible fields
  { name: 'source without anything', url: () => '/sources.json', body: () => ({}), status: 422, says: /source was not saved/i },
  { name: 'source with an empty text', url: () => '/sources.json', body: () => ({ ...META, body: '' }), status: 422, says: /not saved/i },
  { name: 'source with only spaces', url: () => '/sources.json', body: () => ({ ...META, body: ' \n\t ' }), status: 422, says: /not saved/i },
  { name: 'source with NUL characters', url: () => '/sources.json', body: () => ({ ...META, body: 'forty\u0000homes' }), status: 422, says: /not saved/i },
  { name: 'source without a title', url: () => '/sources.json', body: () => ({ ...META, title: '', body: BODY }), status: 422, says: /not saved/i },
  { name: 'source with a 600-character title', url: () => '/sources.json', body: () => ({ ...META, title: 'T'.repeat(600), body: BODY }), status: 422, says: /not saved/i },
  { name: 'source without a publisher', url: () => '/sources.json', body: () => ({ ...META, publisher: '', body: BODY }), status: 422, says: /not saved/i },
  { name: 'source without a date', url: () => '/sources.json', body: () => ({ ...META, published: '', body: BODY }), status: 422, says: /not saved/i },
  { name: 'source dated 2023-02-30', url: () => '/sources.json', body: () => ({ ...META, published: '2023-02-30', body: BODY }), status: 422, says: /not saved/i },
  { name: 'source dated 9999-12-31', url: () => '/sources.json', body: () => ({ ...META, published: '9999-12-31', body: BODY }), status: 422, says: /not saved/i },
  { name: 'source dated 0001-01-01', url: () => '/sources.json', body: () => ({ ...META, published: '0001-01-01', body: BODY }), status: 422, says: /not saved/i },
  { name: 'source dated "yesterday"', url: () => '/sources.json', body: () => ({ ...META, published: 'yesterday', body: BODY }), status: 422, says: /not saved/i },
  { name: 'source with a javascript: URL', url: () => '/sources.json', body: () => ({ ...META, url: 'javascript:alert(1)', body: BODY }), status: 422, says: /not saved/i },
  { name: 'source with a URL that is not one', url: () => '/sources.json', body: () => ({ ...META, url: 'not a url', body: BODY }), status: 422, says: /not saved/i },
  { name: 'source with the title as an object (JSON)', url: () => '/sources.json', json: true, body: () => ({ ...META, title: { text: 'a' }, body: BODY }), status: 422, says: /title/i },
  { name: 'source with the date as a boolean (JSON)', url: () => '/sources.json', json: true, body: () => ({ ...META, published: true, body: BODY }), status: 422, says: /date/i },
  { name: 'source with the text as an object (JSON)', url: () => '/sources.json', json: true, body: () => ({ ...META, body: { text: BODY } }), status: 422, says: /not saved/i },
  { name: 'source as a JSON array', url: () => '/sources.json', json: true, body: () => '[1,2,3]', status: 422, says: /not saved/i },
  { name: 'source as JSON nested 100,000 deep', url: () => '/sources.json', json: true, body: () => nestedJson(100_000), status: 422, says: /not saved/i },
  { name: 'source as broken JSON', url: () => '/sources.json', json: true, body: () => '{"title": "Shelling", ', status: 400, says: /./ },
  { name: 'source over the size limit (6 MB paste)', url: () => '/sources.json', body: () => ({ ...META, body: 'a'.repeat(6 * 1024 * 1024) }), status: 413, says: /too large|limit/i },
  { name: 'source form with the same text as a stored one but no date (HTML)', url: () => '/sources', body: () => ({ ...META, published: '', body: BODY }), status: 422, says: /date/i },
  // --- uploads
  { name: 'upload of an empty file', url: () => '/sources.json', file: { name: 'empty.txt', content: Buffer.alloc(0), fields: META }, status: 422, says: /not saved|empty/i },
  { name: 'upload of a binary file', url: () => '/sources.json', file: { name: 'photo.txt', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe, 0]), fields: META }, status: 422, says: /not saved|text/i },
  { name: 'upload of invalid UTF-8', url: () => '/sources.json', file: { name: 'latin.txt', content: Buffer.from([0x34, 0x30, 0x20, 0xe9, 0xe9, 0xff, 0x20, 0x68]), fields: META }, status: 422, says: /./ },
  { name: 'upload of a PDF as .txt', url: () => '/sources.json', file: { name: 'report.txt', content: Buffer.from('%PDF-1.7\n\u0000\u0001binary'), fields: META }, status: 422, says: /./ },
  { name: 'upload of an unknown file type', url: () => '/sources.json', file: { name: 'sheet.xlsx', content: Buffer.from('PK\u0003\u0004'), fields: META }, status: 422, says: /\.txt, \.md/ },
  { name: 'upload of HTML nested 1,000 deep', url: () => '/sources.json', file: { name: 'deep.html', content: Buffer.from(deep(1000)), fields: META }, status: 422, says: /levels deep/i },
  { name: 'upload of HTML nested 20,000 deep', url: () => '/sources.json', file: { name: 'deeper.html', content: Buffer.from(deep(20000)), fields: META }, status: 422, says: /levels deep/i },
  { name: 'upload of HTML with 40,000 elements', url: () => '/sources.json', file: { name: 'wide.html', content: Buffer.from('<p>40 homes</p>'.repeat(40000)), fields: META }, status: 422, says: /elements/i },
  { name: 'upload and paste together', url: () => '/sources.json', file: { name: 'a.txt', content: Buffer.from(BODY), fields: { ...META, body: 'Also pasted 12 homes.' } }, status: 422, says: /./ },
  { name: 'upload of Markdown with broken front matter and no date', url: () => '/sources.json', file: { name: 'a.md', content: Buffer.from('---\ntitle: [unclosed\n---\n40 homes burned.\n'), fields: { title: 'x', publisher: 'y' } }, status: 422, says: /./ },
  // --- editing a source
  { name: 'source edit of an unknown source', url: () => '/sources/999999/edit.json', body: () => ({ ...META, version: '1' }), status: 404, says: /not found/i },
  { name: 'source edit with a non-numeric id', url: () => '/sources/abc/edit.json', body: () => ({ ...META, version: '1' }), status: 404, says: /./ },
  { name: 'source edit of an old version (stale)', url: (s) => `/sources/${s.sourceId}/edit.json`, body: () => ({ ...META, version: '99' }), status: 409, says: /changed by someone else/i },
  { name: 'source edit without a version', url: (s) => `/sources/${s.sourceId}/edit.json`, body: () => ({ ...META }), status: 422, says: /version|not saved/i },
  { name: 'source edit with an impossible date', url: (s) => `/sources/${s.sourceId}/edit.json`, body: () => ({ ...META, published: '2021-13-01', version: '1' }), status: 422, says: /not saved/i },
  { name: 'source edit with an empty title', url: (s) => `/sources/${s.sourceId}/edit.json`, body: () => ({ ...META, title: '   ', version: '1' }), status: 422, says: /not saved/i },
  { name: 'source delete of an unknown source', url: () => '/sources/424242/delete.json', body: () => ({ version: '1' }), status: 404, says: /not found/i },
  { name: 'source delete of an old version', url: (s) => `/sources/${s.sourceId}/delete.json`, body: () => ({ version: '7' }), status: 409, says: /changed by someone else/i },
  // --- claims
  { name: 'claim without a source', url: () => '/claims.json', body: () => ({ quote: 'x', valueText: '40' }), status: 422, says: /article/i },
  { name: 'claim for an unknown source', url: () => '/claims.json', body: () => ({ source: '999999', quote: 'x', valueText: '40' }), status: 404, says: /not found/i },
  { name: 'claim with a negative source id', url: () => '/claims.json', body: () => ({ source: '-1', quote: 'x' }), status: 422, says: /article/i },
  { name: 'claim with offsets past the text', url: () => '/claims.json', body: (s) => ({ source: String(s.sourceId), quote: 'x', start: '100000', end: '100010', valueText: '40', kind: 'count', metric: 'homes' }), status: 422, says: /./ },
  { name: 'claim with an end before its start', url: () => '/claims.json', body: (s) => ({ source: String(s.sourceId), quote: 'The', start: '10', end: '2', valueText: '40', kind: 'count', metric: 'homes' }), status: 422, says: /./ },
  { name: 'claim with an unknown kind', url: () => '/claims.json', body: (s) => ({ source: String(s.sourceId), quote: 'The', start: '0', end: '3', valueText: '40', kind: 'rumour', metric: 'homes' }), status: 422, says: /./ },
  { name: 'claim with a figure that is no figure', url: () => '/claims.json', body: (s) => ({ source: String(s.sourceId), quote: 'The', start: '0', end: '3', valueText: 'banana', kind: 'count', metric: 'homes' }), status: 422, says: /./ },
  { name: 'claim with an impossible as-of date', url: () => '/claims.json', body: (s) => ({ source: String(s.sourceId), quote: 'The', start: '0', end: '3', valueText: '40', kind: 'count', metric: 'homes', asOf: '2021-02-31' }), status: 422, says: /./ },
  { name: 'claim with a scope that runs backwards', url: () => '/claims.json', body: (s) => ({ source: String(s.sourceId), quote: 'The', start: '0', end: '3', valueText: '40', kind: 'count', metric: 'homes', scopeFrom: '2022-05-01', scopeTo: '2021-01-01' }), status: 422, says: /./ },
  { name: 'claim with a quote that is not in the text', url: () => '/claims.json', body: (s) => ({ source: String(s.sourceId), quote: 'Nothing like this', start: '0', end: '17', valueText: '40', kind: 'count', metric: 'homes' }), status: 422, says: /./ },
  { name: 'claim edit of an unknown claim', url: () => '/claims/999999/edit.json', body: () => ({ version: '1', valueText: '40' }), status: 404, says: /not found/i },
  { name: 'claim edit of an old version', url: (s) => `/claims/${s.claimId}/edit.json`, body: (s) => ({ source: String(s.sourceId), version: '9', quote: 'The', start: '0', end: '3', valueText: '40', kind: 'count', metric: 'homes', status: 'candidate' }), status: 409, says: /changed by someone else/i },
  { name: 'claim delete of an old version', url: (s) => `/claims/${s.claimId}/delete.json`, body: () => ({ version: '5' }), status: 409, says: /changed by someone else/i },
  { name: 'review decision that is not one', url: (s) => `/claims/${s.claimId}/review.json`, body: () => ({ decision: 'maybe', version: '1' }), status: 422, says: /./ },
  { name: 'review decision without a version', url: (s) => `/claims/${s.claimId}/review.json`, body: () => ({ decision: 'confirm' }), status: 400, says: /version/i },
  { name: 'review decision on an old version', url: (s) => `/claims/${s.claimId}/review.json`, body: () => ({ decision: 'confirm', version: '3' }), status: 409, says: /changed by someone else/i },
  { name: 'review decision as a JSON array', url: (s) => `/claims/${s.claimId}/review.json`, json: true, body: () => ({ decision: ['confirm', 'reject'], version: 1 }), status: 422, says: /./ },
  { name: 'bulk decision with no claims ticked', url: () => '/claims/bulk.json', body: () => ({ action: 'confirm' }), status: 422, says: /./ },
  { name: 'bulk decision with a made-up action', url: () => '/claims/bulk.json', body: (s) => ({ action: 'delete-all', ids: String(s.claimId), [`version-${s.claimId}`]: '1' }), status: 422, says: /./ },
  { name: 'bulk decision with an id that is not a number', url: () => '/claims/bulk.json', body: () => ({ action: 'confirm', ids: 'DROP TABLE claims' }), status: 422, says: /./ },
  { name: 'bulk decision on an unknown claim', url: () => '/claims/bulk.json', body: () => ({ action: 'confirm', ids: '888888', 'version-888888': '1' }), status: 404, says: /not found/i },
  { name: 'bulk decision on one stale claim of two', url: () => '/claims/bulk.json', body: (s) => `action=confirm&ids=${s.claimId}&ids=${s.otherClaimId}&version-${s.claimId}=1&version-${s.otherClaimId}=4`, status: 409, says: /changed by someone else/i },
  { name: 'undo with a forged token', url: () => '/undo.json', body: () => ({ done: 'eyJrIjoic3RhdHVzIn0.forged' }), status: 400, says: /./ },
  { name: 'undo of something that is not an undoable change', url: () => '/undo.json', body: (s) => ({ done: '' + s.claimId }), status: 400, says: /./ },
  // --- conflicts
  { name: 'explain an unknown conflict', url: () => '/conflicts/999999/explain.json', body: () => ({ note: 'Different periods.', version: '1' }), status: 404, says: /not found/i },
  { name: 'explain without a note', url: (s) => `/conflicts/${s.conflictId}/explain.json`, body: () => ({ note: '', version: '1' }), status: 422, says: /./ },
  { name: 'explain an old version', url: (s) => `/conflicts/${s.conflictId}/explain.json`, body: () => ({ note: 'Different periods.', version: '8' }), status: 409, says: /./ },
  { name: 'resolve preferring a claim outside the conflict', url: (s) => `/conflicts/${s.conflictId}/resolve.json`, body: () => ({ preferredClaimId: '777777', reason: 'error', note: 'n', version: '1' }), status: 422, says: /./ },
  { name: 'resolve with an unknown reason', url: (s) => `/conflicts/${s.conflictId}/resolve.json`, body: (s) => ({ preferredClaimId: String(s.claimId), reason: 'because', note: 'n', version: '1' }), status: 422, says: /./ },
  { name: 'reopen an unknown conflict', url: () => '/conflicts/999999/reopen.json', body: () => ({ version: '1' }), status: 404, says: /not found/i },
  { name: 'unflag an automatic conflict', url: (s) => `/conflicts/${s.conflictId}/unflag.json`, body: (s) => ({ version: s.conflictVersion }), status: 422, says: /flagged by hand/i },
  { name: 'flag one claim as a conflict', url: () => '/conflicts.json', body: (s) => ({ ids: String(s.claimId), note: 'They disagree.' }), status: 422, says: /two/i },
  { name: 'flag without a reason', url: () => '/conflicts.json', body: (s) => `ids=${s.claimId}&ids=${s.otherClaimId}&note=`, status: 422, says: /./ },
  { name: 'flag unknown claims', url: () => '/conflicts.json', body: () => 'ids=555555&ids=555556&note=They+disagree', status: 404, says: /not found/i },
  // --- entities
  { name: 'alias that is empty', url: (s) => `/entities/${s.entityId}/aliases.json`, body: (s) => ({ version: s.entityVersion, alias: '' }), status: 422, says: /./ },
  { name: 'alias of 50,000 characters', url: (s) => `/entities/${s.entityId}/aliases.json`, body: (s) => ({ version: s.entityVersion, alias: 'M'.repeat(50_000) }), status: 422, says: /200/ },
  { name: 'alias for an unknown entity', url: () => '/entities/999999/aliases.json', body: () => ({ alias: 'Monitor', version: '1' }), status: 404, says: /not found/i },
  { name: 'removing an alias the entity does not have', url: (s) => `/entities/${s.entityId}/aliases/remove.json`, body: (s) => ({ version: s.entityVersion, alias: 'Nobody' }), status: 404, says: /not found/i },
  { name: 'renaming to an empty name', url: (s) => `/entities/${s.entityId}/rename.json`, body: (s) => ({ version: s.entityVersion, name: '  ' }), status: 422, says: /./ },
  { name: 'renaming to an unknown type', url: (s) => `/entities/${s.entityId}/rename.json`, body: (s) => ({ version: s.entityVersion, name: 'Portbrak Monitor', type: 'planet' }), status: 422, says: /./ },
  { name: 'merging into itself', url: (s) => `/entities/${s.entityId}/merge.json`, body: (s) => ({ version: s.entityVersion, into: 'Portbrak Monitor', confirm: 'yes' }), status: 422, says: /./ },
  { name: 'merging into an unknown entity', url: (s) => `/entities/${s.entityId}/merge.json`, body: (s) => ({ version: s.entityVersion, into: 'Korvan Front Nowhere', confirm: 'yes' }), status: 422, says: /./ },
  { name: 'part of an unknown entity', url: (s) => `/entities/${s.entityId}/part-of.json`, body: (s) => ({ version: s.entityVersion, partOf: 'Upper Mires Nowhere' }), status: 422, says: /./ },
  { name: 'part of itself (a cycle)', url: (s) => `/entities/${s.entityId}/part-of.json`, body: (s) => ({ version: s.entityVersion, partOf: 'Portbrak Monitor' }), status: 422, says: /./ },
  // --- lexicon
  { name: 'metric without a name', url: () => '/lexicon.json', body: () => ({ metric: '', kind: 'count', keywords: 'homes' }), status: 422, says: /./ },
  { name: 'metric with an unknown kind', url: () => '/lexicon.json', body: () => ({ metric: 'homes burned', kind: 'vibes', keywords: 'homes' }), status: 422, says: /./ },
  { name: 'metric update of an unknown metric', url: () => '/lexicon/metrics/999999.json', body: () => ({ metric: 'x', kind: 'count', keywords: 'x' }), status: 404, says: /./ },
  { name: 'metric delete of an unknown metric', url: () => '/lexicon/metrics/999999/delete.json', body: () => ({}), status: 404, says: /./ },
  // --- forged and malformed requests
  { name: 'write without a CSRF token', url: () => '/sources.json', body: () => ({ ...META, body: BODY }), csrf: 'none', status: 403, says: /./ },
  { name: 'write with a wrong CSRF token', url: () => '/sources.json', body: () => ({ ...META, body: BODY }), csrf: 'wrong', status: 403, says: /./ },
  { name: 'write from another site (Origin)', url: () => '/sources', body: () => ({ ...META, body: BODY }), headers: { Origin: 'http://attacker.example' }, status: 403, says: /only from its own pages/i },
  { name: 'write from another site (Sec-Fetch-Site)', url: (s) => `/claims/${s.claimId}/review`, body: () => ({ decision: 'confirm', version: '1' }), headers: { 'Sec-Fetch-Site': 'cross-site' }, status: 403, says: /only from its own pages/i },
  { name: 'delete without a token from another site', url: (s) => `/sources/${s.sourceId}/delete`, body: () => ({ version: '1' }), csrf: 'none', headers: { Origin: 'null' }, status: 403, says: /./ },
  { name: 'write to an unknown address', url: () => '/sources/1/publish.json', body: () => ({}), status: 404, says: /./ },
  { name: 'write with 2,000 form fields', url: () => '/sources.json', body: () => Array.from({ length: 2000 }, (_, i) => `f${i}=1`).join('&'), status: 413, says: /./ },
];

describe('bad input: a clear 4xx with a message, and nothing written', () => {
  let t: TestApp;
  let seeded: Seeded;
  let token: string;

  beforeAll(async () => {
    t = testApp();
    seeded = seed(t);
    token = await csrfToken(t.agent);
  });

  it(`has at least 80 distinct bad inputs (${CASES.length})`, () => {
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    expect(CASES.length).toBeGreaterThanOrEqual(80);
  });

  for (const bad of CASES) {
    it(bad.name, async () => {
      const before = databaseDigest(t.db);
      const url = bad.url(seeded);
      const csrf: Record<string, string> = bad.csrf === 'none' ? {} : { _csrf: bad.csrf === 'wrong' ? `${token.slice(0, -4)}AAAA` : token };
      let req = t.agent.post(url);
      for (const [name, value] of Object.entries(bad.headers ?? {})) req = req.set(name, value);
      let res;
      if (bad.file) {
        req = req.field('_csrf', csrf._csrf ?? '');
        for (const [name, value] of Object.entries(bad.file.fields ?? {})) req = req.field(name, value);
        res = await req.attach('file', bad.file.content, bad.file.name);
      } else if (bad.json) {
        const body = bad.body?.(seeded) ?? {};
        res = await req
          .set('Content-Type', 'application/json')
          .set('X-CSRF-Token', csrf._csrf ?? '')
          .send(typeof body === 'string' ? body : JSON.stringify({ ...csrf, ...body }));
      } else {
        const body = bad.body?.(seeded) ?? {};
        res = await req.type('form').send(typeof body === 'string' ? `${new URLSearchParams(csrf).toString()}&${body}` : { ...csrf, ...body });
      }
      const error = res.body?.error as { message?: string; fields?: Record<string, string> } | undefined;
      const message = res.type === 'application/json' ? [error?.message ?? '', ...Object.values(error?.fields ?? {})].join(' ') : (html(res.text).body?.textContent ?? res.text);
      expect(res.status, `${url}: ${message.slice(0, 300)}`).toBe(bad.status);
      expect(message.trim().length, 'a message').toBeGreaterThan(10);
      expect(message).toMatch(bad.says);
      expect(databaseDigest(t.db), 'the database is unchanged').toBe(before);
    });
  }
});
