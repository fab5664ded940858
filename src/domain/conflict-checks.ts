// What a conflict decision must be before the store writes it, with the messages a reviewer sees: at least two
// claims to flag, a note to flag or explain, a preferred claim from the conflict, a reason from the list, an open
// conflict to propose on, a second editor to approve. The store looks the rows up and throws these refusals.
import { ValidationError } from './errors.js';
import { RANK_REASONS, type RankReason } from './types.js';

/** The distinct claim ids of a conflict to flag, ascending; fewer than two is refused. */
export function checkedConflictClaims(claimIds: readonly number[]): number[] {
  const ids = [...new Set(claimIds)].sort((a, b) => a - b);
  if (ids.length < 2) throw new ValidationError('A conflict needs at least two different claims.', { claims: 'Select two or more claims.' });
  return ids;
}

/** A rank reason from the list; anything else is refused. */
export function checkRankReason(reason: string): asserts reason is RankReason {
  if (!(RANK_REASONS as readonly string[]).includes(reason)) {
    throw new ValidationError(`Unknown reason “${reason}”.`, { reason: `Choose one of: ${RANK_REASONS.join(', ')}.` });
  }
}

/** The refusals the store throws once it has read the conflict or proposal concerned. */
export const conflictRefusals = {
  flagNoteMissing: (): ValidationError => new ValidationError('Say why these claims conflict.', { note: 'A note is required.' }),
  explainNoteMissing: (): ValidationError =>
    new ValidationError('Say how the claims differ in scope or definition.', { note: 'A note is required.' }),
  notFlaggedByHand: (): ValidationError =>
    new ValidationError('Only conflicts flagged by hand can be removed; explain or resolve this one instead.'),
  preferredNotInConflict: (): ValidationError =>
    new ValidationError('The preferred claim must be one of the conflict’s claims.', { preferredClaimId: 'Choose one of these claims.' }),
  claimNotInConflict: (field: 'preferredClaimId' | 'claimId'): ValidationError =>
    new ValidationError('The claim must be one of the conflict’s claims.', { [field]: 'Choose one of these claims.' }),
  notOpen: (): ValidationError =>
    new ValidationError('Only an open conflict can be decided; reopen it first.', { form: 'This conflict is already decided.' }),
  ownProposal: (): ValidationError =>
    new ValidationError('A second editor approves a proposal: ask another editor.', { form: 'You proposed this.' }),
  noPendingProposal: (): ValidationError =>
    new ValidationError('There is no pending proposal for this conflict.', { form: 'Nothing is waiting for approval.' }),
};
