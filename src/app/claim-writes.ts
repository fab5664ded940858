// Every claim change the web app makes, each in one transaction: speaker and subject typed as names are
// resolved to entities (created on the fly when new), and the conflicts of the facts the claim belonged to
// before and after are recomputed — so a refused change leaves no stray entity and no stale conflict.
import type { CrosscheckSettings } from '../domain/crosscheck.js';
import type { Claim, ClaimKind, ClaimStatus, Figure, IsoDate, Qualifier } from '../domain/types.js';
import { recomputeConflicts } from './recompute.js';
import { createClaim, deleteClaim, setClaimStatus, updateClaim, type NewClaim } from '../store/claim-changes.js';
import { findOrCreateEntity } from '../store/entities.js';
import { getClaim } from '../store/claims.js';
import type { WriteContext } from '../store/context.js';
import type { Db } from '../store/database.js';
import { restoreClaimStatuses } from '../store/undo.js';
import { clearVersionFlags } from '../store/versions.js';

/** What a claim write needs: the database, who writes and when (for the audit log), the conflict rules' settings. */
export interface ClaimWrites {
  db: Db;
  ctx: WriteContext;
  settings: CrosscheckSettings;
}

/** A valid claim (the claim form's value), with names of speaker and subject still to be resolved to entities. */
export interface ClaimInput {
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  kind: ClaimKind;
  subjectName: string | null;
  metric: string;
  valueText: string;
  figure: Figure;
  qualifier: Qualifier;
  scopeFrom: IsoDate | null;
  scopeTo: IsoDate | null;
  asOf: IsoDate | null;
  speakerName: string | null;
  attributionCue: string | null;
  relay: string | null;
  hedge: string | null;
  status: ClaimStatus;
  note: string | null;
}

/** Entity id for a typed name; null (the publisher's own voice / no subject) when the name is empty. */
function entityId(w: ClaimWrites, name: string | null): number | null {
  return name === null ? null : findOrCreateEntity(w.db, name, 'other', w.ctx).id;
}

function fieldsOf(w: ClaimWrites, input: ClaimInput): Required<Omit<NewClaim, 'sourceId' | 'origin' | 'rank' | 'rankReason'>> {
  return {
    quote: input.quote,
    quoteStart: input.quoteStart,
    quoteEnd: input.quoteEnd,
    valueText: input.valueText,
    kind: input.kind,
    metric: input.metric,
    figure: input.figure,
    qualifier: input.qualifier,
    subjectId: entityId(w, input.subjectName),
    speakerId: entityId(w, input.speakerName),
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

function recompute(w: ClaimWrites, touched: Claim[]): void {
  recomputeConflicts(w.db, touched, w.settings, w.ctx);
}

/** Creates a manual claim on a source; all or nothing. */
export function saveNewClaim(w: ClaimWrites, sourceId: number, input: ClaimInput): Claim {
  return w.db.transaction(() => {
    const claim = createClaim(w.db, { ...fieldsOf(w, input), sourceId, origin: 'manual' }, w.ctx);
    recompute(w, [claim]);
    return claim;
  })();
}

/** Applies an edit when `version` is still current (else StaleEditError); all or nothing. */
export function saveClaimEdit(w: ClaimWrites, claimId: number, version: number, input: ClaimInput): Claim {
  return w.db.transaction(() => {
    const before = getClaim(w.db, claimId);
    const after = updateClaim(w.db, claimId, version, fieldsOf(w, input), w.ctx);
    // An edit is a reviewer's look at the claim: a flag from a newer version of its article is answered by it.
    clearVersionFlags(w.db, [claimId], 'Edited after the article changed', w.ctx);
    recompute(w, [before, after]);
    return after;
  })();
}

/** Deletes a claim when `version` is still current; returns what it was. */
export function removeClaim(w: ClaimWrites, claimId: number, version: number): Claim {
  return w.db.transaction(() => {
    const before = getClaim(w.db, claimId);
    deleteClaim(w.db, claimId, w.ctx, version);
    recompute(w, [before]);
    return before;
  })();
}

/** Confirms or rejects claims (review queue, bulk actions); every version must still be current (else StaleEditError, nothing changes). */
export function decideClaims(w: ClaimWrites, targets: { id: number; version: number }[], status: ClaimStatus): Claim[] {
  return w.db.transaction(() => {
    const changed = setClaimStatus(w.db, targets, status, w.ctx);
    // Confirming or rejecting (again) answers a flag from a newer version of the article.
    if (status !== 'candidate') clearVersionFlags(w.db, targets.map((t) => t.id), `${status === 'confirmed' ? 'Confirmed' : 'Rejected'} after the article changed`, w.ctx);
    recompute(w, changed);
    return changed;
  })();
}

/** A reviewer checked a claim against the newer version of its article and found it needs no change: its flag is cleared. */
export function checkClaimAgainstVersion(w: ClaimWrites, claimId: number): boolean {
  getClaim(w.db, claimId);
  return clearVersionFlags(w.db, [claimId], w.ctx.reason ?? 'Checked against the newer version', w.ctx).length > 0;
}

/** Gives claims back their previous status (an Undo, audited as such) when none changed since; conflicts follow. */
export function undoDecisions(w: ClaimWrites, targets: { id: number; status: ClaimStatus; version: number }[]): Claim[] {
  return w.db.transaction(() => {
    const restored = restoreClaimStatuses(w.db, targets, { ...w.ctx, reason: 'Undo of a review decision' });
    recompute(w, restored);
    return restored;
  })();
}
