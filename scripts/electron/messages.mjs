// What `npm start` says when Electron cannot be had or started: one paragraph each, naming what failed and the
// ways on, never a stack trace.

/** The China mirror, in the form Electron's installation guide gives for it (the version without a "v"). */
export const CHINA_MIRROR =
  'ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ ELECTRON_CUSTOM_DIR="{{ version }}"';
const BROWSER_WAY = 'run the same show in a browser with: npx marquee serve --open';

/** The oldest Node that runs Electron's installer: 20.19 is where require() of ES modules needs no flag. */
export const MIN_NODE = Object.freeze({ major: 20, minor: 19 });

/**
 * Null when this Node is new enough, else what to do.
 * @param {string} version `process.versions.node`
 * @returns {string | null}
 */
export function nodeTooOld(version) {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (major > MIN_NODE.major || (major === MIN_NODE.major && minor >= MIN_NODE.minor)) return null;
  return `Marquee needs Node.js ${MIN_NODE.major}.${MIN_NODE.minor} or newer (this is ${version}): Electron's installer loads ES modules with require(), which older versions cannot; install a current Node.js LTS and run npm start again.`;
}

/**
 * Electron is missing and is about to be fetched.
 * @param {string} version
 * @param {string} reason
 */
export function fetchingMessage(version, reason) {
  return `Electron ${version} must be downloaded first (${reason}): fetching it with Electron's installer.`;
}

/** @param {string} version */
export function fetchedMessage(version) {
  return `Electron ${version} is installed; later starts use it without downloading.`;
}

/**
 * The download failed: what, and the three ways on.
 * @param {Readonly<{ version: string, url: string | null, what: string }>} failure
 */
export function fetchFailedMessage({ version, url, what }) {
  const from = url === null ? '' : ` from ${url}`;
  return (
    `Electron ${version} could not be downloaded${from}: ${what.replace(/^Error: /, '').replace(/\.+$/, '')}. ` +
    'Three ways on: (1) set ELECTRON_MIRROR to a mirror you can reach and run npm start again, ' +
    `from mainland China: ${CHINA_MIRROR} npm start (behind a proxy also set ELECTRON_GET_USE_PROXY=1 and HTTPS_PROXY); ` +
    '(2) install it yourself with npx install-electron, then npm start; ' +
    `(3) ${BROWSER_WAY}`
  );
}

/**
 * Electron is not there and downloading would not help (or it is there and would not start).
 * @param {string} reason
 */
export function cannotStartMessage(reason) {
  return `Electron could not be started here (${reason}); ${BROWSER_WAY}`;
}
