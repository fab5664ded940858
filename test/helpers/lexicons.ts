// The vocabularies tests extract with: the shipped default (names no war) and the sample set's world (the
// default plus db/samples/lexicon.json, the people, places and forces the sample articles name).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Lexicon } from '../../src/domain/types.js';

function read(relative: string): Lexicon {
  return JSON.parse(readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8')) as Lexicon;
}

/** db/lexicon/default.json as shipped. */
export function defaultLexicon(): Lexicon {
  return read('../../db/lexicon/default.json');
}

/** The default vocabulary with the sample set's entities added (as `crosscheck samples` adds them). */
export function sampleWorldLexicon(): Lexicon {
  const base = defaultLexicon();
  const pack = read('../../db/samples/lexicon.json');
  return { metrics: [...base.metrics, ...pack.metrics], entities: [...base.entities, ...pack.entities] };
}
