// The tasks a worker thread of the extraction pool (src/app/extract-pool.ts) runs: extract() on one article, and
// reading an uploaded or fetched page down to its article text (bounds check, then Readability).
import { extract, loadTagger, prepareLexicon, type PreparedLexicon, type Tagger } from '../extract/index.js';
import type { Article } from '../extract/article.js';
import { ValidationError } from '../domain/errors.js';
import { readBoundedArticle } from '../html-bounds.js';
import type { ExtractedClaim } from '../domain/types.js';
import type { ExtractJob, ReadJob, ReadResult } from './extract-pool.js';
import { lexiconOfShared, type SharedLexicon } from './lexicon-cache.js';

// The lexicon this thread prepared last, by its key (lexicon-cache.ts): a thread serves many articles, and preparing
// the lexicon for each would repeat the same work until the next edit. Per thread, so nothing is shared or locked.
let held: { key: string; prepared: PreparedLexicon } | null = null;
// The part-of-speech model, loaded by the thread's first article and kept for the thread's life.
let tagger: Tagger | null = null;

function preparedFor(shared: SharedLexicon): PreparedLexicon {
  tagger ??= loadTagger().tagger;
  if (held?.key !== shared.key) held = { key: shared.key, prepared: prepareLexicon(lexiconOfShared(shared), tagger) };
  return held.prepared;
}

export default function extractJob(job: ExtractJob): ExtractedClaim[] {
  return extract(job.text, { published: job.published, publisher: job.publisher, lexicon: preparedFor(job.lexicon), maxClaims: job.maxClaims });
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
