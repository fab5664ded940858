// POST /conflicts/:id/approve, POST /conflicts/:id/withdraw — an editor other than the proposer applies a proposed
// resolution or deprecation, or the proposal is withdrawn (by its proposer) or declined (by an editor).
import type { RequestHandler } from 'express';
import { roleAllows } from '../../domain/roles.js';
import { ForbiddenError } from '../../domain/errors.js';
import { approveProposal, getProposal, withdrawProposal } from '../../store/proposals.js';
import { accessFor } from '../auth.js';
import { currentActor, writeContext, type AppDeps } from '../deps.js';
import { idParam } from '../params.js';
import { decideConflict } from '../pages/conflict-decision.js';

const APPROVED = {
  resolve: 'Approved and resolved: the preferred claim is ranked first, the others deprecated.',
  deprecate: 'Approved: the claim is deprecated, and every conflict in which its figure no longer has a claim standing is resolved.',
};

export const proposalApprove = (deps: AppDeps): RequestHandler => (req, res) => {
  // The message names what was proposed; with nothing pending the store refuses, and the message is never shown.
  const kind = getProposal(deps.db, idParam(req, 'Conflict'))?.kind ?? 'resolve';
  decideConflict(deps, req, res, 'resolve', [], (id) => approveProposal(deps.db, id, writeContext(deps)), APPROVED[kind]);
};

export const proposalWithdraw = (deps: AppDeps): RequestHandler => (req, res) => {
  const proposal = getProposal(deps.db, idParam(req, 'Conflict'));
  const own = !proposal || proposal.proposedBy.toLowerCase() === currentActor(deps).toLowerCase();
  const done = own ? 'The proposal is withdrawn; the conflict stays open.' : `Declined: ${proposal.proposedBy}’s proposal is removed and the conflict stays open.`;
  decideConflict(deps, req, res, 'resolve', [], (id) => {
    if (!own && !roleAllows(accessFor(res).role, 'editor')) {
      throw new ForbiddenError(`Only ${proposal.proposedBy}, who proposed it, or an editor can withdraw this proposal. Nothing was changed.`, 'not_yours');
    }
    return withdrawProposal(deps.db, id, writeContext(deps));
  }, done);
};
