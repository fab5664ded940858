// The sample set: articles the team wrote for fictional outlets (db/samples), loaded on request.
import { crosscheckSettings, type Config } from '../config.js';
import type { Db } from '../store/database.js';
import type { Clock } from '../domain/types.js';
import { collectFiles, readDocumentFile } from './files.js';
import { findSourcesBySha256, sha256Hex } from '../store/sources.js';
import { loadLexicon } from '../store/lexicon.js';
import { importSource } from './importer.js';
import { prepareLexicon } from '../extract/index.js';
import { readLexiconFile } from './bootstrap.js';
import { addMissingLexicon } from '../store/lexicon-sync.js';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The sample set's own vocabulary (people, places and forces its articles name), beside the articles. */
export const SAMPLE_LEXICON = 'lexicon.json';

export interface SamplesResult {
  imported: number;
  skipped: number;
  claims: number;
}

/** Adds the sample set's vocabulary, then imports every sample article not yet in the database (matched by text hash), in one transaction. */
export function loadSamples(db: Db, config: Config, clock: Clock): SamplesResult {
  const documents = collectFiles([config.samplesDir]).map(readDocumentFile);
  const ctx = { actor: config.actor, clock, reason: 'Sample set loaded.' };
  const vocabulary = path.join(config.samplesDir, SAMPLE_LEXICON);
  return db.transaction((): SamplesResult => {
    const result: SamplesResult = { imported: 0, skipped: 0, claims: 0 };
    // The default vocabulary names no war; the samples bring the names of the one they are about.
    if (existsSync(vocabulary)) addMissingLexicon(db, readLexiconFile(vocabulary), { ...ctx, reason: 'Vocabulary of the sample set added.' });
    const lexicon = prepareLexicon(loadLexicon(db));
    for (const doc of documents) {
      if (findSourcesBySha256(db, sha256Hex(doc.body)).length > 0) {
        result.skipped += 1;
        continue;
      }
      const { meta } = doc;
      if (!meta.title || !meta.publisher || !meta.publishedAt) throw new Error(`${doc.file}: sample without title, publisher or published date.`);
      const imported = importSource(
        db,
        { title: meta.title, publisher: meta.publisher, author: meta.author ?? null, url: meta.url ?? null, publishedAt: meta.publishedAt, body: doc.body, format: doc.format },
        ctx,
        { settings: crosscheckSettings(config), lexicon },
      );
      result.imported += 1;
      result.claims += imported.claims.length;
    }
    return result;
  })();
}
