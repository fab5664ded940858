// `crosscheck import` over many items — files, URLs, archive rows: each item is read, skipped when its text is
// already stored, imported otherwise; one line per item and totals. A failed item is reported and the run goes on.
import type { Db } from '../store/database.js';
import type { WriteContext } from '../store/context.js';
import { findSourcesBySha256, sha256Hex, type NewSource } from '../store/sources.js';
import { cappedClaimsText, importSource, type ImportOptions } from './importer.js';
import type { ReadDocument } from './documents.js';
import { isIsoDate } from '../domain/calendar.js';
import { AppError } from '../domain/errors.js';
import type { OffThread } from './extract-pool.js';

/** A document as an item yields it: read from a file or an archive row, or fetched (then with its URL and time). */
export type ItemDocument = ReadDocument & { fetchedUrl?: string; fetchedAt?: string };

export interface ImportItem {
  /** How the item is named in the report: a path, a URL, "archive.csv row 12". */
  label: string;
  read(): Promise<ItemDocument>;
  /** Told the source the item became, or already was (a feed records its links taken). */
  taken?(sourceId: number): void;
  /** Told why the item failed (a feed counts its attempts); what it returns is added to the report's line. */
  failed?(reason: string): string;
}

/** The command's flags: what a document does not say about itself. */
export interface ImportDefaults {
  published?: string;
  publisher?: string;
  title?: string;
  url?: string;
}

export interface ImportTotals {
  items: number;
  imported: number;
  skipped: number;
  failed: number;
  claims: number;
  conflicts: number;
}

/** importSource's options for every item, and the web app's worker pool to read and extract each item in. */
export type RunOptions = ImportOptions & { offThread?: OffThread };

export interface ImportRun {
  lines: string[];
  totals: ImportTotals;
}

/** Imports the items one after another; `onItem` is told before each one (a progress bar). */
export async function importItems(
  db: Db,
  items: Iterable<ImportItem>,
  defaults: ImportDefaults,
  ctx: WriteContext,
  options: RunOptions,
  onItem: (label: string, done: number) => void = () => {},
): Promise<ImportRun> {
  const lines: string[] = [];
  const totals: ImportTotals = { items: 0, imported: 0, skipped: 0, failed: 0, claims: 0, conflicts: 0 };
  for (const item of items) {
    onItem(item.label, totals.items);
    totals.items += 1;
    try {
      const input = newSourceFrom(await item.read(), defaults, item.label);
      const { offThread, ...importOptions } = options;
      // extracted in the pool before the import takes the write lock; a text already stored is not extracted
      const extracted = offThread && options.extract !== false && !storedAlready(db, input) ? await offThread.extract(input) : undefined;
      const { sourceId, lines: itemLines } = importOne(db, item.label, input, ctx, { ...importOptions, extracted }, totals);
      item.taken?.(sourceId);
      lines.push(...itemLines);
    } catch (err) {
      totals.failed += 1;
      const reason = failureText(err);
      lines.push(`failed ${item.label}: ${reason}${item.failed?.(reason) ?? ''}`);
    }
  }
  onItem('', totals.items);
  return { lines, totals };
}

function storedAlready(db: Db, input: NewSource): boolean {
  return findSourcesBySha256(db, sha256Hex(input.body)).length > 0;
}

function importOne(db: Db, label: string, input: NewSource, ctx: WriteContext, options: ImportOptions, totals: ImportTotals): { sourceId: number; lines: string[] } {
  const existing = findSourcesBySha256(db, sha256Hex(input.body));
  if (existing.length > 0) {
    totals.skipped += 1;
    return { sourceId: existing[0]!.id, lines: [`skipped ${label}: the same text is already source #${existing[0]!.id}`] };
  }
  // Not wrapped in a transaction: importSource extracts before it takes the write lock, so other writers do not wait.
  const { source, claims, conflicts, nearDuplicates, claimsCapped } = importSource(db, input, ctx, options);
  totals.imported += 1;
  totals.claims += claims.length;
  totals.conflicts += conflicts.created;
  const lines = [
    `source #${source.id} ${label}: ${claims.length} candidate claims, sha256 ${source.bodySha256}`,
    ...(claimsCapped ? [`  ${cappedClaimsText(claims.length)}`] : []),
    ...nearDuplicates.map((other) => `  near-duplicate of source #${other.id} “${other.title}” (${Math.round(other.similarity * 100)} % the same text)`),
  ];
  return { sourceId: source.id, lines };
}

/** The source to store: a document's own metadata wins; the flags fill in what it does not say (as their help promises). */
export function newSourceFrom(doc: ItemDocument, defaults: ImportDefaults, label: string): NewSource {
  const published = doc.meta.publishedAt ?? defaults.published;
  if (!published || !isIsoDate(published)) throw new Error('no valid publication date; pass --published YYYY-MM-DD.');
  return {
    title: doc.meta.title ?? defaults.title ?? firstLine(doc.body) ?? label,
    publisher: doc.meta.publisher ?? defaults.publisher ?? 'Unknown publisher',
    author: doc.meta.author ?? null,
    url: doc.meta.url ?? defaults.url ?? null,
    publishedAt: published,
    body: doc.body,
    format: doc.format,
    mediaType: doc.mediaType,
    fetchedUrl: doc.fetchedUrl ?? null,
    fetchedAt: doc.fetchedAt ?? null,
  };
}

/** The report's last line. */
export function totalsLine(totals: ImportTotals, noun = 'files'): string {
  return (
    `Imported ${totals.imported} of ${totals.items} ${noun} (${totals.skipped} already there, ${totals.failed} failed): ` +
    `${totals.claims} candidate claims, ${totals.conflicts} new conflicts.`
  );
}

/** An error as one line, with the per-field messages of a refused input (e.g. a published date out of range). */
export function failureText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const fields = err instanceof AppError ? Object.values(err.fields).filter((text) => text !== err.message) : [];
  return [err.message, ...fields].join(' ');
}

function firstLine(body: string): string | undefined {
  const line = body.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '');
  return line ? line.slice(0, 200) : undefined;
}
