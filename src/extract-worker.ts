// The task a worker thread of the extraction pool (src/extract-pool.ts) runs: extract() on one article.
import { extract } from './extract/index.js';
import type { ExtractedClaim } from './domain/types.js';
import type { ExtractJob } from './extract-pool.js';

export default function extractJob(job: ExtractJob): ExtractedClaim[] {
  return extract(job.text, { published: job.published, publisher: job.publisher, lexicon: job.lexicon, maxClaims: job.maxClaims });
}
