import { BrowserWindow, screen, type WebContents } from 'electron';
import type { Logger } from 'pino';
import type { ShowView } from '../src/core/view/showView';
import {
  type DisplaySelection,
  type OpenWindow,
  planWindows,
  type WindowAction,
} from '../src/host/kiosk/displayPlan';
import { RENDERER_URL } from '../src/host/kiosk/appOrigin';
import { IPC } from '../src/host/kiosk/ipcChannels';
import { nextReloadDelay, recordCrash } from '../src/host/kiosk/reloadBackoff';
import type { ShellPolicy } from '../src/host/kiosk/shellPolicy';
import { kioskWindowOptions } from '../src/host/kiosk/windowOptions';
import { pageGoneMessage } from './shellHealth';
import { assertNever } from '../src/core/assertNever';

/** What the window manager needs from the rest of the shell. */
export type KioskWindowsOptions = Readonly<{
  selection: DisplaySelection;
  windowed: boolean;
  policy: ShellPolicy;
  preloadPath: string;
  backgroundColor: string;
  logger: Logger;
  /** The current view of screen `screen`, to push into a page that has (re)loaded or changed screen. */
  currentView: (screen: string) => ShowView;
  /** The screen a display plays (`displays`); asked whenever a window is created or moves display. */
  screenFor: (displayId: number) => string;
  /** Called with a message a person should see in health (a page crashed or hung). */
  onProblem: (message: string) => void;
}>;

type Managed = {
  readonly win: BrowserWindow;
  displayId: number;
  /** The screen whose views this window shows. */
  screen: string;
  crashes: readonly number[];
  reload: NodeJS.Timeout | null;
  /** The page finished loading and its process has not gone since. */
  loaded: boolean;
  /** Set while the shell itself kills a hung page, so that crash is not counted twice. */
  killing: boolean;
};

/** Keeps one kiosk window per selected display, follows display changes and reloads crashed pages with back-off. */
export class KioskWindows {
  readonly #options: KioskWindowsOptions;
  readonly #windows = new Map<number, Managed>();

  /** A manager with no windows yet; call `sync` once the app is ready. */
  constructor(options: KioskWindowsOptions) {
    this.#options = options;
  }

