// Whether a conflict's resolution waits for a second editor on this desk: the CROSSCHECK_SECOND_REVIEW setting, or
// with 'auto' (the default) when more than one enabled user may decide conflicts.
import { countDeciders } from '../store/proposals.js';
import type { AppDeps } from './deps.js';

/** True when resolutions are proposed and approved by a second editor rather than applied at once. */
export function secondReviewOn(deps: AppDeps): boolean {
  const setting = deps.config.secondReview;
  return setting === 'on' || (setting === 'auto' && countDeciders(deps.db) > 1);
}
