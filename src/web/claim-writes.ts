// Saving a claim from the form: speaker and subject are typed as names and resolved to entities (created on
// the fly when new) in the same transaction as the claim, so a refused claim leaves no stray entity behind.
import type { Claim } from '../domain/types.js';
import { createClaim, findOrCreateEntity, updateClaim, type NewClaim } from '../store/index.js';
import { writeContext, type AppDeps } from './deps.js';
import type { ClaimInput } from './forms/claim-form.js';

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

/** Creates a manual claim on a source; all or nothing. */
export function saveNewClaim(deps: AppDeps, sourceId: number, input: ClaimInput): Claim {
  return deps.db.transaction(() => {
    return createClaim(deps.db, { ...fieldsOf(deps, input), sourceId, origin: 'manual' }, writeContext(deps));
  })();
}

/** Applies an edit when `version` is still current (else StaleEditError); all or nothing. */
export function saveClaimEdit(deps: AppDeps, claimId: number, version: number, input: ClaimInput): Claim {
  return deps.db.transaction(() => updateClaim(deps.db, claimId, version, fieldsOf(deps, input), writeContext(deps)))();
}
