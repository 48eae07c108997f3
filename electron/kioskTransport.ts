import { screen } from 'electron';
import type { Logger } from 'pino';
import type { MarqueeConfig } from '../src/host/config/configSchema';
import {
  assignScreens,
  type DisplayScreenInputs,
  planDisplayScreens,
  type ScreenIdentity,
} from '../src/host/kiosk/displayScreens';
import { windowBackground } from '../src/host/kiosk/windowOptions';
import type { Show } from '../src/host/show/startShow';
import { electronCapture } from './electronCapture';
import { bridgeRendererIpc } from './ipcBridge';
import { KioskWindows } from './kioskWindows';
import { watchProcesses } from './processWatch';
import type { ShellPolicy } from '../src/host/kiosk/shellPolicy';

/** What the kiosk windows need besides the show. */
export type KioskTransportOptions = Readonly<{
  policy: ShellPolicy;
  preloadPath: string;
}>;

/** The displays as the plan sees them now, with the `display` and `displays` settings. */
function displayInputs(config: MarqueeConfig): DisplayScreenInputs {
  return {
    displays: screen.getAllDisplays().map((d) => ({ id: d.id, bounds: d.bounds })),
    selection: config.display,
    primaryId: screen.getPrimaryDisplay().id,
    main: { screen: config.screen, groups: config.groups },
    mapping: config.displays,
  };
}

/**
 * The screens the kiosk runs, one per screen its displays play (`displays`); an entry whose display is not
 * connected or not selected is said on stderr and in the log, and the other displays still play.
 */
export function kioskScreens(config: MarqueeConfig, logger: Logger): readonly ScreenIdentity[] {
  const plan = planDisplayScreens(displayInputs(config));
  for (const problem of plan.problems) {
    logger.warn({ problem }, problem);
    process.stderr.write(`marquee: ${problem}\n`);
  }
  return plan.screens;
}

/**
 * The Electron shell's transport: one kiosk window per selected display, pushed every view of its screen over IPC,
 * their messages bridged back to the player, their pages handed to the watchdog, and all closed with the show.
 */
export function startKioskTransport(show: Show, options: KioskTransportOptions): KioskWindows {
  const { config, host, logger, monitor } = show;
  const hosts = new Map(show.screens.map((s) => [s.name, s.host]));
  const running = show.screens.map((s) => s.name);
  const screenFor = (displayId: number): string =>
    assignScreens(displayInputs(config), running).find((a) => a.displayId === displayId)?.screen ??
    host.screen;
  const windows = new KioskWindows({
    selection: config.display,
    windowed: config.windowed,
    policy: options.policy,
    preloadPath: options.preloadPath,
    backgroundColor: windowBackground(host.playlist.theme),
    logger,
    currentView: (name) => (hosts.get(name) ?? host).getView(),
    screenFor,
    onProblem: monitor.recordError,
  });
  show.own('kiosk windows', () => windows.closeAll());
  monitor.attach({
    connected: () => windows.connected(),
    reload: () => windows.reloadNow('no slide acknowledged within the watchdog limit'),
  });
  show.own(
    'renderer IPC',
    bridgeRendererIpc({
      hosts: [show.screens[0].host, ...show.screens.slice(1).map((s) => s.host)],
      screenOf: (sender) => windows.screenOf(sender),
      logger,
      keyboard: config.keyboard,
      onKey: show.control?.onKey ?? null,
    }),
  );
  for (const s of show.screens) {
    show.own(
      `view push (${s.name})`,
      s.host.onView((view) => windows.broadcast(view)),
    );
  }
  windows.sync();
  show.setScreenCapture(electronCapture(() => windows.pages()));
  const resync = (event: string) => (): void => {
    logger.info({ event }, 'the displays changed');
    windows.sync();
  };
  for (const event of ['display-added', 'display-removed', 'display-metrics-changed'] as const) {
    const listener = resync(event);
    screen.on(event as 'display-added', listener);
    show.own(`${event} listener`, () => screen.off(event as 'display-added', listener));
  }
  watchProcesses({
    logger,
    hardwareAcceleration: config.hardwareAcceleration,
    recordError: monitor.recordError,
    reloadPages: (reason) => windows.reloadAll(reason),
  });
  return windows;
}
