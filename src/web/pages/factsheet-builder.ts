// The fact sheet builder's data (GET /factsheet): the request its query string makes, the choices, and the sheet
// previewed for it; the download route reads the same request.
import type { Request } from 'express';
import { ValidationError } from '../../domain/errors.js';
import type { FactSheet } from '../../domain/factsheet.js';
import { crosscheckSettings } from '../../config.js';
import { loadFactSheet, resolveFactSheetRequest, type FactSheetRequest } from '../../app/factsheet-data.js';
import { FACT_SHEET_FORMATS, type FactSheetFormat } from '../../render/factsheet/index.js';
import { countFactSheetClaims, listMetricsOfSubjects, listSubjectChoices } from '../../store/factsheet-builder.js';
import { listLexiconMetrics } from '../../store/lexicon.js';
import type { AppDeps } from '../deps.js';
import { queryText } from '../params.js';
import { urls, type Query } from '../urls.js';

/** Above this many claims the page does not preview the sheet (the downloads still hold them all). */
export const PREVIEW_CLAIM_LIMIT = 2000;

const FORMAT_LABELS: Readonly<Record<FactSheetFormat, string>> = { html: 'HTML (print)', md: 'Markdown', csv: 'CSV', json: 'JSON' };

export interface FactSheetBuilderData {
  request: FactSheetRequest;
  choices: { subjects: string[]; metrics: string[] };
  /** Requested subject names that are not one of the choices as spelled (aliases, or unknown names). */
  otherSubjects: string[];
  /** Messages beside the fields that cannot be used (unknown subject, invalid date). */
  errors: Record<string, string>;
  sheet: FactSheet | null;
  /** When the sheet was generated, for people: "21 Nov 2026, 19:08 UTC" (the downloads keep the ISO time). */
  generatedAtText: string | null;
  /** The sheet holds no fact: the download buttons are hidden (there would be nothing in them). */
  emptySheet: boolean;
  /** Set when the filter covers more than PREVIEW_CLAIM_LIMIT claims: no preview. */
  tooManyToPreview: number | null;
  downloads: { format: FactSheetFormat; label: string; url: string }[];
  /** The HTML document shown in the browser rather than downloaded. */
  printUrl: string;
  /** This page for this request. */
  selfUrl: string;
}

/** Reads a repeatable query parameter (subject=a&subject=b) as trimmed, non-empty strings. */
function queryList(req: Request, name: string): string[] {
  const value = req.query[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter((v) => v !== '');
}

/** The builder's request from the query string. */
export function factSheetRequest(req: Request): FactSheetRequest {
  return {
    subjects: queryList(req, 'subject'),
    metrics: queryList(req, 'metric'),
    from: queryText(req, 'from'),
    to: queryText(req, 'to'),
    includeCandidates: queryText(req, 'candidates') === '1',
    minorFacts: queryText(req, 'minor') === 'omit' ? 'omit' : 'appendix',
  };
}

/** The request as query parameters, for links to the downloads and back to the builder. */
export function factSheetQuery(request: FactSheetRequest): Query {
  return {
    subject: request.subjects,
    metric: request.metrics,
    from: request.from,
    to: request.to,
    candidates: request.includeCandidates ? 1 : null,
    minor: request.minorFacts === 'omit' ? 'omit' : null,
  };
}

/** The builder page's data: choices, the checked request and, when it is valid and small enough, the sheet. */
export function loadFactSheetBuilder(deps: AppDeps, request: FactSheetRequest): FactSheetBuilderData {
  const subjects = listSubjectChoices(deps.db);
  const names = new Set(subjects.map((s) => s.name));
  const query = factSheetQuery(request);
  const data: FactSheetBuilderData = {
    request,
    choices: { subjects: subjects.map((s) => s.name), metrics: [] },
    otherSubjects: request.subjects.filter((s) => !names.has(s)),
    errors: {},
    sheet: null,
    generatedAtText: null,
    emptySheet: false,
    tooManyToPreview: null,
    downloads: FACT_SHEET_FORMATS.map((format) => ({ format, label: FORMAT_LABELS[format], url: urls.factSheetDownload(format, query) })),
    printUrl: urls.factSheetDownload('html', { ...query, inline: 1 }),
    selfUrl: urls.factSheet(query),
  };
  let resolved;
  try {
    resolved = resolveFactSheetRequest(deps.db, request);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    data.errors = { ...err.fields };
  }
  const chosenIds = resolved?.subjectIds ?? subjects.filter((s) => request.subjects.includes(s.name)).map((s) => s.id);
  // The lexicon's metrics (a small table) plus those used for the chosen subjects; never DISTINCT over all claims.
  data.choices.metrics = [...new Set([...listLexiconMetrics(deps.db).map((m) => m.metric), ...listMetricsOfSubjects(deps.db, chosenIds), ...request.metrics])].sort(
    (a, b) => a.localeCompare(b, 'en'),
  );
  if (!resolved) return data;
  // Counted as loadFactSheet loads them: candidates too (the header counts them).
  const storeQuery = { subjectIds: resolved.subjectIds, metrics: resolved.filter.metrics, includeCandidates: true };
  if (countFactSheetClaims(deps.db, storeQuery, PREVIEW_CLAIM_LIMIT) > PREVIEW_CLAIM_LIMIT) {
    data.tooManyToPreview = PREVIEW_CLAIM_LIMIT;
    return data;
  }
  data.sheet = loadFactSheet(deps.db, resolved, deps.clock().toISOString(), crosscheckSettings(deps.config));
  data.generatedAtText = humanUtcTime(data.sheet.generatedAt);
  data.emptySheet = data.sheet.facts.length === 0;
  return data;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * An ISO instant for a reader: "2026-11-21T19:08:05.743Z" → "21 Nov 2026, 19:08 UTC". Written out rather than
 * with Intl, whose month abbreviations change between ICU versions ("Sep" / "Sept").
 */
export function humanUtcTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()}, ${two(at.getUTCHours())}:${two(at.getUTCMinutes())} UTC`;
}
