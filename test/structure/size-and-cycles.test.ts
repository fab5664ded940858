// Two limits on the shape of src/ (issue 15): no import cycle — type-only imports count, since a cycle of types is
// still a knot a reader has to untangle — and no source file over 400 lines outside the benches, so each file stays
// one job a newcomer can read. Both fail naming the files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localImports, SRC, sourceFiles, srcRelative } from './source-imports.js';

const MAX_LINES = 400;
/** Files allowed over MAX_LINES for now; the test also fails on one that is no longer over, so the list cannot go stale. */
const OVER_LIMIT_ALLOWED: readonly string[] = [];

/** The strongly connected components of the import graph with more than one file, or a file importing itself (Tarjan). */
function importCycles(): string[][] {
  const files = sourceFiles(SRC);
  const known = new Set(files);
  const edges = new Map(files.map((file) => [file, localImports(file).filter((target) => known.has(target))]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const target of edges.get(file)!) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(srcRelative(member));
    } while (member !== file);
    if (component.length > 1 || edges.get(file)!.includes(file)) cycles.push(component.sort());
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return cycles;
}

/** Files outside src/bench with more than MAX_LINES lines, as "path (lines)". */
function longFiles(): Map<string, number> {
  const long = new Map<string, number>();
  for (const file of sourceFiles(SRC)) {
    const rel = srcRelative(file);
    if (rel.startsWith('bench/')) continue;
    const lines = readFileSync(file, 'utf8').split('\n').length - (readFileSync(file, 'utf8').endsWith('\n') ? 1 : 0);
    if (lines > MAX_LINES) long.set(rel, lines);
  }
  return long;
}

describe('the shape of src/', () => {
  it('has no import cycle (type-only imports included)', () => {
    expect(importCycles()).toEqual([]);
  });

  it(`has no file over ${MAX_LINES} lines outside src/bench`, () => {
    const over = [...longFiles()].filter(([rel]) => !OVER_LIMIT_ALLOWED.includes(rel)).map(([rel, lines]) => `${rel} (${lines})`);
    expect(over).toEqual([]);
  });

  it('every file allowed over the limit still is (remove it from the list once split)', () => {
    const long = longFiles();
    expect(OVER_LIMIT_ALLOWED.filter((rel) => !long.has(rel))).toEqual([]);
  });

  it('reads what it checks (a cycle planted in the graph would be found: the store reads its database module)', () => {
    expect(localImports(path.join(SRC, 'store', 'claims.ts'))).toContain(path.join(SRC, 'store', 'database.ts'));
  });
});
