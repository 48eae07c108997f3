import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/host/clock';
import { type Show, startShow } from '../../../src/host/show/startShow';
import { wallPart } from '../../../src/host/wall/wallPart';
import { WallSetting } from '../../../src/host/wall/wallSetting';
import { noticePlaylist, numberedNotices } from '../../support/noticePlaylist';
import { showInFolder } from '../../support/showInFolder';

// A wall member's controls when the screens share no fleet: nothing carries a cue to the other members.

const START = Date.parse('2018-12-20T09:00:00.250+08:00');
let dir: string;
const shows: Show[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-wall-cues-'));
  await writeFile(
    join(dir, 'playlist.json'),
    JSON.stringify(noticePlaylist(numberedNotices(4), { duration: 5 })),
  );
});

afterEach(async () => {
  for (const show of shows.splice(0)) await show.dispose();
  await rm(dir, { recursive: true, force: true });
});

async function member(column: number): Promise<Show> {
  const folder = showInFolder(dir, new ManualClock(START));
  const show = await startShow(
    {
      ...folder.config,
      screen: `lobby-${column}`,
      controlSocket: null,
      wall: WallSetting.parse({ name: 'lobby', columns: 3, column }),
    },
    { ...folder.options, parts: [wallPart] },
  );
  shows.push(show);
  return show;
}

const socket = { kind: 'socket', client: 'staff' } as const;

describe('a wall without a fleet', () => {
  it("refuses the leader's wall commands, naming why and the fix, and keeps playing the wall's slide", async () => {
    const show = await member(0);
    const gateway = show.control?.gateway;
    const before = show.host.status().slide?.id;
    for (const command of [{ type: 'next' }, { type: 'goto', slide: 's2' }, { type: 'pause' }] as const) {
      const reply = await gateway?.handleCommand(command, socket);
      expect(reply, command.type).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(JSON.stringify(reply)).toContain('not in a fleet');
      expect(JSON.stringify(reply)).toContain('docs/walls.md');
    }
    expect(show.host.status().slide?.id).toBe(before);
    expect(show.host.status().paused).toBe(false);
  });

  it("answers a goto to a slide outside the wall's rotation with why, before anything else", async () => {
    await writeFile(
      join(dir, 'playlist.json'),
      JSON.stringify({
        ...noticePlaylist(numberedNotices(3), { duration: 5 }),
        slides: [
          ...noticePlaylist(numberedNotices(3), { duration: 5 }).slides,
          { type: 'announcement', id: 'doors', text: 'Doors only', on: ['doors'] },
        ],
      }),
    );
    const show = await member(0);
    const reply = await show.control?.gateway.handleCommand({ type: 'goto', slide: 'doors' }, socket);
    expect(reply).toMatchObject({ ok: false, error: { code: 'not-for-screen' } });
    expect(JSON.stringify(reply)).toContain('does not play on wall lobby');
  });

  it('still runs the commands that are only this screen’s (blackout, announcements)', async () => {
    const show = await member(1);
    const reply = await show.control?.gateway.handleCommand({ type: 'blackout', on: true }, socket);
    expect(reply).toMatchObject({ ok: true, state: { blackout: true } });
  });
});
