import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Playlist } from '../../../src/core/playlist/types';
import type { ShowView } from '../../../src/core/view/showView';
import { missingAssetRef } from '../../../src/host/cache/cacheRoute';
import { ManualClock } from '../../../src/host/clock';
import type { MarqueeConfig } from '../../../src/host/config/configSchema';
import { PlaylistStartError } from '../../../src/host/playlist/playlistSource';
import {
  type Show,
  type ShowPart,
  type StartShowOptions,
  startShow as startShowOf,
} from '../../../src/host/show/startShow';
import { showInFolder } from '../../support/showInFolder';

// Why: a port that refuses at once, so the background prefetch fails fast and offline.
const REMOTE_LOGO = 'https://127.0.0.1:1/sponsor.svg';

const playlist: Playlist = {
  version: 1,
  event: { name: 'Show test', timezone: 'Asia/Shanghai', languages: ['en'] },
  defaults: { duration: 30 },
  slides: [
    { type: 'sponsors', id: 'wall', tiers: [{ name: 'Gold', sponsors: [{ name: 'A', logo: REMOTE_LOGO }] }] },
    { type: 'announcement', id: 'notice', text: 'Notice' },
  ],
};

let dir: string;
let config: MarqueeConfig;
let options: StartShowOptions;
let partsOff: string[];
const started: Show[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-show-'));
  await writeFile(join(dir, 'playlist.json'), JSON.stringify(playlist));
  const show = showInFolder(dir, new ManualClock(Date.parse('2018-12-20T09:00:00+08:00')));
  config = show.config;
  partsOff = [];
  options = { ...show.options, onPartOff: (part, message) => partsOff.push(`${part}: ${message}`) };
});

afterEach(async () => {
  for (const show of started.splice(0)) await show.dispose();
  await rm(dir, { recursive: true, force: true });
});

/** Starts a show that afterEach disposes even when the test fails. */
async function startShow(...args: Parameters<typeof startShowOf>): Promise<Show> {
  const show = await startShowOf(...args);
  started.push(show);
  return show;
}

describe('startShow', () => {
  it('closes every part in reverse order of creation: a part plugged last sees the player still running', async () => {
    const log: string[] = [];
    const part = (name: string): ShowPart => ({
      name,
      start: (show) => {
        log.push(`${name} started on ${show.host.getView().slide?.id}`);
        return () => {
          const answer = show.host.dispatch({ type: 'next' }, name);
          log.push(
            `${name} closed; the player ${answer.ok ? 'still runs' : `is ${answer.ok || answer.code}`}`,
          );
        };
      },
    });
    const show = await startShow(config, { ...options, parts: [part('fleet link')] });
    await show.plug(part('transport'));
    expect(existsSync(join(dir, 'control.sock'))).toBe(true);
    await show.dispose();
    expect(log).toEqual([
      'fleet link started on wall',
      'transport started on wall',
      'transport closed; the player still runs',
      'fleet link closed; the player still runs',
    ]);
    expect(show.host.dispatch({ type: 'next' }, 'late').ok).toBe(false);
    expect(existsSync(join(dir, 'control.sock'))).toBe(false);
    const saved = JSON.parse(await readFile(join(dir, 'state', 'position-main.json'), 'utf8'));
    expect(saved.slideId).toBe('wall');
  });

  it('gives every listener of the host the offline view, with no wrapper to remember', async () => {
    const show = await startShow(config, options);
    const pushed: ShowView[] = [];
    show.host.onView((view) => pushed.push(view));
    show.host.dispatch({ type: 'next' }, 'remote');
    show.host.dispatch({ type: 'next' }, 'remote');
    const logoOf = (view: ShowView | undefined): string | undefined =>
      view?.slide?.type === 'sponsors' ? view.slide.tiers[0]?.sponsors[0]?.logo : undefined;
    expect(logoOf(show.host.getView())).toBe(missingAssetRef(REMOTE_LOGO));
    expect(pushed.map((view) => view.slide?.id)).toEqual(['notice', 'wall']);
    expect(logoOf(pushed[1])).toBe(missingAssetRef(REMOTE_LOGO));
    await show.dispose();
    expect(show.host.getView().slide?.type).toBe('sponsors');
    expect(logoOf(show.host.getView())).toBe(REMOTE_LOGO);
  });

  it('runs without a shared part that fails to start, and says which', async () => {
    const broken: ShowPart = {
      name: 'the fleet link',
      start: () => {
        throw new Error('no broker at 10.0.0.9:1883');
      },
    };
    const show = await startShow(config, { ...options, parts: [broken] });
    expect(partsOff).toEqual(['the fleet link: no broker at 10.0.0.9:1883']);
    expect(show.host.dispatch({ type: 'next' }, 'remote').ok).toBe(true);
    await show.dispose();
  });

  it('refuses a playlist that cannot play, having closed what it started', async () => {
    await writeFile(config.playlist, '{ "version": 1, ');
    await expect(startShow(config, options)).rejects.toBeInstanceOf(PlaylistStartError);
    expect(existsSync(join(dir, 'control.sock'))).toBe(false);
  });
});
