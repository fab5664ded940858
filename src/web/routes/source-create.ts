// POST /sources — stores a pasted or uploaded article verbatim and proposes its claims (extraction, then the
// conflicts they raise); invalid input re-renders the form (422), text or a file over the limit too (413).
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { crosscheckSettings } from '../../config.js';
import { cappedClaimsText, importSource } from '../../app/importer.js';
import { findSourcesBySha256, sha256Hex } from '../../store/sources.js';
import { PayloadTooLargeError, ValidationError } from '../../domain/errors.js';
import { offThreadWork, preparedLexicon, writeContext, type AppDeps } from '../deps.js';
import { type FieldErrors, formValues } from '../forms/fields.js';
import { NEW_SOURCE_FIELDS, readNewSourceForm, type UploadedFile } from '../forms/source-form.js';
import { readUrlDocument } from '../../app/url-import.js';
import { kindFromFilename, readDocumentBytes } from '../../app/documents.js';
import type { ItemDocument } from '../../app/import-run.js';
import { formatOf, sendDone, sendPage } from '../render.js';
import { paths, urls } from '../urls.js';
import { sourceFormData } from '../pages/source-form.js';
import { withFlash } from '../flash.js';

type RefusedPart = 'body' | 'file';

const REFUSED = 'refusedSourcePart';
const REFUSED_UNREAD = 'refusedSourceUnread';

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** The message beside the field that was too large; the article itself is not kept, so it says so. */
function tooLargeMessage(part: RefusedPart, maxBytes: number): string {
  return part === 'file'
    ? `The file is larger than ${megabytes(maxBytes)}, so it was not uploaded and is not kept here. The details were kept: choose a smaller file, or paste part of the article.`
    : `The pasted text is larger than ${megabytes(maxBytes)}, so it was not kept here. The details were kept: paste a shorter text (split a long article into parts), or upload a file under ${megabytes(maxBytes)}.`;
}

/**
 * Error middleware mounted right after the body parsers: when the browser's "add a source" form is refused for
 * size, the request goes on (CSRF is still checked) with the fields read before the big part, marked so that
 * sourceCreate re-renders the form with them instead of the bare error page. The form lists the details before
 * the article so that they are read first. API clients keep the 413 error body.
 */
export const keepRefusedSourceForm: ErrorRequestHandler = (err, req, res, next) => {
  const e = (err ?? {}) as { code?: string; type?: string };
  const tooLarge = e.code === 'LIMIT_FIELD_VALUE' || e.code === 'LIMIT_FILE_SIZE' || e.type === 'entity.too.large';
  if (!tooLarge || req.method !== 'POST' || req.path !== paths.sources || formatOf(res) !== 'html') {
    next(err);
    return;
  }
  res.locals[REFUSED] = (e.code === 'LIMIT_FILE_SIZE' ? 'file' : 'body') satisfies RefusedPart;
  // A body over the parser's own ceiling is not read at all, so its CSRF token cannot be checked either.
  res.locals[REFUSED_UNREAD] = e.type === 'entity.too.large';
  req.body = req.body ?? {};
  req.file = undefined;
  next();
};

/** The part of a source form refused for size, if this request is one (set by keepRefusedSourceForm). */
export function refusedSourcePart(res: Response): RefusedPart | undefined {
  return res.locals[REFUSED] as RefusedPart | undefined;
}

/** True for a source form refused for size before any of its body was read (no CSRF token to check). */
export function refusedUnread(res: Response): boolean {
  return res.locals[REFUSED_UNREAD] === true;
}

function renderTooLarge(deps: AppDeps, res: Response, body: unknown, part: RefusedPart): void {
  const values = { ...formValues(body, NEW_SOURCE_FIELDS), body: '' };
  sendPage(res, { view: 'sources/new', status: 413, data: sourceFormData(deps, values, { [part]: tooLargeMessage(part, deps.config.maxUploadBytes) }) });
}

