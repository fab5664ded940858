// Field rules shared by the forms: zod schemas for what a reviewer types, and the conversion of zod's
// issues into one message per field (shown beside the field when the form is re-rendered).
import { z } from 'zod';
import { parseIsoDate } from '../../domain/calendar.js';
import { BadRequestError } from '../../domain/errors.js';

/** Form values exactly as typed, kept to re-render the form after an error. */
export type FormValues = Record<string, string>;
/** One message per field name. */
export type FieldErrors = Record<string, string>;

/** Trimmed text; empty becomes null (optional fields). */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} is too long (at most ${max} characters).`)
    .transform((value) => (value === '' ? null : value));

/** Trimmed, non-empty text. */
export const requiredText = (max: number, label: string) =>
  z.string().trim().min(1, `${label} is required.`).max(max, `${label} is too long (at most ${max} characters).`);

/** A real calendar date typed as YYYY-MM-DD. */
export const isoDate = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required.`)
    .refine((value) => parseIsoDate(value) !== null, `${label} must be a real date written YYYY-MM-DD, e.g. 2019-03-15.`);

/** An optional YYYY-MM-DD date; empty becomes null. */
export const optionalIsoDate = (label: string) =>
  z
    .string()
    .trim()
    .refine((value) => value === '' || parseIsoDate(value) !== null, `${label} must be a real date written YYYY-MM-DD, e.g. 2019-03-15.`)
    .transform((value) => (value === '' ? null : value));

/** An optional http(s) URL; empty becomes null. */
export const optionalUrl = (label: string) =>
  z
    .string()
    .trim()
    .max(2000, `${label} is too long.`)
    .refine((value) => value === '' || isHttpUrl(value), `${label} must start with http:// or https://.`)
    .transform((value) => (value === '' ? null : value));

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The first message for each field of a failed parse. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return errors;
}

/** The string fields of a request body (repeated keys keep their first value); everything else is dropped. */
export function formValues(body: unknown, names: readonly string[]): FormValues {
  const record = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const values: FormValues = {};
  for (const name of names) {
    const raw = record[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    values[name] = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  }
  return values;
}

/** The `version` a form was opened at; a missing or malformed one is a 400 (the form is broken, not the input). */
export function versionField(body: unknown): number {
  const raw = (body && typeof body === 'object' ? (body as Record<string, unknown>).version : undefined) as unknown;
  const version = Number(typeof raw === 'string' || typeof raw === 'number' ? raw : NaN);
  if (!Number.isInteger(version) || version < 1) {
    throw new BadRequestError('The form did not say which version it was opened at; reload the page and try again.', 'missing_version');
  }
  return version;
}
