// Reading documents from disk for the command line: the shell around article.ts.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { decodeDocument, formatFromFilename, parseArticle, type Article } from './extract/article.js';
import type { SourceFormat } from './domain/types.js';
import { ValidationError } from './domain/errors.js';
import { htmlBoundsProblem } from './html-bounds.js';

const DOCUMENT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm']);

/** True for a file name Crosscheck reads as an article: one of its document extensions, or none at all (plain text). */
export function isDocumentName(name: string): boolean {
  const ext = path.extname(name).toLowerCase();
  return ext === '' || DOCUMENT_EXTENSIONS.has(ext);
}

export interface DocumentFile extends Article {
  file: string;
  format: SourceFormat;
}

/** Expands folders into the documents they hold (sorted, not recursive into hidden folders); files pass through. */
export function collectFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const stat = statSync(p);
    if (!stat.isDirectory()) {
      out.push(p);
      continue;
    }
    const entries = readdirSync(p, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(p, entry.name);
      if (entry.isDirectory()) out.push(...collectFiles([full]));
      else if (DOCUMENT_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) && entry.name.toLowerCase() !== 'readme.md') out.push(full);
    }
  }
  return out;
}

/** Reads one document: validates it is text, strips front matter or HTML, returns body and metadata. */
export function readDocumentFile(file: string): DocumentFile {
  const format = formatFromFilename(file);
  const text = decodeDocument(readFileSync(file), path.basename(file));
  const tooComplex = format === 'html' ? htmlBoundsProblem(text) : null;
  if (tooComplex) throw new ValidationError(tooComplex, { file: tooComplex });
  return { file, format, ...parseArticle(text, format) };
}
