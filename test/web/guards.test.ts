// The guards around every request (issue 11, "smaller gaps"): writes from other sites, the Host check for the
// address actually bound, publication dates in a sane range, the size message for a huge paste, a readable answer
// for an over-long search address, and a database file only its owner can read.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { PROJECT_ROOT } from '../../src/config.js';
import { createServer } from '../../src/web/server.js';
import { checkpointWal, JOURNAL_SIZE_LIMIT_BYTES, openDatabase } from '../../src/store/database.js';
import { createUser } from '../../src/store/users.js';
import { getSource } from '../../src/store/sources.js';
import { MIGRATIONS_DIR, TEST_CTX, makeSource } from '../helpers/index.js';
import { csrfToken, html, tableCounts, testApp } from './harness.js';

const CLI = path.join(PROJECT_ROOT, 'dist', 'cli.js');
const ARTICLE = 'Officials said on Monday that 42 people had been evacuated after the shelling.\n';
const META = { title: 'Evacuations', publisher: 'The Harbour Times', published: '2018-04-09' };
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-guards-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('writes from another site', () => {
  const HOST = '127.0.0.1:3000';

  async function post(headers: Record<string, string>) {
    const t = testApp();
    const _csrf = await csrfToken(t.agent);
    const before = tableCounts(t.db);
    let req = t.agent.post('/sources').set('Host', HOST).type('form');
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    const res = await req.send({ _csrf, ...META, body: ARTICLE });
    return { res, changed: JSON.stringify(tableCounts(t.db)) !== JSON.stringify(before) };
  }

  it('refuses a cross-origin write that carries a valid token pair (403, a clear message, nothing stored)', async () => {
    const forged: Record<string, string>[] = [
      { Origin: 'http://attacker.example' },
      { Origin: 'null' },
      { Origin: 'http://127.0.0.1:4000' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site', Origin: `http://${HOST}` },
    ];
    for (const headers of forged) {
      const { res, changed } = await post(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(html(res.text).body.textContent).toContain('Crosscheck accepts changes only from its own pages');
      expect(changed).toBe(false);
    }
  });

  it('accepts writes from its own pages and from clients that send no Origin (command line, scripts)', async () => {
    const own: Record<string, string>[] = [{ Origin: `http://${HOST}`, 'Sec-Fetch-Site': 'same-origin' }, { 'Sec-Fetch-Site': 'none' }, {}];
    for (const headers of own) {
      const { res, changed } = await post(headers);
      expect(res.status, JSON.stringify(headers)).toBe(303);
      expect(changed).toBe(true);
    }
  });
});

/** A database file with one account, so `serve` may bind beyond loopback (it refuses while no account exists). */
function databaseWithAccount(file: string): string {
  const db = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
  createUser(db, { name: 'ilse', role: 'admin', passwordHash: 'not used here' }, TEST_CTX);
  db.close();
  return file;
}

describe('one host for listen and the Host check', () => {
  it('bound to every interface, answers only the listed names (not localhost unless listed)', async () => {
    const { app } = testApp({ host: '0.0.0.0', allowedHosts: ['box.lan'] });
    await request(app).get('/').set('Host', 'box.lan:3000').expect(200);
    for (const host of ['localhost:3000', '127.0.0.1:3000', 'attacker.example']) {
      const res = await request(app).get('/').set('Host', host).expect(421);
      expect(res.text).toContain('CROSSCHECK_ALLOWED_HOSTS');
    }
  });

  it('bound to a specific address, answers to that address and the listed names', async () => {
    const { app } = testApp({ host: '192.168.1.5' });
    await request(app).get('/').set('Host', '192.168.1.5:3000').expect(200);
    await request(app).get('/').set('Host', 'localhost:3000').expect(421);
  });

  it('bound to every interface without a list, refuses to start and says what to set', () => {
    expect(() => testApp({ host: '0.0.0.0' })).toThrow(/CROSSCHECK_ALLOWED_HOSTS/);
    const run = spawnSync(process.execPath, [CLI, 'serve', '--db', databaseWithAccount(path.join(tempDir(), 'x.sqlite')), '--host', '0.0.0.0', '--port', '0'], {
      encoding: 'utf8',
      env: { ...process.env, CROSSCHECK_ALLOWED_HOSTS: '', CROSSCHECK_HOST: '' },
      timeout: 15_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('set CROSSCHECK_ALLOWED_HOSTS');
  });

  it('`serve --host 0.0.0.0` checks Host against that bind, not the default 127.0.0.1', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--db', databaseWithAccount(path.join(tempDir(), 'serve.sqlite')), '--host', '0.0.0.0', '--port', '0'], {
      env: { ...process.env, CROSSCHECK_ALLOWED_HOSTS: 'box.lan' },
    });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /serving http:\/\/0\.0\.0\.0:(\d+)\//.exec(out);
          if (match) resolve(Number(match[1]));
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const status = (host: string) =>
        new Promise<number>((resolve, reject) => {
          http.get({ host: '127.0.0.1', port, path: '/login', headers: { Host: host } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          }).on('error', reject);
        });
      expect(await status(`localhost:${port}`)).toBe(421);
      expect(await status(`box.lan:${port}`)).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});

describe('published dates', () => {
  it('refuses dates before 1900 or more than a year after today, with the message beside the field', async () => {
    // FIXED_NOW is 2026-01-15, so the latest accepted date is 2027-01-15.
    for (const published of ['9999-12-31', '0001-01-01', '1899-12-31', '2027-01-16']) {
      const t = testApp();
      const _csrf = await csrfToken(t.agent);
      const before = tableCounts(t.db);
      const res = await t.agent.post('/sources').type('form').send({ _csrf, ...META, published, body: ARTICLE });
      expect(res.status, published).toBe(422);
      expect(html(res.text).querySelector('#published-error')?.textContent).toContain('between 1900-01-01 and 2027-01-15');
      expect(tableCounts(t.db)).toEqual(before);
    }
  });

  it('accepts the bounds themselves, and an edit keeps an older source date it does not change', async () => {
    const t = testApp();
    for (const [i, published] of ['1900-01-01', '2027-01-15'].entries()) {
      const _csrf = await csrfToken(t.agent);
      await t.agent.post('/sources').type('form').send({ _csrf, ...META, published, body: `${ARTICLE}${i}` }).expect(303);
    }
    // A source stored before the range existed.
    const stored = makeSource(t.db, { title: 'Old', body: 'An archive text of 1850.' });
    t.db.prepare("UPDATE sources SET published_at = '1850-03-01' WHERE id = ?").run(stored.id);
    const old = getSource(t.db, stored.id);
    const _csrf = await csrfToken(t.agent, `/sources/${old.id}/edit`);
    const form = { _csrf, title: 'Old, retitled', publisher: old.publisher, published: '1850-03-01', version: String(old.version) };
    await t.agent.post(`/sources/${old.id}/edit`).type('form').send(form).expect(303);
    expect(getSource(t.db, old.id).title).toBe('Old, retitled');
    const bad = await t.agent.post(`/sources/${old.id}/edit`).type('form').send({ ...form, published: '1850-03-02', version: String(old.version + 1) });
    expect(bad.status).toBe(422);
    expect(getSource(t.db, old.id).publishedAt).toBe('1850-03-01');
  });

  it('the command line refuses a file dated 9999-12-31 and says why', () => {
    const dir = tempDir();
    const file = path.join(dir, 'future.md');
    writeFileSync(file, `---\ntitle: Far future\npublisher: Wire\npublished: 9999-12-31\n---\n${ARTICLE}`);
    const run = spawnSync(process.execPath, [CLI, 'import', '--db', path.join(dir, 'db.sqlite'), file], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/failed .*future\.md: .*published date must be between 1900-01-01 and/);
  });
});

describe('an oversized body', () => {
  it('a 50 MB paste answers with the size message (413), not a CSRF error, and stores nothing', async () => {
    const t = testApp();
    const _csrf = await csrfToken(t.agent);
    const before = tableCounts(t.db);
    const big = 'x'.repeat(50 * 1024 * 1024);
    const res = await t.agent.post('/sources').type('form').send({ _csrf, ...META, body: big });
    expect(res.status).toBe(413);
    expect(html(res.text).querySelector('#body-error')?.textContent).toMatch(/^The pasted text is larger than 5 MB/);
    expect(res.text).not.toContain('CSRF');
    const json = await t.agent.post('/sources.json').type('form').send({ _csrf, ...META, body: big });
    expect(json.status).toBe(413);
    expect(JSON.parse(json.text).error).toMatchObject({ code: 'too_large' });
    expect(tableCounts(t.db)).toEqual(before);
  });
});

describe('an over-long search address', () => {
  async function get(server: http.Server, pathname: string): Promise<{ status: number; body: string }> {
    const { port } = server.address() as AddressInfo;
    return new Promise((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path: pathname, headers: { Host: `127.0.0.1:${port}` } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      }).on('error', reject);
    });
  }

  it('a 100,000-character search gets the page with the length message; a longer address a readable 431', async () => {
    const { app } = testApp();
    const server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const long = await get(server, `/search?q=${'a'.repeat(100_000)}`);
      expect(long.status).toBe(422);
      expect(html(long.body).querySelector('.search-message')?.textContent).toBe('That search is too long: use at most 500 characters.');
      const huge = await get(server, `/search?q=${'a'.repeat(400_000)}`);
      expect(huge.status).toBe(431);
      expect(huge.body).toContain('too long');
    } finally {
      server.close();
    }
  });
});

