/** The shell behaviours that follow from how the app runs. */
export type ShellPolicy = Readonly<{
  /** DevTools may open (development builds only). */
  devTools: boolean;
  /** The pointer is hidden over the page (a kiosk has no one at a mouse). */
  hideCursor: boolean;
  /** A window that loses focus or leaves fullscreen is brought back. */
  keepFullscreen: boolean;
}>;

/** Decides the shell behaviours: packaged builds never allow DevTools; `--windowed` authoring keeps the pointer and lets go of focus. */
export function shellPolicy(options: Readonly<{ isPackaged: boolean; windowed: boolean }>): ShellPolicy {
  return { devTools: !options.isPackaged, hideCursor: !options.windowed, keepFullscreen: !options.windowed };
}

/** Whether a page may use a permission (camera, notifications, geolocation, …): a kiosk page never may. */
export function isPermissionAllowed(_permission: string): boolean {
  return false;
}
