// The entity page's data (GET /entities/:id), which its refused forms (alias, part of, rename, merge) re-render.
import { ENTITY_TYPES, type AuditEvent, type EntityType } from '../../domain/types.js';
import { getEntity, type StoredEntity } from '../../store/entities.js';
import { listAudit } from '../../store/audit.js';
import { takenBy } from '../../store/assignments.js';
import { listParts, wholeOf, type EntityName } from '../../store/entity-parts.js';
import { listFactsOfSubject } from '../../store/crosscheck-queries.js';
import type { AppDeps } from '../deps.js';
import type { FieldErrors, FormValues } from '../forms/fields.js';

export type EntityAction = 'alias' | 'partOf' | 'rename' | 'merge';

export interface EntityPageData {
  entity: StoredEntity;
  /** The whole this entity is part of, or null. */
  partOf: EntityName | null;
  /** The entities directly part of this one. */
  parts: EntityName[];
  facts: { metric: string; claims: number }[];
  types: readonly EntityType[];
  audit: AuditEvent[];
  /** The reviewer who has taken this entity as a subject to review, or null. */
  assignee: string | null;
  /** A refused change: which form, its input and messages (422), or the stale-version message (409). */
  form: { action: EntityAction | null; values: FormValues; errors: FieldErrors; stale: string | null };
}

/** The entity page; `form` carries a refused change back to its form. */
export function loadEntityPage(deps: AppDeps, id: number, form: Partial<EntityPageData['form']> = {}): EntityPageData {
  return {
    entity: getEntity(deps.db, id),
    partOf: wholeOf(deps.db, id),
    parts: listParts(deps.db, id),
    facts: listFactsOfSubject(deps.db, id),
    types: ENTITY_TYPES,
    audit: listAudit(deps.db, 'entity', id),
    assignee: takenBy(deps.db, 'subject', id),
    form: { action: null, values: {}, errors: {}, stale: null, ...form },
  };
}
