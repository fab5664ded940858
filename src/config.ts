// The only module that reads process.env. Everything else receives a Config.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Project root: one level above src/ (tests) or dist/ (built). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Config {
  dbPath: string;
  host: string;
  port: number;
  /** Largest accepted upload or paste, in bytes. */
  maxUploadBytes: number;
  /** Secret for CSRF tokens; random per process unless set. */
  csrfSecret: string;
  /** Actor written to the audit log until accounts exist. */
  actor: string;
  /** Conflict rule settings. */
  asOfWindowDays: number;
  tolerance: number;
  viewsDir: string;
  migrationsDir: string;
  samplesDir: string;
  lexiconPath: string;
}

/** Builds the configuration from defaults, the environment and explicit overrides (CLI flags, tests). */
export function loadConfig(overrides: Partial<Config> = {}, env: NodeJS.ProcessEnv = process.env): Config {
  return {
    dbPath: env.CROSSCHECK_DB ?? path.join(PROJECT_ROOT, 'db', 'crosscheck.sqlite'),
    host: env.CROSSCHECK_HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? env.CROSSCHECK_PORT ?? 3000),
    maxUploadBytes: 5 * 1024 * 1024,
    csrfSecret: env.CROSSCHECK_SECRET ?? cryptoRandom(),
    actor: 'local',
    asOfWindowDays: Number(env.CROSSCHECK_ASOF_WINDOW_DAYS ?? 31),
    tolerance: Number(env.CROSSCHECK_TOLERANCE ?? 0.05),
    viewsDir: path.join(PROJECT_ROOT, 'views'),
    migrationsDir: path.join(PROJECT_ROOT, 'db', 'migrations'),
    samplesDir: path.join(PROJECT_ROOT, 'db', 'samples'),
    lexiconPath: path.join(PROJECT_ROOT, 'db', 'lexicon', 'default.json'),
    ...overrides,
  };
}

function cryptoRandom(): string {
  // Imported lazily so that this module stays cheap to load for the CLI's extract path.
  return globalThis.crypto.randomUUID() + globalThis.crypto.randomUUID();
}
