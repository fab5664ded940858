// The grammar vocabulary on the lexicon page: each word list extraction reads (reporting verbs, hedges, role nouns…)
// with what it is for (saved by routes/lexicon-grammar-update.ts).
import { listGrammar, roleOfList, type StoredGrammarList } from '../../store/lexicon-grammar.js';
import type { AppDeps } from '../deps.js';
import type { FieldErrors } from '../forms/fields.js';

/** What each plain list is for, as the page explains it. */
const LISTS: Readonly<Record<string, { label: string; hint: string }>> = {
  reportingVerbs: { label: 'Reporting verbs', hint: 'Verbs and fixed phrases that give a figure to a speaker (“said”, “declined to comment”). Matched as written, capitals included; list every form (“say”, “says”, “said”).' },
  reportingPatterns: { label: 'Reporting patterns', hint: 'Reporting phrases written as regular expressions, tried after the verbs (“put the (?:death )?toll at”). Group with (?:…), never (…).' },
  hedges: { label: 'Hedges', hint: 'Words that mark a figure as unconfirmed (“reportedly”, “could not be independently verified”), in any case.' },
  forceWords: { label: 'Force words', hint: 'Words a force is named with after its nationality (“forces” in “Valdorian forces”): they let “Valdorian troops” name the force entity.' },
  captionWords: { label: 'Caption words', hint: 'Words that make a paragraph a photo caption (“photo”, “handout”): its dates are the photo’s, not claims.' },
  captionAgencies: { label: 'Caption agencies', hint: 'Picture agencies that sign captions: “(Agency …)” or the name at the end of a paragraph makes it a caption.' },
};

/** A list as the page shows it. */
export interface GrammarListRow extends StoredGrammarList {
  label: string;
  hint: string;
  /** the entries, one per line, as the edit field shows them */
  text: string;
}

/** A list whose save was refused: its input as typed and the message. */
export interface GrammarEdit {
  id: number;
  text: string;
  errors: FieldErrors;
}

function describe(list: string): { label: string; hint: string } {
  const role = roleOfList(list);
  if (role === null) return LISTS[list] ?? { label: list, hint: '' };
  return { label: `Role nouns: ${role}`, hint: `Head nouns that count ${role} (“12 … were killed”): the population of a count.` };
}

/** Every stored list with its label and hint. */
export function grammarRows(deps: AppDeps): GrammarListRow[] {
  return listGrammar(deps.db).map((l) => ({ ...l, ...describe(l.list), text: l.words.join('\n') }));
}
