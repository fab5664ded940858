// The source forms (new, edit): their fields, validation, and how an uploaded file fills them in.
import { z } from 'zod';
import { PayloadTooLargeError, ValidationError } from '../../domain/errors.js';
import { SOURCE_FORMATS, type SourceFormat } from '../../domain/types.js';
import { decodeDocument, formatFromFilename, type Article } from '../../extract/article.js';
import { parseIsoDate } from '../../domain/calendar.js';
import { publishedDateProblem } from '../../domain/published.js';
import { readBoundedArticle } from '../../html-bounds.js';
import { isDocumentName } from '../../app/files.js';
import type { NewSource, SourceMetadata } from '../../store/sources.js';
import type { ItemDocument } from '../../app/import-run.js';
import { fieldErrors, formValues, isoDate, optionalText, optionalUrl, requiredText, type FieldErrors, type FormValues } from './fields.js';
import type { ArticleReader } from '../../app/documents.js';

export const SOURCE_META_FIELDS = ['title', 'publisher', 'author', 'url', 'published'] as const;
export const NEW_SOURCE_FIELDS = [...SOURCE_META_FIELDS, 'fetchUrl', 'body', 'format'] as const;
export const EDIT_SOURCE_FIELDS = [...SOURCE_META_FIELDS, 'version'] as const;

/** The metadata fields' rules; the published date must fall between 1900 and a year after `now` (null: no range). */
const metadataSchema = (now: Date | null) =>
  z.object({
    title: requiredText(500, 'Title'),
    publisher: requiredText(200, 'Publisher'),
    author: optionalText(300, 'Author'),
    url: optionalUrl('URL'),
    published: isoDate('Published date').superRefine((value, issues) => {
      const problem = now && parseIsoDate(value) ? publishedDateProblem(value, now) : null;
      if (problem) issues.addIssue({ code: 'custom', message: problem });
    }),
  });

export type { ArticleReader };

/** An uploaded file as multer hands it over (memory storage). */
export interface UploadedFile {
  originalname: string;
  buffer: Buffer;
}

export type FormResult<T> = { ok: true; value: T; values: FormValues } | { ok: false; values: FormValues; errors: FieldErrors };

/** Empty values for a blank "new source" form. */
export function blankSourceValues(): FormValues {
  return { title: '', publisher: '', author: '', url: '', published: '', fetchUrl: '', body: '', format: 'text' };
}

/** The edit form's values for a stored source. */
export function sourceValues(source: SourceMetadata & { version: number }): FormValues {
  return {
    title: source.title,
    publisher: source.publisher,
    author: source.author ?? '',
    url: source.url ?? '',
    published: source.publishedAt,
    version: String(source.version),
  };
}

/** The fields the reviewer left empty take the document's own details. */
function fillBlankDetails(values: FormValues, meta: Article['meta']): void {
  const found = { title: meta.title, publisher: meta.publisher, author: meta.author, url: meta.url, published: meta.publishedAt };
  for (const key of SOURCE_META_FIELDS) if ((values[key] ?? '').trim() === '' && found[key]) values[key] = found[key];
}

/**
 * Reads the "new source" form: the article comes from the upload, the pasted text or a document the route has
 * already read (`fetched`: a page fetched by URL, or an uploaded PDF), one of them; the document's own metadata
 * fills the fields the reviewer left empty. Throws PayloadTooLargeError for a paste over the limit; every other
 * problem comes back as field errors with the input kept (an uploaded file's text moves into the paste box so it
 * need not be uploaded again; a fetched page is fetched again on the next save, so the stored text is what the URL
 * gave then). `read` turns an upload into article text.
 */
