// HTML too deep or too large to read as an article is refused before Readability sees it: a 1,000-deep and a
// 20,000-deep nested-<div> upload each answer within 2 s with a clear 422 beside the file field and store nothing
// (they used to block the server for 30 s, or overflow the stack); the command line refuses them the same way.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocumentFile } from '../../src/app/files.js';
import { htmlBoundsProblem, MAX_HTML_DEPTH } from '../../src/html-bounds.js';
import { csrfToken, html, tableCounts, testApp } from './harness.js';

const PARA = '<p>Officials said on Monday that 42 people were killed in the shelling, the ministry said.</p>';
const nested = (depth: number) => `<!doctype html><html><head><title>Deep</title></head><body>${'<div>'.repeat(depth)}${PARA}${'</div>'.repeat(depth)}</body></html>`;
const dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-html-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function upload(page: string) {
  const t = testApp();
  const _csrf = await csrfToken(t.agent);
  const before = tableCounts(t.db);
  const started = performance.now();
  const res = await t.agent
    .post('/sources')
    .field('_csrf', _csrf)
    .field('publisher', 'Wire')
    .field('published', '2019-03-04')
    .attach('file', Buffer.from(page), 'page.html');
  return { res, ms: performance.now() - started, unchanged: JSON.stringify(tableCounts(t.db)) === JSON.stringify(before) };
}

describe('HTML bounds', () => {
  for (const depth of [1_000, 20_000]) {
    it(`a ${depth.toLocaleString('en')}-deep nested-div upload answers within 2 s with a 422 beside the file field, storing nothing`, async () => {
      const { res, ms, unchanged } = await upload(nested(depth));
      expect(res.status).toBe(422);
      expect(html(res.text).querySelector('#file-error')?.textContent).toContain(`more than ${MAX_HTML_DEPTH} levels deep`);
      expect(ms).toBeLessThan(2000);
      expect(unchanged).toBe(true);
    });
  }

  it('a page of more than 30,000 elements is refused with its own message', async () => {
    const { res, unchanged } = await upload(`<html><body>${'<span>a</span>'.repeat(30_001)}</body></html>`);
    expect(res.status).toBe(422);
    expect(html(res.text).querySelector('#file-error')?.textContent).toContain('more than 30,000 elements');
    expect(unchanged).toBe(true);
  });

  it('an ordinary article page (unclosed <p>s, void elements, scripts) is within the bounds and is imported', async () => {
    const page = `<html><head><title>Shelling</title><script>if (a < b) { document.write('<div><div><div>') }</script></head><body>${'<div><section>'.repeat(20)}<p>First<br>line<img src=x><p>${PARA.slice(3)}${'</section></div>'.repeat(20)}${'<p>More text'.repeat(500)}</body></html>`;
    expect(htmlBoundsProblem(page)).toBeNull();
    const { res } = await upload(page);
    expect(res.status).toBe(303);
  });

  it('the command line refuses a deep file with the same message', () => {
    const file = path.join(dir, 'deep.html');
    writeFileSync(file, nested(20_000));
    expect(() => readDocumentFile(file)).toThrow(`more than ${MAX_HTML_DEPTH} levels deep`);
  });
});
