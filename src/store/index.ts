// The store's public surface: the only module that speaks SQL. Web and CLI import from here.
export * from './database.js';
export * from './context.js';
export * from './audit.js';
export * from './sources.js';
export * from './entities.js';
export * from './claims.js';
export * from './conflicts.js';
export { syncConflicts, syncConflictsOfClaims, refreshConflicts, type PairInput } from './conflict-sync.js';
export * from './lexicon.js';
export * from './search.js';
export * from './factsheet.js';
export * from './settings.js';
export * from './feeds.js';
export * from './versions.js';
export * from './users.js';
export * from './comments.js';
export * from './assignments.js';
export * from './proposals.js';
