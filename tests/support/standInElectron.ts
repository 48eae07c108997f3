// A stand-in Electron release for tests that cannot download the real one: a zip laid out like Electron's
// (`electron`, `version`, `LICENSE`, `resources/`) whose `electron` is a shell script that records its arguments,
// optionally carrying Electron's fuse wire so @electron/fuses can flip and read it like a real binary.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ZipFile } from 'yazl';

const require = createRequire(import.meta.url);
/** The marker @electron/fuses looks for; the wire follows it (version byte, length byte, one byte per fuse). */
const { SENTINEL } = require('@electron/fuses/dist/constants') as { SENTINEL: string };

const root = join(import.meta.dirname, '..', '..');

/** The version of the installed `electron` package, which its installer and electron-builder download. */
export const ELECTRON_VERSION: string = JSON.parse(
  readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;

/**
 * Electron's own fuse states as it ships them (docs/tutorial/fuses.md), in wire order: RunAsNode on,
 * EnableCookieEncryption off, EnableNodeOptionsEnvironmentVariable on, EnableNodeCliInspectArguments on,
 * EnableEmbeddedAsarIntegrityValidation off, OnlyLoadAppFromAsar off, LoadBrowserProcessSpecificV8Snapshot off,
 * GrantFileProtocolExtraPrivileges on.
 */
const SHIPPED_FUSES = '10110001';

/** The environment variable naming the file the stand-in appends each run's arguments to. */
export const STAND_IN_LOG = 'MARQUEE_STANDIN_LOG';

/** The stand-in executable: a POSIX shell script, with Electron's fuse wire in a comment when `fuseWire`. */
export function standInExecutable(fuseWire: boolean): Buffer {
  const script = [
    '#!/bin/sh',
    '# Stand-in for the Electron executable: appends its arguments (NUL after each) and a newline per run.',
    `log="\${${STAND_IN_LOG}:-/dev/null}"`,
    `printf '%s\\0' "$@" >> "$log"`,
    `printf '\\n' >> "$log"`,
    '',
  ].join('\n');
  const wire = fuseWire
    ? `# ${SENTINEL}\x01${String.fromCharCode(SHIPPED_FUSES.length)}${SHIPPED_FUSES}\n`
    : '';
  return Buffer.from(script + wire, 'latin1');
}

/** The runs a stand-in recorded in `log`'s text, each as its argument list. */
export function recordedRuns(log: string): string[][] {
  return log
    .split('\n')
    .filter((run) => run !== '')
    .map((run) => run.split('\0').slice(0, -1));
}

/** A zip laid out like `electron-v<version>-linux-x64.zip`, holding the stand-in. */
export function standInZip(fuseWire: boolean): Promise<Buffer> {
  const zip = new ZipFile();
  zip.addBuffer(standInExecutable(fuseWire), 'electron', { mode: 0o100755 });
  zip.addBuffer(Buffer.from(ELECTRON_VERSION), 'version');
  zip.addBuffer(Buffer.from('Stand-in for the MIT-licensed Electron, made by the tests.\n'), 'LICENSE');
  zip.addEmptyDirectory('resources');
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/**
 * The files of a mirror laid out as npmmirror's (the version without "v", so ELECTRON_CUSTOM_DIR="{{ version }}"):
 * the zip for this machine and its SHASUMS256.txt, by URL path.
 */
export async function standInRelease(fuseWire: boolean): Promise<ReadonlyMap<string, Buffer>> {
  const zip = await standInZip(fuseWire);
  const name = `electron-v${ELECTRON_VERSION}-${process.platform}-${process.arch}.zip`;
  const sum = createHash('sha256').update(zip).digest('hex');
  return new Map([
    [`/${ELECTRON_VERSION}/${name}`, zip],
    [`/${ELECTRON_VERSION}/SHASUMS256.txt`, Buffer.from(`${sum} *${name}\n`)],
  ]);
}
