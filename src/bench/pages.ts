// npm run bench:pages [-- --small] [-- --fresh] [-- --requests N]
// Page latency over real HTTP on a large database: 100,000 sources and 1,000,000 claims (--small: 10,000 and
// 100,000). The database is built once per size and generator version in the system's temp folder and reused.
// Prints per page: requests, p50, p95 and max in ms, then the worst p95 against the 50 ms budget. Never fails on time.
//
// Building the database writes rows with SQL directly (bench setup only, not app code): going through the store's
// createClaims would audit and validate a million claims one by one and take far longer than the bench itself.
// The migrations' triggers still run on every insert, so full-text indexes and the status counts stay consistent.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.js';
import { openAppDatabase } from '../app/bootstrap.js';
import { foldName } from '../domain/names.js';
import type { ClaimStatus, Clock } from '../domain/types.js';
import type { Db } from '../store/database.js';
import { CLAIM_COUNT_CAP } from '../store/claim-list.js';
import { createApp } from '../web/app.js';
import { paths } from '../web/urls.js';
import { between, generateArticle, prng, vocabulary } from './fixtures.js';
import { bulkSeeder } from '../store/bulk-seed.js';

/** Bump when the generated data changes shape, so stale cached databases are rebuilt. */
const FIXTURE_VERSION = 2;
const BUDGET_MS = 50;
const clock: Clock = () => new Date('2025-06-01T12:00:00.000Z');

