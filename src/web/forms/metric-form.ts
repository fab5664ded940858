// The lexicon's metric forms (add a metric, edit one's kind and keywords): read and checked, with a message per field.
import { normaliseMetric } from '../../domain/crosscheck.js';
import { CLAIM_KINDS, type ClaimKind } from '../../domain/types.js';
import { formValues, type FieldErrors, type FormValues } from './fields.js';

/** A metric's fields as typed in a form. */
export interface LexiconMetricInput {
  metric: string;
  kind: ClaimKind;
  keywords: string[];
}

export const METRIC_FIELDS = ['metric', 'kind', 'keywords'] as const;

/** Keywords typed comma-separated: trimmed, lower-cased, empty ones dropped. */
export function parseKeywords(text: string): string[] {
  return text.split(',').map((k) => k.trim().toLowerCase()).filter((k) => k !== '');
}

/** Reads a metric form; `withName` false for the edit form (a metric's name is not edited). */
export function readMetricForm(body: unknown, withName: boolean): { ok: true; value: LexiconMetricInput; values: FormValues } | { ok: false; values: FormValues; errors: FieldErrors } {
  const values = formValues(body, METRIC_FIELDS);
  const errors: FieldErrors = {};
  const metric = normaliseMetric(values.metric ?? '');
  if (withName && metric === '') errors.metric = 'Name the metric, e.g. “displaced”.';
  else if (withName && metric.length > 100) errors.metric = 'The name is too long (at most 100 characters).';
  if (!(CLAIM_KINDS as readonly string[]).includes(values.kind ?? '')) errors.kind = `Choose one of: ${CLAIM_KINDS.join(', ')}.`;
  const keywords = parseKeywords(values.keywords ?? '');
  if (keywords.length === 0) errors.keywords = 'Give at least one keyword; separate several with commas.';
  else if (keywords.some((k) => k.length > 100)) errors.keywords = 'A keyword is too long (at most 100 characters).';
  if (Object.keys(errors).length > 0) return { ok: false, values, errors };
  return { ok: true, value: { metric, kind: values.kind as ClaimKind, keywords }, values };
}
