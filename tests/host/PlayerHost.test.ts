import { mkdtemp, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Playlist } from '../../src/core/playlist/types';
import { ManualClock } from '../../src/host/clock';
import { PlayerHost } from '../../src/host/PlayerHost';
import type { Impression, PlayerHostOptions } from '../../src/host/playerHostTypes';
import { PlaylistStartError } from '../../src/host/playlist/playlistSource';
import { positionFile } from '../../src/host/state/positionStore';

const START = Date.parse('2018-12-20T09:00:00+08:00');

let dir: string;
let file: string;
let stateDir: string;
let clock: ManualClock;
let hosts: PlayerHost[];
let logs: { level: number; msg: string }[];
let impressions: Impression[];

function playlist(texts: readonly string[], duration = 5): Playlist {
  return {
    version: 1,
    event: {
      name: { zh: '弗林克论坛', en: 'Flink Forward China 2018' },
      timezone: 'Asia/Shanghai',
      languages: ['zh', 'en'],
    },
    defaults: { duration },
    slides: texts.map((text, i) => ({ type: 'announcement', id: `s${i + 1}`, text })),
  };
}

async function writePlaylist(p: Playlist): Promise<void> {
  await writeFile(file, `${JSON.stringify(p, null, 2)}\n`);
}

async function start(options: Partial<PlayerHostOptions> = {}): Promise<PlayerHost> {
  const logger = pino({ level: 'debug' }, { write: (line: string) => logs.push(JSON.parse(line)) });
  const host = await PlayerHost.start({
    playlistFile: file,
    stateDir,
    clock,
    logger,
    watchDebounceMs: 40,
    onPlayed: (i) => impressions.push(i),
    ...options,
  });
  hosts.push(host);
  return host;
}

/** Acknowledges the slide on screen as the renderer would. */
function present(host: PlayerHost): void {
  host.dispatch({ type: 'presented', seq: host.getView().seq }, 'test-renderer');
}

