// One figure of a text the team writes, read by the extractor with the shipped vocabulary: the extraction tests that
// check what a single sentence's figure becomes (its speaker, subject, measure, period) share this reading.
import { extract } from '../../src/extract/index.js';
import type { ExtractedClaim } from '../../src/domain/types.js';
import { defaultLexicon } from './lexicons.js';

const lexicon = defaultLexicon();

export interface ReadOptions {
  published: string;
  /** the title put above a text of one paragraph (a text with a line break is read as it is) */
  title?: string;
}

/** Every claim of a text; a text without a line break is a sentence, read under `title`. */
export function claimsIn(text: string, { published, title = 'Tarn report' }: ReadOptions): ExtractedClaim[] {
  return extract(text.includes('\n') ? text : `${title}\n\n${text}`, { published, publisher: 'Test Wire', lexicon });
}

/** The claim of the figure written `valueText`; throws, naming the figures found, when there is none. */
export function figureIn(text: string, valueText: string, options: ReadOptions): ExtractedClaim {
  const claims = claimsIn(text, options);
  const found = claims.find((c) => c.valueText === valueText);
  if (!found) throw new Error(`no claim "${valueText}" among ${claims.map((c) => c.valueText).join(', ')}`);
  return found;
}
