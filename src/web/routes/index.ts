// The route table: every URL the app answers and who may use it, in one place (paths come from urls.ts). Each
// route's audience is checked here and nowhere else: a role and the roles above it (see domain/roles.ts).
import { Router, type RequestHandler } from 'express';
import { requireRole, type Audience } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { paths } from '../urls.js';
import { claimCreate } from './claim-create.js';
import { claimDelete } from './claim-delete.js';
import { claimDeleteConfirm } from './claim-delete-confirm.js';
import { claimEdit } from './claim-edit.js';
import { claimNew } from './claim-new.js';
import { claimReview } from './claim-review.js';
import { claimRate } from './claim-rating.js';
import { claimVersionCheck } from './claim-version-check.js';
import { claimsBulk } from './claims-bulk.js';
import { reviewQueue } from './review-queue.js';
import { claimUpdate } from './claim-update.js';
import { claimView } from './claim-view.js';
import { claimsList } from './claims-list.js';
import { dashboard } from './dashboard.js';
import { figurePreviewRoute } from './figure-preview.js';
import { factSheetBuilder } from './factsheet-builder.js';
import { factSheetDownload } from './factsheet-download.js';
import { searchPage } from './search.js';
import { samplesLoad } from './samples-load.js';
import { sourceCreate } from './source-create.js';
import { sourceDelete } from './source-delete.js';
import { sourceDeleteConfirm } from './source-delete-confirm.js';
import { sourceEdit } from './source-edit.js';
import { sourceNew } from './source-new.js';
import { sourceUpdate } from './source-update.js';
import { sourceView } from './source-view.js';
import { sourceRefetch } from './source-refetch.js';
import { sourceDiff } from './source-diff.js';
import { feedAdd, feedsPage, feedsPoll } from './feeds.js';
import { sourcesList } from './sources-list.js';
import { conflictChart, factChart } from './conflict-chart.js';
import { conflictDeprecate } from './conflict-deprecate.js';
import { conflictExplain } from './conflict-explain.js';
import { conflictFlag } from './conflict-flag.js';
import { conflictReopen } from './conflict-reopen.js';
import { conflictResolve } from './conflict-resolve.js';
import { conflictUnflag } from './conflict-unflag.js';
import { conflictView } from './conflict-view.js';
import { conflictsList } from './conflicts-list.js';
import { entitiesList } from './entities-list.js';
import { entityAliasAdd } from './entity-alias-add.js';
import { entityAliasRemove } from './entity-alias-remove.js';
import { entityMerge } from './entity-merge.js';
import { entityPartOf } from './entity-part-of.js';
import { entityRename } from './entity-rename.js';
import { entityView } from './entity-view.js';
import { factView } from './fact-view.js';
import { claimClaimReview, factClaimReview } from './fact-claim-review.js';
import { lexiconMetricAdd } from './lexicon-metric-add.js';
import { lexiconMetricDelete } from './lexicon-metric-delete.js';
import { lexiconMetricUpdate } from './lexicon-metric-update.js';
import { lexiconPage } from './lexicon-page.js';
import { lexiconSync } from './lexicon-sync.js';
import { lexiconGrammarUpdate } from './lexicon-grammar-update.js';
import { readFlash } from '../flash.js';
import { undo } from './undo.js';
import { activityPage } from './activity.js';
import { commentAdd } from './comment-add.js';
import { sourceAssignment, subjectAssignment } from './source-assignment.js';
import { proposalApprove, proposalWithdraw } from './conflict-proposal.js';
import { signIn, signInPage, signOut } from './sign-in.js';
import { userAdd, userRole, userStatus, usersPage } from './users.js';

type Method = 'get' | 'post';

/** One route: its method, path pattern, who may use it, and its handler over the app's dependencies. */
export type RouteEntry = readonly [method: Method, path: string, audience: Audience, make: (deps: AppDeps) => RequestHandler];

