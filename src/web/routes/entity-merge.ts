// POST /entities/:id/merge — this entity into another, in two steps. Without `confirm`, the target is looked up
// (a whole name, a whole alias or an id: never part of a name) and the page lists what would move: claims as
// subject and speaker, spellings, parts, conflicts. With `confirm=yes` (the button on that page, which names the
// target by id) the claims, conflicts and spellings follow, the entity is deleted and the moved claims'
// conflicts are recomputed; the entity page then says what moved.
import type { RequestHandler } from 'express';
import { NotFoundError, StaleEditError, ValidationError } from '../../domain/errors.js';
import { crosscheckSettings } from '../../config.js';
import { recomputeConflicts } from '../../app/recompute.js';
import { getEntity, resolveEntity, type StoredEntity } from '../../store/entities.js';
import { mergeEntities } from '../../store/entity-removal.js';
import { listClaimIdsOfEntity } from '../../store/crosscheck-queries.js';
import { loadMergePreview } from '../../store/merge-preview.js';
import { writeContext, type AppDeps } from '../deps.js';
import { formValues, versionField } from '../forms/fields.js';
import { idParam } from '../params.js';
import { sendPage } from '../render.js';
import { changeEntity, tryEntityChange } from '../pages/entity-change.js';
import { urls } from '../urls.js';
import { templateHelpers } from '../view-helpers.js';

/** The entity a typed target names: an id, or a whole name or alias (case, accents and punctuation folded). */
function mergeTarget(deps: AppDeps, fromId: number, typed: string): StoredEntity {
  const text = typed.trim();
  if (text === '') throw new ValidationError('Name the entity to merge into.', { into: 'Enter a name or an id.' });
  const into = /^\d{1,15}$/.test(text) ? safeEntity(deps, Number(text)) : resolveEntity(deps.db, text);
  if (!into) {
    throw new ValidationError(`No entity is called “${text}”. Type its whole name or one of its aliases (part of a name does not match).`, { into: 'No such entity.' });
  }
  if (into.id === fromId) throw new ValidationError('An entity cannot be merged into itself.', { into: 'Choose another entity.' });
  return into;
}

export const entityMerge = (deps: AppDeps): RequestHandler => (req, res) => {
  if (req.body?.confirm !== 'yes') {
    const id = idParam(req, 'Entity');
    const values = formValues(req.body, ['into']);
    const version = versionField(req.body);
    tryEntityChange(deps, res, id, 'merge', values, () => {
      const from = getEntity(deps.db, id);
      if (from.version !== version) throw new StaleEditError(`Entity “${from.name}”`);
      const into = mergeTarget(deps, id, values.into ?? '');
      const preview = loadMergePreview(deps.db, id, into.id);
      sendPage(res, { view: 'entities/merge', data: { preview, typed: (values.into ?? '').trim(), version, confirmed: false } });
    });
    return;
  }
  let mergedName = '';
  let moved: number[] = [];
  changeEntity(
    deps,
    req,
    res,
    'merge',
    ['into'],
    (id, version, values) => {
      const into = mergeTarget(deps, id, values.into ?? '');
      mergedName = getEntity(deps.db, id).name;
      // The claims that move meet the claims of `into` in its facts: recomputed as changed claims (their
      // existing conflicts are found again, with explanations naming the remaining entity).
      moved = listClaimIdsOfEntity(deps.db, id);
      // The reviewer saw this entity's version; the one merged into is named as it is now.
      const merged = mergeEntities(deps.db, { id, version }, { id: into.id, version: into.version }, writeContext(deps));
      recomputeConflicts(deps.db, moved.map((claimId) => ({ id: claimId })), crosscheckSettings(deps.config), writeContext(deps));
      return merged;
    },
    (entity) => `Merged “${mergedName}” into “${entity.name}”: ${templateHelpers.plural(moved.length, 'claim')} moved.`,
    urls.entity(idParam(req, 'Entity')),
  );
};

function safeEntity(deps: AppDeps, id: number) {
  try {
    return getEntity(deps.db, id);
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
}
