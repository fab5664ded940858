import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('binds to 127.0.0.1:3000 with the documented rule settings by default', () => {
    const config = loadConfig({}, {});
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3000);
    expect(config.asOfWindowDays).toBe(31);
    expect(config.tolerance).toBe(0.05);
    expect(config.dbPath.endsWith('db/crosscheck.sqlite')).toBe(true);
  });

  it('reads the rule settings and the database from the environment', () => {
    const config = loadConfig({}, { CROSSCHECK_TOLERANCE: '0.1', CROSSCHECK_ASOF_WINDOW_DAYS: '14', CROSSCHECK_DB: '/tmp/x.sqlite', PORT: '8080' });
    expect(config).toMatchObject({ tolerance: 0.1, asOfWindowDays: 14, dbPath: '/tmp/x.sqlite', port: 8080 });
  });

  it('reads the feed attempts and the fetch timeout, 3 and 20 s by default', () => {
    expect(loadConfig({}, {})).toMatchObject({ feedAttempts: 3, fetch: { timeoutMs: 20_000 } });
    expect(loadConfig({}, { CROSSCHECK_FEED_ATTEMPTS: '5', CROSSCHECK_FETCH_TIMEOUT_SECONDS: '4' })).toMatchObject({ feedAttempts: 5, fetch: { timeoutMs: 4000 } });
  });

  it.each([
    ['CROSSCHECK_TOLERANCE', 'abc'],
    ['CROSSCHECK_TOLERANCE', '2'],
    ['CROSSCHECK_ASOF_WINDOW_DAYS', '-1'],
    ['CROSSCHECK_ASOF_WINDOW_DAYS', '3.5'],
    ['PORT', 'eighty'],
    ['CROSSCHECK_FEED_ATTEMPTS', '0'],
    ['CROSSCHECK_FETCH_TIMEOUT_SECONDS', '1.5'],
  ])('refuses %s=%s with a message naming the setting', (name, value) => {
    expect(() => loadConfig({}, { [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({}, { [name]: value })).toThrow(name);
  });
});
