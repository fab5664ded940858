// The only module that reads process.env. Everything else receives a Config.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { CrosscheckSettings } from './domain/crosscheck.js';

/** Project root: one level above src/ (tests) or dist/ (built). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Limits of one fetch by URL (app/fetch-url.ts). */
export interface FetchLimits {
  /** The whole fetch, redirects and body included, in milliseconds. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** CROSSCHECK_ALLOW_PRIVATE_URLS=1: private, loopback and link-local addresses may be fetched (tests, intranets). */
  allowPrivate: boolean;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5, allowPrivate: false };

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
  /** How many polls try a feed item whose page fails before it is given up (CROSSCHECK_FEED_ATTEMPTS, default 3). */
  feedAttempts: number;
  /** The organisation named as the author of exported ClaimReviews (CROSSCHECK_REVIEWER). */
  reviewer: string;
  /** Actor written to the audit log until accounts exist. */
  actor: string;
  /** A session unused this long ends (CROSSCHECK_SESSION_IDLE_MINUTES, default 12 hours). */
  sessionIdleMs: number;
  /** A session ends this long after sign-in however much it is used (CROSSCHECK_SESSION_MAX_DAYS, default 7). */
  sessionMaxMs: number;
  /** Signed-out visitors may read (never write) once accounts exist: CROSSCHECK_PUBLIC_READ=1, for publishing. */
  publicRead: boolean;
  /**
   * Behind a reverse proxy on this machine (CROSSCHECK_TRUST_PROXY=1): its X-Forwarded-Proto marks https (session
   * cookies become Secure) and X-Forwarded-For gives the address sign-in limits count by.
   */
  trustProxy: boolean;
  /**
   * Whether a conflict's resolution waits for a second editor's approval (CROSSCHECK_SECOND_REVIEW): 'auto' (the
   * default) = when more than one enabled user may decide conflicts.
   */
  secondReview: 'auto' | 'on' | 'off';
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
    fetch: {
      ...DEFAULT_FETCH_LIMITS,
      timeoutMs: numberSetting(env, ['CROSSCHECK_FETCH_TIMEOUT_SECONDS'], DEFAULT_FETCH_LIMITS.timeoutMs / 1000, { min: 1, max: 600, integer: true }) * 1000,
      allowPrivate: env.CROSSCHECK_ALLOW_PRIVATE_URLS === '1',
    },
    feedAttempts: numberSetting(env, ['CROSSCHECK_FEED_ATTEMPTS'], 3, { min: 1, max: 100, integer: true }),
    reviewer: env.CROSSCHECK_REVIEWER?.trim() || 'Crosscheck',
    actor: 'local',
    sessionIdleMs: numberSetting(env, ['CROSSCHECK_SESSION_IDLE_MINUTES'], 720, { min: 1, max: 525_600, integer: true }) * 60_000,
    sessionMaxMs: numberSetting(env, ['CROSSCHECK_SESSION_MAX_DAYS'], 7, { min: 1, max: 365, integer: true }) * 86_400_000,
    publicRead: booleanSetting(env, 'CROSSCHECK_PUBLIC_READ'),
    trustProxy: booleanSetting(env, 'CROSSCHECK_TRUST_PROXY'),
    secondReview: choiceSetting(env, 'CROSSCHECK_SECOND_REVIEW', ['auto', 'on', 'off'] as const, 'auto'),
    asOfWindowDays: numberSetting(env, ['CROSSCHECK_ASOF_WINDOW_DAYS'], 31, { min: 0, max: 3660, integer: true }),
    tolerance: numberSetting(env, ['CROSSCHECK_TOLERANCE'], 0.05, { min: 0, max: 1 }),
    viewsDir: path.join(PROJECT_ROOT, 'views'),
    migrationsDir: path.join(PROJECT_ROOT, 'db', 'migrations'),
    samplesDir: path.join(PROJECT_ROOT, 'db', 'samples'),
    lexiconPath: path.join(PROJECT_ROOT, 'db', 'lexicon', 'default.json'),
    ...overrides,
  };
}

/** The conflict rules' settings from the configuration. */
export function crosscheckSettings(config: Config): CrosscheckSettings {
  return { asOfWindowDays: config.asOfWindowDays, tolerance: config.tolerance, includeCandidates: true };
}

/** A bad setting stops start-up with a message naming it, instead of running the rules with NaN. */
export class ConfigError extends Error {}

function choiceSetting<T extends string>(env: NodeJS.ProcessEnv, name: string, choices: readonly T[], fallback: T): T {
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (raw === '') return fallback;
  if ((choices as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError(`${name}=${JSON.stringify(env[name])} is not valid: use ${choices.join(', ')}.`);
}

function booleanSetting(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (raw === '' || raw === '0' || raw === 'false' || raw === 'no') return false;
  if (raw === '1' || raw === 'true' || raw === 'yes') return true;
  throw new ConfigError(`${name}=${JSON.stringify(env[name])} is not valid: use 1 or 0.`);
}

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

