// POST /conflicts/:id/approve, POST /conflicts/:id/withdraw — a second editor applies a proposed resolution, or the
// proposal is withdrawn (by its proposer) or declined (by an editor).
import type { RequestHandler } from 'express';
import { roleAllows } from '../../domain/roles.js';
import { ForbiddenError } from '../../domain/errors.js';
import { approveProposal, getProposal, withdrawProposal } from '../../store/index.js';
import { accessFor } from '../auth.js';
import { currentActor, writeContext, type AppDeps } from '../deps.js';
import { decideConflict } from './conflict-decision.js';

export const proposalApprove = (deps: AppDeps): RequestHandler => (req, res) => {
  decideConflict(deps, req, res, 'resolve', [], (id) => approveProposal(deps.db, id, writeContext(deps)), 'Approved and resolved: the preferred claim is ranked first, the others deprecated. Reopen it below to undo.');
};

export const proposalWithdraw = (deps: AppDeps): RequestHandler => (req, res) => {
  decideConflict(deps, req, res, 'resolve', [], (id) => {
    const proposal = getProposal(deps.db, id);
    if (proposal && proposal.proposedBy !== currentActor(deps) && !roleAllows(accessFor(res).role, 'editor')) {
      throw new ForbiddenError(`Only ${proposal.proposedBy}, who proposed it, or an editor can withdraw this proposal. Nothing was changed.`, 'not_yours');
    }
    return withdrawProposal(deps.db, id, writeContext(deps));
  }, 'The proposal is withdrawn; the conflict stays open.');
};
