// POST /lexicon/grammar/:id — saves a grammar word list typed one entry per line (validated by the store, audited);
// refused input comes back (422) in the list's form, as typed, and changes nothing. The next import reads the new list.
import type { RequestHandler } from 'express';
import { ValidationError } from '../../domain/errors.js';
import { getGrammarList, setGrammarList } from '../../store/lexicon-grammar.js';
import { writeContext, type AppDeps } from '../deps.js';
import { formValues } from '../forms/fields.js';
import { undoableWrite, withFlash } from '../flash.js';
import { idParam } from '../params.js';
import { formatOf, sendDone, sendPage } from '../render.js';
import { urls } from '../urls.js';
import { templateHelpers } from '../view-helpers.js';
import { loadLexiconPage } from '../pages/lexicon.js';

export const lexiconGrammarUpdate = (deps: AppDeps): RequestHandler => (req, res) => {
  const id = idParam(req, 'Grammar list');
  getGrammarList(deps.db, id);
  // one entry per line; a missing field is an empty list
  const text = formValues(req.body, ['words']).words ?? '';
  try {
    const { result: list, flash } = undoableWrite(
      deps,
      req,
      () => setGrammarList(deps.db, id, text.split(/\r?\n/), writeContext(deps)),
      (l) => `Saved the grammar list “${l.list}”: ${templateHelpers.plural(l.words.length, 'entry', 'entries')}.`,
    );
    sendDone(res, withFlash(deps.db, `${urls.lexicon()}#grammar-${id}`, flash), { list });
  } catch (err) {
    if (!(err instanceof ValidationError) || formatOf(res) === 'json') throw err;
    sendPage(res, { view: 'lexicon/index', status: 422, data: loadLexiconPage(deps, { grammarEdit: { id, text, errors: err.fields } }) });
  }
};