export async function readNewSourceForm(
  body: unknown,
  file: UploadedFile | undefined,
  maxBytes: number,
  now: Date = new Date(),
  read: ArticleReader = readBoundedArticle,
  fetched?: ItemDocument,
): Promise<FormResult<NewSource>> {
  const values = formValues(body, NEW_SOURCE_FIELDS);
  const format = (SOURCE_FORMATS as readonly string[]).includes(values.format ?? '') ? (values.format as SourceFormat) : 'text';
  values.format = format;
  const errors: FieldErrors = {};
  // Browsers submit every line break of a textarea as CRLF (HTML form encoding), whatever was pasted; the
  // pasted text is stored with the LF it almost always had. Uploaded files keep their bytes exactly.
  let text = (values.body ?? '').replace(/\r\n/g, '\n');
  values.body = text;

  if (fetched) {
    text = fetched.body;
    values.format = fetched.format;
    values.body = fetched.body;
    fillBlankDetails(values, fetched.meta);
  } else if (file) {
    if (text.trim() !== '') return { ok: false, values, errors: { file: 'Either upload a file or paste text, not both.' } };
    if (!isDocumentName(file.originalname)) {
      return { ok: false, values, errors: { file: `“${file.originalname}” is not a file Crosscheck reads: upload the article as .txt, .md, .html or .pdf.` } };
    }
    try {
      const fileFormat = formatFromFilename(file.originalname);
      const raw = decodeDocument(file.buffer, `“${file.originalname}”`);
      const article = await read(raw, fileFormat);
      text = article.body;
      values.format = fileFormat;
      values.body = article.body;
      fillBlankDetails(values, article.meta);
    } catch (err) {
      if (err instanceof ValidationError) return { ok: false, values, errors: { file: err.fields.file ?? err.message } };
      throw err;
    }
  }

  if (Buffer.byteLength(text, 'utf8') > maxBytes) throw new PayloadTooLargeError(maxBytes);
  if (text.trim() === '') errors.body = 'Paste the article text, choose a file to upload or give its URL.';
  else if (text.includes('\u0000')) errors.body = 'The text contains NUL characters, so it is not plain text.';

  const parsed = metadataSchema(now).safeParse(values);
  if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error));
  if (!parsed.success || Object.keys(errors).length > 0) {
    if (fetched?.fetchedUrl) {
      values.body = '';
      errors.fetchUrl = 'The page was fetched and its details are filled in; complete them and save (the page is fetched again then).';
    } else if ((file || fetched) && !errors.file) {
      // A file that was read successfully is now in the paste box; say so rather than blame the file.
      errors.file = 'The file was read and its text is below; complete the details and save.';
    }
    return { ok: false, values, errors };
  }
  const meta = parsed.data;
  return {
    ok: true,
    values,
    value: {
      title: meta.title,
      publisher: meta.publisher,
      author: meta.author,
      url: meta.url,
      publishedAt: meta.published,
      body: text,
      format: values.format as SourceFormat,
      mediaType: fetched?.mediaType ?? null,
      fetchedUrl: fetched?.fetchedUrl ?? null,
      fetchedAt: fetched?.fetchedAt ?? null,
    },
  };
}

/** Reads the "edit source" form: metadata plus the version the reviewer started from. */
export function readEditSourceForm(body: unknown, now: Date = new Date(), storedPublished?: string): FormResult<{ version: number; patch: Partial<SourceMetadata> }> {
  const values = formValues(body, EDIT_SOURCE_FIELDS);
  // A stored date outside the range (imported before the range existed) may stay as it is.
  const unchanged = storedPublished !== undefined && (values.published ?? '').trim() === storedPublished;
  const parsed = metadataSchema(unchanged ? null : now).safeParse(values);
  const version = Number(values.version);
  if (!parsed.success || !Number.isInteger(version) || version < 1) {
    const errors = parsed.success ? {} : fieldErrors(parsed.error);
    if (!Number.isInteger(version) || version < 1) errors.version = 'The form lost track of the version it edits; reload the page.';
    return { ok: false, values, errors };
  }
  const meta = parsed.data;
  return {
    ok: true,
    values,
    value: { version, patch: { title: meta.title, publisher: meta.publisher, author: meta.author, url: meta.url, publishedAt: meta.published } },
  };
}
