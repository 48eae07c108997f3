import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** Which import specifiers each layer must never use (see docs/ARCHITECTURE.md). */
const rules: ReadonlyArray<{ layer: string; forbidden: RegExp; why: string }> = [
  {
    layer: 'src/core',
    forbidden:
      /^(node:|electron$|react|framer-motion|ws$|pino|chokidar|\.\.\/(host|renderer|remote|fleet-remote|cli)\b)/,
    why: 'core is pure: no Node, Electron, DOM or UI',
  },
  {
    layer: 'src/renderer',
    forbidden: /^(node:|electron$|ws$|pino|chokidar|\.\.\/.*\/?(host|cli)\/)/,
    why: 'the renderer runs in a sandboxed page',
  },
  {
    layer: 'src/remote',
    forbidden: /^(node:|electron$|ws$|pino|chokidar|\.\.\/.*\/?(host|cli|renderer)\/|\.\.\/fleet-remote\/)/,
    why: 'the remote runs on a phone, and shares with the fleet remote only through src/remote-shared',
  },
  {
    layer: 'src/fleet-remote',
    forbidden: /^(node:|electron$|ws$|pino|chokidar|\.\.\/(host|cli|renderer|remote)\/)/,
    why: 'the fleet remote runs on a phone, and shares with the web remote only through src/remote-shared',
  },
  {
    layer: 'src/remote-shared',
    forbidden: /^(node:|electron$|ws$|pino|chokidar|\.\.\/(host|cli|renderer|remote|fleet-remote)\/)/,
    why: 'what both remotes share runs on a phone and belongs to neither',
  },
  {
    layer: 'src/host',
    forbidden: /^(electron$|react|framer-motion|\.\.\/.*\/?(renderer|remote|remote-shared|cli)\/)/,
    why: 'the host is plain Node',
  },
  {
    layer: 'src/cli',
    forbidden: /^(electron$|react|framer-motion|\.\.\/.*\/?(renderer|remote|remote-shared)\/)/,
    why: 'the CLI runs in Node',
  },
  {
    layer: 'electron',
    forbidden: /^(react|framer-motion|\.\.\/src\/(renderer|remote|remote-shared|fleet-remote)\/)/,
    why: 'the shell never imports the UI',
  },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Runtime imports of a file (type-only imports are allowed across layers). */
function runtimeImports(file: string): string[] {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isImportDeclaration(node) &&
      !node.importClause?.isTypeOnly &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    } else if (
      ts.isExportDeclaration(node) &&
      !node.isTypeOnly &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      const callee = node.expression.getText(src);
      if (callee === 'require' || node.expression.kind === ts.SyntaxKind.ImportKeyword)
        found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return found;
}

/** Resolves a relative specifier against the file so that `../../host/x` is caught from any depth. */
function normalise(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  const target = relative(root, join(file, '..', spec));
  return target.startsWith('src/') ? `../${target.slice(4)}` : `../${target}`;
}

describe('layer boundaries', () => {
  it('finds a forbidden import when one is there', () => {
    const rule = rules[0];
    expect(rule?.forbidden.test('node:fs')).toBe(true);
    expect(rule?.forbidden.test('../host/PlayerHost')).toBe(true);
    expect(rule?.forbidden.test('zod')).toBe(false);
  });

  for (const rule of rules) {
    it(`keeps ${rule.layer} free of forbidden imports (${rule.why})`, () => {
      const offenders = sourceFiles(join(root, rule.layer)).flatMap((file) =>
        runtimeImports(file)
          .filter((spec) => rule.forbidden.test(spec) || rule.forbidden.test(normalise(file, spec)))
          .map((spec) => `${relative(root, file)} imports "${spec}"`),
      );
      expect(offenders).toEqual([]);
    });
  }
});

describe('one assertNever', () => {
  it('is declared once, in src/core/assertNever.ts, and every exhaustive switch imports it', () => {
    const declarations = ['src', 'electron'].flatMap((dir) =>
      sourceFiles(join(root, dir))
        .filter((file) => /function assertNever\b|const assertNever\b/.test(readFileSync(file, 'utf8')))
        .map((file) => relative(root, file)),
    );
    expect(declarations).toEqual(['src/core/assertNever.ts']);
  });
});
