// What a lexicon entry must be before the store writes it, with the messages an editor sees: a kind from the list,
// a named metric not in the lexicon yet, a grammar list the extractor can use. The store throws these refusals.
import { ValidationError } from './errors.js';
import { CLAIM_KINDS, type ClaimKind } from './types.js';

/** A claim kind from the list; anything else is refused. */
export function checkedClaimKind(kind: string): ClaimKind {
  if (!(CLAIM_KINDS as readonly string[]).includes(kind)) throw new ValidationError(`Unknown kind “${kind}”.`, { kind: `Choose one of: ${CLAIM_KINDS.join(', ')}.` });
  return kind as ClaimKind;
}

/** The refusals the store throws once it has read the lexicon. */
export const lexiconRefusals = {
  metricUnnamed: (): ValidationError => new ValidationError('Name the metric.', { metric: 'Required.' }),
  metricExists: (metric: string): ValidationError =>
    new ValidationError(`The metric “${metric}” exists already.`, { metric: 'Already in the lexicon.' }),
  /** A grammar list refused, `reason` naming the first line at fault. */
  grammarList: (reason: string): ValidationError => new ValidationError(`The list was not saved: ${reason}`, { words: reason }),
};
