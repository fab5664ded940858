// Route files handle one request each and never borrow from one another (issue 15): what two routes share —
// a page's loader, a form reader, the handling of a refused form — lives in src/web/pages/, src/web/forms/ or
// another web module. Only the route table, routes/index.ts, imports routes. This test fails on any other import
// between two files of src/web/routes/, naming both.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localImports, SRC, sourceFiles, srcRelative } from './source-imports.js';

const ROUTES = path.join(SRC, 'web', 'routes');
const ROUTE_TABLE = path.join(ROUTES, 'index.ts');

function importsBetweenRoutes(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(ROUTES)) {
    if (file === ROUTE_TABLE) continue;
    for (const target of localImports(file)) {
      if (path.dirname(target) === ROUTES) found.push(`${srcRelative(file)} -> ${srcRelative(target)}`);
    }
  }
  return found.sort();
}

describe('routes', () => {
  it('no route file imports another route file (only the route table imports routes)', () => {
    expect(importsBetweenRoutes()).toEqual([]);
  });

  it('reads the imports it checks (the route table imports the routes)', () => {
    expect(localImports(ROUTE_TABLE)).toContain(path.join(ROUTES, 'claim-view.ts'));
  });
});
