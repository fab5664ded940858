#!/usr/bin/env node
// crosscheck serve | import | extract | conflicts | export | samples | lexicon sync | users
// The imperative shell: parses flags, opens the database, calls the pure core, prints.
import { Command, InvalidArgumentError } from 'commander';
import { SingleBar } from 'cli-progress';
import path from 'node:path';
import { existsSync, writeFileSync } from 'node:fs';
import { loadConfig, type Config } from './config.js';
import { extract } from './extract/index.js';
import { readDocumentFile, collectFiles } from './files.js';
import { isIsoDate } from './domain/figures.js';
import { crosscheckSettings, openAppDatabase, readDefaultLexicon } from './bootstrap.js';
import { cappedClaimsText, importSource } from './importer.js';
import { loadSamples } from './samples.js';
import { createApp } from './web/app.js';
import { createServer } from './web/server.js';
import { startWalMaintenance } from './store/database.js';
import { findSourcesBySha256, sha256Hex } from './store/sources.js';
import { loadLexicon } from './store/lexicon.js';
import { addMissingLexicon } from './store/lexicon-sync.js';
import { MAX_NAME_LENGTH, removeAlias, resolveEntity } from './store/entities.js';
import { conflictsReport } from './reports.js';
import { listJunkEntities, pruneJunkEntities } from './prune-entities.js';
import { plural } from './web/view-helpers.js';
import { exportFactSheet } from './factsheet-data.js';
import { FACT_SHEET_FORMATS, isFactSheetFormat, type FactSheetFormat } from './render/factsheet/index.js';
import type { Clock } from './domain/types.js';
import { AppError } from './domain/errors.js';
import { addUsersCommands, FIRST_ADMIN_COMMAND } from './cli-users.js';
import { hasAccounts } from './store/users.js';
import { isLoopbackBind } from './web/security.js';

const systemClock: Clock = () => new Date();

/** The configuration with the --db flag applied. */
function configWith(opts: { db?: string }): Config {
  return loadConfig(opts.db ? { dbPath: path.resolve(opts.db) } : {});
}

function isoDateOption(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError(`"${value}" is not a date; use YYYY-MM-DD.`);
  return value;
}

const program = new Command('crosscheck')
  .description('Claim and source cross-check: extract figures from articles, flag where sources disagree, export a fact sheet.')
  .showHelpAfterError();

program
  .command('extract')
  .description('Print the claims extracted from each file (no database needed).')
  .option('--json', 'print JSON (the only format for now)', true)
  .option('--published <date>', 'publication date (YYYY-MM-DD) used to resolve relative dates, for files that do not carry one', isoDateOption)
  .option('--publisher <name>', 'publisher, for files that do not name one')
  .argument('<files...>', 'files or folders (.txt, .md, .html)')
  .action((files: string[], opts: { published?: string; publisher?: string }) => {
    const lexicon = readDefaultLexicon(loadConfig());
    const documents = collectFiles(files).map((file) => {
      const doc = readDocumentFile(file);
      const published = doc.meta.publishedAt ?? opts.published;
      if (!published) throw new Error(`${file}: no publication date; pass --published YYYY-MM-DD.`);
      const publisher = doc.meta.publisher ?? opts.publisher ?? null;
      return { file, published, claims: extract(doc.body, { published, publisher, lexicon }) };
    });
    process.stdout.write(JSON.stringify({ documents }) + '\n');
  });

program
  .command('serve')
  .description('Serve the web app (http://127.0.0.1:3000 by default).')
  .option('--db <file>', 'database file (default db/crosscheck.sqlite or $CROSSCHECK_DB)')
  .option('--port <n>', 'port to listen on', (v) => Number(v))
  .option('--host <host>', 'address to bind; 127.0.0.1 keeps it private to this machine')
  .action(async (opts: { db?: string; port?: number; host?: string }) => {
    // One effective host: the address listened on is the one the Host check is built for.
    const base = configWith(opts);
    const config = { ...base, host: opts.host ?? base.host, port: opts.port ?? base.port };
    const { host, port } = config;
    const db = openAppDatabase(config, systemClock);
    const accounts = hasAccounts(db);
    if (!accounts && !isLoopbackBind(host)) {
      db.close();
      throw new Error(
        `refusing to serve on ${host}: no account exists yet, so anyone who reaches the server could change everything. ` +
          `Create the first admin with \`${FIRST_ADMIN_COMMAND}\`, then start it again (or serve on 127.0.0.1).`,
      );
    }
    // Extraction runs in worker threads so that one long article does not hold up every other page (the pool
    // library is loaded here only: the other commands extract inline and start faster without it).
    const { createExtractPool } = await import('./extract-pool.js');
    const extractor = createExtractPool();
    const app = createApp({ db, clock: systemClock, config, extractor });
    const stopWal = startWalMaintenance(db);
    const server = createServer(app);
    server.on('error', (err: Error) => {
      process.stderr.write(`crosscheck: cannot listen on ${host}:${port}: ${err.message}\n`);
      process.exit(1);
    });
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      process.stdout.write(`Crosscheck is serving http://${host}:${actualPort}/ (database ${config.dbPath})\n`);
      if (!accounts) {
        process.stdout.write(`No accounts yet: this machine works alone, as "local". To share it with a team, create the first admin with \`${FIRST_ADMIN_COMMAND}\` (or on the Users page).\n`);
      }
    });
    const stop = () => server.close(() => { stopWal(); db.close(); void extractor.close().finally(() => process.exit(0)); });
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

