// POST /entities/:id/aliases — another spelling of the entity ("Shoygu" for Sergei Shoigu).
import type { RequestHandler } from 'express';
import { addAlias } from '../../store/entities.js';
import { writeContext, type AppDeps } from '../deps.js';
import { changeEntity } from '../pages/entity-change.js';

export const entityAliasAdd = (deps: AppDeps): RequestHandler => (req, res) => {
  changeEntity(deps, req, res, 'alias', ['alias'], (id, version, values) => addAlias(deps.db, id, values.alias ?? '', writeContext(deps), version),
    (entity, values) => `Added the spelling “${(values.alias ?? '').trim()}” to ${entity.name}.`);
};
