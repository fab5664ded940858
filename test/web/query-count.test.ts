// Pages must not turn into one query per row: the number of statements a page executes (counted on the test
// connection, helpers/query-count.ts) is the same for a handful of rows as for a full page of them.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/database.js';
import { DEFAULT_BODY, DEFAULT_QUOTE, makeClaim, makeEntity, makeSource } from '../helpers/index.js';
import { countQueriesAsync as countQueries } from '../helpers/query-count.js';
import { testApp } from './harness.js';

function seed(db: Db, sources: number, claimsPerSource: number): void {
  const speaker = makeEntity(db, { name: 'A Spokesman' });
  for (let s = 0; s < sources; s++) {
    const source = makeSource(db, { body: DEFAULT_BODY });
    for (let c = 0; c < claimsPerSource; c++) {
      makeClaim(db, { sourceId: source.id, quote: DEFAULT_QUOTE, quoteStart: 0, quoteEnd: DEFAULT_QUOTE.length, speakerId: c % 2 ? speaker.id : null });
    }
  }
}

describe('queries per page do not grow with rows', () => {
  it.each(['/', '/sources', '/sources/1', '/claims', '/claims?kind=casualties', '/review', '/claims/1', '/claims.csv'])('%s', async (url) => {
    const small = testApp();
    seed(small.db, 2, 2);
    const large = testApp();
    seed(large.db, 12, 8);
    const few = await countQueries(small.db, () => small.agent.get(url).expect(200));
    const many = await countQueries(large.db, () => large.agent.get(url).expect(200));
    expect(many).toBe(few);
    expect(few).toBeGreaterThan(0);
    expect(few).toBeLessThanOrEqual(12);
  });
});