interface Size {
  sources: number;
  claims: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Building the database (runs in a child process, so its memory does not count in the server's peak RSS)

function buildDatabase(file: string, size: Size): void {
  const building = `${file}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
  const started = Date.now();
  const db = openAppDatabase(loadConfig({ dbPath: building }), clock, building);
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');

  const vocab = vocabulary({
    subjects: Math.max(200, Math.round(size.sources / 33)),
    speakers: Math.max(200, Math.round(size.sources / 50)),
    publishers: 150,
  });
  const subjectIds = insertEntities(db, vocab.subjects, (i) => (i < 32 ? 'place' : 'event'));
  const speakerIds = insertEntities(db, vocab.speakers, (i) => (i % 3 === 2 ? 'organisation' : 'person'));

  const seed = bulkSeeder(db);

  const rand = prng(20110315);
  const lastOfFact = new Map<string, { claimId: number; sourceId: number }>();
  let claimsStored = 0;
  let conflictsStored = 0;
  let lastJitter = 0;
  const perSource = size.claims / size.sources;
  const BATCH = 2000;
  for (let first = 0; first < size.sources; first += BATCH) {
    db.transaction(() => {
      for (let i = first; i < Math.min(first + BATCH, size.sources); i += 1) {
        // Claims per source vary (mean = claims / sources), and pairs of sources cancel out so the total is exact.
        const wanted = Math.round(((i + 1) * size.claims) / size.sources) - Math.round((i * size.claims) / size.sources);
        const jitter = i % 2 === 0 ? between(rand, 0, Math.floor(perSource * 0.8)) : -lastJitter;
        lastJitter = i % 2 === 0 ? jitter : 0;
        const claimCount = i === size.sources - 1 ? size.claims - claimsStored : Math.max(0, wanted + jitter);
        const article = generateArticle(rand, vocab, { bytes: between(rand, 2500, 6500), claimCount });
        const at = `${article.publishedAt}T09:00:00.000Z`;
        const format = i % 5 === 0 ? 'markdown' : 'text';
        const url = i % 4 === 0 ? null : `https://news.example/${i}`;
        const sourceId = seed.source({
          title: article.title, publisher: article.publisher, author: i % 3 === 0 ? null : 'Staff reporter', url, publishedAt: article.publishedAt,
          body: article.body, sha256: createHash('sha256').update(article.body).digest('hex'), format, at,
        });
        seed.audit({ at, action: 'create', entity: 'source', entityId: sourceId, before: null, after: JSON.stringify({ title: article.title, publisher: article.publisher }), reason: 'crosscheck import' });
        for (const claim of article.claims) {
          const roll = rand();
          const status: ClaimStatus = roll < 0.7 ? 'candidate' : roll < 0.92 ? 'confirmed' : 'rejected';
          const rank = status === 'confirmed' && rand() < 0.1 ? 'preferred' : status === 'rejected' && rand() < 0.3 ? 'deprecated' : 'normal';
          const subjectId = subjectIds[claim.subject] as number;
          const speakerId = claim.speaker === null ? null : (speakerIds[claim.speaker] as number);
          const origin = rand() < 0.93 ? 'extracted' : 'manual';
          const version = status === 'candidate' ? 1 : 2;
          const claimId = seed.claim({
            sourceId, quote: claim.quote, start: claim.start, end: claim.end, valueText: claim.valueText, kind: claim.kind, metric: claim.metric, subjectId,
            low: claim.figure.low, high: claim.figure.high, unit: claim.figure.unit, qualifier: claim.qualifier, scopeFrom: claim.scopeFrom, speakerId,
            hedge: claim.hedge, status, rank, origin, version, at,
          });
          claimsStored += 1;
          seed.audit({ at, action: 'create', entity: 'claim', entityId: claimId, before: null, after: JSON.stringify({ metric: claim.metric, valueText: claim.valueText }), reason: null });
          if (status !== 'candidate') {
            seed.audit({ at, action: 'update', entity: 'claim', entityId: claimId, before: '{"status":"candidate"}', after: JSON.stringify({ status }), reason: null });
          }
          // Some facts get a conflict between this claim and the previous one from another source.
          const fact = `${subjectId}|${claim.metric}`;
          const previous = lastOfFact.get(fact);
          lastOfFact.set(fact, { claimId, sourceId });
          if (previous && previous.sourceId !== sourceId && status !== 'rejected' && rand() < 0.04) {
            const rule = claim.kind === 'date' ? 'event-date' : claim.kind === 'duration' ? 'duration-vs-start' : 'point-in-time';
            const settled = rand();
            const conflictStatus = settled < 0.75 ? 'open' : settled < 0.9 ? 'explained' : 'resolved';
            const manual = rand() < 0.02 ? 1 : 0;
            seed.conflict(
              {
                key: `${manual ? 'manual' : rule}:${previous.claimId},${claimId}`, rule: manual ? 'manual' : rule, severity: Math.round(rand() * 1000) / 1000,
                explanation: `Two sources give figures for ${claim.metric} that do not overlap.`, status: conflictStatus,
                resolutionNote: conflictStatus === 'open' ? null : 'Different periods once read closely.', preferredClaimId: conflictStatus === 'resolved' ? claimId : null,
                subjectId, metric: claim.metric, manual, stale: !manual && rand() < 0.03 ? 1 : 0, at,
              },
              [previous.claimId, claimId],
            );
            conflictsStored += 1;
          }
        }
      }
    })();
    process.stderr.write(`\r  building: ${Math.min(first + BATCH, size.sources).toLocaleString('en-US')} sources, ${claimsStored.toLocaleString('en-US')} claims`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(building, file);
  for (const suffix of ['-wal', '-shm']) rmSync(building + suffix, { force: true });
  process.stderr.write(`\n  built ${file}: ${claimsStored.toLocaleString('en-US')} claims, ${conflictsStored.toLocaleString('en-US')} conflicts in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}
/** Inserts entities by name (keeping any the lexicon seeded under the same folded name) and returns their ids in order. */
function insertEntities(db: Db, names: string[], type: (index: number) => string): number[] {
  const at = clock().toISOString();
  const seed = bulkSeeder(db);
  return db.transaction(() => names.map((name, i) => seed.entity(name.replace(/^the /, ''), type(i), foldName(name), at)))();
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring

interface PageSpec {
  label: string;
  /** Requests rotate over these URLs (several ids, so one cached row does not flatter a page). */
  urls: string[];
}

interface Samples {
  sourceIds: number[];
  bigSourceId: number;
  claimIds: number[];
  topSubject: string;
  rareSubject: string;
  topSpeaker: string;
  topSubjectId: number;
  /** Subjects drawn like claims are (most claimed most often). */
  subjectIds: number[];
  conflictIds: number[];
  entityIds: number[];
  lastSourcePage: number;
  lastClaimPage: number;
}

/** Ids and names to request, read from the database (bench setup). */
function sampleIds(db: Db, count: number): Samples {
  const rand = prng(7);
  const maxSource = db.prepare('SELECT max(id) FROM sources').pluck().get() as number;
  const maxClaim = db.prepare('SELECT max(id) FROM claims').pluck().get() as number;
  const sources = db.prepare('SELECT count(*) FROM sources').pluck().get() as number;
  const claims = db.prepare('SELECT count(*) FROM claims').pluck().get() as number;
  const ids = (max: number) => Array.from({ length: count }, () => between(rand, 1, max));
  const subjects = db
    .prepare('SELECT subject_id AS id, count(*) AS n FROM claims WHERE subject_id IS NOT NULL GROUP BY subject_id ORDER BY n DESC')
    .all() as { id: number; n: number }[];
  const name = (id: number) => db.prepare('SELECT name FROM entities WHERE id = ?').pluck().get(id) as string;
  const conflictIds = db.prepare('SELECT id FROM conflicts WHERE stale = 0 ORDER BY random() LIMIT ?').pluck().all(count) as number[];
  return {
    sourceIds: ids(maxSource),
    bigSourceId: db.prepare('SELECT source_id FROM claims GROUP BY source_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as number,
    claimIds: ids(maxClaim),
    topSubject: name(subjects[0]!.id),
    topSubjectId: subjects[0]!.id,
    subjectIds: db.prepare('SELECT subject_id FROM claims WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(ids(maxClaim))) as number[],
    rareSubject: name(subjects[subjects.length - 1]!.id),
    topSpeaker: name(db.prepare('SELECT speaker_id FROM claims WHERE speaker_id IS NOT NULL GROUP BY speaker_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as number),
    conflictIds,
    entityIds: db.prepare('SELECT id FROM entities ORDER BY random() LIMIT ?').pluck().all(count) as number[],
    lastSourcePage: Math.ceil(sources / 50),
    lastClaimPage: Math.ceil(claims / 50),
  };
}

/** Marks claim pages past the last one the list links to (its count stops at CLAIM_COUNT_CAP): reachable by URL only. */
const BEYOND = ` *`;

/** The pages to measure: the known ones with their filters and deep pages, then every other GET route in urls.ts. */
function pageSpecs(s: Samples): PageSpec[] {
  const each = (ids: number[], url: (id: number) => string) => ids.map(url);
  const known: Partial<Record<keyof typeof paths, PageSpec[]>> = {
    dashboard: [{ label: 'dashboard', urls: ['/'] }],
    sources: [
      { label: 'sources list', urls: ['/sources'] },
      { label: 'sources list, page 2', urls: ['/sources?page=2'] },
      { label: `sources list, last page (${s.lastSourcePage})`, urls: [`/sources?page=${s.lastSourcePage}`] },
    ],
    source: [
      { label: 'source page (random sources)', urls: each(s.sourceIds, (id) => `/sources/${id}`) },
      { label: 'source page (most claims)', urls: [`/sources/${s.bigSourceId}`] },
    ],
    claims: [
      { label: 'claims list', urls: ['/claims'] },
      { label: 'claims list, page 2', urls: ['/claims?page=2'] },
      { label: 'claims list, page 200', urls: ['/claims?page=200'] },
      { label: `claims list, page 2,000${BEYOND}`, urls: ['/claims?page=2000'] },
      { label: `claims list, last page (${s.lastClaimPage.toLocaleString('en-US')})${BEYOND}`, urls: [`/claims?page=${s.lastClaimPage}`] },
      { label: 'claims ?kind=date', urls: ['/claims?kind=date'] },
      { label: 'claims ?kind=percentage, page 100', urls: ['/claims?kind=percentage&page=100'] },
      { label: 'claims ?status=confirmed', urls: ['/claims?status=confirmed'] },
      { label: `claims ?status=rejected, page 1,000${BEYOND}`, urls: ['/claims?status=rejected&page=1000'] },
      { label: 'claims ?kind=casualties&status=confirmed', urls: ['/claims?kind=casualties&status=confirmed'] },
      { label: 'claims ?subject=(most claimed)', urls: [`/claims?subject=${encodeURIComponent(s.topSubject)}`] },
      { label: 'claims ?subject=(rare)', urls: [`/claims?subject=${encodeURIComponent(s.rareSubject)}`] },
      { label: 'claims ?subject=(top)&metric=killed', urls: [`/claims?subject=${encodeURIComponent(s.topSubject)}&metric=killed`] },
      { label: 'claims ?metric=airstrikes', urls: ['/claims?metric=airstrikes'] },
      { label: 'claims ?metric=killed&status=candidate, page 50', urls: ['/claims?metric=killed&status=candidate&page=50'] },
      { label: 'claims ?source=(random)', urls: each(s.sourceIds, (id) => `/claims?source=${id}`) },
      { label: 'claims ?speaker=(most quoted)', urls: [`/claims?speaker=${encodeURIComponent(s.topSpeaker)}`] },
      { label: 'claims ?rank=preferred', urls: ['/claims?rank=preferred'] },
      { label: 'claims ?from=2019-01-01&to=2019-12-31', urls: ['/claims?from=2019-01-01&to=2019-12-31'] },
      { label: 'claims ?from=2019-01-01&to=2019-12-31, page 150', urls: ['/claims?from=2019-01-01&to=2019-12-31&page=150'] },
      { label: 'claims ?conflict=1', urls: ['/claims?conflict=1'] },
      { label: 'claims.csv ?kind=date', urls: ['/claims.csv?kind=date'] },
      { label: 'claims.json', urls: ['/claims.json'] },
    ],
    claim: [{ label: 'claim page (random claims)', urls: each(s.claimIds, (id) => `/claims/${id}`) }],
    editClaim: [{ label: 'claim edit form', urls: each(s.claimIds, (id) => `/claims/${id}/edit`) }],
    editSource: [{ label: 'source edit form', urls: each(s.sourceIds, (id) => `/sources/${id}/edit`) }],
    newClaim: [{ label: 'new claim form (for a source)', urls: each(s.sourceIds, (id) => `/claims/new?source=${id}`) }],
    review: [
      { label: 'review queue', urls: ['/review'] },
      { label: 'review queue ?source=(random)', urls: each(s.sourceIds, (id) => `/review?source=${id}`) },
    ],
  };
  const specs: PageSpec[] = [];
  for (const [name, pattern] of Object.entries(paths)) {
    const listed = known[name as keyof typeof paths];
    if (listed) specs.push(...listed);
    else specs.push(...guessedSpecs(name, pattern, s));
  }
  return specs;
}

/** Routes added after this bench was written: the path with its parameters filled by what their names suggest. */
function guessedSpecs(name: string, pattern: string, s: Samples): PageSpec[] {
  if (/^\/static|^\/figures/.test(pattern)) return [];
  const params = [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
  const first = pattern.split('/')[1] ?? '';
  const idsFor = (param: string, topSubject: boolean): number[] => {
    if (/source/i.test(param) || (param === 'id' && first === 'sources')) return s.sourceIds;
    if (/claim/i.test(param) || (param === 'id' && first === 'claims')) return s.claimIds;
    if (/conflict/i.test(param) || (param === 'id' && first === 'conflicts')) return s.conflictIds;
    if (/subject/i.test(param)) return topSubject ? [s.topSubjectId] : s.subjectIds;
    return s.entityIds;
  };
  const fill = (i: number, topSubject = false) =>
    params.reduce((url, param) => {
      if (/metric/i.test(param)) return url.replace(`:${param}`, 'killed');
      const ids = idsFor(param, topSubject);
      return url.replace(`:${param}`, String(ids[i % ids.length]));
    }, pattern);
  const urls = params.length === 0 ? [pattern] : Array.from({ length: Math.max(1, s.sourceIds.length) }, (_, i) => fill(i));
  const specs: PageSpec[] = [{ label: `${name} (${pattern})`, urls }];
  if (params.some((param) => /subject/i.test(param))) {
    specs[0]!.label = `${name} (${pattern}, random subjects)`;
    specs.push({ label: `${name} (most claimed subject)`, urls: [fill(0, true)] });
  }
  if (params.length === 0 && /search/i.test(name)) {
    specs.push(
      { label: `${name} ?q=killed (common word)`, urls: [`${pattern}?q=killed`] },
      { label: `${name} ?q=(a subject)`, urls: [`${pattern}?q=${encodeURIComponent(s.topSubject)}`] },
      { label: `${name} ?q=generators power (rare words)`, urls: [`${pattern}?q=generators+power`] },
    );
  }
  if (params.length === 0 && /conflicts/i.test(name)) {
    specs.push(
      { label: `${name} ?status=open`, urls: [`${pattern}?status=open`] },
      { label: `${name}, page 100`, urls: [`${pattern}?page=100`] },
      { label: `${name} ?subject=(top)`, urls: [`${pattern}?subject=${encodeURIComponent(s.topSubject)}`] },
    );
  }
  if (params.length === 0 && /entities/i.test(name)) specs.push({ label: `${name}, page 20`, urls: [`${pattern}?page=20`] });
  if (params.length === 0 && /fact/i.test(name)) {
    specs.push(
      { label: `${name} ?subject=(top)&metric=killed`, urls: [`${pattern}?subject=${encodeURIComponent(s.topSubject)}&metric=killed`] },
      { label: `${name} ?subject=(rare)`, urls: [`${pattern}?subject=${encodeURIComponent(s.rareSubject)}`] },
    );
  }
  return specs;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One GET over HTTP, the whole body read; resolves with the status and elapsed milliseconds. */
function get(port: number, url: string): Promise<{ status: number; ms: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.get({ host: '127.0.0.1', port, path: url, agent, headers: { accept: url.includes('.csv') || url.includes('.json') ? '*/*' : 'text/html' } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: Number(process.hrtime.bigint() - started) / 1e6, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function measure(file: string, requests: number): Promise<void> {
  const config = loadConfig({ dbPath: file });
  const db = openAppDatabase(config, clock, file);
  const samples = sampleIds(db, 40);
  const counts = {
    sources: db.prepare('SELECT count(*) FROM sources').pluck().get() as number,
    claims: db.prepare('SELECT count(*) FROM claims').pluck().get() as number,
    conflicts: db.prepare('SELECT count(*) FROM conflicts').pluck().get() as number,
  };
  const server = createApp({ db, clock, config }).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  console.log(
    `pages: ${counts.sources.toLocaleString('en-US')} sources, ${counts.claims.toLocaleString('en-US')} claims, ` +
      `${counts.conflicts.toLocaleString('en-US')} conflicts; ${requests} requests per page after warm-up, one at a time over HTTP`,
  );
  console.log(`  ${'page'.padEnd(52)} ${'reqs'.padStart(5)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'max'.padStart(7)}  ${'KB'.padStart(6)}`);

  let worst = { p95: 0, label: '' };
  let linked = { p95: 0, label: '' };
  const skipped: string[] = [];
  for (const spec of pageSpecs(samples)) {
    const probe = await get(port, spec.urls[0] as string);
    if (probe.status !== 200) {
      skipped.push(`${spec.label} → ${probe.status}`);
      continue;
    }
    for (let i = 0; i < 3; i += 1) await get(port, spec.urls[(i + 1) % spec.urls.length] as string);
    const times: number[] = [];
    let bytes = 0;
    const statuses = new Set<number>();
    for (let i = 0; i < requests; i += 1) {
      const result = await get(port, spec.urls[i % spec.urls.length] as string);
      times.push(result.ms);
      bytes += result.bytes;
      statuses.add(result.status);
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    if (p95 > worst.p95) worst = { p95, label: spec.label };
    if (p95 > linked.p95 && !spec.label.endsWith(BEYOND)) linked = { p95, label: spec.label };
    const odd = [...statuses].filter((status) => status !== 200);
    console.log(
      `  ${spec.label.slice(0, 52).padEnd(52)} ${String(requests).padStart(5)} ${percentile(times, 50).toFixed(1).padStart(7)} ` +
        `${p95.toFixed(1).padStart(7)} ${(times[times.length - 1] as number).toFixed(1).padStart(7)}  ${(bytes / requests / 1024).toFixed(0).padStart(6)}` +
        `${p95 > BUDGET_MS ? '  OVER' : ''}${odd.length ? `  (also status ${odd.join(', ')})` : ''}`,
    );
  }
  if (skipped.length) console.log(`  skipped (not 200 on GET): ${skipped.join('; ')}`);
  console.log(`  * past page ${Math.ceil(CLAIM_COUNT_CAP / 50)}, the last one the claims list links to (its count stops at ${CLAIM_COUNT_CAP.toLocaleString('en-US')}); typed URLs only`);
  console.log(`  worst p95 of the pages the app links to: ${linked.p95.toFixed(1)} ms${linked.label ? ` — ${linked.label}` : ''}`);
  const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
  console.log(`  peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB (server and client; the build ran in its own process)`);
  console.log(`worst p95 ${worst.p95.toFixed(1)} ms (budget ${BUDGET_MS} ms)${worst.label ? ` — ${worst.label}` : ''}`);
  agent.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  db.close();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--build') {
    buildDatabase(args[1] as string, { sources: Number(args[2]), claims: Number(args[3]) });
    return;
  }
  const small = args.includes('--small');
  const size: Size = small ? { sources: 10_000, claims: 100_000 } : { sources: 100_000, claims: 1_000_000 };
  const at = args.indexOf('--requests');
  const requests = at >= 0 ? Math.max(1, Number(args[at + 1]) || 40) : 40;
  const file = path.join(os.tmpdir(), `crosscheck-bench-pages-v${FIXTURE_VERSION}-${size.sources}-${size.claims}.sqlite`);
  if (args.includes('--fresh')) for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  if (!existsSync(file)) {
    console.log(`pages: building ${file} (once per size; --fresh rebuilds)`);
    const built = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--build', file, String(size.sources), String(size.claims)], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('building the bench database failed');
  }
  await measure(file, requests);
}

await main();
