// GET /sources/:id[?page=N] — the article text verbatim, its sha256 and history, and its claims one page at a time
// (text order): the page's claims are listed and highlighted in the text. A source with many thousands of claims
// thus opens as fast as a short one; highlighting every quote at once made such a page take minutes.
import type { RequestHandler } from 'express';
import type { AuditEvent, ClaimStatus, Source } from '../../domain/types.js';
import { listAudit } from '../../store/audit.js';
import { claimIndexInSource, countClaimsByStatus, listClaimsOfSource, type ClaimView } from '../../store/claims.js';
import { getSource } from '../../store/sources.js';
import { assigneeOf } from '../../store/assignments.js';
import { nearDuplicatesInHistory, type NearDuplicate } from '../../store/near-duplicates.js';
import { listVersions, versionFlagsOfSource, type SourceVersion, type VersionFlag } from '../../store/versions.js';
import type { AppDeps } from '../deps.js';
import { idParam } from '../params.js';
import { pageRequest, pagination, type Pagination } from '../pagination.js';
import { sendPage } from '../render.js';
import { urls } from '../urls.js';

/** Claims listed and highlighted per source page. */
export const SOURCE_CLAIMS_PER_PAGE = 200;

export interface SourceViewData {
  source: Source;
  /** This page's claims, in text order. */
  claims: ClaimView[];
  pagination: Pagination;
  claimCounts: Record<ClaimStatus, number>;
  audit: AuditEvent[];
  /** Sources found at import to carry nearly the same text (the same story relayed), still stored. */
  nearDuplicates: NearDuplicate[];
  /** Why some candidate claims were not stored at import (too many in one article), or null. */
  claimsCapped: string | null;
  /** Every version of the article (one when it was never found changed), oldest first. */
  versions: SourceVersion[];
  /** This source's claims whose quote changed or vanished in a newer version, by claim id. */
  versionFlags: Record<number, VersionFlag>;
  /** The reviewer who has taken the source, or null. */
  assignee: string | null;
}

/** The source with one page of its claims in text order and its audit trail. */
export function loadSourceView(deps: AppDeps, id: number, page = 1): SourceViewData {
  const source = getSource(deps.db, id);
  const audit = listAudit(deps.db, 'source', id);
  const claimCounts = countClaimsByStatus(deps.db, { sourceId: id });
  const total = claimCounts.candidate + claimCounts.confirmed + claimCounts.rejected;
  const shown = pagination(page, SOURCE_CLAIMS_PER_PAGE, total);
  return {
    source,
    claims: listClaimsOfSource(deps.db, id, { limit: SOURCE_CLAIMS_PER_PAGE, offset: (page - 1) * SOURCE_CLAIMS_PER_PAGE }),
    pagination: shown,
    claimCounts,
    audit,
    nearDuplicates: nearDuplicatesInHistory(deps.db, audit),
    claimsCapped: audit.find((event) => event.action === 'claims-capped')?.reason ?? null,
    versions: listVersions(deps.db, id),
    versionFlags: Object.fromEntries(versionFlagsOfSource(deps.db, id)),
    assignee: assigneeOf(deps.db, id),
  };
}

/** The address of a claim's quote on its source's page (the page of the source that lists it). */
export function quoteInSourceUrl(deps: AppDeps, claim: { id: number; sourceId: number }): string {
  const before = claimIndexInSource(deps.db, claim.id) ?? 0;
  return urls.quoteInSource(claim.sourceId, claim.id, Math.floor(before / SOURCE_CLAIMS_PER_PAGE) + 1);
}

export const sourceView = (deps: AppDeps): RequestHandler => (req, res) => {
  const { page } = pageRequest(req.query.page, SOURCE_CLAIMS_PER_PAGE);
  sendPage(res, { view: 'sources/show', data: loadSourceView(deps, idParam(req, 'Source'), page), shared: true });
};
