// Second review (migration 013): a decision on a conflict proposed by one person — resolving it with one claim
// preferred, or deprecating one of its claims — waits here until an editor other than the proposer approves it; then
// it is applied exactly as proposed (resolveConflict, deprecateClaim). Proposing, approving and withdrawing are each
// audited on the conflict.
import type { RankReason } from '../domain/types.js';
import { StaleEditError } from '../domain/errors.js';
import { checkRankReason, conflictRefusals } from '../domain/conflict-checks.js';
import type { Db } from './database.js';
import { nowIso, type WriteContext } from './context.js';
import { recordAudit } from './audit.js';
import { getClaim } from './claims.js';
import { deprecateClaim, getConflict, resolveConflict } from './conflicts.js';
import type { StoredConflict } from './rows.js';

/** What is proposed: `claimId` is the claim preferred (resolve) or deprecated (deprecate); `version` the one seen. */
export interface ProposedDecision {
  kind: 'resolve' | 'deprecate';
  claimId: number;
  /** The conflict's version (resolve) or the claim's (deprecate), as the proposer saw it. */
  version: number;
  reason: RankReason;
  note: string;
}

export interface Proposal extends ProposedDecision {
  conflictId: number;
  proposedBy: string;
  proposedAt: string;
}

interface ProposalRow {
  conflict_id: number;
  kind: ProposedDecision['kind'];
  claim_id: number;
  item_version: number;
  reason: RankReason;
  note: string | null;
  proposed_by: string;
  proposed_at: string;
}

/** The pending proposal for a conflict, or null. */
export function getProposal(db: Db, conflictId: number): Proposal | null {
  const row = db.prepare('SELECT * FROM resolution_proposals WHERE conflict_id = ?').get(conflictId) as ProposalRow | undefined;
  if (!row) return null;
  return {
    conflictId: row.conflict_id,
    kind: row.kind,
    claimId: row.claim_id,
    version: row.item_version,
    reason: row.reason,
    note: row.note ?? '',
    proposedBy: row.proposed_by,
    proposedAt: row.proposed_at,
  };
}

/** Checks a proposal as the decision itself would be checked: an open conflict, one of its claims, a known reason, versions current. */
function checkProposal(db: Db, conflict: StoredConflict, decision: ProposedDecision): void {
  if (conflict.status !== 'open') throw conflictRefusals.notOpen();
  if (!conflict.claimIds.includes(decision.claimId)) throw conflictRefusals.claimNotInConflict(decision.kind === 'resolve' ? 'preferredClaimId' : 'claimId');
  checkRankReason(decision.reason);
  const current = decision.kind === 'resolve' ? conflict.version : getClaim(db, decision.claimId).version;
  if (current !== decision.version) throw new StaleEditError(decision.kind === 'resolve' ? `Conflict ${conflict.id}` : `Claim ${decision.claimId}`);
}

/** Records ctx.actor's proposed decision on a conflict (replacing any pending one). Audited. */
export function propose(db: Db, conflictId: number, decision: ProposedDecision, ctx: WriteContext): StoredConflict {
  return db.transaction(() => {
    const conflict = getConflict(db, conflictId);
    checkProposal(db, conflict, decision);
    const note = decision.note.trim() || null;
    db.prepare('DELETE FROM resolution_proposals WHERE conflict_id = ?').run(conflictId);
    db.prepare(
      `INSERT INTO resolution_proposals (conflict_id, kind, claim_id, item_version, reason, note, proposed_by, proposed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(conflictId, decision.kind, decision.claimId, decision.version, decision.reason, note, ctx.actor, nowIso(ctx));
    recordAudit(db, { action: 'propose', entity: 'conflict', entityId: conflictId, after: getProposal(db, conflictId), reason: note ?? decision.reason }, ctx);
    return conflict;
  })();
}

/**
 * Applies the pending proposal as ctx.actor, who must not be its proposer; refused as stale when the conflict (or the
 * claim) changed since it was proposed. The decision's audit events name the approver; the approval names the proposer.
 */
export function approveProposal(db: Db, conflictId: number, ctx: WriteContext): StoredConflict {
  return db.transaction(() => {
    const proposal = pendingProposal(db, conflictId);
    if (proposal.proposedBy.toLowerCase() === ctx.actor.toLowerCase()) throw conflictRefusals.ownProposal();
    const why = `Approved; proposed by ${proposal.proposedBy}${proposal.note ? `: ${proposal.note}` : ''}`;
    const { claimId, version, reason, note } = proposal;
    if (proposal.kind === 'resolve') resolveConflict(db, conflictId, version, { preferredClaimId: claimId, reason, note }, ctx);
    else deprecateClaim(db, { claimId, version, reason, note }, ctx);
    db.prepare('DELETE FROM resolution_proposals WHERE conflict_id = ?').run(conflictId);
    recordAudit(db, { action: 'approve', entity: 'conflict', entityId: conflictId, before: proposal, reason: why }, ctx);
    return getConflict(db, conflictId);
  })();
}

/** Removes the pending proposal: audited as "withdraw" by its proposer, as "decline" by anyone else (an editor). */
export function withdrawProposal(db: Db, conflictId: number, ctx: WriteContext): StoredConflict {
  return db.transaction(() => {
    const proposal = pendingProposal(db, conflictId);
    db.prepare('DELETE FROM resolution_proposals WHERE conflict_id = ?').run(conflictId);
    const action = proposal.proposedBy.toLowerCase() === ctx.actor.toLowerCase() ? 'withdraw' : 'decline';
    recordAudit(db, { action, entity: 'conflict', entityId: conflictId, before: proposal }, ctx);
    return getConflict(db, conflictId);
  })();
}

function pendingProposal(db: Db, conflictId: number): Proposal {
  const proposal = getProposal(db, conflictId);
  if (!proposal) throw conflictRefusals.noPendingProposal();
  return proposal;
}

/** Enabled users who may decide conflicts (editors and admins): second review is on by default when there are two. */
export function countDeciders(db: Db): number {
  return (db.prepare("SELECT count(*) AS n FROM users WHERE disabled_at IS NULL AND role IN ('editor', 'admin')").get() as { n: number }).n;
}
