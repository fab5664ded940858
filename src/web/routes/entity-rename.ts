// POST /entities/:id/rename — a new name (and type); the old name stays as an alias.
import type { RequestHandler } from 'express';
import type { EntityType } from '../../domain/types.js';
import { renameEntity } from '../../store/index.js';
import { writeContext, type AppDeps } from '../deps.js';
import { changeEntity } from './entity-change.js';

export const entityRename = (deps: AppDeps): RequestHandler => (req, res) => {
  changeEntity(deps, req, res, 'rename', ['name', 'type'], (id, values) =>
    renameEntity(deps.db, id, values.name ?? '', writeContext(deps), values.type ? (values.type as EntityType) : undefined),
  );
};
