
import { Claim, ClaimKind, ClaimOrigin, ClaimRank, ClaimStatus, ExtractedClaim, Figure, IsoDate, NumericUnit, Qualifier } from '../domain/types.js';
import { Db } from './database.js';
import { NotFoundError, StaleEditError } from '../domain/errors.js';
import { unknownClaimEntity } from '../domain/claim-checks.js';
import { normaliseMetric } from '../domain/crosscheck.js';
import { WriteContext, definedOnly, nowIso } from './context.js';
import { checkClaim, checkClaimStatus } from '../domain/claim-checks.js';
import { getClaim } from './claims.js';
import { recordAudit } from './audit.js';
import { entityNameOf } from '../domain/names.js';
import { findOrCreateEntity } from './entities.js';
import { conflictsTouching, pruneConflictsWithoutClaims } from './conflict-pruning.js';// Changing claims: create (one, many, or an article's extracted candidates with their speakers and subjects
// resolved to entities), update with the version seen, set the status of many, delete. Every change is one
// transaction with one audit event per claim; what the reviewer typed is checked first (domain/claim-checks.ts) so
// a refusal names the field instead of a constraint.

/** Fields of a new claim; the optional ones default to null, status 'candidate', rank 'normal'. */
export interface NewClaim {
  sourceId: number;
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  valueText: string;
  kind: ClaimKind;
  metric: string;
  figure: Figure;
  qualifier: Qualifier;
  origin: ClaimOrigin;
  subjectId?: number | null;
  speakerId?: number | null;
  scopeFrom?: IsoDate | null;
  scopeTo?: IsoDate | null;
  asOf?: IsoDate | null;
  attributionCue?: string | null;
  relay?: string | null;
  hedge?: string | null;
  status?: ClaimStatus;
  rank?: ClaimRank;
  rankReason?: string | null;
  note?: string | null;
}

/** What a reviewer may change on a claim (source and origin are fixed). */
export type ClaimPatch = Partial<Omit<NewClaim, 'sourceId' | 'origin'>>;

/** The body of a source; offsets are JavaScript string indexes (UTF-16), which SQLite's length() does not count. */
function sourceBody(db: Db, sourceId: number): string {
  const row = db.prepare('SELECT body FROM sources WHERE id = ?').get(sourceId) as { body: string } | undefined;
  if (!row) throw new NotFoundError(`Source ${sourceId}`);
  return row.body;
}

function claimParams(claim: NewClaim) {
  return {
    source_id: claim.sourceId,
    quote: claim.quote,
    quote_start: claim.quoteStart,
    quote_end: claim.quoteEnd,
    value_text: claim.valueText,
    kind: claim.kind,
    metric: normaliseMetric(claim.metric),
    subject_id: claim.subjectId ?? null,
    value_low: claim.figure.low,
    value_high: claim.figure.high,
    value_unit: claim.figure.unit,
    qualifier: claim.qualifier,
    scope_from: claim.scopeFrom ?? null,
    scope_to: claim.scopeTo ?? null,
    as_of: claim.asOf ?? null,
    speaker_id: claim.speakerId ?? null,
    attribution_cue: claim.attributionCue ?? null,
    relay: claim.relay ?? null,
    hedge: claim.hedge ?? null,
    status: claim.status ?? 'candidate',
    rank: claim.rank ?? 'normal',
    rank_reason: claim.rankReason ?? null,
    note: claim.note ?? null,
    origin: claim.origin,
  };
}

/** Turns "FOREIGN KEY constraint failed" (an unknown speaker or subject id) into a message for the reviewer. */
function withEntityCheck<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw unknownClaimEntity();
    }
    throw error;
  }
}

/** Stores one claim; audited. */
export function createClaim(db: Db, claim: NewClaim, ctx: WriteContext): Claim {
  const [created] = createClaims(db, [claim], ctx);
  return created as Claim;
}

/** Stores many claims (e.g. extraction candidates) in one transaction, one audit event each; all or nothing. */
export function createClaims(db: Db, claims: NewClaim[], ctx: WriteContext): Claim[] {
  return db.transaction(() => {
    const at = nowIso(ctx);
    const bodies = new Map<number, string>();
    const insert = db.prepare(
      `INSERT INTO claims (source_id, quote, quote_start, quote_end, value_text, kind, metric, subject_id, value_low,
         value_high, value_unit, qualifier, scope_from, scope_to, as_of, speaker_id, attribution_cue, relay, hedge,
         status, rank, rank_reason, note, origin, created_at, updated_at)
       VALUES (@source_id, @quote, @quote_start, @quote_end, @value_text, @kind, @metric, @subject_id, @value_low,
         @value_high, @value_unit, @qualifier, @scope_from, @scope_to, @as_of, @speaker_id, @attribution_cue, @relay,
         @hedge, @status, @rank, @rank_reason, @note, @origin, @at, @at)`,
    );
    return claims.map((claim) => {
      let body = bodies.get(claim.sourceId);
      if (body === undefined) {
        body = sourceBody(db, claim.sourceId);
        bodies.set(claim.sourceId, body);
      }
      checkClaim(claim, body);
      const { lastInsertRowid } = withEntityCheck(() => insert.run({ ...claimParams(claim), at }));
      const created = getClaim(db, Number(lastInsertRowid));
      recordAudit(db, { action: 'create', entity: 'claim', entityId: created.id, after: created }, ctx);
      return created;
    });
  })();
}

