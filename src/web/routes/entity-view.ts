// GET /entities/:id — one entity: its aliases, what it is part of and its parts, the facts it is the subject of,
// and the forms to add an alias, set what it is part of, rename it and merge it into another entity.
import type { RequestHandler } from 'express';
import type { AppDeps } from '../deps.js';
import { idParam } from '../params.js';
import { sendPage } from '../render.js';
import { loadEntityPage } from '../pages/entity.js';

export const entityView = (deps: AppDeps): RequestHandler => (req, res) => {
  sendPage(res, { view: 'entities/show', data: loadEntityPage(deps, idParam(req, 'Entity')), shared: true });
};
