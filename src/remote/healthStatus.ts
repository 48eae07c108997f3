import type { Health } from '../core/channels/healthContract';

/** How urgent the kiosk's state is: fine, needs a look soon, or the screen is at risk now. */
export type HealthLevel = 'ok' | 'warning' | 'problem';

/** One reason for a level other than OK, most urgent first. */
export type HealthReason =
  | Readonly<{ type: 'no-renderer' }>
  | Readonly<{ type: 'renderer-silent'; lastAckAgeMs: number | null }>
  | Readonly<{ type: 'screen-fault'; kind: 'dark' | 'frozen' }>
  | Readonly<{ type: 'playlist-refused'; problems: number }>
  | Readonly<{ type: 'cache-failures'; failed: number }>
  | Readonly<{ type: 'proof-stuck'; pending: number }>;

/** The overall verdict and its reasons. */
export type HealthVerdict = Readonly<{ level: HealthLevel; reasons: readonly HealthReason[] }>;

/** An error younger than this is highlighted in the panel (it does not change the level: see `judgeHealth`). */
export const RECENT_ERROR_MS = 10 * 60_000;

/** The host's clock at the moment it answered (start + uptime), so ages need no phone-to-kiosk clock sync. */
export function hostNow(health: Health): number {
  return health.startedAt + health.uptimeMs;
}

/**
 * Judges a health answer. Problem: nothing is painting the show (no renderer, renderers that stopped
 * acknowledging, or a screen the pixel watchdog sees dark or frozen). Warning: the show plays but a person should look (a refused playlist edit keeps the old
 * version on screen; assets that failed to download; proof of play not being written). `lastError` is shown,
 * not judged: it stays after its cause is fixed (a refused playlist is also recorded there).
 */
export function judgeHealth(health: Health): HealthVerdict {
  const problems: HealthReason[] = [];
  const warnings: HealthReason[] = [];
  const r = health.renderers;
  if (r.connected === 0) problems.push({ type: 'no-renderer' });
  // Why: the host sets healthy=false for a refused playlist, no renderer, silent renderers, or a dark or frozen
  // screen; with the others ruled out, what is left is the watchdog finding the renderers silent.
  else if (
    !health.healthy &&
    health.playlist.ok &&
    health.screenWatch?.verdict !== 'dark' &&
    health.screenWatch?.verdict !== 'frozen'
  )
    problems.push({ type: 'renderer-silent', lastAckAgeMs: r.lastAckAgeMs });
  const seen = health.screenWatch?.verdict;
  if (seen === 'dark' || seen === 'frozen') problems.push({ type: 'screen-fault', kind: seen });
  if (!health.playlist.ok) warnings.push({ type: 'playlist-refused', problems: health.playlist.problems });
  if (health.cache !== null && health.cache.failedFetches > 0)
    warnings.push({ type: 'cache-failures', failed: health.cache.failedFetches });
  if (health.proof !== null && health.proof.pending > 0 && health.proof.failedWrites > 0)
    warnings.push({ type: 'proof-stuck', pending: health.proof.pending });
  const level: HealthLevel = problems.length > 0 ? 'problem' : warnings.length > 0 ? 'warning' : 'ok';
  return { level, reasons: [...problems, ...warnings] };
}
