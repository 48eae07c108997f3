// A stand-in for the `electron` module, for running dist/electron/main.cjs in plain Node where the Electron binary
// cannot run. It records what the shell asks of Electron, then plays a scenario against the handlers the shell
// registered (protocol, IPC, navigation, permissions) and writes a JSON report to $FAKE_ELECTRON_REPORT.
// Load it with `node --require tests/electron/support/fakeElectron.cjs dist/electron/main.cjs …`.
// FAKE_ELECTRON_SCENARIO=booth plays support/boothScenario.cjs instead (watchdog, crashes, GPU, displays, health);
// FAKE_ELECTRON_SCENARIO=displays acknowledges every view from its own page and presses a key on the second one.
const Module = require('node:module');
const { PNG } = require('pngjs');
const { EventEmitter } = require('node:events');
const { writeFileSync } = require('node:fs');

const record = {
  privilegedSchemes: null,
  schemesRegisteredBeforeReady: false,
  hardwareAccelerationDisabled: false,
  menu: 'untouched',
  powerSaveBlocker: null,
  shortcuts: [],
  windows: [],
  loadedUrls: [],
  sent: [],
  /** Every view sent, with the window it went to and the screen it is of. */
  sentTo: [],
  insertedCss: [],
  kiosk: [],
  focusCalls: 0,
  reloads: [],
  captures: 0,
};
const createdWindows = [];
let ready = false;
let protocolHandler = null;
let permissionRequest = null;
let permissionCheck = null;
let headersHandler = null;
const ipcListeners = new Map();
const app = new EventEmitter();
const primary = { id: 7, label: 'Stage projector', bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const side = { id: 9, label: 'Side TV', bounds: { x: 1920, y: 0, width: 1280, height: 720 } };
let displays = [side, primary];
let gpuStatus = { gpu_compositing: 'enabled', webgl: 'enabled', video_decode: 'enabled' };
/** The kiosk page's stand-in: when `acking`, it acknowledges every view it is sent, as the real renderer does once painted. */
const renderer = {
  acking: ['booth', 'displays'].includes(process.env.FAKE_ELECTRON_SCENARIO),
  onReload: null,
  lastView: null,
  /** How long a reloaded page takes to load. */
  loadMs: 0,
};
const ipcOk = (seq, sender) =>
  ipcListeners.get('marquee:presented')?.(
    { senderFrame: { url: 'app://renderer/index.html' }, sender },
    { type: 'presented', seq },
  );

/** The kiosk page's picture as the stand-in draws it: navy with a white bar whose place follows the slide. */
const FAKE_SCREEN = { width: 320, height: 180, background: [10, 20, 120, 255] };
function fakePicture() {
  const { width, height, background } = FAKE_SCREEN;
  const id = renderer.lastView?.slide?.id ?? 'idle';
  const bar = [...id].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % (width - 40);
  const rgba = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const x = i % width;
    rgba.set(x >= bar && x < bar + 40 ? [250, 250, 250, 255] : background, i * 4);
  }
  return fakeImage(rgba, width, height);
}

/** A NativeImage stand-in over RGBA pixels: getSize, resize (nearest pixel), toBitmap (BGRA), toPNG. */
function fakeImage(rgba, width, height) {
  return {
    getSize: () => ({ width, height }),
    resize({ width: w }) {
      const h = Math.max(1, Math.round((height * w) / width));
      const out = Buffer.alloc(w * h * 4);
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const from = (Math.floor((y * height) / h) * width + Math.floor((x * width) / w)) * 4;
          rgba.copy(out, (y * w + x) * 4, from, from + 4);
        }
      return fakeImage(out, w, h);
    },
    toBitmap() {
      const bgra = Buffer.from(rgba);
      for (let i = 0; i < bgra.length; i += 4) [bgra[i], bgra[i + 2]] = [rgba[i + 2], rgba[i]];
      return bgra;
    },
    toPNG() {
      const png = new PNG({ width, height });
      rgba.copy(png.data);
      return PNG.sync.write(png);
    },
    toJPEG() {
      throw new Error('the stand-in draws PNG only');
    },
  };
}

