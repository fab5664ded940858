// POST /lexicon/sync — "Add new defaults": adds the metrics, entities and aliases of db/lexicon/default.json
// and the grammar word lists of db/lexicon/grammar.json that the database lacks, changing nothing that exists (so users' edits stay), then says what was added, with an Undo.
import type { RequestHandler } from 'express';
import { readDefaultLexicon } from '../../app/bootstrap.js';
import { addMissingLexicon } from '../../store/lexicon-sync.js';
import { writeContext, type AppDeps } from '../deps.js';
import { undoableWrite, withFlash } from '../flash.js';
import { sendDone } from '../render.js';
import { urls } from '../urls.js';

export const lexiconSync = (deps: AppDeps): RequestHandler => (req, res) => {
  const defaults = readDefaultLexicon(deps.config);
  // The notice under the heading counts what was added; the message above it carries the Undo.
  const { result: added, flash } = undoableWrite(
    deps,
    req,
    () => addMissingLexicon(deps.db, defaults, writeContext(deps, 'New default vocabulary added.')),
    () => 'Added the missing defaults to the lexicon.',
  );
  const counts = { synced: 1, metrics: added.metrics.length, entities: added.entities.length, aliases: added.aliases.length, ...(added.grammar.length > 0 ? { grammar: added.grammar.length } : {}), ...(added.skipped.length > 0 ? { skipped: added.skipped.length } : {}) };
  sendDone(res, withFlash(deps.db, urls.lexicon(counts), flash), { added });
};
