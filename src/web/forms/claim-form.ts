// The claim form (new, edit): fields per the README ("Architecture", data model), validated with zod, the quote checked against the
// article text, the figure parsed into the interval that will be stored.
import { z } from 'zod';
import { formatFigure } from '../../domain/figures.js';
import { parseFigure } from '../../domain/figure-input.js';
import { CLAIM_KINDS, CLAIM_STATUSES, type ClaimKind, type Figure, type Qualifier } from '../../domain/types.js';
import type { ClaimInput } from '../../app/claim-writes.js';
import type { ClaimView } from '../../store/rows.js';
import { fieldErrors, formValues, optionalIsoDate, optionalText, requiredText, type FieldErrors, type FormValues } from './fields.js';

export const CLAIM_FIELDS = [
  'source', 'quote', 'start', 'end', 'kind', 'subject', 'metric', 'valueText', 'scopeFrom', 'scopeTo', 'asOf',
  'speaker', 'attributionCue', 'relay', 'hedge', 'status', 'note', 'version', 'return',
] as const;

const offset = z
  .string()
  .trim()
  .refine((value) => value === '' || /^\d{1,9}$/.test(value), 'Offsets are whole numbers of characters.')
  .transform((value) => (value === '' ? null : Number(value)));

const claimSchema = z.object({
  quote: z.string().min(1, 'The quote is required: select it in the article or paste it exactly.').max(10_000, 'The quote is too long (at most 10,000 characters).'),
  start: offset,
  end: offset,
  kind: z.enum(CLAIM_KINDS, { message: `Choose a kind: ${CLAIM_KINDS.join(', ')}.` }),
  subject: optionalText(300, 'Subject'),
  metric: requiredText(200, 'Metric'),
  valueText: requiredText(300, 'Figure'),
  scopeFrom: optionalIsoDate('From'),
  scopeTo: optionalIsoDate('To'),
  asOf: optionalIsoDate('As of'),
  speaker: optionalText(300, 'Speaker'),
  attributionCue: optionalText(300, 'Attribution cue'),
  relay: optionalText(300, 'Relay'),
  hedge: optionalText(200, 'Hedge'),
  status: z.enum(CLAIM_STATUSES, { message: `Choose a status: ${CLAIM_STATUSES.join(', ')}.` }),
  note: optionalText(5000, 'Note'),
});

/** What the figure field will be stored as, shown beside it (and by /figures/preview for the script). */
export type FigurePreview =
  | { ok: true; interval: string; qualifier: Qualifier; figure: Figure; kept?: boolean }
  | { ok: false; error: string }
  | null;

/** The figure a claim already has, kept while its text and kind are left as they were. */
export type StoredFigure = Pick<ClaimView, 'valueText' | 'kind' | 'figure' | 'qualifier'>;

/**
 * Parses what the reviewer typed as a figure; null when nothing was typed yet. When the text and kind are
 * those of the stored claim, its figure is kept: extraction resolved relative dates ("on Tuesday", "June 19")
 * against the publication date, which a figure typed on its own cannot know.
 */
export function figurePreview(valueText: string, kind: string, stored?: StoredFigure | null): FigurePreview {
  if (stored && valueText.trim() === stored.valueText.trim() && kind === stored.kind) {
    return { ok: true, interval: formatFigure(stored.figure), qualifier: stored.qualifier, figure: stored.figure, kept: true };
  }
  if (valueText.trim() === '') return null;
  const parsed = parseFigure(valueText, (CLAIM_KINDS as readonly string[]).includes(kind) ? (kind as ClaimKind) : undefined);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  return { ok: true, interval: formatFigure(parsed.figure), qualifier: parsed.qualifier, figure: parsed.figure };
}

/** Values of a blank form for a source, optionally prefilled from a text selection (offsets into the body). */
export function newClaimValues(sourceId: number, body: string, start?: number, end?: number): FormValues {
  const hasSelection = start !== undefined && end !== undefined && Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= body.length;
  return {
    source: String(sourceId),
    quote: hasSelection ? body.slice(start, end) : '',
    start: hasSelection ? String(start) : '',
    end: hasSelection ? String(end) : '',
    kind: 'count', subject: '', metric: '', valueText: '', scopeFrom: '', scopeTo: '', asOf: '',
    speaker: '', attributionCue: '', relay: '', hedge: '', status: 'confirmed', note: '', version: '', return: '',
  };
}

