import { describe, expect, it } from 'vitest';
import { Health } from '../../../src/core/channels/healthContract';
import { buildHealth, type HealthInputs } from '../../../src/host/health/health';

const base: HealthInputs = {
  version: '1.2.3',
  now: 10_000,
  status: {
    screen: 'main',
    playlistFile: '/show/playlist.json',
    startedAt: 4_000,
    seq: 7,
    slide: {
      id: 'keynote',
      type: 'speaker',
      position: 2,
      count: 9,
      title: { zh: '主题演讲', en: 'Keynote' },
    },
    paused: false,
    blackout: false,
    playlistStatus: { ok: true, loadedAt: 4_000 },
  },
  lastError: null,
  renderers: {
    connected: 1,
    lastAckAt: 9_250,
    acknowledgedSeq: 7,
    changes: 7,
    acknowledged: 7,
    missed: 0,
    watchdogReloads: 0,
    stale: false,
  },
  cache: null,
  proof: { written: 6, failedWrites: 0, pending: 0, dropped: 0 },
  memory: { rssBytes: 50_000_000, heapUsedBytes: 20_000_000 },
};

describe('buildHealth', () => {
  it('reports uptime, the slide on screen and the acknowledgement age, and passes its own schema', () => {
    const health = buildHealth(base);
    expect(Health.parse(health)).toEqual(health);
    expect(health).toMatchObject({
      ok: true,
      healthy: true,
      version: '1.2.3',
      uptimeMs: 6_000,
      seq: 7,
      slide: { id: 'keynote', position: 2, count: 9 },
      screens: ['main'],
      renderers: { connected: 1, lastAckAgeMs: 750, acknowledgedSeq: 7, changes: 7, acknowledged: 7 },
    });
    expect(health.displays).toBeUndefined();
  });

  it('names a refused playlist edit by its problem count and first problem, and is then not healthy', () => {
    const health = buildHealth({
      ...base,
      status: {
        ...base.status,
        playlistStatus: {
          ok: false,
          messages: ['/show/playlist.json:12:5  slides[1].duration  must be at least 1', 'second'],
          at: 9_000,
        },
      },
    });
    expect(health.healthy).toBe(false);
    expect(health.playlist).toEqual({
      ok: false,
      file: '/show/playlist.json',
      problems: 2,
      firstProblem: '/show/playlist.json:12:5  slides[1].duration  must be at least 1',
      at: 9_000,
    });
  });

  it('is not healthy with no renderer connected or with silent renderers', () => {
    expect(buildHealth({ ...base, renderers: { ...base.renderers, connected: 0 } }).healthy).toBe(false);
    expect(buildHealth({ ...base, renderers: { ...base.renderers, stale: true } }).healthy).toBe(false);
    expect(
      buildHealth({ ...base, renderers: { ...base.renderers, lastAckAt: null } }).renderers.lastAckAgeMs,
    ).toBe(null);
  });

  it('carries the display and GPU status the Electron shell fills in', () => {
    const health = buildHealth({
      ...base,
      electron: {
        displays: [{ id: 1, label: 'HDMI-1', width: 1920, height: 1080, screen: 'main' }],
        gpu: { webgl: 'enabled', gpu_compositing: 'enabled' },
      },
    });
    expect(Health.parse(health).displays?.[0]?.label).toBe('HDMI-1');
    expect(health.gpu?.webgl).toBe('enabled');
  });
});
