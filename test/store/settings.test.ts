import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getOrCreateSetting } from '../../src/store/settings.js';
import { openDatabase } from '../../src/store/database.js';
import { MIGRATIONS_DIR, createTestDb } from '../helpers/index.js';

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('getOrCreateSetting', () => {
  it('makes a value once and returns the stored one afterwards, per key', () => {
    const db = createTestDb();
    let made = 0;
    const make = () => `secret-${(made += 1)}`;
    expect(getOrCreateSetting(db, 'csrf-secret', make)).toBe('secret-1');
    expect(getOrCreateSetting(db, 'csrf-secret', make)).toBe('secret-1');
    expect(made).toBe(1);
    expect(getOrCreateSetting(db, 'other', make)).toBe('secret-2');
  });

  it('keeps the value across a restart (the database reopened)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-settings-'));
    tempDirs.push(dir);
    const file = path.join(dir, 'db.sqlite');
    const first = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
    const secret = getOrCreateSetting(first, 'csrf-secret', () => 'made at the first start');
    first.close();
    const second = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
    expect(getOrCreateSetting(second, 'csrf-secret', () => 'made at the second start')).toBe(secret);
    second.close();
  });
});
