// GET /sources/:id/delete — asks before deleting a source and, with it, its claims.
import type { RequestHandler } from 'express';
import type { ClaimStatus, Source } from '../../domain/types.js';
import { countClaimsByStatus } from '../../store/claims.js';
import { getSource } from '../../store/sources.js';
import type { AppDeps } from '../deps.js';
import { idParam } from '../params.js';
import { sendPage } from '../render.js';

export interface SourceDeleteData {
  source: Omit<Source, 'body'>;
  claimCounts: Record<ClaimStatus, number>;
}

/** What will be lost: the source's metadata and how many claims go with it. */
export function loadSourceDelete(deps: AppDeps, id: number): SourceDeleteData {
  const { body: _body, ...source } = getSource(deps.db, id);
  return { source, claimCounts: countClaimsByStatus(deps.db, { sourceId: id }) };
}

export const sourceDeleteConfirm = (deps: AppDeps): RequestHandler => (req, res) => {
  sendPage(res, { view: 'sources/delete', data: loadSourceDelete(deps, idParam(req, 'Source')) });
};
