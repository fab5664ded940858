// Shared test helpers: a migrated in-memory database and factories with fixed defaults.
export * from './db.js';
export * from './factories.js';
export * from './query-count.js';
export * from './claim-builders.js';
export * from './pdf.js';
