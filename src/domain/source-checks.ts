// What a source must be before it is stored, checked with a message per field for the reviewer (what SQLite's
// CHECKs would reject, so a refusal names the field instead of a constraint): a title, a real publication date not
// in the future, a known format. The store runs this before writing.
import { isIsoDate } from './calendar.js';
import { ValidationError } from './errors.js';
import { publishedDateProblem } from './published.js';
import { SOURCE_FORMATS } from './types.js';

/** Refuses a source without a title, with a bad date (checked against `now` unless null) or an unknown format. */
export function checkSource(source: { title: string; publishedAt: string; format?: string }, now: Date | null): void {
  const fields: Record<string, string> = {};
  if (source.title.trim() === '') fields.title = 'Give the article a title.';
  if (!isIsoDate(source.publishedAt)) fields.publishedAt = 'Use a real date like 2019-03-15.';
  else if (now !== null) {
    const problem = publishedDateProblem(source.publishedAt, now);
    if (problem) fields.publishedAt = problem;
  }
  if (source.format !== undefined && !(SOURCE_FORMATS as readonly string[]).includes(source.format)) {
    fields.format = `Use one of: ${SOURCE_FORMATS.join(', ')}.`;
  }
  if (Object.keys(fields).length > 0) throw new ValidationError('This source cannot be saved as it is.', fields);
}
