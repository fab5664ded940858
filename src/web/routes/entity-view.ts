// GET /entities/:id — one entity: its aliases, what it is part of and its parts, the facts it is the subject of,
// and the forms to add an alias, set what it is part of, rename it and merge it into another entity.
import type { RequestHandler } from 'express';
import { ENTITY_TYPES, type AuditEvent, type EntityType } from '../../domain/types.js';
import { getEntity, listAudit, takenBy, listParts, wholeOf, type EntityName, type StoredEntity } from '../../store/index.js';
import { listFactsOfSubject } from '../../store/crosscheck-queries.js';
import type { AppDeps } from '../deps.js';
import type { FieldErrors, FormValues } from '../forms/fields.js';
import { idParam } from '../params.js';
import { sendPage } from '../render.js';

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

export const entityView = (deps: AppDeps): RequestHandler => (req, res) => {
  sendPage(res, { view: 'entities/show', data: loadEntityPage(deps, idParam(req, 'Entity')), shared: true });
};
