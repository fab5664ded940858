// crosscheck lexicon sync, crosscheck entity remove-alias | prune: the commands on the vocabulary extraction reads
// (metrics, entities and their spellings, grammar word lists). Added to the program by src/cli.ts.
import type { Command } from 'commander';
import { openAppDatabase, readDefaultLexicon, readLexiconFile } from './app/bootstrap.js';
import { listJunkEntities, pruneJunkEntities } from './app/prune-entities.js';
import { crosscheckSettings, type Config } from './config.js';
import { MAX_NAME_LENGTH } from './domain/names.js';
import type { Clock } from './domain/types.js';
import type { Db } from './store/database.js';
import { removeAlias, resolveEntity } from './store/entities.js';
import { addMissingLexicon } from './store/lexicon-sync.js';
import { plural } from './web/view-helpers.js';

/** Adds `lexicon sync` and `entity remove-alias | prune`; `openExisting` refuses a database that does not exist. */
export function addVocabularyCommands(
  program: Command,
  configWith: (opts: { db?: string }) => Config,
  openExisting: (config: Config) => Db,
  systemClock: Clock,
): void {
  program
    .command('lexicon')
    .description('The vocabulary extraction reads (metrics, entities, aliases, grammar word lists).')
    .command('sync')
    .description('Add the metrics, entities and aliases of the default lexicon (or of --file, e.g. a pack for the war you cover), and the grammar word lists, that the database lacks; existing ones (and your edits) stay as they are.')
    .option('--db <file>', 'database file')
    .option('--file <lexicon.json>', 'a lexicon file to add instead of the default (same format as db/lexicon/default.json; a pack may add "grammar" entries)')
    .action((opts: { db?: string; file?: string }) => {
      const config = configWith(opts);
      const lexicon = opts.file ? readLexiconFile(opts.file) : readDefaultLexicon(config);
      const db = openAppDatabase(config, systemClock);
      const ctx = { actor: config.actor, clock: systemClock, reason: opts.file ? `Vocabulary added from ${opts.file}.` : 'New default vocabulary added.' };
      const added = addMissingLexicon(db, lexicon, ctx);
      db.close();
      const lines = [
        ...added.metrics.map((name) => `metric  ${name}`),
        ...added.entities.map((name) => `entity  ${name}`),
        ...added.aliases.map(({ entity, alias }) => `alias   ${alias} (${entity})`),
        ...added.grammar.map((list) => `grammar ${list}`),
        ...added.grammarEntries.map(({ list, entries }) => `grammar ${list}: + ${entries.join(', ')}`),
        ...added.skipped.map((name) => `skipped ${name} (longer than ${MAX_NAME_LENGTH} characters, not a name)`),
      ];
      const entries = added.grammarEntries.reduce((n, l) => n + l.entries.length, 0);
      const grammar = `${added.grammar.length > 0 ? `, ${plural(added.grammar.length, 'grammar list')}` : ''}${entries > 0 ? `, ${plural(entries, 'grammar entry', 'grammar entries')}` : ''}`;
      const total = `Lexicon: added ${plural(added.metrics.length, 'metric')}, ${plural(added.entities.length, 'entity', 'entities')}, ${plural(added.aliases.length, 'alias', 'aliases')}${grammar}; ${entries > 0 ? 'entries already listed stay as they were' : 'nothing existing changed'}.`;
      process.stdout.write([...lines, total].join('\n') + '\n');
    });

  const entityCommand = program.command('entity').description('People, organisations, places and events, and their spellings.');

  entityCommand
    .command('remove-alias')
    .description('Remove a spelling from an entity (named by its name or any alias); versioned and audited like the web form.')
    .option('--db <file>', 'database file')
    .argument('<entity>', 'the entity: its name or one of its aliases')
    .argument('<alias>', 'the alias to remove')
    .action((entityName: string, alias: string, opts: { db?: string }) => {
      const config = configWith(opts);
      const db = openExisting(config);
      try {
        const entity = resolveEntity(db, entityName);
        if (entity === null) throw new Error(`no entity is called "${entityName}".`);
        const after = removeAlias(db, entity.id, alias, { actor: config.actor, clock: systemClock, reason: 'crosscheck entity remove-alias' });
        process.stdout.write(`Removed the alias "${alias}" from ${after.name}; it keeps ${after.aliases.length} other spelling(s).\n`);
      } finally {
        db.close();
      }
    });

  entityCommand
    .command('prune')
    .description('List entities that are no name (fragments such as "The", "500", "British" left by older imports); with --apply, remove them: their claims keep their text and lose them as speaker or subject, and conflicts are recomputed. Audited.')
    .option('--db <file>', 'database file')
    .option('--apply', 'remove them (without it, only list them)')
    .action((opts: { db?: string; apply?: boolean }) => {
      const config = configWith(opts);
      const db = openExisting(config);
      try {
        const ctx = { actor: config.actor, clock: systemClock, reason: 'crosscheck entity prune: not a name' };
        const junk = opts.apply ? pruneJunkEntities(db, crosscheckSettings(config), ctx).removed : listJunkEntities(db);
        const lines = junk.map((e) => `${opts.apply ? 'removed' : 'junk'}  ${JSON.stringify(e.name)} (${e.type}, ${plural(e.claims, 'claim')})`);
        const verdict =
          junk.length === 0
            ? 'No entity is a fragment; nothing to prune.'
            : opts.apply
              ? `Removed ${plural(junk.length, 'entity', 'entities')}; their claims keep their text.`
              : `${plural(junk.length, 'entity', 'entities')} would be removed; run again with --apply to remove them.`;
        process.stdout.write([...lines, verdict].join('\n') + '\n');
      } finally {
        db.close();
      }
    });
}
