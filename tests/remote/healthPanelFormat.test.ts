import { describe, expect, it } from 'vitest';
import { buildHealth, type HealthInputs } from '../../src/host/health/health';
import { formatBytes, formatSpan, splitProblem, withoutFolder } from '../../src/remote/healthFormat';
import { hostNow, judgeHealth } from '../../src/remote/healthStatus';
import { parseHealth } from '../../src/remote/useHealth';

const inputs: HealthInputs = {
  version: '0.1.0',
  now: 100_000,
  status: {
    screen: 'main',
    playlistFile: '/srv/show/playlist.json',
    startedAt: 40_000,
    seq: 3,
    slide: {
      id: 'welcome',
      type: 'announcement',
      position: 1,
      count: 22,
      title: { zh: '欢迎', en: 'Welcome' },
    },
    paused: false,
    blackout: false,
    playlistStatus: { ok: true, loadedAt: 40_000 },
  },
  lastError: null,
  renderers: {
    connected: 1,
    lastAckAt: 99_000,
    acknowledgedSeq: 3,
    changes: 3,
    acknowledged: 3,
    missed: 0,
    watchdogReloads: 0,
    stale: false,
  },
  cache: { entries: 4, bytes: 1_200_000, pendingFetches: 0, failedFetches: 0 },
  proof: { written: 2, failedWrites: 0, pending: 0, dropped: 0 },
  memory: { rssBytes: 150_000_000, heapUsedBytes: 40_000_000 },
};

describe('formatSpan', () => {
  it('shows the two largest units, in English and in Chinese', () => {
    const cases: ReadonlyArray<readonly [number, string, string]> = [
      [0, '0 s', '0秒'],
      [999, '0 s', '0秒'],
      [45_000, '45 s', '45秒'],
      [60_000, '1 min', '1分钟'],
      [12 * 60_000 + 59_000, '12 min', '12分钟'],
      [3 * 3_600_000, '3 h', '3小时'],
      [3 * 3_600_000 + 12 * 60_000, '3 h 12 min', '3小时12分钟'],
      [86_400_000, '1 d', '1天'],
      [2 * 86_400_000 + 3 * 3_600_000 + 59 * 60_000, '2 d 3 h', '2天3小时'],
    ];
    for (const [ms, en, zh] of cases) {
      expect(formatSpan(ms, 'en')).toBe(en);
      expect(formatSpan(ms, 'zh')).toBe(zh);
    }
  });

  it('never shows a negative span (a clock that stepped back)', () => {
    expect(formatSpan(-5_000, 'en')).toBe('0 s');
  });
});

describe('formatBytes', () => {
  it('uses SI units with at most three significant digits', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1000)).toBe('1 kB');
    expect(formatBytes(1500)).toBe('1.5 kB');
    expect(formatBytes(100_000)).toBe('100 kB');
    expect(formatBytes(4_200_000)).toBe('4.2 MB');
    expect(formatBytes(1_350_000_000)).toBe('1.35 GB');
  });

  it('moves up a unit when rounding reaches 1000', () => {
    expect(formatBytes(999_600)).toBe('1 MB');
    expect(formatBytes(99_960)).toBe('100 kB');
  });
});

describe('problem lines', () => {
  it('drops the folders of every place a message names', () => {
    expect(withoutFolder('/tmp/x/show/playlist.json:574:19  slides[2].duration  bad')).toBe(
      'playlist.json:574:19  slides[2].duration  bad',
    );
    expect(withoutFolder('the playlist edit was refused: /srv/show/playlist.json:3:5 slides[0]')).toBe(
      'the playlist edit was refused: playlist.json:3:5 slides[0]',
    );
    expect(withoutFolder('C:\\show\\playlist.json:3:5 x')).toBe('playlist.json:3:5 x');
    expect(withoutFolder('no place here / at all')).toBe('no place here / at all');
  });

  it('splits FILE:LINE:COL from the rest, and keeps a line without a place whole', () => {
    expect(splitProblem('/srv/show/playlist.json:12:5  slides[1].duration  must be at least 1')).toEqual({
      place: 'playlist.json:12:5',
      message: 'slides[1].duration  must be at least 1',
    });
    expect(splitProblem('/srv/show/playlist.json: refused (no details)')).toEqual({
      place: null,
      message: '/srv/show/playlist.json: refused (no details)',
    });
  });
});

