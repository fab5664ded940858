// The route table: every URL the app answers, in one place (paths come from urls.ts).
import { Router } from 'express';
import type { AppDeps } from '../deps.js';
import { paths } from '../urls.js';
import { claimCreate } from './claim-create.js';
import { claimDelete } from './claim-delete.js';
import { claimDeleteConfirm } from './claim-delete-confirm.js';
import { claimEdit } from './claim-edit.js';
import { claimNew } from './claim-new.js';
import { claimReview } from './claim-review.js';
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
import { factClaimReview } from './fact-claim-review.js';
import { lexiconMetricAdd } from './lexicon-metric-add.js';
import { lexiconMetricDelete } from './lexicon-metric-delete.js';
import { lexiconMetricUpdate } from './lexicon-metric-update.js';
import { lexiconPage } from './lexicon-page.js';
import { lexiconSync } from './lexicon-sync.js';
import { readFlash } from '../flash.js';
import { undo } from './undo.js';

/** All routes of the app over its dependencies. */
export function routeTable(deps: AppDeps): Router {
  const router = Router();
  // A page reached after a write says what the write did (the signed `done` parameter).
  router.use(readFlash(deps));
  router.get(paths.dashboard, dashboard(deps));
  router.post(paths.samples, samplesLoad(deps));

  router.get(paths.sources, sourcesList(deps));
  router.post(paths.sources, sourceCreate(deps));
  router.get(paths.newSource, sourceNew(deps));
  router.get(paths.source, sourceView(deps));
  router.get(paths.editSource, sourceEdit(deps));
  router.post(paths.editSource, sourceUpdate(deps));
  router.get(paths.deleteSource, sourceDeleteConfirm(deps));
  router.post(paths.deleteSource, sourceDelete(deps));
  router.post(paths.refetchSource, sourceRefetch(deps));
  router.get(paths.sourceDiff, sourceDiff(deps));
  router.get(paths.feeds, feedsPage(deps));
  router.post(paths.feeds, feedAdd(deps));
  router.post(paths.pollFeeds, feedsPoll(deps));

  router.get(paths.claims, claimsList(deps));
  router.post(paths.claims, claimCreate(deps));
  router.get(paths.newClaim, claimNew(deps));
  router.post(paths.bulkClaims, claimsBulk(deps));
  router.get(paths.claim, claimView(deps));
  router.get(paths.editClaim, claimEdit(deps));
  router.post(paths.editClaim, claimUpdate(deps));
  router.get(paths.deleteClaim, claimDeleteConfirm(deps));
  router.post(paths.deleteClaim, claimDelete(deps));
  router.post(paths.reviewClaim, claimReview(deps));

  router.get(paths.review, reviewQueue(deps));
  router.post(paths.undo, undo(deps));

  router.get(paths.figurePreview, figurePreviewRoute());

  router.get(paths.search, searchPage(deps));
  router.get(paths.factSheet, factSheetBuilder(deps));
  router.get(paths.factSheetDownload, factSheetDownload(deps));

  router.get(paths.entities, entitiesList(deps));
  router.get(paths.entity, entityView(deps));
  router.post(paths.entityAliases, entityAliasAdd(deps));
  router.post(paths.entityAliasRemove, entityAliasRemove(deps));
  router.post(paths.renameEntity, entityRename(deps));
  router.post(paths.mergeEntity, entityMerge(deps));
  router.post(paths.entityPartOf, entityPartOf(deps));

  router.get(paths.conflicts, conflictsList(deps));
  router.post(paths.conflicts, conflictFlag(deps));
  router.get(paths.conflict, conflictView(deps));
  router.get(paths.conflictChart, conflictChart(deps));
  router.post(paths.explainConflict, conflictExplain(deps));
  router.post(paths.resolveConflict, conflictResolve(deps));
  router.post(paths.reopenConflict, conflictReopen(deps));
  router.post(paths.unflagConflict, conflictUnflag(deps));
  router.post(paths.deprecateInConflict, conflictDeprecate(deps));
  router.get(paths.fact, factView(deps));
  router.get(paths.factChart, factChart(deps));
  router.get(paths.factClaimReview, factClaimReview(deps));

  router.get(paths.lexicon, lexiconPage(deps));
  router.post(paths.lexicon, lexiconMetricAdd(deps));
  router.post(paths.lexiconMetric, lexiconMetricUpdate(deps));
  router.post(paths.deleteLexiconMetric, lexiconMetricDelete(deps));
  router.post(paths.lexiconSync, lexiconSync(deps));
  return router;
}
