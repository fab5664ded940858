// Bounds on an HTML document before it is reduced to text (src/extract/article.ts, Readability): Readability's work
// grows faster than the nesting depth (1,000 nested <div>s took 30 s and 20,000 overflowed the stack), and with the
// element count. One streaming pass of htmlparser2 (the tokenizer linkedom itself parses with, so it sees the same
// implied end tags and void elements) counts both, keeps no tree, and stops at the first limit passed.
import { Parser } from 'htmlparser2';
import { ValidationError } from './domain/errors.js';
import type { SourceFormat } from './domain/types.js';
import { parseArticle, type Article } from './extract/article.js';

/** Deepest element nesting read; real article pages stay well under 60. */
export const MAX_HTML_DEPTH = 128;
/** Most elements read in one page; a long article page has a few thousand. */
export const MAX_HTML_ELEMENTS = 30_000;

class TooComplex extends Error {}

/** Why this HTML is too deep or too large to be read as an article, or null when it is within the bounds. */
export function htmlBoundsProblem(html: string, limits = { depth: MAX_HTML_DEPTH, elements: MAX_HTML_ELEMENTS }): string | null {
  let depth = 0;
  let elements = 0;
  const parser = new Parser(
    {
      onopentag() {
        depth += 1;
        elements += 1;
        if (depth > limits.depth) {
          throw new TooComplex(
            `This HTML page nests its elements more than ${limits.depth} levels deep, which no article page does, so it was not read. Save the article as text (.txt) or Markdown and upload that instead.`,
          );
        }
        if (elements > limits.elements) {
          throw new TooComplex(
            `This HTML page has more than ${limits.elements.toLocaleString('en')} elements, too many to read as one article, so it was not read. Save the article text as .txt or Markdown and upload that instead.`,
          );
        }
      },
      onclosetag() {
        depth -= 1;
      },
    },
    { decodeEntities: false },
  );
  try {
    parser.end(html);
  } catch (error) {
    if (error instanceof TooComplex) return error.message;
    throw error;
  }
  return null;
}

/**
 * A page's article (parseArticle), an HTML page over the bounds refused first (ValidationError, field `file`). The
 * one reading of a page, inline (command line) or in a worker thread of the web app's pool, bounds check included.
 */
export function readBoundedArticle(raw: string, format: SourceFormat): Article {
  const tooComplex = format === 'html' ? htmlBoundsProblem(raw) : null;
  if (tooComplex) throw new ValidationError(tooComplex, { file: tooComplex });
  return parseArticle(raw, format);
}
