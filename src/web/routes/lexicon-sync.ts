// POST /lexicon/sync — "Add new defaults": adds the metrics, entities and aliases of db/lexicon/default.json
// and the grammar word lists of db/lexicon/grammar.json that the database lacks, changing nothing that exists (so users' edits stay), then says what was added.
import type { RequestHandler } from 'express';
import { readDefaultLexicon } from '../../app/bootstrap.js';
import { addMissingLexicon } from '../../store/lexicon-sync.js';
import { writeContext, type AppDeps } from '../deps.js';
import { sendDone } from '../render.js';
import { urls } from '../urls.js';

export const lexiconSync = (deps: AppDeps): RequestHandler => (_req, res) => {
  const added = addMissingLexicon(deps.db, readDefaultLexicon(deps.config), writeContext(deps, 'New default vocabulary added.'));
  const counts = { synced: 1, metrics: added.metrics.length, entities: added.entities.length, aliases: added.aliases.length, ...(added.grammar.length > 0 ? { grammar: added.grammar.length } : {}), ...(added.skipped.length > 0 ? { skipped: added.skipped.length } : {}) };
  sendDone(res, urls.lexicon(counts), { added });
};