class FakeWebContents extends EventEmitter {
  constructor(win = null) {
    super();
    this.windowOpenHandler = null;
    this.win = win;
  }
  send(channel, message) {
    record.sent.push({ channel, seq: message?.view?.seq ?? null, slideId: message?.view?.slide?.id ?? null });
    record.sentTo.push({
      window: this.win?.id ?? null,
      screen: message?.view?.screen ?? null,
      slideId: message?.view?.slide?.id ?? null,
      nothingForScreen: message?.view?.nothingForScreen ?? false,
    });
    if (message?.view) renderer.lastView = message.view;
    const seq = message?.view?.seq;
    if (renderer.acking && typeof seq === 'number') setImmediate(() => ipcOk(seq, this));
  }
  insertCSS(css) {
    record.insertedCss.push(css);
    return Promise.resolve('key');
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  reload() {
    record.reloads.push({ window: this.win?.id ?? null, at: Date.now() });
    renderer.onReload?.();
    setTimeout(() => this.emit('did-finish-load'), renderer.loadMs);
  }
  isCrashed() {
    return false;
  }
  capturePage() {
    record.captures += 1;
    return Promise.resolve(fakePicture());
  }
  forcefullyCrashRenderer() {}
  closeDevTools() {}
}

let nextWindowId = 1;
class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.id = nextWindowId++;
    this.options = options;
    this.bounds = { x: options.x, y: options.y, width: options.width, height: options.height };
    this.webContents = new FakeWebContents(this);
    this.destroyed = false;
    record.windows.push(options);
    createdWindows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    record.loadedUrls.push(url);
    setImmediate(() => {
      this.emit('ready-to-show');
      this.webContents.emit('did-finish-load');
    });
    return Promise.resolve();
  }
  show() {}
  focus() {
    record.focusCalls += 1;
  }
  isFullScreen() {
    return true;
  }
  static getFocusedWindow() {
    return null;
  }
  setKiosk(on) {
    record.kiosk.push(on);
  }
  setBounds(bounds) {
    this.bounds = bounds;
  }
  getBounds() {
    return this.bounds;
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
  }
}

const fake = {
  app: Object.assign(app, {
    isPackaged: false,
    whenReady: () =>
      new Promise((resolve) => {
        setImmediate(() => {
          ready = true;
          resolve();
          const scenarios = { booth: runBooth, displays: runDisplays };
          setTimeout(scenarios[process.env.FAKE_ELECTRON_SCENARIO] ?? runScenario, 1500);
        });
      }),
    requestSingleInstanceLock: () => true,
    disableHardwareAcceleration: () => {
      record.hardwareAccelerationDisabled = true;
    },
    exit: (code) => process.exit(code),
    getVersion: () => '9.9.9-fake',
    getGPUFeatureStatus: () => ({ ...gpuStatus }),
    quit: () => process.exit(0),
  }),
  protocol: {
    registerSchemesAsPrivileged: (schemes) => {
      record.privilegedSchemes = schemes;
      record.schemesRegisteredBeforeReady = !ready;
    },
    handle: (scheme, handler) => {
      protocolHandler = { scheme, handler };
    },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h) => {
        permissionRequest = h;
      },
      setPermissionCheckHandler: (h) => {
        permissionCheck = h;
      },
      webRequest: {
        onHeadersReceived: (h) => {
          headersHandler = h;
        },
      },
    },
  },
  Menu: {
    setApplicationMenu: (menu) => {
      record.menu = menu;
    },
  },
  powerSaveBlocker: {
    start: (type) => {
      record.powerSaveBlocker = type;
      return 1;
    },
  },
  screen: Object.assign(new EventEmitter(), {
    getAllDisplays: () => displays,
    getPrimaryDisplay: () => primary,
  }),
  globalShortcut: {
    register: (accelerator) => {
      record.shortcuts.push(accelerator);
      return true;
    },
    unregisterAll: () => {},
  },
  ipcMain: {
    on: (channel, listener) => {
      ipcListeners.set(channel, listener);
    },
    off: (channel, listener) => {
      if (ipcListeners.get(channel) === listener) ipcListeners.delete(channel);
    },
  },
  BrowserWindow,
};

