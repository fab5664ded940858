// Every claim change the web app makes, each in one transaction: speaker and subject typed as names are
// resolved to entities (created on the fly when new), and the conflicts of the facts the claim belonged to
// before and after are recomputed — so a refused change leaves no stray entity and no stale conflict.
import { crosscheckSettings } from '../config.js';
import type { Claim, ClaimStatus } from '../domain/types.js';
import { recomputeConflicts } from './recompute.js';
import { createClaim, deleteClaim, findOrCreateEntity, getClaim, setClaimStatus, updateClaim, type NewClaim } from '../store/index.js';
import { restoreClaimStatuses } from '../store/undo.js';
import { writeContext, type AppDeps } from '../web/deps.js';
import type { ClaimInput } from '../web/forms/claim-form.js';

/** Entity id for a typed name; null (the publisher's own voice / no subject) when the name is empty. */
function entityId(deps: AppDeps, name: string | null): number | null {
  return name === null ? null : findOrCreateEntity(deps.db, name, 'other', writeContext(deps)).id;
}

function fieldsOf(deps: AppDeps, input: ClaimInput): Required<Omit<NewClaim, 'sourceId' | 'origin' | 'rank' | 'rankReason'>> {
  return {
    quote: input.quote,
    quoteStart: input.quoteStart,
    quoteEnd: input.quoteEnd,
    valueText: input.valueText,
    kind: input.kind,
    metric: input.metric,
    figure: input.figure,
    qualifier: input.qualifier,
    subjectId: entityId(deps, input.subjectName),
    speakerId: entityId(deps, input.speakerName),
    scopeFrom: input.scopeFrom,
    scopeTo: input.scopeTo,
    asOf: input.asOf,
    attributionCue: input.attributionCue,
    relay: input.relay,
    hedge: input.hedge,
    status: input.status,
    note: input.note,
  };
}

function recompute(deps: AppDeps, touched: Claim[]): void {
  recomputeConflicts(deps.db, touched, crosscheckSettings(deps.config), writeContext(deps));
}

/** Creates a manual claim on a source; all or nothing. */
export function saveNewClaim(deps: AppDeps, sourceId: number, input: ClaimInput): Claim {
  return deps.db.transaction(() => {
    const claim = createClaim(deps.db, { ...fieldsOf(deps, input), sourceId, origin: 'manual' }, writeContext(deps));
    recompute(deps, [claim]);
    return claim;
  })();
}

/** Applies an edit when `version` is still current (else StaleEditError); all or nothing. */
export function saveClaimEdit(deps: AppDeps, claimId: number, version: number, input: ClaimInput): Claim {
  return deps.db.transaction(() => {
    const before = getClaim(deps.db, claimId);
    const after = updateClaim(deps.db, claimId, version, fieldsOf(deps, input), writeContext(deps));
    recompute(deps, [before, after]);
    return after;
  })();
}

/** Deletes a claim when `version` is still current; returns what it was. */
export function removeClaim(deps: AppDeps, claimId: number, version: number): Claim {
  return deps.db.transaction(() => {
    const before = getClaim(deps.db, claimId);
    deleteClaim(deps.db, claimId, writeContext(deps), version);
    recompute(deps, [before]);
    return before;
  })();
}

/** Confirms or rejects claims (review queue, bulk actions); every version must still be current (else StaleEditError, nothing changes). */
export function decideClaims(deps: AppDeps, targets: { id: number; version: number }[], status: ClaimStatus): Claim[] {
  return deps.db.transaction(() => {
    const changed = setClaimStatus(deps.db, targets, status, writeContext(deps));
    recompute(deps, changed);
    return changed;
  })();
}

/** Gives claims back their previous status (an Undo, audited as such) when none changed since; conflicts follow. */
export function undoDecisions(deps: AppDeps, targets: { id: number; status: ClaimStatus; version: number }[]): Claim[] {
  return deps.db.transaction(() => {
    const restored = restoreClaimStatuses(deps.db, targets, writeContext(deps, 'Undo of a review decision'));
    recompute(deps, restored);
    return restored;
  })();
}
