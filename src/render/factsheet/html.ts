// The fact sheet as a standalone, print-ready HTML document, rendered by EJS (views/factsheet/document.ejs) with
// the app's escaping function. Its print stylesheet is the static file views/static/factsheet-print.css, embedded
// in the document and allowed by the document's CSP by that file's hash.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ejs from 'ejs';
import { PROJECT_ROOT } from '../../config.js';
import { allClaims, type FactSheet, type SheetClaim } from '../../domain/factsheet.js';
import { escapeHtml } from '../escape.js';
import { staticAsset } from '../static-assets.js';
import * as sheetText from './text.js';

export const PRINT_STYLESHEET = 'factsheet-print.css';
const DEFAULT_VIEWS_DIR = path.join(PROJECT_ROOT, 'views');

const templates = new Map<string, ejs.TemplateFunction>();

function documentTemplate(viewsDir: string): ejs.TemplateFunction {
  const file = path.join(viewsDir, 'factsheet', 'document.ejs');
  let template = templates.get(file);
  if (!template) {
    template = ejs.compile(readFileSync(file, 'utf8'), { filename: file, escape: escapeHtml, cache: false });
    templates.set(file, template);
  }
  return template;
}

function printStylesheet(viewsDir: string) {
  const asset = staticAsset(path.join(viewsDir, 'static'), PRINT_STYLESHEET);
  if (!asset) throw new Error(`The fact sheet's print stylesheet ${PRINT_STYLESHEET} is missing from ${viewsDir}/static.`);
  return asset;
}

/** The fact sheet as a standalone HTML document (A4, footnotes, no navigation, no script). */
export function toHtml(s: FactSheet, viewsDir: string = DEFAULT_VIEWS_DIR): string {
  // A claim can be cited twice (as a value and in a disagreement); only the first citation carries the id the
  // footnote's back link points to, so ids stay unique.
  const anchored = new Set<number>();
  const cite = (c: SheetClaim): boolean => !anchored.has(c.footnote) && Boolean(anchored.add(c.footnote));
  const isWebUrl = (url: string): boolean => /^https?:\/\//i.test(url);
  return documentTemplate(viewsDir)({ sheet: s, allClaims: allClaims(s), css: printStylesheet(viewsDir).text, sheetText, cite, isWebUrl });
}

/**
 * The CSP of the standalone document: nothing may load or run, and only its embedded print stylesheet applies
 * (allowed by the static file's hash, so no other inline style could). The app's CSP would block that style.
 */
export function standaloneDocumentCsp(viewsDir: string = DEFAULT_VIEWS_DIR): string {
  const hash = printStylesheet(viewsDir).sha256Base64;
  return `default-src 'none'; style-src 'sha256-${hash}'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}
