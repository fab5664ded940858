// The README's quick start as a new desk meets it, with the built CLI over a fresh database: the first start says
// which command creates the first admin, that command works, and the sample set loads for that admin.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config.js';
import { html } from './web/harness.js';

const CLI = path.join(PROJECT_ROOT, 'dist', 'cli.js');
const PASSWORD = 'a long quick-start password';
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does).`);
  dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-quick-start-'));
  env = { ...process.env, CROSSCHECK_DB: path.join(dir, 'crosscheck.sqlite') };
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Starts `crosscheck serve` on a free port; resolves with its base URL and everything it printed so far. */
function serve(): Promise<{ child: ChildProcess; base: string; out: string }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { env });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      // The hint for the first admin is written right after the address, in the same tick.
      if (match) setTimeout(() => resolve({ child, base: match[1]!, out }), 200);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}

describe('the quick start', () => {
  it('names the command for the first admin on first start, and loads the sample set for that admin', { timeout: 90_000 }, async () => {
    const first = await serve();
    first.child.kill('SIGTERM');
    expect(first.out).toContain('No accounts yet');
    expect(first.out).toContain('crosscheck users add NAME --role admin');

    const add = spawnSync(process.execPath, [CLI, 'users', 'add', 'ilse', '--role', 'admin', '--password-stdin'], { env, input: `${PASSWORD}\n`, encoding: 'utf8', timeout: 30_000 });
    expect(add.status, add.stderr).toBe(0);

    const { child, base, out } = await serve();
    try {
      expect(out).not.toContain('No accounts yet');
      const agent = request.agent(base);
      const login = html((await agent.get('/login').expect(200)).text);
      const loginToken = login.querySelector('input[name="_csrf"]')?.getAttribute('value') ?? '';
      await agent.post('/login').type('form').send({ _csrf: loginToken, username: 'ilse', password: PASSWORD }).expect(303);
      const dashboard = html((await agent.get('/').expect(200)).text);
      const form = dashboard.querySelector('form[action="/samples"]');
      expect(form?.querySelector('button')?.textContent).toBe('Load the sample set');
      await agent.post('/samples').type('form').send({ _csrf: form?.querySelector('input[name="_csrf"]')?.getAttribute('value') ?? '' }).expect(303);
      const sources = await agent.get('/sources.json').expect(200);
      expect(sources.body.pagination.total).toBe(7);
      const activity = await agent.get('/activity.json?user=ilse').expect(200);
      expect(activity.body.events.length).toBeGreaterThan(0);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