/** Every route with the least role that may use it. */
export const routeEntries: readonly RouteEntry[] = [
  ['get', paths.login, 'everyone', signInPage],
  ['post', paths.login, 'everyone', signIn],
  ['post', paths.logout, 'everyone', signOut],

  ['get', paths.dashboard, 'viewer', dashboard],
  ['post', paths.samples, 'reviewer', samplesLoad],

  ['get', paths.sources, 'viewer', sourcesList],
  ['post', paths.sources, 'reviewer', sourceCreate],
  ['get', paths.newSource, 'reviewer', sourceNew],
  ['get', paths.source, 'viewer', sourceView],
  ['get', paths.editSource, 'reviewer', sourceEdit],
  ['post', paths.editSource, 'reviewer', sourceUpdate],
  ['get', paths.deleteSource, 'editor', sourceDeleteConfirm],
  ['post', paths.deleteSource, 'editor', sourceDelete],
  ['post', paths.sourceAssignment, 'reviewer', sourceAssignment],
  ['post', paths.refetchSource, 'reviewer', sourceRefetch],
  ['get', paths.sourceDiff, 'viewer', sourceDiff],
  ['get', paths.feeds, 'viewer', feedsPage],
  ['post', paths.feeds, 'reviewer', feedAdd],
  ['post', paths.pollFeeds, 'reviewer', feedsPoll],

  ['get', paths.claims, 'viewer', claimsList],
  ['post', paths.claims, 'reviewer', claimCreate],
  ['get', paths.newClaim, 'reviewer', claimNew],
  ['post', paths.bulkClaims, 'reviewer', claimsBulk],
  ['get', paths.claim, 'viewer', claimView],
  ['get', paths.editClaim, 'reviewer', claimEdit],
  ['post', paths.editClaim, 'reviewer', claimUpdate],
  ['get', paths.deleteClaim, 'reviewer', claimDeleteConfirm],
  ['post', paths.deleteClaim, 'reviewer', claimDelete],
  ['post', paths.reviewClaim, 'reviewer', claimReview],
  ['post', paths.claimComments, 'reviewer', commentAdd('claim')],
  ['post', paths.rateClaim, 'reviewer', claimRate],
  ['get', paths.claimClaimReview, 'viewer', claimClaimReview],
  ['post', paths.checkClaimVersion, 'reviewer', claimVersionCheck],

  ['get', paths.review, 'viewer', reviewQueue],
  ['post', paths.undo, 'reviewer', undo],

  ['get', paths.figurePreview, 'viewer', () => figurePreviewRoute()],

  ['get', paths.search, 'viewer', searchPage],
  ['get', paths.factSheet, 'viewer', factSheetBuilder],
  ['get', paths.factSheetDownload, 'viewer', factSheetDownload],

  ['get', paths.entities, 'viewer', entitiesList],
  ['get', paths.entity, 'viewer', entityView],
  ['post', paths.entityAliases, 'editor', entityAliasAdd],
  ['post', paths.entityAliasRemove, 'editor', entityAliasRemove],
  ['post', paths.renameEntity, 'editor', entityRename],
  ['post', paths.mergeEntity, 'editor', entityMerge],
  ['post', paths.entityPartOf, 'editor', entityPartOf],
  ['post', paths.subjectAssignment, 'reviewer', subjectAssignment],

  ['get', paths.conflicts, 'viewer', conflictsList],
  ['post', paths.conflicts, 'reviewer', conflictFlag],
  ['get', paths.conflict, 'viewer', conflictView],
  ['get', paths.conflictChart, 'viewer', conflictChart],
  ['post', paths.explainConflict, 'editor', conflictExplain],
  // A reviewer's resolution or deprecation (or anyone's under second review) is a proposal an editor approves.
  ['post', paths.resolveConflict, 'reviewer', conflictResolve],
  ['post', paths.approveProposal, 'editor', proposalApprove],
  ['post', paths.withdrawProposal, 'reviewer', proposalWithdraw],
  ['post', paths.reopenConflict, 'editor', conflictReopen],
  ['post', paths.unflagConflict, 'reviewer', conflictUnflag],
  ['post', paths.deprecateInConflict, 'reviewer', conflictDeprecate],
  ['post', paths.conflictComments, 'reviewer', commentAdd('conflict')],
  ['get', paths.fact, 'viewer', factView],
  ['get', paths.factChart, 'viewer', factChart],
  ['get', paths.factClaimReview, 'viewer', factClaimReview],

  ['get', paths.lexicon, 'viewer', lexiconPage],
  ['post', paths.lexicon, 'editor', lexiconMetricAdd],
  ['post', paths.lexiconMetric, 'editor', lexiconMetricUpdate],
  ['post', paths.deleteLexiconMetric, 'editor', lexiconMetricDelete],
  ['post', paths.lexiconSync, 'editor', lexiconSync],
  ['post', paths.lexiconGrammar, 'editor', lexiconGrammarUpdate],

  ['get', paths.activity, 'viewer', activityPage],
  ['get', paths.users, 'admin', usersPage],
  ['post', paths.users, 'admin', userAdd],
  ['post', paths.userRole, 'admin', userRole],
  ['post', paths.userStatus, 'admin', userStatus],
];

/** All routes of the app over its dependencies, each behind its role check. */
export function routeTable(deps: AppDeps): Router {
  const router = Router();
  // A page reached after a write says what the write did (the signed `done` parameter).
  router.use(readFlash(deps));
  for (const [method, path, audience, make] of routeEntries) router[method](path, requireRole(audience), make(deps));
  return router;
}
