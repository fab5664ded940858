// Extraction off the web server's event loop: a pool of worker threads (piscina) runs extract() and reads uploaded
// HTML pages (Readability), so a long or figure-dense paste or a large page keeps one thread busy while the server
// goes on answering everyone else. Each article gets a
// time budget (the worker is stopped when it is spent) and a memory budget (the worker's heap limit); either one
// ends in a clear 422 and nothing is stored. The CLI extracts inline (src/app/importer.ts): it serves nobody else.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { ValidationError } from '../domain/errors.js';
import type { ExtractedClaim, IsoDate, SourceFormat } from '../domain/types.js';
import type { Article } from '../extract/article.js';
import type { SharedLexicon } from './lexicon-cache.js';

/** What one extraction needs; it is copied to the worker thread (the lexicon's shared memory is not: it is shared). */
export interface ExtractJob {
  text: string;
  published: IsoDate;
  publisher: string | null;
  /** the lexicon, written once per version (LexiconCache.shared); the thread prepares it once per version */
  lexicon: SharedLexicon;
  /** Stop after this many claims (extract()'s maxClaims). */
  maxClaims?: number;
}

/** An uploaded document to reduce to its article text. */
export interface ReadJob {
  raw: string;
  format: SourceFormat;
}

/** What the worker answers a ReadJob: the article, or the message of a page over the HTML bounds. */
export type ReadResult = { article: Article } | { refused: string };

export interface ExtractPoolOptions {
  /** Most articles extracted at once (default: one fewer than the cores, at least one). */
  threads?: number;
  /** Time budget of one article in ms (default 30 s). */
  timeoutMs?: number;
  /** Heap budget of one worker in MB (default 512). */
  memoryMb?: number;
}

export interface Extractor {
  /** The article's candidate claims; a ValidationError (422) when it needs more time or memory than its budget. */
  extract(job: ExtractJob): Promise<ExtractedClaim[]>;
  /** readBoundedArticle() in a worker, with the same budgets; a page over the HTML bounds is a ValidationError (field file). */
  readArticle(raw: string, format: SourceFormat): Promise<Article>;
  close(): Promise<void>;
}

/**
 * An article's reading and extraction handed to the pool, as the web app's imports by feed and refetch use it: the
 * page read into its article, and the candidate claims of a text (asked for one more than the cap, as importSource
 * expects). Either one over its budget is a ValidationError whose message an item's failure line or a flash shows.
 */
export interface OffThread {
  read: (raw: string, format: SourceFormat) => Promise<Article>;
  extract(input: { body: string; publishedAt: IsoDate; publisher: string | null }): Promise<ExtractedClaim[]>;
}

/** The pool's OffThread with this lexicon, keeping at most `maxClaims` + 1 claims. */
export function offThread(extractor: Extractor, lexicon: () => SharedLexicon, maxClaims: number): OffThread {
  return {
    read: (raw, format) => extractor.readArticle(raw, format),
    extract: (input) => extractor.extract({ text: input.body, published: input.publishedAt, publisher: input.publisher, lexicon: lexicon(), maxClaims: maxClaims + 1 }),
  };
}

export const DEFAULT_EXTRACT_TIMEOUT_MS = 30_000;
export const DEFAULT_EXTRACT_MEMORY_MB = 512;

/**
 * The compiled worker module. Under the test runner this file is TypeScript in src/app/ while a worker thread can
 * only load JavaScript, so the build's copy in dist/app/ is used (`npm test` builds first).
 */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  // (a CommonJS door that import()s extract-worker.js: see extract-worker-door.cjs)
  if (here.endsWith('.js')) return path.join(path.dirname(here), 'extract-worker-door.cjs');
  return path.join(path.dirname(here), '..', '..', 'dist', 'app', 'extract-worker-door.cjs');
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

/** The message of a task stopped for time or memory: what happened, that nothing was kept, what to do. */
export function budgetMessage(task: 'extract' | 'read', kind: 'time' | 'memory', budget: string): string {
  const what = kind === 'time' ? `took longer than ${budget}` : `needed more than ${budget} of memory`;
  return task === 'extract'
    ? `Reading the figures of this article ${what}, so it was stopped and nothing was stored. Split the article into shorter parts (or remove long tables of numbers) and add each part.`
    : `Reading the article out of this page ${what}, so it was stopped and nothing was stored. Save the article text as .txt or Markdown and upload that instead.`;
}

function isAbort(err: unknown): boolean {
  return err instanceof Error && (err.name === 'AbortError' || /aborted/i.test(err.message));
}

function isOutOfMemory(err: unknown): boolean {
  return err instanceof Error && ((err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(err.message));
}

/** A pool of extraction threads; close() it when the server stops. */
export function createExtractPool(options: ExtractPoolOptions = {}): Extractor {
  const timeoutMs = options.timeoutMs ?? DEFAULT_EXTRACT_TIMEOUT_MS;
  const memoryMb = options.memoryMb ?? DEFAULT_EXTRACT_MEMORY_MB;
  const threads = options.threads ?? Math.max(1, os.availableParallelism() - 1);
  const pool = new Piscina({
    filename: workerFile(),
    minThreads: 0,
    maxThreads: threads,
    // A thread stays a while after its article, so a burst of imports does not start one per article.
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: memoryMb },
  });
  /** Runs one task within the budgets; over one, a ValidationError saying which (the field: body for a paste, file for an upload). */
  async function run<T>(task: 'extract' | 'read', job: unknown, name: string): Promise<T> {
    try {
      return (await pool.run(job, { name, signal: AbortSignal.timeout(timeoutMs) })) as T;
    } catch (err) {
      const over = isAbort(err) ? budgetMessage(task, 'time', seconds(timeoutMs)) : isOutOfMemory(err) ? budgetMessage(task, 'memory', `${memoryMb} MB`) : null;
      if (over === null) throw err;
      throw new ValidationError(over, { [task === 'extract' ? 'body' : 'file']: over });
    }
  }
  return {
    extract: (job) => run<ExtractedClaim[]>('extract', job, 'default'),
    readArticle: async (raw, format) => {
      const result = await run<ReadResult>('read', { raw, format } satisfies ReadJob, 'readArticleJob');
      if ('refused' in result) throw new ValidationError(result.refused, { file: result.refused });
      return result.article;
    },
    close: () => pool.destroy(),
  };
}