/** The stored source with this text, if any, answered with a message instead of a second copy. */
function sendIfDuplicate(deps: AppDeps, res: Response, body: string): boolean {
  const [existing] = findSourcesBySha256(deps.db, sha256Hex(body));
  if (!existing) return false;
  const { body: _body, ...source } = existing;
  sendDone(res, withFlash(deps.db, urls.source(existing.id), { k: 'duplicate', source: existing.id }), { duplicate: true, source }, 200);
  return true;
}

/**
 * The document the form names that must be read before the form is (asynchronously): a page fetched by URL or
 * an uploaded PDF. Field errors when it cannot be read; nothing when the form brings text or a text file.
 */
async function readFormDocument(deps: AppDeps, body: unknown, file: UploadedFile | undefined): Promise<{ doc?: ItemDocument; errors?: FieldErrors }> {
  const values = formValues(body, NEW_SOURCE_FIELDS);
  const fetchUrl = (values.fetchUrl ?? '').trim();
  try {
    if (fetchUrl !== '') {
      if (file || (values.body ?? '').trim() !== '') return { errors: { fetchUrl: 'Give a URL, a file or pasted text: one of them.' } };
      return { doc: await readUrlDocument(fetchUrl, deps.config.fetch, deps.clock, deps.extractor?.readArticle) };
    }
    if (file && kindFromFilename(file.originalname) === 'pdf') {
      if ((values.body ?? '').trim() !== '') return { errors: { file: 'Either upload a file or paste text, not both.' } };
      return { doc: await readDocumentBytes(file.buffer, 'pdf', `“${file.originalname}”`) };
    }
  } catch (err) {
    if (err instanceof ValidationError) return { errors: err.fields };
    throw err;
  }
  return {};
}

export const sourceCreate = (deps: AppDeps): RequestHandler => async (req, res) => {
  const json = formatOf(res) === 'json';
  const refused = refusedSourcePart(res);
  if (refused) {
    renderTooLarge(deps, res, req.body, refused);
    return;
  }
  const prepared = await readFormDocument(deps, req.body, req.file);
  if (prepared.errors) {
    if (json) throw new ValidationError('The source was not saved; see the fields.', prepared.errors);
    sendPage(res, { view: 'sources/new', status: 422, data: sourceFormData(deps, formValues(req.body, NEW_SOURCE_FIELDS), prepared.errors) });
    return;
  }
  let form;
  try {
    const read = deps.extractor ? deps.extractor.readArticle : undefined;
    form = await readNewSourceForm(req.body, req.file, deps.config.maxUploadBytes, deps.clock(), read, prepared.doc);
  } catch (err) {
    if (!(err instanceof PayloadTooLargeError) || json) throw err;
    renderTooLarge(deps, res, req.body, req.file ? 'file' : 'body');
    return;
  }
  if (!form.ok) {
    if (json) throw new ValidationError('The source was not saved; see the fields.', form.errors);
    sendPage(res, { view: 'sources/new', status: 422, data: sourceFormData(deps, form.values, form.errors) });
    return;
  }
  // The same text stored twice would count as two sources: the existing one is shown instead, with a message.
  if (sendIfDuplicate(deps, res, form.value.body)) return;
  let extracted;
  try {
    // the article's candidate claims from the worker pool; without one importSource extracts
    extracted = await offThreadWork(deps)?.extract(form.value);
  } catch (err) {
    if (!(err instanceof ValidationError) || json) throw err;
    sendPage(res, { view: 'sources/new', status: 422, data: sourceFormData(deps, form.values, err.fields) });
    return;
  }
  // Another request may have stored the same text while this one was extracting.
  if (sendIfDuplicate(deps, res, form.value.body)) return;
  const settings = crosscheckSettings(deps.config);
  const { source, claims, nearDuplicates, claimsCapped } = importSource(deps.db, form.value, writeContext(deps), { settings, nearDuplicates: true, extracted, lexicon: preparedLexicon(deps) });
  const location = claimsCapped ? withFlash(deps.db, urls.source(source.id), { k: 'note', text: cappedClaimsText(claims.length) }) : urls.source(source.id);
  sendDone(res, location, { source, claims, nearDuplicates, claimsCapped }, 201);
};
