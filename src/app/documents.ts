// A document's bytes, however they arrived (a file, an upload, a URL), turned into the article Crosscheck stores:
// text, Markdown and HTML through article.ts, PDF through pdf-text.ts.
import { decodeDocument, formatFromFilename, type Article } from '../extract/article.js';
import type { SourceFormat } from '../domain/types.js';
import { ValidationError } from '../domain/errors.js';
import { readBoundedArticle } from '../html-bounds.js';
import { pdfText } from '../pdf-text.js';

export type DocumentKind = SourceFormat | 'pdf';

export interface ReadDocument extends Article {
  /** The format stored with the source (a PDF's text is stored as text). */
  format: SourceFormat;
  /** The media type the document arrived as, for a source's record. */
  mediaType: string;
}

/** The media types fetched for import, and the kind each one is read as. */
export const DOCUMENT_MEDIA_TYPES: Readonly<Record<string, DocumentKind>> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'application/pdf': 'pdf',
};

const MEDIA_TYPE_OF: Record<DocumentKind, string> = { html: 'text/html', text: 'text/plain', markdown: 'text/markdown', pdf: 'application/pdf' };

/** Picks the kind from a file name; unknown extensions are read as plain text. */
export function kindFromFilename(name: string): DocumentKind {
  return name.toLowerCase().endsWith('.pdf') ? 'pdf' : formatFromFilename(name);
}

/**
 * Turns a page's text into its article, refusing HTML over the bounds (ValidationError, field `file`):
 * readBoundedArticle here, or the worker pool's readArticle in the web app.
 */
export type ArticleReader = (raw: string, format: SourceFormat) => Article | Promise<Article>;

/**
 * Reads a document of a known kind; ValidationError (field `file`) for empty, binary, too complex or textless input.
 * `read` reads an HTML, Markdown or text page (the web app passes its worker pool, so Readability runs off the event loop).
 */
export async function readDocumentBytes(bytes: Uint8Array, kind: DocumentKind, name: string, charset: string | null = null, read: ArticleReader = readBoundedArticle): Promise<ReadDocument> {
  if (kind === 'pdf') return { body: await pdfText(bytes, name), meta: {}, format: 'text', mediaType: MEDIA_TYPE_OF.pdf };
  return { ...(await read(decodedText(bytes, name, charset), kind)), format: kind, mediaType: MEDIA_TYPE_OF[kind] };
}

/** readDocumentBytes for the kinds that are text (all but PDF), synchronously. */
export function readTextDocument(bytes: Uint8Array, kind: SourceFormat, name: string, charset: string | null = null): ReadDocument {
  return { ...readBoundedArticle(decodedText(bytes, name, charset), kind), format: kind, mediaType: MEDIA_TYPE_OF[kind] };
}

/** The document's text, in the charset a web server named if any (UTF-8 otherwise). */
function decodedText(bytes: Uint8Array, name: string, charset: string | null): string {
  return charset && !/^utf-?8$/i.test(charset) ? decodeLegacy(bytes, charset, name) : decodeDocument(bytes, name);
}

/** Text in a charset a web server named (windows-1252, iso-8859-1 …), decoded by the platform's TextDecoder. */
function decodeLegacy(bytes: Uint8Array, charset: string, name: string): string {
  try {
    return decodeDocument(new TextEncoder().encode(new TextDecoder(charset).decode(bytes)), name);
  } catch (err) {
    if (err instanceof RangeError) throw new ValidationError(`${name} is in an unknown character set (${charset}).`, { file: `Unknown character set ${charset}.` });
    throw err;
  }
}
