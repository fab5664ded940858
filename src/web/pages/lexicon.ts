// The lexicon page's data (GET /lexicon), which its refused add and edit forms (and grammar list saves) re-render.
import type { Request } from 'express';
import { listLexiconMetrics, type StoredLexiconMetric } from '../../store/lexicon.js';
import { MAX_NAME_LENGTH } from '../../domain/names.js';
import type { AppDeps } from '../deps.js';
import type { FieldErrors, FormValues } from '../forms/fields.js';
import { templateHelpers } from '../view-helpers.js';
import { grammarRows, type GrammarEdit, type GrammarListRow } from './lexicon-grammar.js';

export interface LexiconMetricRow extends StoredLexiconMetric {
  /** The keywords as the edit field shows them: "killed, dead, died". */
  keywordsText: string;
}

export interface LexiconPageData {
  metrics: LexiconMetricRow[];
  /** The "add a metric" form: blank, or as typed when it was refused. */
  add: { values: FormValues; errors: FieldErrors };
  /** A metric whose edit was refused: its input as typed and the messages, shown in its row. */
  edit: { id: number; values: FormValues; errors: FieldErrors } | null;
  /** After "Add new defaults": what was added, in words. */
  synced: string | null;
  /** The grammar vocabulary's word lists. */
  grammar: GrammarListRow[];
  /** A list whose save was refused, as typed, with the message. */
  grammarEdit: GrammarEdit | null;
}

function count(req: Request, name: string): number | null {
  const value = req.query[name];
  return typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : null;
}

/** The message after "Add new defaults" (?synced=1&metrics=2&entities=1&aliases=3); only numbers are read. */
export function syncedMessage(req: Request): string | null {
  if (req.query.synced !== '1') return null;
  const plural = templateHelpers.plural;
  const [metrics, entities, aliases, grammar] = [count(req, 'metrics') ?? 0, count(req, 'entities') ?? 0, count(req, 'aliases') ?? 0, count(req, 'grammar') ?? 0];
  const skippedCount = count(req, 'skipped') ?? 0;
  const skipped = skippedCount > 0 ? ` ${plural(skippedCount, 'name was', 'names were')} left out: longer than ${MAX_NAME_LENGTH} characters.` : '';
  if (metrics + entities + aliases + grammar === 0) return `The defaults hold nothing that is missing here: nothing was added.${skipped}`;
  const lists = grammar > 0 ? `, ${plural(grammar, 'grammar list')}` : '';
  return `Added from the defaults: ${plural(metrics, 'metric')}, ${plural(entities, 'entity', 'entities')}, ${plural(aliases, 'alias', 'aliases')}${lists}. Nothing that was here changed.${skipped}`;
}

/** The page's data; `add` and `edit` carry a refused form back. */
export function loadLexiconPage(deps: AppDeps, forms: Partial<Pick<LexiconPageData, 'add' | 'edit' | 'synced' | 'grammarEdit'>> = {}): LexiconPageData {
  return {
    metrics: listLexiconMetrics(deps.db).map((m) => ({ ...m, keywordsText: m.keywords.join(', ') })),
    add: forms.add ?? { values: { metric: '', kind: 'count', keywords: '' }, errors: {} },
    edit: forms.edit ?? null,
    synced: forms.synced ?? null,
    grammar: grammarRows(deps),
    grammarEdit: forms.grammarEdit ?? null,
  };
}