/** The edit form's values for a stored claim. */
export function claimValues(claim: ClaimView): FormValues {
  return {
    source: String(claim.sourceId),
    quote: claim.quote,
    start: String(claim.quoteStart),
    end: String(claim.quoteEnd),
    kind: claim.kind,
    subject: claim.subjectName ?? '',
    metric: claim.metric,
    valueText: claim.valueText,
    scopeFrom: claim.scopeFrom ?? '',
    scopeTo: claim.scopeTo ?? '',
    asOf: claim.asOf ?? '',
    speaker: claim.speakerName ?? '',
    attributionCue: claim.attributionCue ?? '',
    relay: claim.relay ?? '',
    hedge: claim.hedge ?? '',
    status: claim.status,
    note: claim.note ?? '',
    version: String(claim.version),
    return: '',
  };
}

/** The submitted values, kept as typed so an invalid form re-renders with them. */
export function claimFormValues(body: unknown): FormValues {
  return formValues(body, CLAIM_FIELDS);
}

/**
 * Validates a claim form against the article it quotes. With offsets, the quote must equal
 * body.slice(start, end); without, the quote must occur in the body (its first occurrence is used).
 * `stored` is the claim being edited, whose figure stays when its text and kind are unchanged.
 */
export function readClaimForm(
  values: FormValues,
  body: string,
  stored: StoredFigure | null = null,
): { ok: true; value: ClaimInput } | { ok: false; errors: FieldErrors } {
  const parsed = claimSchema.safeParse(values);
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error);
  const figure = figurePreview(values.valueText ?? '', values.kind ?? '', stored);
  if (figure && !figure.ok) errors.valueText ??= figure.error;
  if (!parsed.success) return { ok: false, errors };
  const data = parsed.data;

  const position = locateQuote(body, data.quote, data.start, data.end);
  if ('error' in position) errors.quote ??= position.error;
  if (data.scopeFrom && data.scopeTo && data.scopeFrom > data.scopeTo) errors.scopeTo = 'The period ends before it starts.';
  if (Object.keys(errors).length > 0 || 'error' in position || !figure || !figure.ok) return { ok: false, errors };

  return {
    ok: true,
    value: {
      quote: data.quote,
      quoteStart: position.start,
      quoteEnd: position.end,
      kind: data.kind,
      subjectName: data.subject,
      metric: data.metric,
      valueText: data.valueText,
      figure: figure.figure,
      qualifier: figure.qualifier,
      scopeFrom: data.scopeFrom,
      scopeTo: data.scopeTo,
      asOf: data.asOf,
      speakerName: data.speaker,
      attributionCue: data.attributionCue,
      relay: data.relay,
      hedge: data.hedge,
      status: data.status,
      note: data.note,
    },
  };
}

/** Where the quote sits in the body, or why it cannot be placed. */
export function locateQuote(body: string, quote: string, start: number | null, end: number | null): { start: number; end: number } | { error: string } {
  if (start === null && end === null) {
    const at = body.indexOf(quote);
    if (at === -1) return { error: 'This quote is not in the article text. Select it in the article, or paste it exactly as written.' };
    return { start: at, end: at + quote.length };
  }
  if (start === null || end === null) return { error: 'Give both the start and the end offset, or neither.' };
  if (end <= start || end > body.length) return { error: `The offsets ${start}–${end} are outside the article (${body.length} characters).` };
  if (body.slice(start, end) !== quote) return { error: `The quote does not match the article text at ${start}–${end}; select it again in the article.` };
  return { start, end };
}

/** The store's field names (figure, scopeFrom…) mapped onto this form's fields, for a re-rendered form. */
export function storeFieldErrors(err: { message: string; fields: Record<string, string> }): FieldErrors {
  const rename: Record<string, string> = { figure: 'valueText', qualifier: 'valueText', name: 'speaker' };
  const errors: FieldErrors = {};
  for (const [field, message] of Object.entries(err.fields)) errors[rename[field] ?? field] ??= message;
  if (Object.keys(errors).length === 0) errors.form = err.message;
  return errors;
}
