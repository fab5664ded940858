// GET /sources/:id — the article text verbatim, each claim's quote highlighted and linked, its sha256 and history.
import type { RequestHandler } from 'express';
import type { AuditEvent, ClaimStatus, Source } from '../../domain/types.js';
import { listAudit } from '../../store/audit.js';
import { countClaimsByStatus, listClaimsOfSource, type ClaimView } from '../../store/claims.js';
import { getSource } from '../../store/sources.js';
import { nearDuplicatesInHistory, type NearDuplicate } from '../../store/near-duplicates.js';
import type { AppDeps } from '../deps.js';
import { idParam } from '../params.js';
import { sendPage } from '../render.js';

export interface SourceViewData {
  source: Source;
  claims: ClaimView[];
  claimCounts: Record<ClaimStatus, number>;
  audit: AuditEvent[];
  /** Sources found at import to carry nearly the same text (the same story relayed), still stored. */
  nearDuplicates: NearDuplicate[];
}

/** The source with its claims in text order and its audit trail. */
export function loadSourceView(deps: AppDeps, id: number): SourceViewData {
  const source = getSource(deps.db, id);
  const audit = listAudit(deps.db, 'source', id);
  return {
    source,
    claims: listClaimsOfSource(deps.db, id),
    claimCounts: countClaimsByStatus(deps.db, { sourceId: id }),
    audit,
    nearDuplicates: nearDuplicatesInHistory(deps.db, audit),
  };
}

export const sourceView = (deps: AppDeps): RequestHandler => (req, res) => {
  sendPage(res, { view: 'sources/show', data: loadSourceView(deps, idParam(req, 'Source')) });
};
