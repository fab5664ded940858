// `crosscheck import` with URLs, PDFs and archives, as a script runs it: the built CLI (dist/cli.js; `npm test`
// builds it first) in a child process, against a local HTTP server in this process.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config.js';
import { getSource, openDatabase, countSources } from '../src/store/index.js';
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
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('crosscheck import URL', () => {
  it('imports a page by URL with the setting, keeping the URL; a redirect loop fails clearly and stores nothing', async () => {
    const db = path.join(dir, 'urls.sqlite');
    const run = await crosscheck({ CROSSCHECK_ALLOW_PRIVATE_URLS: '1' }, 'import', '--db', db, server.url('/article.html'), server.url('/loop'));
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`source #1 ${server.url('/article.html')}: \\d+ candidate claims`));
    expect(run.stderr).toContain(`${server.url('/loop')}: ${server.url('/loop')} redirects more than 5 times`);
    expect(run.stdout).toContain('Imported 1 of 2 files (0 already there, 1 failed)');
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