/** Converts extractor output into claims of a source: speaker and subject names resolved (or created) as entities. */
export function importExtractedClaims(db: Db, sourceId: number, extracted: ExtractedClaim[], ctx: WriteContext): Claim[] {
  return db.transaction(() => {
    // only real names become entities: a fragment of a speaker phrase would be matched in later imports
    const entityId = (name: string | null): number | null => {
      const real = name === null ? null : entityNameOf(name);
      return real === null ? null : findOrCreateEntity(db, real, 'other', ctx).id;
    };
    const claims = extracted.map(
      (candidate): NewClaim => ({
        sourceId,
        quote: candidate.quote,
        quoteStart: candidate.start,
        quoteEnd: candidate.end,
        valueText: candidate.valueText,
        kind: candidate.kind,
        metric: candidate.metric,
        figure: figureOf(candidate.value),
        qualifier: candidate.qualifier,
        origin: 'extracted',
        status: 'candidate',
        subjectId: entityId(candidate.subject),
        speakerId: entityId(candidate.speaker),
        scopeFrom: candidate.scope?.from ?? null,
        scopeTo: candidate.scope?.to ?? null,
        asOf: candidate.asOf,
        attributionCue: candidate.attributionCue,
        relay: candidate.relay,
        hedge: candidate.hedge,
      }),
    );
    return createClaims(db, claims, ctx);
  })();
}

function figureOf(value: ExtractedClaim['value']): Figure {
  if (value.unit === 'date') {
    return { unit: 'date', low: value.low === null ? null : String(value.low), high: value.high === null ? null : String(value.high) };
  }
  return { unit: value.unit as NumericUnit, low: value.low === null ? null : Number(value.low), high: value.high === null ? null : Number(value.high) };
}

/** Changes a claim when `version` is still current (else StaleEditError); audited. Returns the new claim. */
export function updateClaim(db: Db, id: number, version: number, patch: ClaimPatch, ctx: WriteContext): Claim {
  return db.transaction(() => {
    const before = getClaim(db, id);
    if (before.version !== version) throw new StaleEditError(`Claim ${id}`);
    const next: NewClaim = { ...before, ...definedOnly(patch) };
    checkClaim(next, sourceBody(db, before.sourceId));
    const params = claimParams(next);
    withEntityCheck(() =>
      db
        .prepare(
          `UPDATE claims SET quote = @quote, quote_start = @quote_start, quote_end = @quote_end, value_text = @value_text,
             kind = @kind, metric = @metric, subject_id = @subject_id, value_low = @value_low, value_high = @value_high,
             value_unit = @value_unit, qualifier = @qualifier, scope_from = @scope_from, scope_to = @scope_to,
             as_of = @as_of, speaker_id = @speaker_id, attribution_cue = @attribution_cue, relay = @relay,
             hedge = @hedge, status = @status, rank = @rank, rank_reason = @rank_reason, note = @note,
             version = version + 1, updated_at = @at
           WHERE id = @id AND version = @version`,
        )
        .run({ ...params, at: nowIso(ctx), id, version }),
    );
    const after = getClaim(db, id);
    recordAudit(db, { action: 'update', entity: 'claim', entityId: id, before, after }, ctx);
    return after;
  })();
}

/**
 * Sets the status of several claims (bulk confirm/reject) in one transaction, one audit event per changed claim.
 * Every target's `version` must still be current: when any is not, StaleEditError (naming the changed claims) and
 * nothing changes, so a reviewer never confirms a claim someone else edited after their page was drawn.
 */
export function setClaimStatus(db: Db, targets: { id: number; version: number }[], status: ClaimStatus, ctx: WriteContext): Claim[] {
  checkClaimStatus(status);
  return db.transaction(() => {
    const befores = targets.map(({ id }) => getClaim(db, id));
    const stale = befores.filter((before, index) => before.version !== targets[index]?.version).map((before) => before.id);
    if (stale.length > 0) throw new StaleEditError(`Claim ${stale[0]}${stale.length > 1 ? ` (and ${stale.length - 1} more of the selection)` : ''}`);
    const at = nowIso(ctx);
    const update = db.prepare('UPDATE claims SET status = ?, version = version + 1, updated_at = ? WHERE id = ?');
    // A claim listed twice is changed once.
    const unique = [...new Map(befores.map((before) => [before.id, before])).values()];
    return unique.map((before) => {
      if (before.status === status) return before;
      update.run(status, at, before.id);
      const after = getClaim(db, before.id);
      recordAudit(db, { action: 'update', entity: 'claim', entityId: before.id, before, after }, ctx);
      return after;
    });
  })();
}

/** Deletes a claim (and conflicts left with fewer than two claims); `version`, when given, must be current. Audited. */
export function deleteClaim(db: Db, id: number, ctx: WriteContext, version?: number): void {
  db.transaction(() => {
    const before = getClaim(db, id);
    if (version !== undefined && before.version !== version) throw new StaleEditError(`Claim ${id}`);
    const touched = conflictsTouching(db, '?', id);
    db.prepare('DELETE FROM claims WHERE id = ?').run(id);
    pruneConflictsWithoutClaims(db, touched, ctx);
    recordAudit(db, { action: 'delete', entity: 'claim', entityId: id, before }, ctx);
  })();
}
