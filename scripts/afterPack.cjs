// electron-builder afterPack hook: flips Electron's security fuses in the packed executable, then reads them back
// (see docs/kiosk.md). A binary without a fuse wire, or one whose fuses did not take, fails the build and the
// packed app is deleted: an app must never ship with its fuses unflipped.
const { rm } = require('node:fs/promises');
const { join } = require('node:path');
const { flipFuses, getCurrentFuseWire, FuseV1Options, FuseVersion } = require('@electron/fuses');

/** The fuses Marquee ships with, by name; each closes a way to run code in the app other than its own. */
const FUSES = Object.freeze({
  // No `ELECTRON_RUN_AS_NODE=1 Marquee script.js`: the binary is never a general Node.
  RunAsNode: false,
  // Cookies and local storage encrypted at rest with the OS key store.
  EnableCookieEncryption: true,
  // NODE_OPTIONS cannot inject `--require` into the app.
  EnableNodeOptionsEnvironmentVariable: false,
  // `--inspect` cannot attach a debugger to the main process.
  EnableNodeCliInspectArguments: false,
  // app.asar is checked against the hash embedded at build time.
  EnableEmbeddedAsarIntegrityValidation: true,
  // Only app.asar is loaded, never a loose app folder next to it.
  OnlyLoadAppFromAsar: true,
  // The kiosk never loads file:// pages; they get no extra privileges.
  GrantFileProtocolExtraPrivileges: false,
});

/** The byte @electron/fuses writes for a fuse that is on ('1') and off ('0'). */
const ON = 0x31;
const OFF = 0x30;

/**
 * The parts of electron-builder's AfterPackContext this hook reads.
 * @typedef {Readonly<{
 *   appOutDir: string,
 *   electronPlatformName: string,
 *   packager: Readonly<{ appInfo: Readonly<{ productFilename: string }>, executableName?: string }>,
 * }>} PackedApp
 */

/**
 * The packed executable for the platform electron-builder is building.
 * @param {PackedApp} context
 * @returns {string}
 */
function executablePath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const product = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${product}.app`);
    case 'win32':
      return join(appOutDir, `${product}.exe`);
    default:
      return join(appOutDir, packager.executableName ?? product.toLowerCase());
  }
}

/**
 * FUSES as @electron/fuses' V1 config (fuse index → wanted state).
 * @param {boolean} resetAdHocDarwinSignature
 * @returns {import('@electron/fuses').FuseV1Config}
 */
function fuseConfig(resetAdHocDarwinSignature) {
  /** @type {import('@electron/fuses').FuseV1Config} */
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature };
  for (const [name, value] of Object.entries(FUSES))
    config[FuseV1Options[/** @type {keyof typeof FuseV1Options} */ (name)]] = value;
  return config;
}

/**
 * The fuses of `executable` that are not as FUSES says, as "Name is on, must be off" phrases.
 * @param {string} executable
 * @returns {Promise<string[]>}
 */
async function wrongFuses(executable) {
  const wire = /** @type {Record<string, unknown>} */ (await getCurrentFuseWire(executable));
  return Object.entries(FUSES).flatMap(([name, wanted]) => {
    const state = wire[String(FuseV1Options[/** @type {keyof typeof FuseV1Options} */ (name)])];
    if (state === (wanted ? ON : OFF)) return [];
    const now = state === ON ? 'on' : state === OFF ? 'off' : `missing (${String(state)})`;
    return [`${name} is ${now} but must be ${wanted ? 'on' : 'off'}`];
  });
}

/**
 * Deletes the packed app so nothing unflipped is left to copy, then fails the build saying why.
 * @param {PackedApp} context
 * @param {string} why
 * @returns {Promise<never>}
 */
async function refuse(context, why) {
  await rm(context.appOutDir, { recursive: true, force: true });
  throw new Error(`scripts/afterPack.cjs: ${why}; deleted ${context.appOutDir} rather than ship it.`);
}

/**
 * Flips FUSES in the packed app and checks that every one took.
 * @param {PackedApp} context
 */
async function afterPack(context) {
  const executable = executablePath(context);
  try {
    await flipFuses(executable, fuseConfig(context.electronPlatformName === 'darwin'));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    await refuse(
      context,
      `could not flip the security fuses of ${executable} (${why}); package a real Electron build (see docs/kiosk.md, Packaging)`,
    );
  }
  const wrong = await wrongFuses(executable);
  if (wrong.length > 0) await refuse(context, `after flipping, ${executable} has ${wrong.join('; ')}`);
}

module.exports = afterPack;
module.exports.FUSES = FUSES;
module.exports.executablePath = executablePath;
module.exports.wrongFuses = wrongFuses;
