// GET /review[?source=ID][&i=N] — candidates one at a time: the sentence in its paragraph, the figure and
// interval, the attribution, with confirm / edit / reject (buttons and keys j k c e r) and what is left.
import type { RequestHandler } from 'express';
import type { ClaimStatus } from '../../domain/types.js';
import { countClaimsByStatus, getSource, listClaims, type ClaimView } from '../../store/index.js';
import type { AppDeps } from '../deps.js';
import { queryText } from '../params.js';
import { sendPage } from '../render.js';
import { urls } from '../urls.js';
import { sourceRef, type SourceRef } from './claim-new.js';
import { quoteContext, type QuoteContext } from './claim-view.js';

export interface ReviewData {
  /** The candidate under review, or null when none is left. */
  claim: ClaimView | null;
  context: QuoteContext | null;
  /** 0-based position among the remaining candidates, and how many remain. */
  index: number;
  remaining: number;
  counts: Record<ClaimStatus, number>;
  /** The source the queue is limited to, if any. */
  source: SourceRef | null;
  links: { self: string; previous: string | null; next: string | null; edit: string | null };
}

/**
 * The candidate at position `index` (clamped): in text order within one source, else oldest first, so that
 * deciding one leaves the next at the same position.
 */
export function loadReview(deps: AppDeps, sourceParam: string, indexParam: string): ReviewData {
  const source = /^\d+$/.test(sourceParam) ? sourceRef(getSource(deps.db, Number(sourceParam))) : null;
  const sourceId = source?.id;
  const filter = { status: 'candidate' as const, sourceId };
  const remaining = listClaims(deps.db, { ...filter, limit: 1, offset: 0 }).total;
  const wanted = /^\d{1,9}$/.test(indexParam) ? Number(indexParam) : 0;
  const index = Math.max(0, Math.min(wanted, remaining - 1));
  // One source: the store lists in text order. All sources: it lists newest first, so count from the end.
  const offset = sourceId !== undefined ? index : remaining - 1 - index;
  const claim = remaining > 0 ? (listClaims(deps.db, { ...filter, limit: 1, offset }).items[0] ?? null) : null;
  const context = claim ? quoteContext(getSource(deps.db, claim.sourceId).body, claim.quoteStart, claim.quoteEnd) : null;
  const at = (i: number) => urls.review({ source: sourceId, i: i > 0 ? i : null });
  const self = at(index);
  return {
    claim,
    context,
    index,
    remaining,
    counts: countClaimsByStatus(deps.db, { sourceId }),
    source,
    links: {
      self,
      previous: index > 0 ? at(index - 1) : null,
      next: index + 1 < remaining ? at(index + 1) : null,
      edit: claim ? urls.editClaim(claim.id, { return: self }) : null,
    },
  };
}

export const reviewQueue = (deps: AppDeps): RequestHandler => (req, res) => {
  sendPage(res, { view: 'review', data: loadReview(deps, queryText(req, 'source'), queryText(req, 'i')) });
};
