// The review decision forms: which decision a button stands for (confirm, reject, reopen), and which claims a table's
// ticked boxes name with the version each was drawn at.
import { BadRequestError, ValidationError } from '../../domain/errors.js';

const DECISIONS = { confirm: 'confirmed', reject: 'rejected', reopen: 'candidate' } as const;

/** The status a decision button stands for; anything else is a 422. */
export function decisionStatus(value: unknown): (typeof DECISIONS)[keyof typeof DECISIONS] {
  if (typeof value === 'string' && Object.hasOwn(DECISIONS, value)) return DECISIONS[value as keyof typeof DECISIONS];
  throw new ValidationError('Choose confirm or reject.', { decision: 'Choose confirm or reject.' });
}

/** The ticked claim ids: one or many `ids` fields, each a positive integer; none is a 422. */
export function selectedIds(value: unknown): number[] {
  const raw = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const ids = raw.map((item) => (typeof item === 'string' && /^\d{1,15}$/.test(item) ? Number(item) : typeof item === 'number' ? item : NaN));
  if (ids.length === 0) throw new ValidationError('Select at least one claim, then choose confirm or reject. Nothing was changed.', { ids: 'Select at least one claim.' });
  if (ids.some((id) => !Number.isSafeInteger(id) || id < 1)) throw new ValidationError('The selection holds something that is not a claim id. Nothing was changed.', { ids: 'Unknown claim ids.' });
  return [...new Set(ids)];
}

/**
 * The ticked claims with the version each was drawn at: the table sends a hidden `version-<id>` per row, so a
 * claim edited by someone else since makes the whole decision a 409. A ticked id without its version is a 400.
 */
export function selectedTargets(body: unknown): { id: number; version: number }[] {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return selectedIds(fields.ids).map((id) => {
    const raw = fields[`version-${id}`];
    const version = Number(typeof raw === 'string' || typeof raw === 'number' ? raw : NaN);
    if (!Number.isInteger(version) || version < 1) {
      throw new BadRequestError('The form did not say which version each selected claim was shown at; reload the page and try again.', 'missing_version');
    }
    return { id, version };
  });
}
