#!/usr/bin/env node
// crosscheck serve | import | extract | conflicts | export | samples | feeds | lexicon sync | entity | users
// The imperative shell: parses flags, opens the database, calls the pure core, prints.
import { Command, InvalidArgumentError } from 'commander';
import { SingleBar } from 'cli-progress';
import path from 'node:path';
import { existsSync, writeFileSync } from 'node:fs';
import { crosscheckSettings, loadConfig, type Config } from './config.js';
import { extract, loadTagger, prepareLexicon, type PreparedLexicon } from './extract/index.js';
import { readAnyDocumentFile, readDocumentFile, collectFiles } from './app/files.js';
import { failureText, importItems, totalsLine, type ImportItem, type ImportTotals } from './app/import-run.js';
import { refetchLine, refetchSource } from './app/refetch.js';
import { listRefetchableSourceIds } from './store/versions.js';
import { looksLikeUrl, readUrlDocument } from './app/url-import.js';
import { archiveItems, isArchiveFile, parseColumnMap, type ColumnMap } from './app/archive.js';
import { isIsoDate } from './domain/calendar.js';
import { openAppDatabase, readDefaultLexicon } from './app/bootstrap.js';
import { loadSamples } from './app/samples.js';
import { createApp } from './web/app.js';
import { createServer } from './web/server.js';
import { startWalMaintenance } from './store/database.js';
import { loadLexicon } from './store/lexicon.js';
import { resolveEntity } from './store/entities.js';
import { conflictsReport } from './app/reports.js';
import { exportFactSheet } from './app/factsheet-data.js';
import { FACT_SHEET_FORMATS, isFactSheetFormat, type FactSheetFormat } from './render/factsheet/index.js';
import { exportClaimReviews } from './app/claim-review-data.js';
import { followFeed, pollFeeds } from './app/feeds.js';
import { listFeedItemFailures, listFeeds } from './store/feeds.js';
import type { Db } from './store/database.js';
import type { Clock } from './domain/types.js';
import { addUsersCommands, FIRST_ADMIN_COMMAND } from './cli-users.js';
import { addVocabularyCommands } from './cli-vocabulary.js';
import { hasAccounts } from './store/users.js';
import { isLoopbackBind } from './web/security.js';

const systemClock: Clock = () => new Date();

/** The database a command reads or changes, which must exist already (a mistyped --db must not create one). */
function openExistingDatabase(config: Config) {
  if (!existsSync(config.dbPath)) throw new Error(`no database at ${config.dbPath}; pass --db FILE.`);
  return openAppDatabase(config, systemClock);
}

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

/** The lexicon a run extracts with: read and prepared (with the part-of-speech tagger) once, at the start of the run. */
function runLexicon(db: Db): PreparedLexicon {
  return prepareLexicon(loadLexicon(db), loadTagger().tagger);
}

