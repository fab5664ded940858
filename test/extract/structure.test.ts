// The shape src/extract keeps so that a newcomer can read it top to bottom (issue: extraction as a
// pipeline of named stages): no function over 60 lines, no file over 300 lines, no module-level mutable
// state (no `let`/`var`, no global or sticky regular expression whose lastIndex moves, no Map, Set or
// WeakMap that is not typed read-only), no import cycle, and a contract comment opening each file.
// Read with the TypeScript compiler's own parser, so that comments and strings are never miscounted.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const DIR = fileURLToPath(new URL('../../src/extract/', import.meta.url));
const MAX_FUNCTION_LINES = 60;
const MAX_FILE_LINES = 300;

const files = readdirSync(DIR).filter((f) => f.endsWith('.ts')).sort();
const parsed = files.map((name) => {
  const text = readFileSync(join(DIR, name), 'utf8');
  return { name, text, source: ts.createSourceFile(name, text, ts.ScriptTarget.ES2022, true) };
});

function lineOf(source: ts.SourceFile, pos: number): number {
  return source.getLineAndCharacterOfPosition(pos).line + 1;
}

function isFunctionLike(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node);
}

/** Every function of a file longer than the limit, as "file:line name (n lines)". */
function longFunctions(source: ts.SourceFile): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunctionLike(node)) {
      const first = lineOf(source, node.getStart(source));
      const lines = lineOf(source, node.getEnd()) - first + 1;
      const name = node.name?.getText(source) ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText(source) : '(anonymous)');
      if (lines > MAX_FUNCTION_LINES) out.push(`${source.fileName}:${first} ${name} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** True when an expression builds a regular expression with the g or y flag (its lastIndex is state). */
function isStatefulRegExp(node: ts.Node): boolean {
  if (ts.isRegularExpressionLiteral(node)) return /\/[a-z]*[gy][a-z]*$/.test(node.text);
  if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText() === 'RegExp') {
    const flags = node.arguments?.[1];
    return !!flags && (!ts.isStringLiteralLike(flags) || /[gy]/.test(flags.text));
  }
  return false;
}

/** Module-level state a call could change and the next call see, as "file:line what". */
function moduleState(source: ts.SourceFile): string[] {
  const out: string[] = [];
  const at = (node: ts.Node, what: string): void => {
    out.push(`${source.fileName}:${lineOf(source, node.getStart(source))} ${what}`);
  };
  // only what runs at load: function bodies make fresh state on each call
  const visit = (node: ts.Node): void => {
    if (isFunctionLike(node) || ts.isClassDeclaration(node)) return;
    if (isStatefulRegExp(node)) at(node, `global or sticky regular expression ${node.getText(source).slice(0, 40)}`);
    if (ts.isNewExpression(node) && /^(?:Map|Set|WeakMap|WeakSet)$/.test(node.expression.getText(source))) {
      const decl = node.parent;
      const readonly = ts.isVariableDeclaration(decl) && decl.type && /^Readonly(?:Map|Set)\b/.test(decl.type.getText(source));
      if (!readonly) at(node, `${node.expression.getText(source)} not typed read-only`);
    }
    ts.forEachChild(node, visit);
  };
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement) && !(statement.declarationList.flags & ts.NodeFlags.Const)) at(statement, 'module-level let/var');
    visit(statement);
  }
  return out;
}

/** The files a file imports from src/extract itself (type imports too). */
function importsOf(source: ts.SourceFile): string[] {
  return source.statements
    .filter(ts.isImportDeclaration)
    .map((d) => (d.moduleSpecifier as ts.StringLiteral).text)
    .filter((m) => m.startsWith('./'))
    .map((m) => m.slice(2).replace(/\.js$/, '.ts'));
}

/** Every import cycle among the files, as "a.ts → b.ts → a.ts". */
function importCycles(): string[] {
  const graph = new Map(parsed.map((f) => [f.name, importsOf(f.source)]));
  const found = new Set<string>();
  const visit = (file: string, path: string[]): void => {
    for (const next of graph.get(file) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) found.add([...path.slice(at), next].join(' → '));
      else visit(next, [...path, next]);
    }
  };
  for (const file of graph.keys()) visit(file, [file]);
  return [...found];
}

describe('src/extract keeps its shape', () => {
  it('has no import cycle: no stage or helper calls back into one that imports it', () => {
    expect(importCycles()).toEqual([]);
  });

  it('has no function over 60 lines', () => {
    expect(parsed.flatMap((f) => longFunctions(f.source))).toEqual([]);
  });

  it('has no file over 300 lines', () => {
    const long = parsed.map((f) => ({ name: f.name, lines: f.text.split('\n').length - (f.text.endsWith('\n') ? 1 : 0) })).filter((f) => f.lines > MAX_FILE_LINES);
    expect(long).toEqual([]);
  });

  it('has no module-level mutable state', () => {
    expect(parsed.flatMap((f) => moduleState(f.source))).toEqual([]);
  });

  it('opens each file with a comment saying what it does', () => {
    expect(parsed.filter((f) => !/^\/\/ \S/.test(f.text)).map((f) => f.name)).toEqual([]);
  });
});
