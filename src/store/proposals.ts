// Second review (migration 011): a conflict's resolution proposed by one person waits here until an editor other
// than the proposer approves it; then it is applied exactly as proposed (resolveConflict). Proposing, approving and
// withdrawing are each audited on the conflict.
import { RANK_REASONS, type RankReason } from '../domain/types.js';
import { StaleEditError, ValidationError } from '../domain/errors.js';
import type { Db } from './database.js';
import { nowIso, type WriteContext } from './context.js';
import { recordAudit } from './audit.js';
import { getConflict, resolveConflict, type StoredConflict } from './conflicts.js';

export interface ResolutionDecision {
  preferredClaimId: number;
  reason: RankReason;
  note: string;
}

export interface Proposal extends ResolutionDecision {
  conflictId: number;
  conflictVersion: number;
  proposedBy: string;
  proposedAt: string;
}

interface ProposalRow {
  conflict_id: number;
  conflict_version: number;
  preferred_claim_id: number;
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
    conflictVersion: row.conflict_version,
    preferredClaimId: row.preferred_claim_id,
    reason: row.reason,
    note: row.note ?? '',
    proposedBy: row.proposed_by,
    proposedAt: row.proposed_at,
  };
}

/** Records ctx.actor's proposal to resolve an open conflict as `decision` (checked as resolveConflict would). Audited. */
export function proposeResolution(db: Db, conflictId: number, version: number, decision: ResolutionDecision, ctx: WriteContext): StoredConflict {
  return db.transaction(() => {
    const conflict = getConflict(db, conflictId);
    if (conflict.version !== version) throw new StaleEditError(`Conflict ${conflictId}`);
    if (conflict.status !== 'open') throw new ValidationError('Only an open conflict can be resolved; reopen it first.', { form: 'This conflict is already decided.' });
    if (!conflict.claimIds.includes(decision.preferredClaimId)) {
      throw new ValidationError('The preferred claim must be one of the conflict’s claims.', { preferredClaimId: 'Choose one of these claims.' });
    }
    if (!(RANK_REASONS as readonly string[]).includes(decision.reason)) {
      throw new ValidationError(`Unknown reason “${decision.reason}”.`, { reason: `Choose one of: ${RANK_REASONS.join(', ')}.` });
    }
    const note = decision.note.trim() || null;
    db.prepare(
      `INSERT INTO resolution_proposals (conflict_id, conflict_version, preferred_claim_id, reason, note, proposed_by, proposed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (conflict_id) DO UPDATE SET conflict_version = excluded.conflict_version, preferred_claim_id = excluded.preferred_claim_id,
         reason = excluded.reason, note = excluded.note, proposed_by = excluded.proposed_by, proposed_at = excluded.proposed_at`,
    ).run(conflictId, version, decision.preferredClaimId, decision.reason, note, ctx.actor, nowIso(ctx));
    recordAudit(db, { action: 'propose', entity: 'conflict', entityId: conflictId, after: getProposal(db, conflictId), reason: note ?? decision.reason }, ctx);
    return conflict;
  })();
}

/**
 * Applies the pending proposal as ctx.actor, who must not be its proposer; refused as stale when the conflict changed
 * since it was proposed. The resolution's audit events name the approver, with the proposer in the reason.
 */
export function approveProposal(db: Db, conflictId: number, ctx: WriteContext): StoredConflict {
  return db.transaction(() => {
    const proposal = pendingProposal(db, conflictId);
    if (proposal.proposedBy.toLowerCase() === ctx.actor.toLowerCase()) {
      throw new ValidationError('A second editor approves a proposal: ask another editor.', { form: 'You proposed this resolution.' });
    }
    const why = `Approved; proposed by ${proposal.proposedBy}${proposal.note ? `: ${proposal.note}` : ''}`;
    const resolved = resolveConflict(db, conflictId, proposal.conflictVersion, proposal, { ...ctx, reason: why });
    db.prepare('DELETE FROM resolution_proposals WHERE conflict_id = ?').run(conflictId);
    recordAudit(db, { action: 'approve', entity: 'conflict', entityId: conflictId, before: proposal, reason: why }, ctx);
    return resolved;
  })();
}

/** Removes the pending proposal (its proposer withdrawing it, or an editor declining it). Audited. */
export function withdrawProposal(db: Db, conflictId: number, ctx: WriteContext): StoredConflict {
  return db.transaction(() => {
    const proposal = pendingProposal(db, conflictId);
    db.prepare('DELETE FROM resolution_proposals WHERE conflict_id = ?').run(conflictId);
    recordAudit(db, { action: 'withdraw', entity: 'conflict', entityId: conflictId, before: proposal }, ctx);
    return getConflict(db, conflictId);
  })();
}

function pendingProposal(db: Db, conflictId: number): Proposal {
  const proposal = getProposal(db, conflictId);
  if (!proposal) throw new ValidationError('There is no pending proposal for this conflict.', { form: 'Nothing is waiting for approval.' });
  return proposal;
}

/** Enabled users who may decide conflicts (editors and admins): second review is on by default when there are two. */
export function countDeciders(db: Db): number {
  return (db.prepare("SELECT count(*) AS n FROM users WHERE disabled_at IS NULL AND role IN ('editor', 'admin')").get() as { n: number }).n;
}
