// npm run bench:import [-- --articles N] · npm run bench:archive (the same articles as rows of one CSV archive)
// The real `crosscheck import` on a folder of 1,000 generated articles of about 5 KB into a fresh database: the
// whole CLI path (read, store, extract, recompute conflicts), as a user runs it. With --archive the articles are
// the rows of one archive.csv (title, publisher, published, text) instead of files. Prints total seconds, articles
// per second, claims and conflicts stored and the import's peak RSS, against the 60 s budget. Never fails on time.
// The progress bar shows when this bench runs on a terminal (the CLI draws it on a TTY only).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { openDatabase } from '../store/database.js';
import { between, generateArticle, prng, vocabulary } from './fixtures.js';

const BUDGET_S = 60;
const ARTICLE_BYTES = 5 * 1024;

/**
 * Writes `count` articles as Markdown with front matter (title, outlet, publication date over 2012–2024), so the
 * cross-check compares figures across dates as it does on a real archive. (The CLI's --published flag overrides
 * every file's own date, which would put 1,000 articles on one day.)
 */
function writeCorpus(dir: string, count: number, archive: boolean): { bytes: number; figures: number } {
  const rand = prng(20190319);
  // A small vocabulary, so articles keep returning to the same subjects and the cross-check has facts to compare.
  const vocab = vocabulary({ subjects: 150, speakers: 120, publishers: 40 });
  let bytes = 0;
  let figures = 0;
  const rows: string[][] = [['title', 'publisher', 'published', 'text']];
  for (let i = 0; i < count; i += 1) {
    const article = generateArticle(rand, vocab, { bytes: between(rand, ARTICLE_BYTES - 700, ARTICLE_BYTES + 700), claimCount: between(rand, 6, 16) });
    figures += article.claims.length;
    if (archive) {
      rows.push([article.title, article.publisher, article.publishedAt, article.body]);
      bytes += article.body.length;
      continue;
    }
    const name = `article-${String(i + 1).padStart(4, '0')}`;
    const author = i % 3 === 0 ? '' : `author: "Staff reporter"\n`;
    const text = `---\ntitle: ${JSON.stringify(article.title)}\npublisher: ${JSON.stringify(article.publisher)}\n${author}published: "${article.publishedAt}"\n---\n${article.body}`;
    writeFileSync(path.join(dir, `${name}.md`), text);
    bytes += text.length;
  }
  if (archive) writeFileSync(path.join(dir, 'archive.csv'), stringify(rows));
  return { bytes, figures };
}

/** Runs the CLI; a preloaded hook writes the process's peak RSS (KB) and CPU time (µs) to `rssFile` when it exits. */
function runImport(args: string[], rssFile: string): Promise<{ code: number; stdout: string }> {
  const hook = `import { writeFileSync } from 'node:fs'; process.on('exit', () => { const u = process.resourceUsage(); writeFileSync(${JSON.stringify(rssFile)}, u.maxRSS + ' ' + (u.userCPUTime + u.systemCPUTime)); });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(hook)}`, ...args], {
      // stderr is inherited: on a terminal the progress bar shows there.
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout }));
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--articles');
  const count = at >= 0 ? Math.max(1, Number(args[at + 1]) || 1000) : 1000;
  const archive = args.includes('--archive');
  const work = mkdtempSync(path.join(os.tmpdir(), 'crosscheck-bench-import-'));
  try {
    const dir = path.join(work, 'articles');
    mkdirSync(dir);
    const corpus = writeCorpus(dir, count, archive);
    const dbFile = path.join(work, 'import.sqlite');
    const rssFile = path.join(work, 'rss');
    const cli = fileURLToPath(new URL('../cli.js', import.meta.url));
    console.log(`import: ${count} articles${archive ? ' as rows of one CSV archive' : ''}, ${(corpus.bytes / count / 1024).toFixed(1)} KB each on average, into a fresh database`);

    const started = process.hrtime.bigint();
    const result = await runImport([cli, 'import', '--db', dbFile, archive ? path.join(dir, 'archive.csv') : dir], rssFile);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;

    const db = openDatabase(dbFile, { migrate: false });
    const count1 = (sql: string): number => (db.prepare(sql).pluck().get() as number) ?? 0;
    const stored = { sources: count1('SELECT count(*) FROM sources'), claims: count1('SELECT count(*) FROM claims'), conflicts: count1('SELECT count(*) FROM conflicts') };
    db.close();
    const [rssKb, cpuUs] = readFileSync(rssFile, 'utf8').split(' ').map(Number) as [number, number];
    const summary = result.stdout.trim().split('\n').at(-1) ?? '';

    console.log(`  CLI: ${summary}${result.code === 0 ? '' : ` (exit code ${result.code})`}`);
    console.log(`  ${seconds.toFixed(1)} s total (node start, migration, read, store, extract, conflicts), ${(count / seconds).toFixed(1)} articles/s`);
    console.log(`  stored: ${stored.sources} sources, ${stored.claims} claims (${(stored.claims / Math.max(1, stored.sources)).toFixed(1)} per article), ${stored.conflicts} conflicts`);
    // CPU time is steadier than wall time when other work shares the cores
    console.log(`  ${(cpuUs / 1e6).toFixed(1)} CPU seconds in the import process, ${(count / (cpuUs / 1e6)).toFixed(1)} articles per CPU second`);
    console.log(`  peak RSS of the import process ${(rssKb / 1024).toFixed(0)} MB`);
    console.log(`  budget: 1,000 articles <= ${BUDGET_S} s — ${seconds * (1000 / count) <= BUDGET_S ? 'met' : 'NOT met'}${count === 1000 ? '' : ' (scaled to 1,000)'}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
