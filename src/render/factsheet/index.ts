// The fact sheet's four renderers: one per export format, each a pure function of the sheet (same sheet, same bytes).
import type { FactSheet } from '../../domain/factsheet.js';
import { toCsv } from './csv.js';
import { toHtml } from './html.js';
import { toJson } from './json.js';
import { toMarkdown } from './markdown.js';

export { CSV_COLUMNS, toCsv } from './csv.js';
export { standaloneDocumentCsp, toHtml } from './html.js';
export { toJson } from './json.js';
export { escapeMarkdown, toMarkdown } from './markdown.js';

export const FACT_SHEET_FORMATS = ['html', 'md', 'csv', 'json'] as const;
export type FactSheetFormat = (typeof FACT_SHEET_FORMATS)[number];

/** Media type of each download. */
export const FACT_SHEET_MEDIA_TYPES: Readonly<Record<FactSheetFormat, string>> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** True when `value` is one of the export formats. */
export function isFactSheetFormat(value: string): value is FactSheetFormat {
  return (FACT_SHEET_FORMATS as readonly string[]).includes(value);
}

/** The sheet in one export format (same sheet → same bytes); `viewsDir` holds the HTML document's view. */
export function serializeFactSheet(sheet: FactSheet, format: FactSheetFormat, viewsDir?: string): string {
  switch (format) {
    case 'html':
      return toHtml(sheet, viewsDir);
    case 'md':
      return toMarkdown(sheet);
    case 'csv':
      return toCsv(sheet);
    case 'json':
      return toJson(sheet);
  }
}
