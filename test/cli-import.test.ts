// `crosscheck import` with URLs, PDFs and archives, as a script runs it: the built CLI (dist/cli.js; `npm test`
// builds it first) in a child process, against a local HTTP server in this process.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config.js';
import { getSource, countSources } from '../src/store/sources.js';
import { openDatabase } from '../src/store/database.js';
import { MIGRATIONS_DIR, makePdf } from './helpers/index.js';
import { body, PAGE, startTestServer, type TestServer } from './helpers/http-server.js';

const CLI = path.join(PROJECT_ROOT, 'dist', 'cli.js');
let dir: string;
let server: TestServer;

/** Runs the CLI without blocking this process (the test server must keep answering). */
export function crosscheck(env: Record<string, string>, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, CROSSCHECK_DB: path.join(dir, 'not-this.sqlite'), ...env } }, (err, stdout, stderr) => {
      resolve({ status: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function sourcesIn(dbFile: string) {
  const db = openDatabase(dbFile, { migrationsDir: MIGRATIONS_DIR });
  try {
    return Array.from({ length: countSources(db) }, (_, i) => getSource(db, i + 1));
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-cli-import-'));
  server = await startTestServer();
  server.route('/article.html', body('text/html', PAGE));
  server.route('/loop', (_req, res) => {
    res.writeHead(307, { location: '/loop' });
    res.end();
  });
  server.route('/slow', (_req, res) => {
    const timer = setTimeout(() => res.end('late'), 10_000);
    res.on('close', () => clearTimeout(timer));
  });
  server.route('/huge', (_req, res) => {
    // 20 MB without a Content-Length: the 10 MB cap counts the bytes as they come.
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    for (let i = 0; i < 20; i++) res.write(chunk);
    res.end();
  });
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('crosscheck import URL', () => {
  it('imports a page by URL with the setting, keeping the URL; a redirect loop, a 20 MB answer and a slow one fail clearly and store nothing', async () => {
    const db = path.join(dir, 'urls.sqlite');
    const env = { CROSSCHECK_ALLOW_PRIVATE_URLS: '1', CROSSCHECK_FETCH_TIMEOUT_SECONDS: '2' };
    const run = await crosscheck(env, 'import', '--db', db, server.url('/article.html'), server.url('/loop'), server.url('/huge'), server.url('/slow'));
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`source #1 ${server.url('/article.html')}: \\d+ candidate claims`));
    expect(run.stderr).toContain(`${server.url('/loop')}: ${server.url('/loop')} redirects more than 5 times`);
    expect(run.stderr).toMatch(/\/huge: .* is larger than 10 MB; nothing was imported/);
    expect(run.stderr).toMatch(/\/slow: .* did not send the document within 2 s/);
    expect(run.stdout).toContain('Imported 1 of 4 files (0 already there, 3 failed)');
    const [source, ...rest] = sourcesIn(db);
    expect(rest).toEqual([]);
    expect(source).toMatchObject({ title: 'Floods cut the Portbrak road', fetchedUrl: server.url('/article.html') });
  });

  it('refuses a loopback URL without the setting', async () => {
    const db = path.join(dir, 'refused.sqlite');
    const run = await crosscheck({}, 'import', '--db', db, server.url('/article.html'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('127.0.0.1 is a loopback address');
    expect(sourcesIn(db)).toEqual([]);
  });
});

describe('crosscheck import FILE.pdf', () => {
  it('imports the text layer of a PDF, one paragraph per page; a PDF without text is refused with a message', async () => {
    const report = path.join(dir, 'report.pdf');
    const scanned = path.join(dir, 'scanned.pdf');
    writeFileSync(report, makePdf([['Korvan Front, weekly note.', 'The monitor counted 61 damaged homes.'], ['Around 2,000 people left the area.']]));
    writeFileSync(scanned, makePdf([[], []]));
    const db = path.join(dir, 'pdf.sqlite');
    const run = await crosscheck({}, 'import', '--db', db, '--published', '2024-06-01', '--publisher', 'Korvan Monitor', report, scanned);
    expect(run.stderr).toContain('scanned.pdf has no text layer (a scanned document?)');
    expect(sourcesIn(db).map((s) => [s.body, s.mediaType])).toEqual([
      ['Korvan Front, weekly note. The monitor counted 61 damaged homes.\n\nAround 2,000 people left the area.', 'application/pdf'],
    ]);
  });
});

describe('crosscheck import ARCHIVE', () => {
  const STORY_A = 'The Portbrak harbour office said 18 boats were lost in the storm.';
  const STORY_B = 'Officials in East Tarn said 240 homes were without water on Sunday.';

  it('imports the rows of a CSV archive; a row without a date or text is reported with its reason and skipped', async () => {
    const archive = path.join(dir, 'search-export.csv');
    writeFileSync(
      archive,
      'title,publisher,published,url,text\n' +
        `Storm at sea,Harbour Post,2024-02-03T09:00:00Z,https://example.org/a,"${STORY_A}"\n` +
        `No date,Harbour Post,,https://example.org/b,"${STORY_B}"\n` +
        `No text,Harbour Post,2024-02-04,,\n` +
        `Water cut,Tarn Daily,2024-02-05,,"${STORY_B}"\n`,
    );
    const db = path.join(dir, 'csv.sqlite');
    const run = await crosscheck({}, 'import', '--db', db, archive);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('search-export.csv row 2: no published date (column "published"); the row was skipped.');
    expect(run.stderr).toContain('search-export.csv row 3: no text (column "text"); the row was skipped.');
    expect(run.stdout).toContain('Imported 2 of 4 rows (0 already there, 2 failed)');
    expect(sourcesIn(db).map((s) => [s.title, s.publisher, s.publishedAt, s.url, s.body])).toEqual([
      ['Storm at sea', 'Harbour Post', '2024-02-03', 'https://example.org/a', STORY_A],
      ['Water cut', 'Tarn Daily', '2024-02-05', null, STORY_B],
    ]);
  });

  it('maps other field names with --columns in a JSON Lines archive; a bad mapping is refused', async () => {
    const archive = path.join(dir, 'feed.jsonl');
    writeFileSync(archive, [JSON.stringify({ headline: 'Storm at sea', source: 'Harbour Post', date: '2024-02-03', body: STORY_A }), 'not json', ''].join('\n'));
    const db = path.join(dir, 'jsonl.sqlite');
    const run = await crosscheck({}, 'import', '--db', db, '--columns', 'title=headline,publisher=source,published=date,text=body', archive);
    expect(run.stderr).toContain('feed.jsonl row 2: the line is not a JSON object; the row was skipped.');
    expect(sourcesIn(db).map((s) => [s.title, s.publisher, s.body])).toEqual([['Storm at sea', 'Harbour Post', STORY_A]]);
    const bad = await crosscheck({}, 'import', '--db', db, '--columns', 'heading=headline', archive);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('"heading=headline" is not a column mapping');
  });
});

describe('crosscheck feeds', () => {
  it('follows an RSS feed and imports each item by URL once; an Atom feed too; a page that is no feed is refused', async () => {
    const rss = (links: string[]) =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Valdoria Herald feed</title>${links
        .map((link) => `<item><title>Item ${link}</title><link>${server.url(link)}</link><pubDate>Wed, 06 Mar 2024 10:00:00 GMT</pubDate></item>`)
        .join('')}</channel></rss>`;
    server.route('/feed.xml', body('application/rss+xml', rss(['/article.html', '/note.txt'])));
    server.route('/note.txt', body('text/plain', 'The Upper Mires council said 37 schools stayed closed on Monday.\n'));
    server.route('/atom.xml', body('application/atom+xml', `<feed xmlns="http://www.w3.org/2005/Atom"><title>Tarn notes</title><entry><title>Storm</title><link href="/storm.txt"/><updated>2024-03-08T09:00:00Z</updated></entry></feed>`));
    server.route('/storm.txt', body('text/plain', 'The Portbrak harbour office said 18 boats were lost in the storm.\n'));
    const env = { CROSSCHECK_ALLOW_PRIVATE_URLS: '1' };
    const db = path.join(dir, 'feeds.sqlite');

    expect((await crosscheck(env, 'feeds', 'add', '--db', db, server.url('/feed.xml'))).stdout).toContain('Following feed #1 “Valdoria Herald feed” (2 items now');
    expect((await crosscheck(env, 'feeds', 'add', '--db', db, server.url('/atom.xml'))).status).toBe(0);
    const notFeed = await crosscheck(env, 'feeds', 'add', '--db', db, server.url('/article.html'));
    expect(notFeed.status).toBe(1);
    expect(notFeed.stderr).toContain('is text/html, not one of the types imported');

    const first = await crosscheck(env, 'feeds', 'poll', '--db', db);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('feed #1 “Valdoria Herald feed”: 2 new of 2 items');
    expect(first.stdout).toContain('feed #2 “Tarn notes”: 1 new of 1 items');
    expect(first.stdout).toContain('Imported 3 of 3 items');
    // The feed gains an item: only that one is fetched and imported on the next poll.
    server.route('/feed.xml', body('application/rss+xml', rss(['/article.html', '/note.txt', '/late.txt'])));
    server.route('/late.txt', body('text/plain', 'East Tarn officials said 240 homes were without water on Sunday.\n'));
    const second = await crosscheck(env, 'feeds', 'poll', '--db', db);
    expect(second.stdout).toContain('feed #1 “Valdoria Herald feed”: 1 new of 3 items');
    expect(second.stdout).toContain('feed #2 “Tarn notes”: 0 new of 1 items');

    const sources = sourcesIn(db);
    expect(sources.map((s) => s.fetchedUrl)).toEqual([server.url('/article.html'), server.url('/note.txt'), server.url('/storm.txt'), server.url('/late.txt')]);
    // A text page says nothing of itself: the feed's title and the item's title and date fill in.
    expect(sources[1]).toMatchObject({ title: 'Item /note.txt', publisher: 'Valdoria Herald feed', publishedAt: '2024-03-06' });
    expect(sources[2]).toMatchObject({ title: 'Storm', publisher: 'Tarn notes', publishedAt: '2024-03-08' });
  }, 90_000);
});

describe('crosscheck feeds poll with a failing item', () => {
  it('reports each failed attempt, gives the item up after CROSSCHECK_FEED_ATTEMPTS and lists it', async () => {
    let hits = 0;
    server.route('/down.txt', (_req, res) => {
      hits += 1;
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('bad gateway');
    });
    server.route('/down-feed.xml', body('application/rss+xml', `<rss version="2.0"><channel><title>Mires wire</title><item><title>Down</title><link>${server.url('/down.txt')}</link></item></channel></rss>`));
    const env = { CROSSCHECK_ALLOW_PRIVATE_URLS: '1', CROSSCHECK_FEED_ATTEMPTS: '2' };
    const db = path.join(dir, 'failing-feed.sqlite');
    expect((await crosscheck(env, 'feeds', 'add', '--db', db, server.url('/down-feed.xml'))).status).toBe(0);

    const first = await crosscheck(env, 'feeds', 'poll', '--db', db);
    expect(first.status).toBe(1);
    expect(first.stdout).toContain(`failed ${server.url('/down.txt')}: ${server.url('/down.txt')} answered 502`);
    expect(first.stdout).toContain('(attempt 1 of 2: tried again on the next poll)');
    const second = await crosscheck(env, 'feeds', 'poll', '--db', db);
    expect(second.stdout).toContain('(attempt 2 of 2: given up)');
    const third = await crosscheck(env, 'feeds', 'poll', '--db', db);
    expect(third.status).toBe(0);
    expect(third.stdout).toContain('feed #1 “Mires wire”: 0 new of 1 items, 1 given up after 2 failed attempts');
    expect(third.stdout).toContain(`given up ${server.url('/down.txt')}: failed 2 times, last: ${server.url('/down.txt')} answered 502`);
    expect(third.stdout).toContain('1 items not fetched: given up after 2 failed attempts (see crosscheck feeds list).');
    expect(hits).toBe(2);
    const list = await crosscheck(env, 'feeds', 'list', '--db', db);
    expect(list.stdout).toContain('0 items taken, 1 failing');
    expect(list.stdout).toMatch(new RegExp(`given up ${server.url('/down.txt').replace(/[.?]/g, '\\$&')}: failed 2 of 2 attempts, last at \\S+: .*answered 502`));
    expect(sourcesIn(db)).toEqual([]);
  }, 90_000);
});

describe('crosscheck refetch', () => {
  it('stores a changed text as a new version with its claims flagged; an unchanged one is left as it is', async () => {
    server.route('/wire.txt', body('text/plain', 'The Korvan Front office said 64 shelters were open on Friday.\n\nIt said 9 roads were closed.\n'));
    const env = { CROSSCHECK_ALLOW_PRIVATE_URLS: '1' };
    const db = path.join(dir, 'refetch.sqlite');
    expect((await crosscheck(env, 'import', '--db', db, '--published', '2024-05-03', server.url('/wire.txt'))).status).toBe(0);
    const same = await crosscheck(env, 'refetch', '--db', db);
    expect(same.stdout).toContain('source #1: unchanged since');
    server.route('/wire.txt', body('text/plain', 'The Korvan Front office said 71 shelters were open on Friday.\n\nIt said 9 roads were closed.\n'));
    const changed = await crosscheck(env, 'refetch', '--db', db, '1');
    expect(changed.stderr).toBe('');
    expect(changed.stdout).toMatch(/source #1: the text changed; stored as version 2, source #2 \(\d+ candidate claims\); flagged for review: 1 with a changed quote, 1 whose figure vanished/);
    expect(sourcesIn(db).map((s) => s.previousVersionId)).toEqual([null, 1]);
  }, 60_000);
});
