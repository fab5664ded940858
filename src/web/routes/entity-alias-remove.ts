// POST /entities/:id/aliases/remove — removes one spelling from an entity (a wrong or over-long alias), versioned
// and audited like the other entity edits. Claims keep their entity; only later imports stop matching the spelling.
import type { RequestHandler } from 'express';
import { removeAlias } from '../../store/entities.js';
import { writeContext, type AppDeps } from '../deps.js';
import { changeEntity } from '../pages/entity-change.js';

export const entityAliasRemove = (deps: AppDeps): RequestHandler => (req, res) => {
  changeEntity(deps, req, res, 'alias', ['alias'], (id, version, values) =>
    removeAlias(deps.db, id, values.alias ?? '', writeContext(deps, 'Alias removed.'), version),
    (entity, values) => `Removed the spelling “${(values.alias ?? '').trim()}” from ${entity.name}.`,
  );
};
