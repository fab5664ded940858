// A document fetched by URL for import: fetch-url.ts fetches, documents.ts reads; the URL and fetch time are kept.
import type { FetchLimits } from '../config.js';
import { fetchDocument } from './fetch-url.js';
import { DOCUMENT_MEDIA_TYPES, readDocumentBytes, type ArticleReader, type ReadDocument } from './documents.js';
import { FetchError } from './fetch-url.js';
import { ValidationError } from '../domain/errors.js';

export interface UrlDocument extends ReadDocument {
  /** The address fetched (after redirects) and when. */
  fetchedUrl: string;
  fetchedAt: string;
}

/** True for an argument that is a web address rather than a file name. */
export function looksLikeUrl(text: string): boolean {
  return /^https?:\/\//i.test(text.trim());
}

/**
 * Fetches and reads a document; every failure is a FetchError (field `fetchUrl`) and nothing is stored. `read` reads
 * a fetched page into its article (the web app passes its worker pool's, so a hard page does not hold up the server).
 */
export async function readUrlDocument(address: string, limits: FetchLimits, now?: () => Date, read?: ArticleReader): Promise<UrlDocument> {
  const fetched = await fetchDocument(address, Object.keys(DOCUMENT_MEDIA_TYPES), limits, now);
  const name = fetched.url;
  try {
    const doc = await readDocumentBytes(fetched.bytes, DOCUMENT_MEDIA_TYPES[fetched.mediaType]!, name, fetched.charset, read);
    return { ...doc, mediaType: fetched.mediaType, meta: { ...doc.meta, url: doc.meta.url ?? fetched.url }, fetchedUrl: fetched.url, fetchedAt: fetched.fetchedAt };
  } catch (err) {
    if (err instanceof ValidationError && !(err instanceof FetchError)) throw new FetchError(err.message);
    throw err;
  }
}
