// The tasks a worker thread of the extraction pool (src/app/extract-pool.ts) runs: extract() on one article, and
// reading an uploaded HTML page down to its article text (Readability).
import { extract } from '../extract/index.js';
import { parseArticle, type Article } from '../extract/article.js';
import type { ExtractedClaim } from '../domain/types.js';
import type { ExtractJob, ReadJob } from './extract-pool.js';

export default function extractJob(job: ExtractJob): ExtractedClaim[] {
  return extract(job.text, { published: job.published, publisher: job.publisher, lexicon: job.lexicon, maxClaims: job.maxClaims });
}

export function readArticleJob(job: ReadJob): Article {
  return parseArticle(job.raw, job.format);
}