async function runScenario() {
  const report = { ...record, checks: {} };
  const fetchApp = async (url, headers = {}) => {
    const response = await protocolHandler.handler(new Request(url, { headers }));
    return { status: response.status, csp: response.headers.get('content-security-policy') };
  };
  report.checks.scheme = protocolHandler?.scheme ?? null;
  report.checks.index = await fetchApp('app://renderer/index.html');
  report.checks.traversal = await fetchApp('app://renderer/%2e%2e/%2e%2e/etc/passwd');
  report.checks.range = (await fetchApp('app://renderer/index.html', { range: 'bytes=0-9' })).status;

  const contents = new FakeWebContents();
  app.emit('web-contents-created', {}, contents);
  const navigate = (event, url) => {
    let prevented = false;
    contents.emit(event, { url, preventDefault: () => (prevented = true) });
    return prevented;
  };
  report.checks.navigationToWebBlocked = navigate('will-navigate', 'https://example.com/');
  report.checks.redirectToFileBlocked = navigate('will-redirect', 'file:///etc/passwd');
  report.checks.navigationInsideAllowed = !navigate('will-navigate', 'app://renderer/index.html');
  report.checks.windowOpen = contents.windowOpenHandler?.({ url: 'https://example.com/' }) ?? null;

  report.checks.permissionGranted = await new Promise((resolve) =>
    permissionRequest({}, 'media', resolve, {}),
  );
  report.checks.permissionCheck = permissionCheck({}, 'notifications', 'app://renderer', {});
  report.checks.headersCsp = await new Promise((resolve) =>
    headersHandler({ responseHeaders: { 'x-test': ['1'] } }, (r) =>
      resolve(r.responseHeaders['Content-Security-Policy']),
    ),
  );

  const firstSeq = record.sent[0]?.seq;
  const sentBefore = record.sent.length;
  const ipc = (channel, payload, url) => ipcListeners.get(channel)?.({ senderFrame: { url } }, payload);
  ipc('marquee:presented', { type: 'presented', seq: firstSeq }, 'https://evil.example/');
  ipc('marquee:key', { type: 'key', action: 'next', extra: 1 }, 'app://renderer/index.html');
  await new Promise((r) => setTimeout(r, 300));
  report.checks.rejectedIpcChangedNothing = record.sent.length === sentBefore;
  ipc('marquee:key', { type: 'key', action: 'next' }, 'app://renderer/index.html');
  await new Promise((r) => setTimeout(r, 500));
  report.checks.keyAdvanced = record.sent.slice(sentBefore).map((s) => s.slideId);

  createdWindows[0]?.emit('blur');
  await new Promise((r) => setTimeout(r, 400));
  report.checks.refocusedAfterBlur = record.focusCalls > 0;

  writeFileSync(process.env.FAKE_ELECTRON_REPORT, JSON.stringify(report, null, 2));
  process.exit(0);
}

async function runDisplays() {
  const keysBefore = record.sentTo.length;
  const second = createdWindows[1]?.webContents;
  ipcListeners.get('marquee:key')?.(
    { senderFrame: { url: 'app://renderer/index.html' }, sender: second },
    { type: 'key', action: 'next' },
  );
  await new Promise((r) => setTimeout(r, 500));
  const report = { ...record, afterKey: record.sentTo.slice(keysBefore) };
  writeFileSync(process.env.FAKE_ELECTRON_REPORT, JSON.stringify(report, null, 2));
  process.exit(0);
}

async function runBooth() {
  const { boothScenario } = require('./boothScenario.cjs');
  const report = await boothScenario({
    record,
    windows: createdWindows,
    renderer,
    app,
    screen: fake.screen,
    ipc: (channel, payload) =>
      ipcListeners.get(channel)?.({ senderFrame: { url: 'app://renderer/index.html' } }, payload),
    displays: { primary, side, set: (list) => (displays = list) },
    setGpuStatus: (status) => (gpuStatus = status),
    healthUrl: process.env.FAKE_ELECTRON_HEALTH_URL,
    fetchApp: (url) => protocolHandler.handler(new Request(url)),
    remote: { cached: process.env.FAKE_ELECTRON_CACHED_URL, missing: process.env.FAKE_ELECTRON_MISSING_URL },
  });
  writeFileSync(process.env.FAKE_ELECTRON_REPORT, JSON.stringify({ ...record, booth: report }, null, 2));
  process.exit(0);
}

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolve(request, ...rest) {
  if (request === 'electron') return 'fake-electron';
  return originalResolve.call(this, request, ...rest);
};
require.cache['fake-electron'] = {
  id: 'fake-electron',
  filename: 'fake-electron',
  loaded: true,
  exports: fake,
};
process.resourcesPath = '/nonexistent-resources';
