import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../e2e/serveProcess';
import { startMirror, startSilentMirror } from '../support/electronMirror';
import { ELECTRON_VERSION, recordedRuns, STAND_IN_LOG, standInRelease } from '../support/standInElectron';
import { ensureElectronBuilt } from './support/electronBuild';
import { scratchSpace } from './support/scratch';
import { projectWithoutElectronBinary } from './support/projectCopy';

type Run = Readonly<{ code: number | null; stdout: string; stderr: string; ms: number }>;

const ZIP = `/${ELECTRON_VERSION}/electron-v${ELECTRON_VERSION}-${process.platform}-${process.arch}.zip`;

/** `npm start -- ...args` in `project`, with the environment a user behind `mirror` would set. */
function npmStart(project: string, args: readonly string[], env: Record<string, string>): Promise<Run> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(ELECTRON_|electron_|npm_)/i.test(key)),
  );
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['start', '--', ...args], {
      cwd: project,
      env: { ...clean, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const limit = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('close', (code) => {
      clearTimeout(limit);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** The last paragraph of the output: what `npm start` says when it gives up. */
const lastParagraph = (text: string) => text.trim().split('\n').at(-1) ?? '';

/** Checks the one-paragraph failure message: what failed and the three ways on, no stack trace. */
function expectGaveUp(run: Run, what: RegExp): void {
  expect(run.code).toBe(1);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  const said = lastParagraph(run.stderr);
  expect(said).toMatch(
    new RegExp(
      `^Electron ${ELECTRON_VERSION.replaceAll('.', '\\.')} could not be downloaded from http://127\\.0\\.0\\.1:\\d+${ZIP}: `,
    ),
  );
  expect(said).toMatch(what);
  expect(said).toContain(
    'ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ ELECTRON_CUSTOM_DIR="{{ version }}"',
  );
  expect(said).toContain('npx install-electron');
  expect(said).toContain('npx marquee serve --open');
}

const scratch = scratchSpace();
const temp = scratch.temp;

beforeAll(() => ensureElectronBuilt());
afterAll(() => scratch.clear());

describe('npm start on a clean clone without the Electron binary', () => {
  it('downloads Electron with its own installer from ELECTRON_MIRROR, starts it with the kiosk main and the arguments, and fetches nothing the next time', async () => {
    const project = projectWithoutElectronBinary();
    scratch.keep(project);
    const work = temp('marquee-start-');
    const mirror = await startMirror(await standInRelease(false));
    scratch.mirror(mirror);
    const env = {
      ELECTRON_MIRROR: mirror.url,
      ELECTRON_CUSTOM_DIR: '{{ version }}',
      // Why: the stand-in is not the release checksums.json knows; the mirror's SHASUMS256.txt vouches for it.
      electron_use_remote_checksums: '1',
      electron_config_cache: join(work, 'cache'),
      [STAND_IN_LOG]: join(work, 'runs.log'),
    };

    const first = await npmStart(project, ['--windowed'], env);
    expect(first.stderr).toContain(`Downloading ${mirror.url}${ZIP.slice(1)}`);
    expect(first.stderr).toMatch(/^ {2}100% of \d+ kB$/m);
    expect(first.code, first.stderr).toBe(0);
    expect(mirror.requests).toEqual([ZIP, `/${ELECTRON_VERSION}/SHASUMS256.txt`]);
    expect(readdirSync(join(work, 'cache'))).toHaveLength(1);
    const main = join(project, 'dist', 'electron', 'main.cjs');
    expect(recordedRuns(readFileSync(join(work, 'runs.log'), 'utf8'))).toEqual([[main, '--windowed']]);

    const second = await npmStart(project, ['--display', 'all'], env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).not.toContain('Downloading');
    expect(mirror.requests).toHaveLength(2);
    expect(recordedRuns(readFileSync(join(work, 'runs.log'), 'utf8'))).toEqual([
      [main, '--windowed'],
      [main, '--display', 'all'],
    ]);
  }, 120_000);
});

describe('npm start when Electron cannot be downloaded', () => {
  let project: string;
  beforeAll(() => {
    project = projectWithoutElectronBinary();
    scratch.keep(project);
  });
  const env = (mirror: string, extra: Record<string, string> = {}) => ({
    ELECTRON_MIRROR: mirror,
    ELECTRON_CUSTOM_DIR: '{{ version }}',
    electron_config_cache: temp('marquee-start-cache-'),
    ...extra,
  });

  it('gives up on a mirror that accepts and never answers once the limit has passed, and says what to do', async () => {
    const silent = await startSilentMirror();
    scratch.mirror(silent);
    const run = await npmStart(
      project,
      ['--windowed'],
      env(silent.url, { MARQUEE_ELECTRON_FETCH_TIMEOUT: '2' }),
    );
    expectGaveUp(run, /: no answer within 2 s\. Three ways on: /);
    expect(silent.requests.length).toBeGreaterThan(0);
    expect(run.ms).toBeGreaterThanOrEqual(2_000);
    expect(run.ms).toBeLessThan(20_000);
  }, 60_000);

  it('says the connection was refused when nothing listens at the mirror', async () => {
    const port = await freePort();
    const run = await npmStart(project, [], env(`http://127.0.0.1:${port}/`));
    expectGaveUp(run, /: connect ECONNREFUSED 127\.0\.0\.1:\d+\. Three ways on: /);
  }, 60_000);

  it('says what the mirror answered when it does not have the file', async () => {
    const empty = await startMirror(new Map());
    scratch.mirror(empty);
    const run = await npmStart(project, [], env(empty.url));
    expectGaveUp(run, /: the server answered 404 Not Found\. Three ways on: /);
  }, 60_000);

  it('does not download but says how to run the show in a browser when ELECTRON_OVERRIDE_DIST_PATH points nowhere', async () => {
    const run = await npmStart(project, ['--windowed'], {
      ELECTRON_OVERRIDE_DIST_PATH: temp('marquee-no-electron-'),
    });
    expect(run.code).toBe(1);
    expect(lastParagraph(run.stderr)).toMatch(
      /^Electron could not be started here \(its binary is not installed: ELECTRON_OVERRIDE_DIST_PATH is set but .* does not exist\); run the same show in a browser with: npx marquee serve --open$/,
    );
    expect(run.stderr).not.toContain('Downloading');
  }, 60_000);
});