program
  .command('import')
  .description('Import articles (.txt, .md with front matter, .html): store the text verbatim and extract candidate claims.')
  .option('--db <file>', 'database file')
  .option('--published <date>', 'publication date (YYYY-MM-DD) for files that do not carry one', isoDateOption)
  .option('--publisher <name>', 'publisher for files that do not name one')
  .option('--title <title>', 'title, for files without their own (else the first line)')
  .option('--url <url>', 'URL of the article, for files that do not give one')
  .option('--no-extract', 'store the text only, without extracting claims')
  .argument('<files...>', 'files or folders')
  .action((inputs: string[], opts: { db?: string; published?: string; publisher?: string; title?: string; url?: string; extract: boolean }) => {
    const config = configWith(opts);
    const files = collectFiles(inputs);
    if (files.length === 0) throw new Error('no .txt, .md or .html files found.');
    const db = openAppDatabase(config, systemClock);
    const ctx = { actor: config.actor, clock: systemClock, reason: 'crosscheck import' };
    const lexicon = loadLexicon(db);
    const bar = files.length > 1 ? new SingleBar({ format: 'importing [{bar}] {value}/{total} {file}', hideCursor: true }) : null;
    bar?.start(files.length, 0, { file: '' });
    const lines: string[] = [];
    const totals = { imported: 0, skipped: 0, failed: 0, claims: 0, conflicts: 0 };
    for (const file of files) {
      bar?.increment(0, { file: path.basename(file) });
      try {
        const doc = readDocumentFile(file);
        // A file's own metadata wins; the flags fill in what a file does not say (as their help promises).
        const published = doc.meta.publishedAt ?? opts.published;
        if (!published || !isIsoDate(published)) throw new Error('no valid publication date; pass --published YYYY-MM-DD.');
        const existing = findSourcesBySha256(db, sha256Hex(doc.body));
        if (existing.length > 0) {
          totals.skipped += 1;
          lines.push(`skipped ${file}: the same text is already source #${existing[0]!.id}`);
        } else {
          // Not wrapped in a transaction: importSource extracts before it takes the write lock, so other writers do not wait.
          const { source, claims, conflicts, nearDuplicates, claimsCapped } = importSource(
            db,
            {
              title: doc.meta.title ?? opts.title ?? firstLine(doc.body) ?? path.basename(file),
              publisher: doc.meta.publisher ?? opts.publisher ?? 'Unknown publisher',
              author: doc.meta.author ?? null,
              url: doc.meta.url ?? opts.url ?? null,
              publishedAt: published,
              body: doc.body,
              format: doc.format,
            },
            ctx,
            { settings: crosscheckSettings(config), lexicon, extract: opts.extract, nearDuplicates: true },
          );
          totals.imported += 1;
          totals.claims += claims.length;
          totals.conflicts += conflicts.created;
          lines.push(`source #${source.id} ${file}: ${claims.length} candidate claims, sha256 ${source.bodySha256}`);
          if (claimsCapped) lines.push(`  ${cappedClaimsText(claims.length)}`);
          for (const other of nearDuplicates) {
            lines.push(`  near-duplicate of source #${other.id} “${other.title}” (${Math.round(other.similarity * 100)} % the same text)`);
          }
        }
      } catch (err) {
        totals.failed += 1;
        lines.push(`failed ${file}: ${failureText(err)}`);
      }
      bar?.increment(1);
    }
    bar?.stop();
    db.close();
    process.stdout.write(lines.join('\n') + '\n');
    process.stdout.write(
      `Imported ${totals.imported} of ${files.length} files (${totals.skipped} already there, ${totals.failed} failed): ` +
        `${totals.claims} candidate claims, ${totals.conflicts} new conflicts.\n`,
    );
    if (totals.failed > 0) {
      // Scripts check the exit status; a reader of the terminal is told which files to look at.
      const failed = lines.filter((line) => line.startsWith('failed '));
      process.stderr.write(`crosscheck: ${totals.failed} of ${files.length} files failed:\n${failed.map((line) => `  ${line.slice('failed '.length)}`).join('\n')}\n`);
      process.exitCode = 1;
    }
  });

program
  .command('samples')
  .description('Load the sample set (articles written by the team for fictional outlets).')
  .option('--db <file>', 'database file')
  .action((opts: { db?: string }) => {
    const config = configWith(opts);
    const db = openAppDatabase(config, systemClock);
    const result = loadSamples(db, config, systemClock);
    db.close();
    process.stdout.write(`Sample set: ${result.imported} articles imported (${result.skipped} already there), ${result.claims} candidate claims.\n`);
  });

