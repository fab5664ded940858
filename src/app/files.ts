// Reading documents from disk for the command line: the shell around documents.ts.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { kindFromFilename, readDocumentBytes, readTextDocument, type ReadDocument } from './documents.js';
import { ValidationError } from '../domain/errors.js';

const DOCUMENT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.pdf']);

/** True for a file name Crosscheck reads as an article: one of its document extensions, or none at all (plain text). */
export function isDocumentName(name: string): boolean {
  const ext = path.extname(name).toLowerCase();
  return ext === '' || DOCUMENT_EXTENSIONS.has(ext);
}

export interface DocumentFile extends ReadDocument {
  file: string;
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

/** Reads one text document (not a PDF): validates it is text, strips front matter or HTML, returns body and metadata. */
export function readDocumentFile(file: string): DocumentFile {
  const kind = kindFromFilename(file);
  if (kind === 'pdf') throw new ValidationError(`${file}: a PDF is read by crosscheck import, not here.`);
  return { file, ...readTextDocument(readFileSync(file), kind, path.basename(file)) };
}

/** Reads one document of any kind, a PDF's text layer included. */
export async function readAnyDocumentFile(file: string): Promise<DocumentFile> {
  return { file, ...(await readDocumentBytes(readFileSync(file), kindFromFilename(file), path.basename(file))) };
}