describe('the database file', () => {
  it('is created readable by its owner only, WAL and shared-memory files too', () => {
    const file = path.join(tempDir(), 'private.sqlite');
    const db = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
    try {
      db.prepare("INSERT INTO app_settings (key, value) VALUES ('probe', 'x')").run();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect((statSync(f).mode & 0o777).toString(8), f).toBe('600');
    } finally {
      db.close();
    }
  });

  it('limits the WAL size and checkpoints it', () => {
    const file = path.join(tempDir(), 'wal.sqlite');
    const db = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
    try {
      expect(db.pragma('journal_size_limit', { simple: true })).toBe(JOURNAL_SIZE_LIMIT_BYTES);
      db.prepare("INSERT INTO app_settings (key, value) VALUES ('probe', 'x')").run();
      expect(checkpointWal(db)).toBe(true);
    } finally {
      db.close();
    }
  });
});

describe('static files', () => {
  it('are linked with a content hash and cached for a year at that address; the bare address revalidates with its ETag', async () => {
    const { agent } = testApp();
    const page = html((await agent.get('/').expect(200)).text);
    const href = page.querySelector('link[rel="stylesheet"]')?.getAttribute('href') ?? '';
    expect(href).toMatch(/^\/static\/app\.css\?v=[0-9a-f]{12}$/);
    expect(page.querySelector('script[src]')?.getAttribute('src')).toMatch(/^\/static\/app\.js\?v=[0-9a-f]{12}$/);
    const versioned = await agent.get(href).expect(200);
    expect(versioned.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const bare = await agent.get('/static/app.css').expect(200);
    expect(bare.headers['cache-control']).toBe('no-cache');
    expect(bare.headers.etag).toBeTruthy();
    await agent.get('/static/app.css').set('If-None-Match', bare.headers.etag as string).expect(304);
  });
});
