import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Playlist } from '../../../src/core/playlist/types';
import { ManualClock } from '../../../src/host/clock';
import { Health } from '../../../src/core/channels/healthContract';
import { createShowMonitor, type ShowMonitor } from '../../../src/host/health/showMonitor';
import { PlayerHost } from '../../../src/host/PlayerHost';

const START = Date.parse('2018-12-20T09:00:00+08:00');

const playlist: Playlist = {
  version: 1,
  event: {
    name: { zh: '弗林克论坛', en: 'Flink Forward China 2018' },
    timezone: 'Asia/Shanghai',
    languages: ['zh', 'en'],
  },
  defaults: { duration: 5 },
  slides: ['One', 'Two', 'Three'].map((text, i) => ({ type: 'announcement', id: `s${i + 1}`, text })),
};

let dir: string;
let clock: ManualClock;
let host: PlayerHost;
let monitor: ShowMonitor;
let warnings: string[];
let reloads: number;
let connected: number;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-monitor-'));
  await writeFile(join(dir, 'playlist.json'), JSON.stringify(playlist));
  clock = new ManualClock(START);
  host = await PlayerHost.start({ playlistFile: join(dir, 'playlist.json'), clock, watch: false });
  warnings = [];
  reloads = 0;
  connected = 1;
  monitor = createShowMonitor({
    host,
    clock,
    log: { info: () => {}, warn: (_o, msg) => warnings.push(msg) },
    limits: { silentMs: 30_000 },
    version: '9.9.9',
  });
  monitor.attach({ connected: () => connected, reload: () => reloads++ });
});

afterEach(async () => {
  monitor.stop();
  await host.stop();
  await rm(dir, { recursive: true, force: true });
});

/** Acknowledges the slide on screen through the host, as the renderer channel does. */
function present(): void {
  host.dispatch({ type: 'presented', seq: host.getView().seq }, 'renderer');
}

describe('createShowMonitor', () => {
  it('counts every slide change and every acknowledgement, and the slides that left unacknowledged', () => {
    present();
    clock.advance(5_000);
    present();
    clock.advance(5_000);
    // Not acknowledged: the player starts its time after the present time-out and moves on.
    clock.advance(10_000 + 5_000);
    present();
    const health = Health.parse(monitor.health());
    expect(health.renderers).toMatchObject({ changes: 4, acknowledged: 3, missed: 1, watchdogReloads: 0 });
    expect(warnings).toEqual([
      'slide s3 (seq 3) left the screen after 15000 ms without being acknowledged by a renderer',
    ]);
    expect(health.slide?.id).toBe('s1');
    expect(health.version).toBe('9.9.9');
    expect(health.healthy).toBe(true);
  });

  it('ignores acknowledgements of a slide no longer on screen', () => {
    const old = host.getView().seq;
    host.dispatch({ type: 'next' }, 'remote');
    host.dispatch({ type: 'presented', seq: old }, 'renderer');
    expect(monitor.health().renderers).toMatchObject({
      changes: 2,
      acknowledged: 0,
      lastAckAgeMs: null,
      acknowledgedSeq: null,
    });
  });

  it('reloads a renderer that stays silent past the limit, logs it, then waits the limit again', () => {
    host.dispatch({ type: 'pause' }, 'remote');
    clock.advance(29_000);
    expect(reloads).toBe(0);
    clock.advance(10_000);
    expect(reloads).toBe(1);
    expect(warnings[0]).toMatch(/no renderer acknowledged slide seq \d+ for \d+ ms: reloading the renderer/);
    const health = monitor.health();
    expect(health.renderers.watchdogReloads).toBe(1);
    expect(health.lastError?.message).toMatch(/reloading the renderer/);
    clock.advance(20_000);
    expect(reloads).toBe(1);
    clock.advance(20_000);
    expect(reloads).toBe(2);
    present();
    clock.advance(120_000);
    expect(reloads).toBe(2);
  });

  it('does not reload while no renderer is connected', () => {
    connected = 0;
    host.dispatch({ type: 'pause' }, 'remote');
    clock.advance(120_000);
    expect(reloads).toBe(0);
    expect(monitor.health().healthy).toBe(false);
  });

  it('records a refused playlist edit and a failing proof-of-play log as the last error', async () => {
    await writeFile(join(dir, 'playlist.json'), '{ "version": 1, ');
    await host.reload();
    expect(monitor.health().lastError?.message).toMatch(/the playlist edit was refused: .*playlist\.json:1:/);
    expect(monitor.health().playlist.ok).toBe(false);

    let failedWrites = 0;
    const withProof = createShowMonitor({
      host,
      clock,
      log: { info: () => {}, warn: () => {} },
      limits: { silentMs: 1000 },
      proof: () => ({ written: 0, failedWrites, pending: failedWrites, dropped: 0 }),
    });
    failedWrites = 2;
    clock.advance(1000);
    expect(withProof.health().lastError?.message).toMatch(
      /proof-of-play log could not be written .*free disk space/,
    );
    expect(withProof.health().proof?.failedWrites).toBe(2);
    withProof.stop();
  });
});

describe('the watchdog in a rotating show', () => {
  it('reloads a renderer that stays silent while the player keeps changing slides without it', () => {
    present();
    // The player moves on after its present time-out, so the seq keeps changing; the renderer stays silent.
    clock.advance(5_000);
    clock.advance(29_000);
    expect(reloads).toBe(0);
    clock.advance(2_000);
    expect(reloads).toBe(1);
    expect(monitor.health().renderers.missed).toBeGreaterThanOrEqual(2);
  });
});
