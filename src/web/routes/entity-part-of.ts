// POST /entities/:id/part-of — what the entity is part of (a force of a war), by name or alias; blank clears it.
// Fact sheets for the whole include the claims about its parts. A link changes no claim and no explanation, so
// nothing is recomputed.
import type { RequestHandler } from 'express';
import { setPartOf } from '../../store/entity-parts.js';
import { writeContext, type AppDeps } from '../deps.js';
import { changeEntity } from '../pages/entity-change.js';

export const entityPartOf = (deps: AppDeps): RequestHandler => (req, res) => {
  changeEntity(deps, req, res, 'partOf', ['partOf'], (id, version, values) => setPartOf(deps.db, id, values.partOf ?? null, writeContext(deps), version),
    (entity, values) => ((values.partOf ?? '').trim() === '' ? `${entity.name} is part of nothing now.` : `${entity.name} is now part of ${(values.partOf ?? '').trim()}.`));
};