  /** Opens, moves and closes windows so they match the connected displays. */
  sync(): void {
    const open: OpenWindow[] = [...this.#windows.entries()].map(([windowId, m]) => ({
      windowId,
      displayId: m.displayId,
      bounds: m.win.getBounds(),
    }));
    const displays = screen.getAllDisplays().map((d) => ({ id: d.id, bounds: d.bounds }));
    const actions = planWindows(
      displays,
      this.#options.selection,
      this.#options.windowed ? [] : open,
      screen.getPrimaryDisplay().id,
    );
    // Why: an authoring window is placed once and then left where the author drags it.
    if (this.#options.windowed && this.#windows.size > 0) return;
    for (const action of actions) this.#apply(action);
    // Why: display numbers count from the left, so a display coming or going can change what another plays.
    for (const managed of this.#windows.values()) this.#follow(managed);
  }

  /** Sends a view to the windows of its screen. */
  broadcast(view: ShowView): void {
    for (const { win, screen } of this.#windows.values()) {
      if (screen === view.screen && !win.isDestroyed())
        win.webContents.send(IPC.show, { type: 'show', view });
    }
  }

  /** The screen whose page `contents` is; null for a page that is not one of the kiosk windows. */
  screenOf(contents: WebContents | undefined): string | null {
    for (const { win, screen } of this.#windows.values()) {
      if (!win.isDestroyed() && win.webContents === contents) return screen;
    }
    return null;
  }

  /** Reloads every page with back-off (after the GPU process died). */
  reloadAll(reason: string): void {
    for (const managed of this.#windows.values()) this.#scheduleReload(managed, reason);
  }

  /** How many windows show a loaded page now (the renderers the watchdog counts). */
  connected(): number {
    let count = 0;
    for (const { win, loaded } of this.#windows.values()) {
      if (loaded && !win.isDestroyed() && !win.webContents.isCrashed()) count++;
    }
    return count;
  }

  /** Reloads every page now, without back-off (for the watchdog, which waits between reloads itself); a page waiting for its back-off reload is left to it. */
  reloadNow(reason: string): void {
    for (const managed of this.#windows.values()) {
      if (managed.reload !== null || managed.win.isDestroyed()) continue;
      this.#options.logger.info({ display: managed.displayId, reason }, 'reloading the kiosk page');
      managed.win.webContents.reload();
    }
  }

  /** The loaded kiosk pages, left to right (display 1 first): what screenshots and the pixel watchdog look at. */
  pages(): readonly WebContents[] {
    return [...this.#windows.values()]
      .filter((m) => m.loaded && !m.win.isDestroyed())
      .sort((a, b) => a.win.getBounds().x - b.win.getBounds().x)
      .map((m) => m.win.webContents);
  }

  /** The displays that carry a kiosk window. */
  displayIds(): readonly number[] {
    return [...this.#windows.values()].map((m) => m.displayId);
  }

  /** Closes every window (when quitting). */
  closeAll(): void {
    for (const { win, reload } of this.#windows.values()) {
      if (reload) clearTimeout(reload);
      if (!win.isDestroyed()) win.destroy();
    }
    this.#windows.clear();
  }

  /** The first window, if any (to focus on a second launch). */
  first(): BrowserWindow | null {
    return this.#windows.values().next().value?.win ?? null;
  }

  #apply(action: WindowAction): void {
    switch (action.type) {
      case 'create':
        this.#create(action.displayId, action.bounds);
        return;
      case 'move': {
        const managed = this.#windows.get(action.windowId);
        if (!managed) return;
        managed.displayId = action.displayId;
        // Why: a kiosk window cannot be moved while it covers a display; leave kiosk mode, move, enter it again.
        managed.win.setKiosk(false);
        managed.win.setBounds(action.bounds);
        managed.win.setKiosk(true);
        this.#options.logger.info(
          { display: action.displayId, bounds: action.bounds },
          'moved the kiosk window',
        );
        return;
      }
      case 'close': {
        const managed = this.#windows.get(action.windowId);
        this.#windows.delete(action.windowId);
        if (managed?.reload) clearTimeout(managed.reload);
        if (managed && !managed.win.isDestroyed()) managed.win.destroy();
        this.#options.logger.info({ window: action.windowId }, 'closed a kiosk window (its display is gone)');
        return;
      }
      default:
        assertNever(action);
    }
  }

  #create(
    displayId: number,
    bounds: Readonly<{ x: number; y: number; width: number; height: number }>,
  ): void {
    const { policy, logger } = this.#options;
    const win = new BrowserWindow(
      kioskWindowOptions(
        { id: displayId, bounds },
        {
          windowed: this.#options.windowed,
          preloadPath: this.#options.preloadPath,
          devTools: policy.devTools,
          backgroundColor: this.#options.backgroundColor,
        },
      ),
    );
    const managed: Managed = {
      win,
      displayId,
      screen: this.#options.screenFor(displayId),
      crashes: [],
      reload: null,
      loaded: false,
      killing: false,
    };
    this.#windows.set(win.id, managed);
    const contents = win.webContents;

    win.once('ready-to-show', () => {
      win.show();
      if (policy.keepFullscreen) win.setKiosk(true);
    });
    contents.on('did-finish-load', () => {
      managed.killing = false;
      managed.loaded = true;
      // Why: a literal stylesheet, so a scanner (and a reader) can see that nothing dynamic is injected.
      if (policy.hideCursor) void contents.insertCSS('*, *::before, *::after { cursor: none !important; }');
      contents.send(IPC.show, { type: 'show', view: this.#options.currentView(managed.screen) });
    });
    if (!policy.devTools) contents.on('devtools-opened', () => contents.closeDevTools());
    if (policy.keepFullscreen) {
      // Why: only when no kiosk window has focus; with one window per display, each taking focus back from the
      // other would never end.
      win.on('blur', () =>
        setTimeout(() => {
          if (!win.isDestroyed() && BrowserWindow.getFocusedWindow() === null) win.focus();
        }, 250),
      );
      // Why: checked a moment later, so the brief exit from kiosk mode while a window moves display is not fought.
      win.on('leave-full-screen', () =>
        setTimeout(() => {
          if (!win.isDestroyed() && !win.isFullScreen()) win.setKiosk(true);
        }, 500),
      );
    }
    contents.on('render-process-gone', (_event, details) => {
      managed.loaded = false;
      if (managed.killing) {
        managed.killing = false;
        return;
      }
      const message = pageGoneMessage(managed.displayId, details);
      logger.error(
        { display: managed.displayId, reason: details.reason, exitCode: details.exitCode },
        message,
      );
      this.#options.onProblem(message);
      this.#scheduleReload(managed, `crashed (${details.reason})`);
    });
    win.on('unresponsive', () => {
      const message = `the kiosk page on display ${managed.displayId} stopped responding: reloading it unless it recovers`;
      logger.warn({ display: managed.displayId }, message);
      this.#options.onProblem(message);
      this.#scheduleReload(managed, 'unresponsive');
    });
    win.on('responsive', () => {
      if (managed.reload) {
        clearTimeout(managed.reload);
        managed.reload = null;
        logger.info({ display: displayId }, 'the kiosk page responds again; no reload needed');
      }
    });
    win.on('closed', () => this.#windows.delete(win.id));
    void win.loadURL(RENDERER_URL);
  }

  /** Puts a window on the screen its display plays now, with that screen's view when it changed. */
  #follow(managed: Managed): void {
    const screen = this.#options.screenFor(managed.displayId);
    if (screen === managed.screen) return;
    this.#options.logger.info(
      { display: managed.displayId, screen },
      `display ${managed.displayId} now plays ${screen}`,
    );
    managed.screen = screen;
    if (managed.loaded && !managed.win.isDestroyed()) {
      managed.win.webContents.send(IPC.show, { type: 'show', view: this.#options.currentView(screen) });
    }
  }

  #scheduleReload(managed: Managed, reason: string): void {
    if (managed.reload) return;
    const now = Date.now();
    const delay = nextReloadDelay(managed.crashes, now);
    managed.crashes = recordCrash(managed.crashes, now);
    this.#options.logger.info(
      { display: managed.displayId, delayMs: delay, reason },
      'reloading the kiosk page',
    );
    managed.reload = setTimeout(() => {
      managed.reload = null;
      if (managed.win.isDestroyed()) return;
      const contents = managed.win.webContents;
      // Why: a hung page does not answer a reload; end its process first (not counted as another crash).
      if (reason === 'unresponsive' && !contents.isCrashed()) {
        managed.killing = true;
        contents.forcefullyCrashRenderer();
      }
      // Why: the shell pushes the current view on load, so the show resumes on the same slide.
      contents.reload();
    }, delay);
  }
}
