// POST /entities/:id/rename — a new name (and type); the old name stays as an alias; explanations naming it follow.
import type { RequestHandler } from 'express';
import type { EntityType } from '../../domain/types.js';
import { crosscheckSettings } from '../../config.js';
import { refreshExplanationsNaming } from '../../app/recompute.js';
import { getEntity, renameEntity } from '../../store/entities.js';
import { writeContext, type AppDeps } from '../deps.js';
import { changeEntity } from '../pages/entity-change.js';

export const entityRename = (deps: AppDeps): RequestHandler => (req, res) => {
  let was = '';
  changeEntity(deps, req, res, 'rename', ['name', 'type'], (id, version, values) => {
    was = getEntity(deps.db, id).name;
    const change = { name: values.name ?? '', type: values.type ? (values.type as EntityType) : undefined };
    const entity = renameEntity(deps.db, id, version, change, writeContext(deps));
    // Explanations name subjects and speakers.
    refreshExplanationsNaming(deps.db, id, crosscheckSettings(deps.config), writeContext(deps));
    return entity;
  }, (entity) => (entity.name === was ? `Saved “${entity.name}”, type ${entity.type}.` : `Renamed “${was}” to “${entity.name}”; the old name stays as an alias.`));
};
