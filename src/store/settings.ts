// Values the application makes once and keeps across restarts (app_settings, migration 007), such as the CSRF
// secret: a secret made fresh at each start would invalidate every form a reviewer had open.
import type { Db } from './database.js';

/**
 * The stored value of `key`; when there is none, stores and returns `make()`. Safe against two processes starting
 * at once: the first insert wins and both return the stored value. Not audited (settings are not reviewer data).
 */
export function getOrCreateSetting(db: Db, key: string, make: () => string): string {
  return db.transaction(() => {
    const existing = db.prepare('SELECT value FROM app_settings WHERE key = ?').get(key) as { value: string } | undefined;
    if (existing) return existing.value;
    db.prepare('INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(key, make());
    return (db.prepare('SELECT value FROM app_settings WHERE key = ?').get(key) as { value: string }).value;
  }).immediate();
}
