import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fleetTopics } from '../../../src/core/channels/fleetContract';
import type { Playlist } from '../../../src/core/playlist/types';
import { ManualClock } from '../../../src/host/clock';
import type { MarqueeConfig } from '../../../src/host/config/configSchema';
import { fleetPart } from '../../../src/host/fleet/fleetPart';
import { planDisplayScreens } from '../../../src/host/kiosk/displayScreens';
import { proofOfPlayDir } from '../../../src/host/proof/impressionLog';
import { type Show, type StartShowOptions, startShow } from '../../../src/host/show/startShow';
import { startTestBroker, type TestBroker } from '../../support/brokers';
import { connectTestClient } from '../../support/mqttClients';
import { showInFolder } from '../../support/showInFolder';

// One PC behind two displays: each display its own screen (the `displays` setting), in one show.

const START = Date.parse('2018-12-20T09:00:00+08:00');

const playlist: Playlist = {
  version: 1,
  event: { name: 'Hall A', timezone: 'Asia/Shanghai', languages: ['en'] },
  defaults: { duration: 30 },
  slides: [
    { type: 'schedule', id: 'schedule', on: ['hall-a-schedule'] },
    { type: 'announcement', id: 'welcome', text: 'Welcome to Hall A' },
    {
      type: 'sponsors',
      id: 'sponsors',
      on: ['sponsors'],
      tiers: [{ name: 'Gold', sponsors: [{ name: 'A' }] }],
    },
  ],
};

const display = (id: number, x: number) => ({ id, bounds: { x, y: 0, width: 1920, height: 1080 } });

let dir: string;
let clock: ManualClock;
let config: MarqueeConfig;
let options: StartShowOptions;
const shows: Show[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-displays-'));
  await writeFile(join(dir, 'playlist.json'), JSON.stringify(playlist));
  clock = new ManualClock(START);
  const show = showInFolder(dir, clock);
  config = {
    ...show.config,
    screen: 'booth-pc',
    display: { kind: 'all' },
    displays: {
      '1': { screen: 'hall-a-schedule', groups: ['hall-a'] },
      '2': { screen: 'hall-a-sponsors', groups: ['hall-a', 'sponsors'] },
      '3': { screen: 'foyer' },
    },
  };
  options = show.options;
});

afterEach(async () => {
  for (const show of shows.splice(0)) await show.dispose();
  await rm(dir, { recursive: true, force: true });
});

/** The screens the kiosk would run on two connected displays, as main.ts plans them. */
function planned() {
  return planDisplayScreens({
    displays: [display(2, 1920), display(1, 0)],
    selection: config.display,
    primaryId: 1,
    main: { screen: config.screen, groups: config.groups },
    mapping: config.displays,
  });
}

async function start(extra: Partial<StartShowOptions> = {}): Promise<Show> {
  const show = await startShow(config, { ...options, screens: planned().screens, ...extra });
  shows.push(show);
  return show;
}

const slideOf = (show: Show, screen: string) =>
  show.screens.find((s) => s.name === screen)?.host.getView().slide?.id ?? 'idle';

