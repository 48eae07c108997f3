import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/host/kiosk/csp';
import { ELECTRON_DIST as built, ensureElectronBuilt } from './support/electronBuild';

const root = join(import.meta.dirname, '..', '..');

type Issue = Readonly<{
  id: string;
  file: string;
  location: Readonly<{ line: number; column: number }>;
  description: string;
  sample?: string;
}>;
type ScanResult = Readonly<{
  issues: readonly Issue[];
  errors: ReadonlyArray<Readonly<{ file: string; message: string }>>;
}>;
type Run = (options: Record<string, unknown>) => Promise<ScanResult>;

/** Why: this check asks GitHub for the newest Electron release; it needs the internet, which CI and this machine lack. */
const NEEDS_INTERNET = ['AvailableSecurityFixesGlobalCheck'];

let scanDir: string;
let result: ScanResult;

beforeAll(async () => {
  ensureElectronBuilt();

  // Why: the scanner reads only .js/.html and its parser predates class private fields, so the bundles are copied
  // as .js with syntax lowered to ES2019 (same code, older spelling). The Electron version is passed in, not read
  // from a package.json, since the scanner reports reading one as a finding of its own.
  scanDir = mkdtempSync(join(tmpdir(), 'marquee-electronegativity-'));
  for (const name of ['main', 'preload']) {
    const code = readFileSync(join(built, `${name}.cjs`), 'utf8');
    writeFileSync(join(scanDir, `${name}.js`), transformSync(code, { loader: 'js', target: 'es2019' }).code);
  }
  const electronVersion = (
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    }
  ).devDependencies.electron;

  const run = createRequire(import.meta.url)('@doyensec/electronegativity') as Run;
  result = await run({
    input: scanDir,
    output: join(scanDir, 'report.csv'),
    isSarif: false,
    customScan: [],
    excludeFromScan: NEEDS_INTERNET,
    isRelative: true,
    electronVersionOverride: electronVersion?.replace(/^[^\d]*/, ''),
  });
}, 300_000);

afterAll(() => {
  if (scanDir) rmSync(scanDir, { recursive: true, force: true });
});

describe('Electronegativity scan of the built shell (dist/electron)', () => {
  it('parses every file of the bundle', () => {
    expect(result.errors).toEqual([]);
  });

  it('finds nothing at all', () => {
    const findings = result.issues.map((i) =>
      `${i.id} ${i.file}:${i.location.line}:${i.location.column} ${i.description} ${i.sample ?? ''}`.trim(),
    );
    expect(findings).toEqual([]);
  });

  it('checked the CSP that csp.ts builds (the literal in electron/main.ts has not drifted)', () => {
    const mainSource = readFileSync(join(root, 'electron', 'main.ts'), 'utf8');
    expect(mainSource).toContain(`"${contentSecurityPolicy('electron')}"`);
    expect(readFileSync(join(scanDir, 'main.js'), 'utf8')).toContain(contentSecurityPolicy('electron'));
  });
});
