// What a claim must be before it is stored, checked with a message per field for the reviewer: kind, qualifier,
// status and rank from their lists, a quote whose offsets point at exactly its text in the article, real dates and
// finite figures. The store runs these checks before writing, so a refusal names the field instead of a constraint.
import { ValidationError } from './errors.js';
import { isIsoDate } from './calendar.js';
import { CLAIM_KINDS, CLAIM_RANKS, CLAIM_STATUSES, QUALIFIERS, type Claim, type ClaimRank, type ClaimStatus, type IsoDate } from './types.js';

/** The fields of a claim the checks read (a new claim, or a stored one with a reviewer's changes). */
export type ClaimDraft = Pick<Claim, 'kind' | 'qualifier' | 'quote' | 'quoteStart' | 'quoteEnd' | 'figure'> & {
  status?: ClaimStatus;
  rank?: ClaimRank;
  scopeFrom?: IsoDate | null;
  scopeTo?: IsoDate | null;
  asOf?: IsoDate | null;
};

/** Checks what SQLite's CHECKs would reject, so the reviewer gets a message per field instead of a constraint error. */
export function checkClaim(claim: ClaimDraft, body: string): void {
  const bodyLength = body.length;
  const fields: Record<string, string> = {};
  if (!(CLAIM_KINDS as readonly string[]).includes(claim.kind)) fields.kind = `Choose one of: ${CLAIM_KINDS.join(', ')}.`;
  if (!(QUALIFIERS as readonly string[]).includes(claim.qualifier)) fields.qualifier = `Choose one of: ${QUALIFIERS.join(', ')}.`;
  if (claim.status !== undefined && !(CLAIM_STATUSES as readonly string[]).includes(claim.status)) fields.status = 'Unknown status.';
  if (claim.rank !== undefined && !(CLAIM_RANKS as readonly string[]).includes(claim.rank)) fields.rank = 'Unknown rank.';
  if (
    !Number.isInteger(claim.quoteStart) ||
    !Number.isInteger(claim.quoteEnd) ||
    claim.quoteStart < 0 ||
    claim.quoteEnd < claim.quoteStart ||
    claim.quoteEnd > bodyLength
  ) {
    fields.quote = `The quote's position (${claim.quoteStart}–${claim.quoteEnd}) is outside the article (${bodyLength} characters).`;
  } else if (body.slice(claim.quoteStart, claim.quoteEnd) !== claim.quote) {
    // Highlighting and the fact sheet rely on offsets that point at the quote exactly.
    fields.quote = `The quote does not match the article text at ${claim.quoteStart}–${claim.quoteEnd}.`;
  }
  for (const key of ['scopeFrom', 'scopeTo', 'asOf'] as const) {
    const value = claim[key];
    if (value !== undefined && value !== null && !isIsoDate(value)) fields[key] = 'Use a real date like 2015-09-30.';
  }
  if (claim.figure.unit === 'date') {
    for (const bound of [claim.figure.low, claim.figure.high]) {
      if (bound !== null && !isIsoDate(bound)) fields.figure = 'Date figures need real ISO dates (YYYY-MM-DD).';
    }
  } else {
    for (const bound of [claim.figure.low, claim.figure.high]) {
      if (bound !== null && !Number.isFinite(bound)) fields.figure = 'The figure must be a finite number.';
    }
  }
  if (Object.keys(fields).length > 0) throw new ValidationError('This claim cannot be saved as it is.', fields);
}

/** A status from the list; anything else is refused. */
export function checkClaimStatus(status: string): ClaimStatus {
  if (!(CLAIM_STATUSES as readonly string[]).includes(status)) throw new ValidationError(`Unknown status “${status}”.`, { status: 'Unknown status.' });
  return status as ClaimStatus;
}

/** A claim whose speaker or subject was deleted meanwhile (the database's foreign key refused it). */
export function unknownClaimEntity(): ValidationError {
  return new ValidationError('The speaker or subject does not exist (any more).', { speaker: 'Unknown entity.', subject: 'Unknown entity.' });
}