async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-host-'));
  file = join(dir, 'playlist.json');
  stateDir = join(dir, 'state');
  clock = new ManualClock(START);
  hosts = [];
  logs = [];
  impressions = [];
  await writePlaylist(playlist(['One', 'Two', 'Three']));
});
afterEach(async () => {
  for (const host of hosts) await host.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('PlayerHost', () => {
  it('plays the first slide and moves on by itself when its time is up, recording the impression', async () => {
    const host = await start({ watch: false });
    expect(host.status().slide?.id).toBe('s1');
    present(host);
    clock.advance(4_999);
    expect(host.status().slide?.id).toBe('s1');
    clock.advance(1);
    expect(host.status().slide?.id).toBe('s2');
    expect(impressions).toEqual([
      expect.objectContaining({
        screen: 'main',
        slideId: 's1',
        shownMs: 5_000,
        reason: 'time-up',
        presentedAt: START,
      }),
    ]);
  });

  it('plays only the slides for its screen name, groups or wall, and resumes only on one of them', async () => {
    const venue = playlist(['Everyone', 'Doors', 'Wall', 'Hall B']);
    const on = [undefined, ['doors'], ['lobby-wall'], ['hall-b']];
    await writePlaylist({
      ...venue,
      slides: venue.slides.map((s, i) => ({ ...s, ...(on[i] ? { on: on[i] } : {}) })),
    });
    const door = await start({ watch: false, screen: 'door-3', groups: ['doors'], wall: 'lobby-wall' });
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      seen.push(door.status().slide?.id ?? 'idle');
      present(door);
      clock.advance(5_000);
    }
    expect(seen).toEqual(['s1', 's2', 's3', 's1', 's2', 's3']);
    expect(new Set(impressions.map((i) => `${i.screen}:${i.slideId}`))).toEqual(
      new Set(['door-3:s1', 'door-3:s2', 'door-3:s3']),
    );
    expect(door.dispatch({ type: 'goto', target: 's4' }, 'test')).toMatchObject({
      ok: false,
      code: 'not-for-screen',
    });
    door.dispatch({ type: 'goto', target: 's2' }, 'test');
    await door.stop();
    // Why: the saved position is per screen name; a screen not in the group does not resume on a doors slide.
    const plain = await start({ watch: false, screen: 'door-3' });
    expect(plain.status().slide?.id).toBe('s1');
  });

  it('tells view and status listeners about every change', async () => {
    const host = await start({ watch: false });
    const views: (string | undefined)[] = [];
    const statuses: boolean[] = [];
    host.onView((v) => views.push(v.slide?.id));
    const off = host.onStatus((s) => statuses.push(s.paused));
    host.dispatch({ type: 'next' }, 'test');
    host.dispatch({ type: 'pause' }, 'test');
    off();
    host.dispatch({ type: 'resume' }, 'test');
    expect(views).toEqual(['s2', 's2', 's2']);
    expect(statuses).toEqual([false, true]);
  });

  it('returns a refused command to the caller and leaves the show as it was', async () => {
    const host = await start({ watch: false });
    const before = host.getState();
    const result = host.dispatch({ type: 'goto', target: 's9' }, 'test');
    expect(result).toMatchObject({ ok: false, code: 'unknown-slide' });
    expect(!result.ok && result.message).toMatch(/s9/);
    expect(host.getState()).toBe(before);
  });

  it('applies a good edit without interrupting the slide on screen', async () => {
    const host = await start();
    present(host);
    clock.advance(2_000);
    const seq = host.getView().seq;
    await writePlaylist(playlist(['One', 'Two, edited', 'Three', 'Four']));
    await until(() => host.playlist.slides.length === 4, 'the edit to be applied');
    const view = host.getView();
    expect(view.seq).toBe(seq);
    expect(view.slide?.id).toBe('s1');
    expect(view.timeLeftMs).toBe(3_000);
    expect(host.status().playlistStatus.ok).toBe(true);
    clock.advance(3_000);
    expect(host.getView().slide).toMatchObject({ id: 's2', text: 'Two, edited' });
  });

  it('keeps the last good playlist playing on a broken edit and reports each problem with line and column', async () => {
    const host = await start();
    present(host);
    const good = await readFile(file, 'utf8');
    // The line of slide 2's text loses its closing quote: a syntax error there.
    const lines = good.split('\n');
    const broken = lines.findIndex((l) => l.includes('"Two"'));
    lines[broken] = lines[broken]?.replace('"Two"', '"Two') ?? '';
    await writeFile(file, lines.join('\n'));
    await until(() => !host.status().playlistStatus.ok, 'the broken edit to be reported');
    const status = host.status().playlistStatus;
    if (status.ok) throw new Error('expected problems');
    expect(status.problems.length).toBeGreaterThan(0);
    expect(status.problems[0]?.line).toBe(broken + 1);
    expect(status.problems[0]?.column).toBeGreaterThan(1);
    expect(status.messages[0]).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+`),
    );
    expect(logs.some((l) => l.level === 40 && l.msg.includes(`${file}:`))).toBe(true);

    clock.advance(5_000);
    expect(host.status().slide?.id).toBe('s2');
    expect(host.playlist.slides).toHaveLength(3);

    await writePlaylist(playlist(['One', 'Two', 'Three', 'Four, fixed']));
    await until(() => host.status().playlistStatus.ok, 'the fixed file to be accepted');
    expect(host.playlist.slides).toHaveLength(4);
    expect(host.status().slide?.id).toBe('s2');
  }, 60_000);

  it('reports a schema problem at the line of the bad field', async () => {
    const host = await start({ watch: false });
    const broken = playlist(['One', 'Two']);
    await writeFile(file, JSON.stringify({ ...broken, defaults: { duration: 0 } }, null, 2));
    const status = await host.reload();
    if (status.ok) throw new Error('expected problems');
    const text = await readFile(file, 'utf8');
    const durationLine = text.split('\n').findIndex((l) => l.includes('"duration": 0')) + 1;
    expect(status.problems.some((p) => p.line === durationLine)).toBe(true);
    expect(host.playlist.defaults?.duration).toBe(5);
  });

  it('picks up an editor save that renames a new file over the playlist', async () => {
    const host = await start();
    await writeFile(join(dir, '.playlist.json.tmp'), JSON.stringify(playlist(['Renamed in'])));
    await rename(join(dir, '.playlist.json.tmp'), file);
    await until(() => host.playlist.slides.length === 1, 'the renamed file to be applied');
    expect(host.getView().slide).toMatchObject({ text: 'Renamed in' });
  });

  it('keeps playing when the playlist file is deleted, and says so', async () => {
    const host = await start();
    await unlink(file);
    await until(() => !host.status().playlistStatus.ok, 'the missing file to be reported');
    const status = host.status().playlistStatus;
    expect(!status.ok && status.messages[0]).toMatch(/cannot read/);
    expect(host.status().slide?.id).toBe('s1');
  });

  it('resumes on the same slide, paused, after a restart', async () => {
    const first = await start({ watch: false });
    first.dispatch({ type: 'goto', target: 's3' }, 'test');
    present(first);
    clock.advance(1_500);
    first.dispatch({ type: 'pause' }, 'test');
    await first.stop();
    const saved = JSON.parse(await readFile(positionFile(stateDir, 'main'), 'utf8'));
    expect(saved).toMatchObject({ slideId: 's3', paused: true, elapsedMs: 1_500 });

    const second = await start({ watch: false });
    expect(second.status()).toMatchObject({ slide: { id: 's3' }, paused: true });
    present(second);
    second.dispatch({ type: 'resume' }, 'test');
    clock.advance(3_499);
    expect(second.status().slide?.id).toBe('s3');
    clock.advance(1);
    expect(second.status().slide?.id).toBe('s1');
  });

  it('starts from the first slide when the saved position is corrupt', async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(stateDir, { recursive: true });
    await writeFile(positionFile(stateDir, 'main'), '{"version":1,"slideId":"s');
    const host = await start({ watch: false });
    expect(host.status().slide?.id).toBe('s1');
    expect(logs.some((l) => l.level === 40 && /saved position/.test(l.msg))).toBe(true);
  });

  it('refuses to start on a broken playlist, naming file, line and column', async () => {
    await writeFile(file, '{\n  "version": 1,\n  "event": \n}\n');
    const error = await start({ watch: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlaylistStartError);
    expect((error as PlaylistStartError).messages[0]).toMatch(/playlist\.json:\d+:\d+/);
  });

  it('stops cleanly: no more timers, commands refused', async () => {
    const host = await start({ watch: false });
    present(host);
    await host.stop();
    expect(clock.pending).toBe(0);
    expect(host.dispatch({ type: 'next' }, 'test')).toMatchObject({ ok: false, code: 'stopped' });
  });
});
