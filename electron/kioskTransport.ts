import { screen } from 'electron';
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

/**
 * The Electron shell's transport: one kiosk window per selected display, pushed every view of `show` over IPC,
 * their messages bridged back to the player, their pages handed to the watchdog, and all closed with the show.
 */
export function startKioskTransport(show: Show, options: KioskTransportOptions): KioskWindows {
  const { config, host, logger, monitor } = show;
  const windows = new KioskWindows({
    selection: config.display,
    windowed: config.windowed,
    policy: options.policy,
    preloadPath: options.preloadPath,
    backgroundColor: windowBackground(host.playlist.theme),
    logger,
    currentView: () => host.getView(),
    onProblem: monitor.recordError,
  });
  show.own('kiosk windows', () => windows.closeAll());
  monitor.attach({
    connected: () => windows.connected(),
    reload: () => windows.reloadNow('no slide acknowledged within the watchdog limit'),
  });
  show.own(
    'renderer IPC',
    bridgeRendererIpc({ host, logger, keyboard: config.keyboard, onKey: show.control?.onKey ?? null }),
  );
  show.own(
    'view push',
    host.onView((view) => windows.broadcast(view)),
  );
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
