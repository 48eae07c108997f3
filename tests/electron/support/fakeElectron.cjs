// A stand-in for the `electron` module, for running dist/electron/main.cjs in plain Node where the Electron binary
// cannot run. It records what the shell asks of Electron, then plays a scenario against the handlers the shell
// registered (protocol, IPC, navigation, permissions) and writes a JSON report to $FAKE_ELECTRON_REPORT.
// Load it with `node --require tests/electron/support/fakeElectron.cjs dist/electron/main.cjs …`.
const Module = require('node:module');
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
  insertedCss: [],
  kiosk: [],
  focusCalls: 0,
};
const createdWindows = [];
let ready = false;
let protocolHandler = null;
let permissionRequest = null;
let permissionCheck = null;
let headersHandler = null;
const ipcListeners = new Map();
const app = new EventEmitter();
const primary = { id: 7, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };

class FakeWebContents extends EventEmitter {
  constructor() {
    super();
    this.windowOpenHandler = null;
  }
  send(channel, message) {
    record.sent.push({ channel, seq: message?.view?.seq ?? null, slideId: message?.view?.slide?.id ?? null });
  }
  insertCSS(css) {
    record.insertedCss.push(css);
    return Promise.resolve('key');
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  reload() {}
  isCrashed() {
    return false;
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
    this.webContents = new FakeWebContents();
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
          setTimeout(runScenario, 1500);
        });
      }),
    requestSingleInstanceLock: () => true,
    disableHardwareAcceleration: () => {
      record.hardwareAccelerationDisabled = true;
    },
    exit: (code) => process.exit(code),
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
    getAllDisplays: () => [{ id: 9, bounds: { x: 1920, y: 0, width: 1280, height: 720 } }, primary],
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
