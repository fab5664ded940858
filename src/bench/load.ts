// npm run bench:load [-- --duration 10] [-- --pages dashboard,claims]
// Throughput under load over real HTTP on 127.0.0.1: `crosscheck serve` (a child process, on a fresh database
// holding the sample set) and, in the same run, an Express hello-world as the machine's reference. autocannon
// (in this process) drives each page at 50 and then 200 connections and prints req/s, p50, p99, errors and
// timeouts, after a 2 s unmeasured warm-up per page. The server runs in its own process so that the load generator does not share its event loop.
// Never fails on time: it prints figures.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { loadConfig } from '../config.js';
import { openAppDatabase } from '../app/bootstrap.js';
import { loadSamples } from '../app/samples.js';
import { listConflicts } from '../store/conflicts.js';
import { listSources } from '../store/sources.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CONNECTIONS = [50, 200];
const WARMUP_SECONDS = 2;

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at !== -1 && process.argv[at + 1] !== undefined ? (process.argv[at + 1] as string) : fallback;
}

/** A fresh database with the sample set; returns the addresses of one conflict and one source page. */
function prepareDatabase(file: string): { conflict: string; source: string } {
  const config = loadConfig({ dbPath: file });
  const clock = () => new Date();
  const db = openAppDatabase(config, clock, file);
  loadSamples(db, config, clock);
  const conflict = listConflicts(db, { limit: 1 }).items[0];
  const source = listSources(db, { limit: 1 }).items[0];
  db.close();
  if (!conflict || !source) throw new Error('The sample set gave no conflict or no source.');
  return { conflict: `/conflicts/${conflict.id}`, source: `/sources/${source.id}` };
}

/** Starts a child process and resolves with the URL it prints once it listens. */
function startServer(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (match) resolve({ child, base: `http://127.0.0.1:${match[1]}` });
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code} before listening`)));
  });
}

/** An Express hello-world on a free port: the same framework's floor on this machine, measured in the same run. */
const HELLO = `
const express = require(${JSON.stringify(path.join(here, '../../node_modules/express'))});
const app = express();
app.get('/', (req, res) => { res.send('Hello world'); });
const server = app.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port));
`;

interface Row {
  page: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

async function measure(page: string, url: string, connections: number, duration: number): Promise<Row> {
  const result = await autocannon({ url, connections, duration, timeout: 10 });
  return {
    page,
    connections,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

function print(row: Row, hello: number | undefined): void {
  const share = hello ? `${(row.rps / hello).toFixed(2)} × hello` : '';
  const cells = [
    row.page.padEnd(14),
    String(row.connections).padStart(4),
    `${row.rps} req/s`.padStart(12),
    `p50 ${row.p50} ms`.padStart(12),
    `p99 ${row.p99} ms`.padStart(12),
    `errors ${row.errors}`.padStart(10),
    `timeouts ${row.timeouts}`.padStart(12),
    `non-2xx ${row.non2xx}`.padStart(12),
    share.padStart(14),
  ];
  console.log(cells.join(' '));
}

async function main(): Promise<void> {
  const duration = Number(option('duration', '10'));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'crosscheck-load-'));
  const dbFile = path.join(dir, 'bench.sqlite');
  const { conflict, source } = prepareDatabase(dbFile);
  const app = await startServer([path.join(here, '../cli.js'), 'serve', '--db', dbFile, '--port', '0', '--host', '127.0.0.1']);
  const hello = await startServer(['-e', HELLO]);
  const pages: [string, string][] = [
    ['hello-world', `${hello.base}/`],
    ['dashboard', `${app.base}/`],
    ['claims', `${app.base}/claims`],
    ['conflict', `${app.base}${conflict}`],
    ['source', `${app.base}${source}`],
    ['static app.js', `${app.base}/static/app.js`],
  ];
  const wanted = option('pages', '').split(',').filter(Boolean);
  console.log(`bench:load: sample set, ${duration} s per page and connection count, 127.0.0.1, node ${process.version}`);
  try {
    // Each server's first seconds (compiling its code, first renders) are not what a busy desk sees: a short
    // unmeasured run per page first, so the first page measured does not pay for them alone.
    for (const [, url] of pages) await autocannon({ url, connections: 10, duration: WARMUP_SECONDS });
    for (const connections of CONNECTIONS) {
      let helloRps: number | undefined;
      for (const [page, url] of pages) {
        if (wanted.length > 0 && page !== 'hello-world' && !wanted.includes(page)) continue;
        const row = await measure(page, url, connections, duration);
        if (page === 'hello-world') helloRps = row.rps;
        print(row, page === 'hello-world' ? undefined : helloRps);
      }
    }
  } finally {
    app.child.kill();
    hello.child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
