// The layers point one way (README, "Layout"): web → app → domain, extract, store; store → domain; domain, extract
// and render are pure. Every import of src/**/*.ts is read with the TypeScript compiler's own parser (so an
// import-shaped line inside a template string is never taken for one), resolved to its folder, and an import that
// runs upward fails here, naming the file and what it imports (the reading is in source-imports.ts).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SRC, sourceFiles, specifiers } from './source-imports.js';

/** For each layer, the layers and packages it must never import. */
const FORBIDDEN: Record<string, readonly string[]> = {
  domain: ['store', 'app', 'web', 'express', 'better-sqlite3', 'ejs'],
  extract: ['store', 'app', 'web', 'express', 'better-sqlite3', 'ejs'],
  render: ['store', 'app', 'web', 'express', 'better-sqlite3'],
  store: ['app', 'web'],
  app: ['web'],
};

/**
 * Upward imports allowed for now (none today), each as "file -> target"; remove a line when its import is gone (the test
 * also fails on a listed exception that no longer occurs, so the list cannot go stale).
 */
const KNOWN_EXCEPTIONS: readonly string[] = [];

/** The layer of a path inside src/ (its first folder), or the package name of a bare specifier. */
function targetOf(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
  return layerOf(path.resolve(path.dirname(file), specifier));
}

function layerOf(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length > 1 ? rel[0]! : '(src)';
}

function upwardImports(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const forbidden = FORBIDDEN[layerOf(file)] ?? [];
    for (const specifier of specifiers(file)) {
      if (forbidden.includes(targetOf(file, specifier))) found.push(`${path.relative(SRC, file)} -> ${specifier}`);
    }
  }
  return found.sort();
}

describe('layers', () => {
  const found = upwardImports();

  it('no file imports a layer above its own, nor a package its layer must not use', () => {
    expect(found.filter((line) => !KNOWN_EXCEPTIONS.includes(line))).toEqual([]);
  });

  it('every known exception still occurs (remove it from the list once fixed)', () => {
    expect(KNOWN_EXCEPTIONS.filter((line) => !found.includes(line))).toEqual([]);
  });

  it('reads the imports it checks (the walk finds the app layer and its imports)', () => {
    const app = sourceFiles(path.join(SRC, 'app'));
    expect(app.length).toBeGreaterThan(10);
    expect(specifiers(path.join(SRC, 'app', 'importer.ts'))).toContain('../store/database.js');
  });
});
