// Writers on one database file at once: two `crosscheck import` runs (the built CLI, `npm test` builds it first)
// and the web app adding sources, all started on a new file. Every write takes the lock up front (BEGIN
// IMMEDIATE) and waits on the busy timeout, so none of them meets "database is locked".
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, loadConfig } from '../src/config.js';
import { openAppDatabase } from '../src/app/bootstrap.js';
import { countSources } from '../src/store/sources.js';
import { createApp } from '../src/web/app.js';
import { html } from './web/harness.js';

const CLI = path.join(PROJECT_ROOT, 'dist', 'cli.js');
const FILES_PER_IMPORT = 40;
const WEB_POSTS = 20;
let dir: string;

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A short article with figures, distinct per (batch, i). */
function article(batch: string, i: number): string {
  return (
    `---\ntitle: Report ${batch}-${i}\npublisher: ${batch} Wire\npublished: 2019-03-${String((i % 27) + 1).padStart(2, '0')}\n---\n` +
    `Officials in district ${batch}-${i} said on Monday that ${40 + i} people were killed and ${300 + i} wounded in the shelling.\n\n` +
    `A local monitor put the number of displaced at more than ${1000 + i}, a figure the officials did not dispute.\n`
  );
}

function runImport(folder: string, dbFile: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'import', '--db', dbFile, folder], { env: { ...process.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('concurrent writers on one file', () => {
  it('two CLI imports and web posts at once all succeed: no "database is locked", every source stored', async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does).`);
    dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-concurrent-'));
    const dbFile = path.join(dir, 'shared.sqlite');
    const folders = ['alpha', 'beta'].map((batch) => {
      const folder = path.join(dir, batch);
      mkdirSync(folder);
      for (let i = 0; i < FILES_PER_IMPORT; i += 1) writeFileSync(path.join(folder, `${batch}-${i}.md`), article(batch, i));
      return folder;
    });

    // Both imports start on a file that does not exist yet (both migrate and seed it), the web app right after.
    const imports = folders.map((folder) => runImport(folder, dbFile));
    const config = loadConfig({ dbPath: dbFile, csrfSecret: 'concurrent-test-secret' }, {});
    const db = openAppDatabase(config, () => new Date('2026-01-15T12:00:00Z'));
    const agent = request.agent(createApp({ db, clock: () => new Date('2026-01-15T12:00:00Z'), config }));
    const webStatuses: number[] = [];
    try {
      for (let i = 0; i < WEB_POSTS; i += 1) {
        const form = await agent.get('/sources/new').expect(200);
        const _csrf = html(form.text).querySelector('input[name="_csrf"]')?.getAttribute('value') ?? '';
        const res = await agent
          .post('/sources')
          .type('form')
          .send({ _csrf, title: `Web ${i}`, publisher: 'Desk', published: '2019-04-01', body: article('web', i).split('---\n')[2] });
        webStatuses.push(res.status);
      }
      const results = await Promise.all(imports);
      for (const result of results) {
        expect(result.stderr).not.toMatch(/locked|busy/i);
        expect(result.stdout).not.toMatch(/^failed /m);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain(`Imported ${FILES_PER_IMPORT} of ${FILES_PER_IMPORT} files (0 already there, 0 failed)`);
      }
      expect(webStatuses).toEqual(Array(WEB_POSTS).fill(303));
      expect(countSources(db)).toBe(2 * FILES_PER_IMPORT + WEB_POSTS);
    } finally {
      db.close();
    }
  }, 30_000);
});
