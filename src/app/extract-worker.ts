// The tasks a worker thread of the extraction pool (src/app/extract-pool.ts) runs: extract() on one article, and
// reading an uploaded or fetched page down to its article text (bounds check, then Readability).
import { extract } from '../extract/index.js';
import type { Article } from '../extract/article.js';
import { ValidationError } from '../domain/errors.js';
import { readBoundedArticle } from '../html-bounds.js';
import type { ExtractedClaim } from '../domain/types.js';
import type { ExtractJob, ReadJob, ReadResult } from './extract-pool.js';

export default function extractJob(job: ExtractJob): ExtractedClaim[] {
  return extract(job.text, { published: job.published, publisher: job.publisher, lexicon: job.lexicon, maxClaims: job.maxClaims });
}

/** The page's article, or why it was refused (an error thrown here would reach the pool without its class). */
export function readArticleJob(job: ReadJob): ReadResult {
  try {
    return { article: readBoundedArticle(job.raw, job.format) };
  } catch (err) {
    if (err instanceof ValidationError) return { refused: err.message };
    throw err;
  }
}