describe('judgeHealth', () => {
  it('is OK with a renderer that acknowledges and a playlist that loaded', () => {
    expect(judgeHealth(buildHealth(inputs))).toEqual({ level: 'ok', reasons: [] });
  });

  it('warns about a refused playlist edit: the old version still plays', () => {
    const health = buildHealth({
      ...inputs,
      status: {
        ...inputs.status,
        playlistStatus: { ok: false, messages: ['/srv/show/playlist.json:3:5  x  bad', 'y'], at: 90_000 },
      },
      lastError: { message: 'the playlist edit was refused', at: 90_000 },
    });
    expect(judgeHealth(health)).toEqual({
      level: 'warning',
      reasons: [{ type: 'playlist-refused', problems: 2 }],
    });
  });

  it('calls it a problem when no renderer is connected or the renderers went silent, problems first', () => {
    const none = buildHealth({
      ...inputs,
      renderers: { ...inputs.renderers, connected: 0 },
      cache: { entries: 0, bytes: 0, pendingFetches: 1, failedFetches: 2 },
    });
    expect(judgeHealth(none)).toEqual({
      level: 'problem',
      reasons: [{ type: 'no-renderer' }, { type: 'cache-failures', failed: 2 }],
    });
    const silent = buildHealth({ ...inputs, renderers: { ...inputs.renderers, stale: true } });
    expect(judgeHealth(silent)).toEqual({
      level: 'problem',
      reasons: [{ type: 'renderer-silent', lastAckAgeMs: 1_000 }],
    });
  });

  it('calls a screen the pixel watchdog sees dark or frozen a problem, and not the renderers silent', () => {
    const watch = (verdict: 'ok' | 'dark' | 'frozen') =>
      buildHealth({
        ...inputs,
        screenWatch: {
          capture: 'devtools',
          unavailable: null,
          displays: 1,
          periodMs: 5000,
          verdict,
          lastProblem: null,
          reloads: 0,
          restarts: 0,
          captureError: null,
        },
      });
    expect(judgeHealth(watch('dark'))).toEqual({
      level: 'problem',
      reasons: [{ type: 'screen-fault', kind: 'dark' }],
    });
    expect(judgeHealth(watch('frozen')).reasons).toEqual([{ type: 'screen-fault', kind: 'frozen' }]);
    expect(judgeHealth(watch('ok'))).toEqual({ level: 'ok', reasons: [] });
  });

  it('warns when the proof-of-play log has failed writes still waiting, not about a past error alone', () => {
    const stuck = buildHealth({ ...inputs, proof: { written: 2, failedWrites: 3, pending: 4, dropped: 0 } });
    expect(judgeHealth(stuck).reasons).toEqual([{ type: 'proof-stuck', pending: 4 }]);
    const old = buildHealth({ ...inputs, lastError: { message: 'ENOENT', at: 50_000 } });
    expect(judgeHealth(old).level).toBe('ok');
  });

  it('reads the host clock from the answer itself', () => {
    expect(hostNow(buildHealth(inputs))).toBe(100_000);
  });
});

describe('parseHealth', () => {
  it('accepts what the host builds, after a JSON round trip', () => {
    const parsed = parseHealth(JSON.parse(JSON.stringify(buildHealth(inputs))));
    expect(parsed.ok).toBe(true);
  });

  it('names the first wrong field of a malformed answer', () => {
    const body = { ...JSON.parse(JSON.stringify(buildHealth(inputs))), uptimeMs: 'soon' };
    const parsed = parseHealth(body);
    expect(parsed).toEqual({ ok: false, reason: expect.stringContaining('uptimeMs') });
    expect(parseHealth('not json')).toEqual({ ok: false, reason: expect.stringContaining('/api/health') });
    expect(parseHealth({ ok: true, name: 'marquee', screens: ['main'] }).ok).toBe(false);
  });
});
