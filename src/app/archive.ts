// Archives for `crosscheck import`: a CSV (with a header row) or JSON Lines export of a news search, one article per
// row with the fields title, publisher, published, url and text (author optional). Other column names are mapped
// with --columns. Each row becomes an import item; a row that cannot be stored is refused with its reason.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ValidationError } from '../domain/errors.js';
import { isIsoDate } from '../domain/calendar.js';
import type { ImportItem, ItemDocument } from './import-run.js';

export const ARCHIVE_FIELDS = ['title', 'publisher', 'published', 'url', 'text', 'author'] as const;
export type ArchiveField = (typeof ARCHIVE_FIELDS)[number];
/** Our field → the archive's column name. */
export type ColumnMap = Partial<Record<ArchiveField, string>>;

/** True for a file `crosscheck import` reads as an archive of many articles. */
export function isArchiveFile(file: string): boolean {
  return /\.(csv|jsonl|ndjson)$/i.test(file);
}

/** Parses `--columns text=body,published=date` (our field = the archive's column). */
export function parseColumnMap(option: string): ColumnMap {
  const map: ColumnMap = {};
  for (const pair of option.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [field, column] = pair.split('=').map((p) => p.trim());
    if (!field || !column || !(ARCHIVE_FIELDS as readonly string[]).includes(field)) {
      throw new ValidationError(`"${pair}" is not a column mapping; write FIELD=COLUMN with FIELD one of ${ARCHIVE_FIELDS.join(', ')}.`);
    }
    map[field as ArchiveField] = column;
  }
  return map;
}

/** The rows of an archive file as records (CSV by its header row, JSON Lines one object per line). */
function readRecords(file: string): Record<string, unknown>[] {
  const content = readFileSync(file, 'utf8');
  if (/\.csv$/i.test(file)) {
    return parse(content, { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true }) as Record<string, unknown>[];
  }
  return content.split(/\r?\n/).flatMap((line, i): Record<string, unknown>[] => {
    if (line.trim() === '') return [];
    try {
      const value: unknown = JSON.parse(line);
      return [value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { [NOT_AN_OBJECT]: i + 1 }];
    } catch {
      return [{ [NOT_AN_OBJECT]: i + 1 }];
    }
  });
}

const NOT_AN_OBJECT = '\u0000line';

/** The import items of an archive, one per row, labelled "archive.csv row N". */
export function archiveItems(file: string, columns: ColumnMap = {}): ImportItem[] {
  const name = path.basename(file);
  return readRecords(file).map((record, i) => ({ label: `${name} row ${i + 1}`, read: async () => rowDocument(record, columns) }));
}

/** One row as a document; a row without text or without a usable date is refused with the reason. */
export function rowDocument(record: Record<string, unknown>, columns: ColumnMap): ItemDocument {
  if (NOT_AN_OBJECT in record) throw new ValidationError('the line is not a JSON object; the row was skipped.');
  const field = (name: ArchiveField): string | undefined => {
    const value = record[columns[name] ?? name];
    const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
    return text === '' ? undefined : text;
  };
  const text = field('text');
  if (text === undefined) throw new ValidationError(`no text (column "${columns.text ?? 'text'}"); the row was skipped.`);
  const published = field('published');
  if (published === undefined) throw new ValidationError(`no published date (column "${columns.published ?? 'published'}"); the row was skipped.`);
  const day = published.slice(0, 10);
  if (!isIsoDate(day)) throw new ValidationError(`the published date "${published}" is not YYYY-MM-DD; the row was skipped.`);
  return {
    body: text,
    format: 'text',
    mediaType: 'text/plain',
    meta: { title: field('title'), publisher: field('publisher'), author: field('author'), url: field('url'), publishedAt: day },
  };
}
