// The source page's data (GET /sources/:id), and what other pages take from it: a claim's address on its source's
// page, and a source without its body.
import type { AuditEvent, ClaimStatus, Source } from '../../domain/types.js';
import { listAudit } from '../../store/audit.js';
import { claimIndexInSource, countClaimsByStatus, listClaimsOfSource } from '../../store/claims.js';
import type { ClaimView } from '../../store/rows.js';
import { getSource } from '../../store/sources.js';
import { assigneeOf } from '../../store/assignments.js';
import { nearDuplicatesInHistory, type NearDuplicate } from '../../store/near-duplicates.js';
import { listVersions, versionFlagsOfSource, type SourceVersion, type VersionFlag } from '../../store/versions.js';
import type { AppDeps } from '../deps.js';
import { pagination, type Pagination } from '../pagination.js';
import { urls } from '../urls.js';

export type SourceRef = Omit<Source, 'body'> & { bodyLength: number };

/** The source a claim quotes, without its (possibly large) body. */
export function sourceRef(source: Source): SourceRef {
  const { body, ...rest } = source;
  return { ...rest, bodyLength: body.length };
}

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
