/** Where the remote keeps its token on the phone. */
export const TOKEN_KEY = 'marquee.remote.token';

/** The token in a `#token=…` fragment, or null. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return token && token.trim() !== '' ? token.trim() : null;
}

/** Wait before reconnect attempt `attempt` (0-based): 0.5 s doubling to 10 s, with ±20 % jitter. */
export function backoffMs(attempt: number, random: number): number {
  const base = Math.min(10_000, 500 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.8 + 0.4 * Math.min(1, Math.max(0, random))));
}

/** The WebSocket address of the control API for a page at `location`. */
export function socketUrl(location: Readonly<{ protocol: string; host: string }>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/ws`;
}

/** Time left on a countdown, counted on from the moment the state arrived unless the clock is stopped. */
export function liveLeftMs(
  leftAtReceipt: number | null,
  receivedAt: number,
  now: number,
  running: boolean,
): number | null {
  if (leftAtReceipt === null) return null;
  return Math.max(0, leftAtReceipt - (running ? Math.max(0, now - receivedAt) : 0));
}
