// GET /factsheet/download/:format — the fact sheet for the builder's query as a file: HTML (a standalone, print-ready
// document), Markdown, CSV or JSON, with a Content-Disposition file name. `inline=1` shows the HTML in the browser.
import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { NotFoundError } from '../../domain/errors.js';
import { crosscheckSettings } from '../../bootstrap.js';
import {
  FACT_SHEET_MEDIA_TYPES,
  factSheetFileName,
  isFactSheetFormat,
  loadFactSheet,
  resolveFactSheetRequest,
  serializeFactSheet,
} from '../../factsheet-data.js';
import type { AppDeps } from '../deps.js';
import { queryText } from '../params.js';
import { factSheetRequest } from './factsheet-builder.js';

/**
 * The CSP of the standalone HTML document: nothing may load or run, and only its own embedded <style> applies
 * (allowed by hash, so no other inline style could). The app's CSP would block that style and print it unstyled.
 */
export function standaloneDocumentCsp(html: string): string {
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
  const hash = createHash('sha256').update(style, 'utf8').digest('base64');
  return `default-src 'none'; style-src 'sha256-${hash}'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}

export const factSheetDownload = (deps: AppDeps): RequestHandler => (req, res) => {
  const format = String(req.params.format);
  if (!isFactSheetFormat(format)) throw new NotFoundError(`A fact sheet in the format “${format}”`);
  const resolved = resolveFactSheetRequest(deps.db, factSheetRequest(req));
  const sheet = loadFactSheet(deps.db, resolved, deps.clock().toISOString(), crosscheckSettings(deps.config));
  const body = serializeFactSheet(sheet, format);
  const inline = format === 'html' && queryText(req, 'inline') === '1';
  res.attachment(factSheetFileName(sheet, format));
  if (inline) res.set('Content-Disposition', res.get('Content-Disposition')!.replace(/^attachment/, 'inline'));
  res.type(FACT_SHEET_MEDIA_TYPES[format]);
  if (format === 'html') res.set('Content-Security-Policy', standaloneDocumentCsp(body));
  res.send(body);
};