program
  .command('extract')
  .description('Print the claims extracted from each file (no database needed).')
  .option('--json', 'print JSON (the only format for now)', true)
  .option('--published <date>', 'publication date (YYYY-MM-DD) used to resolve relative dates, for files that do not carry one', isoDateOption)
  .option('--publisher <name>', 'publisher, for files that do not name one')
  .argument('<files...>', 'files or folders (.txt, .md, .html)')
  .action((files: string[], opts: { published?: string; publisher?: string }) => {
    const lexicon = prepareLexicon(readDefaultLexicon(loadConfig()), loadTagger().tagger);
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
    const { createExtractPool } = await import('./app/extract-pool.js');
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
  .description('Import articles (.txt, .md with front matter, .html, .pdf, or a URL): store the text verbatim and extract candidate claims.')
  .option('--db <file>', 'database file')
  .option('--published <date>', 'publication date (YYYY-MM-DD) for files that do not carry one', isoDateOption)
  .option('--publisher <name>', 'publisher for files that do not name one')
  .option('--title <title>', 'title, for files without their own (else the first line)')
  .option('--url <url>', 'URL of the article, for files that do not give one')
  .option('--no-extract', 'store the text only, without extracting claims')
  .option('--columns <map>', 'for a .csv or .jsonl archive: which column holds each field, e.g. text=body,published=date (fields: title, publisher, published, url, text, author)', parseColumnMap)
  .argument('<inputs...>', 'files, folders, http(s) URLs, or .csv/.jsonl archives of articles')
  .action(async (inputs: string[], opts: { db?: string; published?: string; publisher?: string; title?: string; url?: string; extract: boolean; columns?: ColumnMap }) => {
    const config = configWith(opts);
    const archives = inputs.filter((input) => !looksLikeUrl(input) && isArchiveFile(input));
    const files = collectFiles(inputs.filter((input) => !looksLikeUrl(input) && !isArchiveFile(input)));
    const items = [
      ...inputs.filter(looksLikeUrl).map((url): ImportItem => ({ label: url, read: () => readUrlDocument(url, config.fetch) })),
      ...files.map((file): ImportItem => ({ label: file, read: () => readAnyDocumentFile(file) })),
      ...archives.flatMap((archive) => archiveItems(archive, opts.columns)),
    ];
    if (items.length === 0) throw new Error('nothing to import: no .txt, .md, .html or .pdf files, URLs or archive rows found.');
    const db = openAppDatabase(config, systemClock);
    const ctx = { actor: config.actor, clock: systemClock, reason: 'crosscheck import' };
    const bar = items.length > 1 ? new SingleBar({ format: 'importing [{bar}] {value}/{total} {file}', hideCursor: true }) : null;
    bar?.start(items.length, 0, { file: '' });
    const { lines, totals } = await importItems(
      db,
      items,
      opts,
      ctx,
      { settings: crosscheckSettings(config), lexicon: runLexicon(db), extract: opts.extract, nearDuplicates: true },
      (label, done) => bar?.update(done, { file: looksLikeUrl(label) ? label : path.basename(label) }),
    );
    bar?.stop();
    db.close();
    reportImport(lines, totals, archives.length === 0 ? 'files' : archives.length === inputs.length ? 'rows' : 'items');
  });

/** Prints an import's lines and totals; exits 1 naming each failed item on stderr when any failed. */
function reportImport(lines: string[], totals: ImportTotals, noun = 'files'): void {
  process.stdout.write(lines.join('\n') + '\n' + totalsLine(totals, noun) + '\n');
  if (totals.failed > 0) {
    // Scripts check the exit status; a reader of the terminal is told which items to look at.
    const failed = lines.map((line) => line.trim()).filter((line) => line.startsWith('failed '));
    process.stderr.write(`crosscheck: ${totals.failed} of ${totals.items} ${noun} failed:\n${failed.map((line) => `  ${line.slice('failed '.length)}`).join('\n')}\n`);
    process.exitCode = 1;
  }
}

program
  .command('refetch')
  .description('Fetch sources\' URLs again; changed text is stored as a new version and the claims whose quote changed are flagged.')
  .option('--db <file>', 'database file')
  .argument('[sources...]', 'source ids (default: every source fetched by URL, newest versions)')
  .action(async (ids: string[], opts: { db?: string }) => {
    const config = configWith(opts);
    const db = openAppDatabase(config, systemClock);
    const ctx = { actor: config.actor, clock: systemClock, reason: 'crosscheck refetch' };
    const options = { settings: crosscheckSettings(config), lexicon: runLexicon(db) };
    let failed = 0;
    try {
      const sourceIds = ids.length > 0 ? ids.map((id) => Number(id.replace(/^#/, ''))) : listRefetchableSourceIds(db);
      for (const id of sourceIds) {
        try {
          if (!Number.isInteger(id) || id < 1) throw new Error('not a source id.');
          process.stdout.write(refetchLine(await refetchSource(db, id, config.fetch, ctx, options)) + '\n');
        } catch (err) {
          failed += 1;
          process.stderr.write(`crosscheck: source ${id}: ${failureText(err)}\n`);
        }
      }
      process.stdout.write(`Fetched ${sourceIds.length - failed} of ${sourceIds.length} sources again.\n`);
      if (failed > 0) process.exitCode = 1;
    } finally {
      db.close();
    }
  });

const feedsCommand = program.command('feeds').description('RSS and Atom feeds followed for new articles.');

feedsCommand
  .command('add')
  .description('Follow a feed (its address is fetched once to check it is RSS or Atom).')
  .option('--db <file>', 'database file')
  .argument('<url>', 'the feed\'s http(s) address')
  .action(async (url: string, opts: { db?: string }) => {
    const config = configWith(opts);
    const db = openAppDatabase(config, systemClock);
    try {
      const { feed, items } = await followFeed(db, url, config.fetch, { actor: config.actor, clock: systemClock, reason: 'crosscheck feeds add' });
      process.stdout.write(`Following feed #${feed.id} “${feed.title}” (${items} items now; crosscheck feeds poll imports them).\n`);
    } finally {
      db.close();
    }
  });

feedsCommand
  .command('poll')
  .description('Fetch every feed followed and import each item not taken before, by URL; an item whose page fails is tried again on later polls, CROSSCHECK_FEED_ATTEMPTS times in all (default 3).')
  .option('--db <file>', 'database file')
  .action(async (opts: { db?: string }) => {
    const config = configWith(opts);
    const db = openAppDatabase(config, systemClock);
    try {
      const ctx = { actor: config.actor, clock: systemClock, reason: 'crosscheck feeds poll' };
      const { lines, totals, givenUp } = await pollFeeds(db, config.fetch, ctx, { settings: crosscheckSettings(config), lexicon: runLexicon(db), nearDuplicates: true }, config.feedAttempts);
      if (lines.length === 0) lines.push('No feeds followed; add one with crosscheck feeds add URL.');
      if (givenUp > 0) lines.push(`${givenUp} items not fetched: given up after ${config.feedAttempts} failed attempts (see crosscheck feeds list).`);
      reportImport(lines, totals, 'items');
    } finally {
      db.close();
    }
  });

feedsCommand
  .command('list')
  .description('List the feeds followed.')
  .option('--db <file>', 'database file')
  .action((opts: { db?: string }) => {
    const config = configWith(opts);
    const db = openAppDatabase(config, systemClock);
    const feeds = listFeeds(db);
    const failures = listFeedItemFailures(db);
    db.close();
    const lines = feeds.flatMap((f) => [
      `#${f.id} ${f.url} “${f.title}”: ${f.itemCount} items taken, ${f.failingCount} failing, last polled ${f.lastPolledAt ?? 'never'}`,
      ...failures
        .filter((x) => x.feedId === f.id)
        .map((x) => `  ${x.attempts >= config.feedAttempts ? 'given up' : 'retrying'} ${x.link}: failed ${x.attempts} of ${config.feedAttempts} attempts, last at ${x.lastTriedAt}: ${x.lastError}`),
    ]);
    process.stdout.write((lines.length > 0 ? lines : ['No feeds followed.']).join('\n') + '\n');
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

addVocabularyCommands(program, configWith, openExistingDatabase, systemClock);

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
  .requiredOption('--format <format>', 'html, md, csv or json; claimreview for the settled conflicts as schema.org ClaimReview JSON-LD', (v: string) => {
    if (!isFactSheetFormat(v) && v !== 'claimreview') throw new InvalidArgumentError(`"${v}" is not a format; use ${[...FACT_SHEET_FORMATS, 'claimreview'].join(', ')}.`);
    return v;
  })
  .option('--base-url <url>', 'claimreview: the address Crosscheck is served at, for each review\'s link (default http://HOST:PORT)')
  .option('--subject <name>', 'only facts about this subject (an alias works too); repeat for more', collect, [])
  .option('--metric <name>', 'only facts of this metric; repeat for more', collect, [])
  .option('--from <date>', 'only figures about dates from this day on (YYYY-MM-DD)', isoDateOption)
  .option('--to <date>', 'only figures about dates up to this day (YYYY-MM-DD)', isoDateOption)
  .option('--include-candidates', 'include unreviewed candidate claims (marked as unreviewed)', false)
  .option('--no-appendix', 'leave out minor facts (dates of visits, meetings and other recurring events) instead of listing them in an appendix')
  .option('--generated-at <iso>', 'generation time printed in the sheet (default now); fix it for byte-identical output', isoInstantOption)
  .option('-o, --output <file>', 'write to this file instead of standard output')
  .action(
    (opts: { db?: string; format: FactSheetFormat | 'claimreview'; subject: string[]; metric: string[]; from?: string; to?: string; includeCandidates: boolean; appendix: boolean; generatedAt?: string; output?: string; baseUrl?: string }) => {
      const config = configWith(opts);
      const db = openExistingDatabase(config);
      try {
        const text = opts.format === 'claimreview'
          ? claimReviewExport(db, config, opts)
          : exportFactSheet(
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

/** The settled conflicts as ClaimReview JSON-LD, for each subject (name or alias) and metric asked for. */
function claimReviewExport(db: Db, config: Config, opts: { subject: string[]; metric: string[]; baseUrl?: string }): string {
  const subjectIds = opts.subject.map((name) => {
    const entity = resolveEntity(db, name);
    if (entity === null) throw new Error(`no subject is called "${name}".`);
    return entity.id;
  });
  const filters = (subjectIds.length > 0 ? subjectIds : [undefined]).flatMap((subjectId) =>
    (opts.metric.length > 0 ? opts.metric : [undefined]).map((metric) => ({ subjectId, metric })),
  );
  const options = { reviewer: config.reviewer, baseUrl: opts.baseUrl ?? `http://${config.host}:${config.port}` };
  return exportClaimReviews(db, filters, options);
}

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

// `crosscheck extract --json | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`crosscheck: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
