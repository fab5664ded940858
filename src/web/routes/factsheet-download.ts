// GET /factsheet/download/:format — the fact sheet for the builder's query as a file: HTML (a standalone, print-ready
// document), Markdown, CSV or JSON, with a Content-Disposition file name. `inline=1` shows the HTML in the browser.
import type { RequestHandler } from 'express';
import { NotFoundError } from '../../domain/errors.js';
import { crosscheckSettings } from '../../config.js';
import { factSheetFileName, loadFactSheet, resolveFactSheetRequest } from '../../app/factsheet-data.js';
import { FACT_SHEET_MEDIA_TYPES, isFactSheetFormat, serializeFactSheet, standaloneDocumentCsp } from '../../render/factsheet/index.js';
import type { AppDeps } from '../deps.js';
import { queryText } from '../params.js';
import { factSheetRequest } from '../pages/factsheet-builder.js';

export const factSheetDownload = (deps: AppDeps): RequestHandler => (req, res) => {
  const format = String(req.params.format);
  if (!isFactSheetFormat(format)) throw new NotFoundError(`A fact sheet in the format “${format}”`);
  const resolved = resolveFactSheetRequest(deps.db, factSheetRequest(req));
  const sheet = loadFactSheet(deps.db, resolved, deps.clock().toISOString(), crosscheckSettings(deps.config));
  const body = serializeFactSheet(sheet, format, deps.config.viewsDir);
  const inline = format === 'html' && queryText(req, 'inline') === '1';
  res.attachment(factSheetFileName(sheet, format));
  if (inline) res.set('Content-Disposition', res.get('Content-Disposition')!.replace(/^attachment/, 'inline'));
  res.type(FACT_SHEET_MEDIA_TYPES[format]);
  if (format === 'html') res.set('Content-Security-Policy', standaloneDocumentCsp(deps.config.viewsDir));
  res.send(body);
};