describe('a show with one screen per display', () => {
  it('runs one player per display screen, each playing only its own slides', async () => {
    const plan = planned();
    expect(plan.problems).toEqual([
      'displays."3": there is no display 3 (2 connected, numbered from the left): screen "foyer" does not play; connect the display and restart Marquee, or remove the entry',
    ]);
    const show = await start();
    expect(show.screens.map((s) => [s.name, s.groups])).toEqual([
      ['hall-a-schedule', ['hall-a']],
      ['hall-a-sponsors', ['hall-a', 'sponsors']],
    ]);
    expect(show.host).toBe(show.screens[0].host);
    expect(show.health()).toMatchObject({
      screen: 'hall-a-schedule',
      screens: ['hall-a-schedule', 'hall-a-sponsors'],
    });
    const seen = new Map<string, Set<string>>();
    for (let i = 0; i < 4; i++) {
      for (const s of show.screens) {
        const set = seen.get(s.name) ?? new Set<string>();
        set.add(slideOf(show, s.name));
        seen.set(s.name, set);
        s.host.dispatch({ type: 'presented', seq: s.host.getView().seq }, 'test');
      }
      clock.advance(30_000);
    }
    expect([...(seen.get('hall-a-schedule') ?? [])].sort()).toEqual(['schedule', 'welcome']);
    expect([...(seen.get('hall-a-sponsors') ?? [])].sort()).toEqual(['sponsors', 'welcome']);
  });

  it("routes a command by screen name, and refuses a goto to the other display's slide", async () => {
    const show = await start();
    const gateway = show.control?.gateway;
    if (gateway === undefined) throw new Error('no control path');
    const transport = { kind: 'socket', client: 'test' } as const;
    const before = slideOf(show, 'hall-a-schedule');
    const moved = await gateway.handleCommand({ type: 'next', screen: 'hall-a-sponsors' }, transport);
    expect(moved).toMatchObject({
      ok: true,
      state: { screen: 'hall-a-sponsors', slide: { id: 'sponsors' } },
    });
    expect(slideOf(show, 'hall-a-schedule')).toBe(before);
    const refused = await gateway.handleCommand(
      { type: 'goto', slide: 'sponsors', screen: 'hall-a-schedule' },
      transport,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-for-screen' } });
    expect(gateway.target.playlist('hall-a-schedule')?.map((s) => s.forScreen)).toEqual([true, true, false]);
  });

  it('records proof of play under each screen name', async () => {
    const show = await start();
    for (const s of show.screens) s.host.dispatch({ type: 'presented', seq: s.host.getView().seq }, 'test');
    clock.advance(30_000);
    await show.dispose();
    shows.length = 0;
    const folder = proofOfPlayDir(join(dir, 'state'));
    const lines = (
      await Promise.all((await readdir(folder)).map((f) => readFile(join(folder, f), 'utf8')))
    ).flatMap((text) => text.trim().split('\n'));
    const played = lines.map((line) => JSON.parse(line) as { screen: string; slideId: string });
    expect(played.map((p) => `${p.screen}:${p.slideId}`).sort()).toEqual([
      'hall-a-schedule:schedule',
      'hall-a-sponsors:welcome',
    ]);
  });
});

describe('a show with one screen per display in the fleet', () => {
  let broker: TestBroker;
  beforeAll(async () => {
    broker = await startTestBroker('aedes', { screens: ['hall-a-schedule', 'hall-a-sponsors'] });
  }, 60_000);
  afterAll(async () => {
    await broker?.cleanup();
  });

  it('joins as two screens: each its own status topic, group commands and replies', async () => {
    const passwordFile = (name: string) => join(dir, `${name}.password`);
    for (const name of ['hall-a-schedule', 'hall-a-sponsors']) {
      await writeFile(passwordFile(name), broker.screen(name).password, { mode: 0o600 });
    }
    config = {
      ...config,
      screen: 'hall-a-schedule-pc',
      displays: {
        '1': { screen: 'hall-a-schedule', groups: ['hall-a'], passwordFile: passwordFile('hall-a-schedule') },
        '2': {
          screen: 'hall-a-sponsors',
          groups: ['sponsors'],
          passwordFile: passwordFile('hall-a-sponsors'),
        },
      },
      fleet: { url: broker.url, username: 'unused-for-display-screens', passwordFile: null, ca: null },
    };
    const staff = await connectTestClient(broker.url, broker.staff);
    try {
      await staff.client.subscribeAsync('marquee/v1/screen/+/status', { qos: 1 });
      await staff.client.subscribeAsync('marquee/v1/screen/+/reply', { qos: 1 });
      const show = await start({ parts: [fleetPart] });
      expect(show.screens).toHaveLength(2);
      for (const name of ['hall-a-schedule', 'hall-a-sponsors']) {
        const status = await staff.waitFor(
          (m) => m.topic === fleetTopics.status(name) && m.text.includes('"online":true'),
          10_000,
        );
        expect(JSON.parse(status.text)).toMatchObject({ screen: name, online: true });
      }
      await staff.client.publishAsync(
        fleetTopics.command({ kind: 'group', group: 'sponsors' }),
        JSON.stringify({ type: 'goto', slide: 'sponsors', id: 'g-1' }),
        { qos: 1 },
      );
      const reply = await staff.waitFor(
        (m) => m.topic.endsWith('/reply') && m.text.includes('"g-1"'),
        10_000,
      );
      expect(reply.topic).toBe(fleetTopics.reply('hall-a-sponsors'));
      expect(JSON.parse(reply.text)).toMatchObject({ ok: true, state: { screen: 'hall-a-sponsors' } });
      expect(slideOf(show, 'hall-a-sponsors')).toBe('sponsors');
      expect(slideOf(show, 'hall-a-schedule')).not.toBe('sponsors');
    } finally {
      await staff.end();
    }
  }, 60_000);
});
