// electron-builder afterPack hook: flips Electron's security fuses in the packed executable (see docs/kiosk.md).
const { join } = require('node:path');
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');

/** The fuses Marquee ships with, by name; each closes a way to run code in the app other than its own. */
const FUSES = {
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
};

/** The packed executable for the platform electron-builder is building. */
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
      return join(appOutDir, packager.executableName);
  }
}

/** Flips FUSES in the packed app. */
async function afterPack(context) {
  const config = {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin',
  };
  for (const [name, value] of Object.entries(FUSES)) config[FuseV1Options[name]] = value;
  await flipFuses(executablePath(context), config);
}

module.exports = afterPack;
module.exports.FUSES = FUSES;
module.exports.executablePath = executablePath;
