// The claim page's data (GET /claims/:id), and a quote in its paragraph (the review queue shows it too).
import type { AuditEvent } from '../../domain/types.js';
import { getClaimRating, type ClaimRating } from '../../store/claim-ratings.js';
import { getClaimView } from '../../store/claims.js';
import { getSource } from '../../store/sources.js';
import { listAudit } from '../../store/audit.js';
import { listComments, type Comment } from '../../store/comments.js';
import { versionFlagOfClaim, type VersionFlag } from '../../store/versions.js';
import type { ClaimView } from '../../store/rows.js';
import { paragraphAround } from '../article-view.js';
import type { AppDeps } from '../deps.js';
import { quoteInSourceUrl } from './source.js';

export interface QuoteContext {
  before: string;
  quote: string;
  after: string;
}

export interface ClaimViewData {
  claim: ClaimView;
  context: QuoteContext;
  audit: AuditEvent[];
  /** The claim's highlighted quote on its source's page. */
  quoteUrl: string;
  /** The reviewers' discussion of the claim. */
  comments: Comment[];
  /** Who confirmed the claim and when (kept from its latest change to confirmed); null unless it is confirmed. */
  confirmed: { by: string; at: string } | null;
  /** The reviewer's rating for ClaimReview, or null. */
  rating: ClaimRating | null;
  /** Set when the claim's quote changed or vanished in a newer version of its article and nobody checked it since. */
  versionFlag: VersionFlag | null;
}

/** The paragraph that holds a quote, split around it. */
export function quoteContext(body: string, start: number, end: number): QuoteContext {
  const paragraph = paragraphAround(body, start, end);
  return { before: body.slice(paragraph.start, start), quote: body.slice(start, end), after: body.slice(end, paragraph.end) };
}

/** The claim with its source's names, the paragraph around its quote and its audit trail. */
export function loadClaimView(deps: AppDeps, id: number): ClaimViewData {
  const claim = getClaimView(deps.db, id);
  const { body } = getSource(deps.db, claim.sourceId);
  const audit = listAudit(deps.db, 'claim', id);
  return {
    claim,
    context: quoteContext(body, claim.quoteStart, claim.quoteEnd),
    audit,
    quoteUrl: quoteInSourceUrl(deps, claim),
    comments: listComments(deps.db, 'claim', id),
    confirmed: claim.status === 'confirmed' && claim.confirmedBy && claim.confirmedAt ? { by: claim.confirmedBy, at: claim.confirmedAt } : null,
    rating: getClaimRating(deps.db, id),
    versionFlag: versionFlagOfClaim(deps.db, id),
  };
}
