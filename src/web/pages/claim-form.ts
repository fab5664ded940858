// The claim form's data (GET /claims/new, GET /claims/:id/edit), which saving it re-renders when it is refused.
import { BadRequestError } from '../../domain/errors.js';
import type { Source } from '../../domain/types.js';
import { getClaimView } from '../../store/claims.js';
import { getSource } from '../../store/sources.js';
import { listLexiconMetrics } from '../../store/lexicon.js';
import type { ClaimView } from '../../store/rows.js';
import type { Db } from '../../store/database.js';
import type { AppDeps } from '../deps.js';
import { claimValues, figurePreview, newClaimValues, type FigurePreview } from '../forms/claim-form.js';
import type { FieldErrors, FormValues } from '../forms/fields.js';
import { localReturn } from '../urls.js';
import { sourceRef, type SourceRef } from './source.js';

export interface ClaimFormData {
  mode: 'new' | 'edit';
  source: SourceRef;
  claim: ClaimView | null;
  values: FormValues;
  errors: FieldErrors;
  preview: FigurePreview;
  /** Set when someone else saved first: their version, shown beside the reviewer's input. */
  conflict: { message: string; current: FormValues } | null;
  /** The lexicon's metric names, suggested in the metric field so facts group under one spelling. */
  metrics: string[];
}

/** The form's one data object; the figure preview is computed from what was typed. */
export function claimFormData(
  db: Db,
  mode: ClaimFormData['mode'],
  source: Source,
  claim: ClaimView | null,
  values: FormValues,
  errors: FieldErrors = {},
  conflict: ClaimFormData['conflict'] = null,
): ClaimFormData {
  const metrics = listLexiconMetrics(db).map((m) => m.metric);
  return { mode, source: sourceRef(source), claim, values, errors, preview: figurePreview(values.valueText ?? '', values.kind ?? '', claim), conflict, metrics };
}

/** Reads ?source, ?start and ?end and builds the blank (or selection-prefilled) form. */
export function loadNewClaim(deps: AppDeps, sourceParam: string, startParam: string, endParam: string, returnParam: string): ClaimFormData {
  const sourceId = Number(sourceParam);
  if (!/^\d+$/.test(sourceParam) || sourceId < 1) {
    throw new BadRequestError('Say which article the claim quotes: open the article and select the sentence, or add ?source=ID.', 'missing_source');
  }
  const source = getSource(deps.db, sourceId);
  const num = (text: string): number | undefined => (/^\d+$/.test(text) ? Number(text) : undefined);
  const values = newClaimValues(source.id, source.body, num(startParam), num(endParam));
  values.return = localReturn(returnParam) ?? '';
  return claimFormData(deps.db, 'new', source, null, values);
}

/** The edit form's data for a stored claim; `returnTo` is where saving leads (e.g. back to the review queue). */
export function loadClaimEdit(deps: AppDeps, id: number, returnTo: string): ClaimFormData {
  const claim = getClaimView(deps.db, id);
  const values = { ...claimValues(claim), return: localReturn(returnTo) ?? '' };
  return claimFormData(deps.db, 'edit', getSource(deps.db, claim.sourceId), claim, values);
}