program
  .command('lexicon')
  .description('The vocabulary extraction reads (metrics, entities, aliases).')
  .command('sync')
  .description('Add the default lexicon\'s metrics, entities and aliases that the database lacks; existing ones (and your edits) stay as they are.')
  .option('--db <file>', 'database file')
  .action((opts: { db?: string }) => {
    const config = configWith(opts);
    const db = openAppDatabase(config, systemClock);
    const ctx = { actor: config.actor, clock: systemClock, reason: 'New default vocabulary added.' };
    const added = addMissingLexicon(db, readDefaultLexicon(config), ctx);
    db.close();
    const lines = [
      ...added.metrics.map((name) => `metric  ${name}`),
      ...added.entities.map((name) => `entity  ${name}`),
      ...added.aliases.map(({ entity, alias }) => `alias   ${alias} (${entity})`),
      ...added.skipped.map((name) => `skipped ${name} (longer than ${MAX_NAME_LENGTH} characters, not a name)`),
    ];
    const total = `Lexicon: added ${plural(added.metrics.length, 'metric')}, ${plural(added.entities.length, 'entity', 'entities')}, ${plural(added.aliases.length, 'alias', 'aliases')}; nothing existing changed.`;
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
    if (!existsSync(config.dbPath)) throw new Error(`no database at ${config.dbPath}; pass --db FILE.`);
    const db = openAppDatabase(config, systemClock);
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
    if (!existsSync(config.dbPath)) throw new Error(`no database at ${config.dbPath}; pass --db FILE.`);
    const db = openAppDatabase(config, systemClock);
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

program
  .command('conflicts')
  .description('List conflicts with their claims and sources.')
  .option('--db <file>', 'database file')
  .option('--json', 'print JSON', true)
  .action((opts: { db?: string }) => {
    const config = configWith(opts);
    const db = openAppDatabase(config, systemClock);
    const report = conflictsReport(db);
    db.close();
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  });

program
  .command('export')
  .description('Export a sourced fact sheet (HTML, Markdown, CSV or JSON) of the confirmed claims.')
  .option('--db <file>', 'database file')
  .requiredOption('--format <format>', 'html, md, csv or json', (v: string) => {
    if (!isFactSheetFormat(v)) throw new InvalidArgumentError(`"${v}" is not a format; use ${FACT_SHEET_FORMATS.join(', ')}.`);
    return v;
  })
  .option('--subject <name>', 'only facts about this subject (an alias works too); repeat for more', collect, [])
  .option('--metric <name>', 'only facts of this metric; repeat for more', collect, [])
  .option('--from <date>', 'only figures about dates from this day on (YYYY-MM-DD)', isoDateOption)
  .option('--to <date>', 'only figures about dates up to this day (YYYY-MM-DD)', isoDateOption)
  .option('--include-candidates', 'include unreviewed candidate claims (marked as unreviewed)', false)
  .option('--no-appendix', 'leave out minor facts (dates of visits, meetings and other recurring events) instead of listing them in an appendix')
  .option('--generated-at <iso>', 'generation time printed in the sheet (default now); fix it for byte-identical output', isoInstantOption)
  .option('-o, --output <file>', 'write to this file instead of standard output')
  .action(
    (opts: { db?: string; format: FactSheetFormat; subject: string[]; metric: string[]; from?: string; to?: string; includeCandidates: boolean; appendix: boolean; generatedAt?: string; output?: string }) => {
      const config = configWith(opts);
      // Opening would create an empty database; exporting from a mistyped path should say so instead.
      if (!existsSync(config.dbPath)) throw new Error(`no database at ${config.dbPath}; pass --db FILE.`);
      const db = openAppDatabase(config, systemClock);
      try {
        const text = exportFactSheet(
          db,
          {
            subjects: opts.subject,
            metrics: opts.metric,
            from: opts.from ?? '',
            to: opts.to ?? '',
            includeCandidates: opts.includeCandidates,
            minorFacts: opts.appendix ? 'appendix' : 'omit',
          },
          opts.format,
          opts.generatedAt ?? systemClock().toISOString(),
          crosscheckSettings(config),
        );
        if (opts.output) writeFileSync(opts.output, text);
        else process.stdout.write(text);
      } finally {
        db.close();
      }
    },
  );

addUsersCommands(program, configWith, systemClock);

/** Repeatable options collect into a list. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** An ISO date or timestamp, normalised to the ISO timestamp the sheet prints. */
function isoInstantOption(value: string): string {
  const time = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) throw new InvalidArgumentError(`"${value}" is not an ISO time; use e.g. 2026-11-21T12:00:00Z.`);
  return new Date(time).toISOString();
}

/** An error as one line, with the per-field messages of a refused input (e.g. a published date out of range). */
function failureText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const fields = err instanceof AppError ? Object.values(err.fields) : [];
  return [err.message, ...fields].join(' ');
}

function firstLine(body: string): string | undefined {
  const line = body.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '');
  return line ? line.slice(0, 200) : undefined;
}

// `crosscheck extract --json | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`crosscheck: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
