// The only module that reads process.env. Everything else receives a Config.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { DEFAULT_FETCH_LIMITS, type FetchLimits } from './fetch-url.js';

/** Project root: one level above src/ (tests) or dist/ (built). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Config {
  dbPath: string;
  host: string;
  port: number;
  /**
   * Host names the app answers to (a guard against DNS rebinding). Empty = loopback names only while bound to
   * a loopback address, any name otherwise.
   */
  allowedHosts: string[];
  /** Largest accepted upload or paste, in bytes. */
  maxUploadBytes: number;
  /**
   * Secret for CSRF tokens. Undefined (the default) = a random secret generated once and kept in the database,
   * so a restart does not invalidate the forms reviewers have open.
   */
  csrfSecret?: string;
  /** Fetching by URL: timeout, size and redirect caps, and whether private addresses may be fetched. */
  fetch: FetchLimits;
  /** The organisation named as the author of exported ClaimReviews (CROSSCHECK_REVIEWER). */
  reviewer: string;
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
    port: numberSetting(env, ['PORT', 'CROSSCHECK_PORT'], 3000, { min: 0, max: 65535, integer: true }),
    allowedHosts: (env.CROSSCHECK_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean),
    maxUploadBytes: 5 * 1024 * 1024,
    csrfSecret: env.CROSSCHECK_SECRET || undefined,
    fetch: { ...DEFAULT_FETCH_LIMITS, allowPrivate: env.CROSSCHECK_ALLOW_PRIVATE_URLS === '1' },
    reviewer: env.CROSSCHECK_REVIEWER?.trim() || 'Crosscheck',
    actor: 'local',
    asOfWindowDays: numberSetting(env, ['CROSSCHECK_ASOF_WINDOW_DAYS'], 31, { min: 0, max: 3660, integer: true }),
    tolerance: numberSetting(env, ['CROSSCHECK_TOLERANCE'], 0.05, { min: 0, max: 1 }),
    viewsDir: path.join(PROJECT_ROOT, 'views'),
    migrationsDir: path.join(PROJECT_ROOT, 'db', 'migrations'),
    samplesDir: path.join(PROJECT_ROOT, 'db', 'samples'),
    lexiconPath: path.join(PROJECT_ROOT, 'db', 'lexicon', 'default.json'),
    ...overrides,
  };
}

/** A bad setting stops start-up with a message naming it, instead of running the rules with NaN. */
export class ConfigError extends Error {}

function numberSetting(
  env: NodeJS.ProcessEnv,
  names: string[],
  fallback: number,
  range: { min: number; max: number; integer?: boolean },
): number {
  for (const name of names) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    const value = Number(raw);
    const bad = !Number.isFinite(value) || value < range.min || value > range.max || (range.integer && !Number.isInteger(value));
    if (bad) {
      throw new ConfigError(
        `${name}=${JSON.stringify(raw)} is not valid: use ${range.integer ? 'a whole number' : 'a number'} from ${range.min} to ${range.max}.`,
      );
    }
    return value;
  }
  return fallback;
}

