// GET /review[?source=ID][&i=N] — candidates one at a time, one source at a time in text order: the sentence
// in its paragraph, the figure and interval, the attribution, with confirm / edit / reject (buttons and keys
// j k c e r) and what is left. Without a source (or when it has none left) the queue opens the most recently
// imported source that still has candidates — among all candidates, the reviewer's own (?assigned=mine: in a source
// or of a subject they have taken) or nobody's (?assigned=unassigned: neither their source nor their subject taken).
// With a filter, the queue steps through only the source's candidates that the filter admits.
import type { RequestHandler } from 'express';
import type { ClaimStatus } from '../../domain/types.js';
import { assigneeOf, takenBy, nextSourceToReview, QUEUE_FILTERS, type QueueFilter } from '../../store/assignments.js';
import { countClaimsByStatus } from '../../store/claims.js';
import { getSource } from '../../store/sources.js';
import { listClaims } from '../../store/claim-list.js';
import type { ClaimView } from '../../store/rows.js';
import { accessFor } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { queryText } from '../params.js';
import { sendPage } from '../render.js';
import { urls } from '../urls.js';
import { quoteContext, type QuoteContext } from '../pages/claim.js';
import { sourceRef, type SourceRef } from '../pages/source.js';

export interface ReviewData {
  /** The candidate under review, or null when none is left anywhere. */
  claim: ClaimView | null;
  context: QuoteContext | null;
  /** The source under review, and a source the reviewer asked for that has no candidates left. */
  source: SourceRef | null;
  finishedSource: SourceRef | null;
  /** 0-based position among the source's remaining candidates, and how many remain there and overall. */
  index: number;
  remaining: number;
  remainingOverall: number;
  /** Claims per status across all sources. */
  counts: Record<ClaimStatus, number>;
  links: { self: string; previous: string | null; next: string | null; edit: string | null };
  /** Which candidates the queue moves through, who has taken the source under review and the claim's subject. */
  filter: QueueFilter;
  assignee: string | null;
  subjectAssignee: string | null;
}

/** Where the queue looks for its next source; the signed-in user's id for "mine". */
export interface QueueScope {
  filter: QueueFilter;
  userId: number | null;
}

/** The ?assigned= value as a queue filter (anything else is all). */
function queueFilter(value: string): QueueFilter {
  return (QUEUE_FILTERS as readonly string[]).includes(value) ? (value as QueueFilter) : 'all';
}

/**
 * The candidate at position `index` (clamped) of the source under review. Positions count among remaining
 * candidates, so deciding one leaves the next at the same position; offsets stay small (one source's claims).
 */
export function loadReview(deps: AppDeps, sourceParam: string, indexParam: string, scope: QueueScope = { filter: 'all', userId: null }): ReviewData {
  const { db } = deps;
  const counts = countClaimsByStatus(db);
  const assignedTo = scope.filter === 'all' ? undefined : scope.filter === 'mine' ? (scope.userId ?? -1) : 'nobody';
  const candidatesOf = (sourceId: number, offset: number) => listClaims(db, { status: 'candidate', sourceId, assignedTo, limit: 1, offset });

  let source = /^\d+$/.test(sourceParam) ? sourceRef(getSource(db, Number(sourceParam))) : null;
  let finishedSource: SourceRef | null = null;
  let remaining = source ? candidatesOf(source.id, 0).total : 0;
  if (source && remaining === 0) {
    finishedSource = source;
    source = null;
  }
  if (!source && counts.candidate > 0) {
    // Newest first is the store's order, so for all sources the most recent import with candidates is the first row.
    const next = scope.filter === 'all' ? (listClaims(db, { status: 'candidate', limit: 1 }).items[0]?.sourceId ?? null) : nextSourceToReview(db, scope.filter, scope.userId);
    if (next !== null) {
      source = sourceRef(getSource(db, next));
      remaining = candidatesOf(source.id, 0).total;
    }
  }
  const wanted = /^\d{1,9}$/.test(indexParam) && !finishedSource ? Number(indexParam) : 0;
  const index = Math.max(0, Math.min(wanted, remaining - 1));
  const claim = source && remaining > 0 ? (candidatesOf(source.id, index).items[0] ?? null) : null;
  const context = claim ? quoteContext(getSource(db, claim.sourceId).body, claim.quoteStart, claim.quoteEnd) : null;
  const assigned = scope.filter === 'all' ? null : scope.filter;
  const at = (i: number) => urls.review({ source: source?.id, i: i > 0 ? i : null, assigned });
  const self = at(index);
  return {
    claim,
    context,
    source,
    finishedSource,
    index,
    remaining,
    remainingOverall: counts.candidate,
    counts,
    links: {
      self,
      previous: index > 0 ? at(index - 1) : null,
      next: index + 1 < remaining ? at(index + 1) : null,
      edit: claim ? urls.editClaim(claim.id, { return: self }) : null,
    },
    filter: scope.filter,
    assignee: source ? assigneeOf(db, source.id) : null,
    subjectAssignee: claim?.subjectId ? takenBy(db, 'subject', claim.subjectId) : null,
  };
}

export const reviewQueue = (deps: AppDeps): RequestHandler => (req, res) => {
  const scope = { filter: queueFilter(queryText(req, 'assigned')), userId: accessFor(res).user?.id ?? null };
  sendPage(res, { view: 'review', data: loadReview(deps, queryText(req, 'source'), queryText(req, 'i'), scope) });
};
