// The web tests' harness: createApp over a fresh in-memory migrated database, a cookie-keeping agent, and
// helpers to read CSRF tokens and parse HTML before asserting.
import { parseHTML } from 'linkedom';
import request from 'supertest';
import { loadConfig, type Config } from '../../src/config.js';
import { createApp } from '../../src/web/app.js';
import type { Extractor } from '../../src/app/extract-pool.js';
import { createTestDb, FIXED_NOW } from '../helpers/index.js';
import { countClaimsByStatus } from '../../src/store/claims.js';
import { countEntities } from '../../src/store/entities.js';
import { countSources } from '../../src/store/sources.js';
import { listRecentAudit } from '../../src/store/audit.js';
import type { Db } from '../../src/store/database.js';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: Db;
  config: Config;
  agent: ReturnType<typeof request.agent>;
}

/** A fresh app and database; the agent keeps cookies like a browser (needed for CSRF). `extractor`: a worker pool. */
export function testApp(overrides: Partial<Config> = {}, options: { extractor?: Extractor } = {}): TestApp {
  const db = createTestDb();
  const config = loadConfig({ csrfSecret: 'test-secret-for-web-tests', ...overrides }, {});
  const app = createApp({ db, clock: () => FIXED_NOW, config, ...options });
  return { app, db, config, agent: request.agent(app) };
}

/** The parsed document of an HTML response. */
export function html(text: string): HtmlDocument {
  return parseHTML(text).document;
}

export type HtmlDocument = ReturnType<typeof parseHTML>['document'];

/** GETs a page with a form and returns the CSRF token of its first form (the agent now holds the cookie). */
export async function csrfToken(agent: TestApp['agent'], url = '/sources/new'): Promise<string> {
  const res = await agent.get(url).expect(200);
  const input = html(res.text).querySelector('input[name="_csrf"]');
  const token = input?.getAttribute('value');
  if (!token) throw new Error(`No CSRF token on ${url}`);
  return token;
}

/** Row counts of the tables a failed request must leave untouched. */
export function tableCounts(db: Db): Record<string, number> {
  const claims = countClaimsByStatus(db);
  return {
    sources: countSources(db),
    claims: claims.candidate + claims.confirmed + claims.rejected,
    entities: countEntities(db),
    auditEvents: listRecentAudit(db, 1_000_000).length,
  };
}
