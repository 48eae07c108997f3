import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  FleetThumbnail,
  fleetTopics,
  OnlineStatus,
  ScreenStatus,
} from '../../../src/core/channels/fleetContract';
import { jpegDisplay } from '../../support/standInCapture';
import type { ControlCommand } from '../../../src/core/control/commands';
import type { ControlState } from '../../../src/core/control/controlState';
import type { ControlReply } from '../../../src/core/control/replies';
import { type FleetLink, type FleetLinkOptions, startFleetLink } from '../../../src/host/fleet/fleetLink';
import { createProofOutbox, proofCursorFile } from '../../../src/host/fleet/proofOutbox';
import { impressionFileName } from '../../../src/host/proof/impressionLog';
import { BROKER_KINDS, DEFAULT_TEST_SCREENS, startTestBroker, type TestBroker } from '../../support/brokers';
import { connectTestClient, type TestClient } from '../../support/mqttClients';
import { record } from '../../core/proof/impressionLogBuilder';

const quiet = { info: () => undefined, warn: () => undefined };

/** A stand-in for the show behind the link: it records the commands it runs and keeps a state. */
function standInShow(screen: string) {
  const ran: ControlCommand[] = [];
  const listeners = new Set<() => void>();
  let state: ControlState = {
    screen,
    slide: { id: 'keynote-1', type: 'speaker', title: 'Keynote', subtitle: null, position: 1 },
    next: null,
    count: 3,
    durationMs: 10_000,
    timeLeftMs: 10_000,
    paused: false,
    blackout: false,
    announcement: null,
    playlistErrors: [],
    now: Date.now(),
  };
  let announcements = 0;
  const run = async (command: ControlCommand): Promise<ControlReply> => {
    ran.push(command);
    if (command.type === 'blackout') state = { ...state, blackout: command.on };
    if (command.type === 'announce') {
      announcements += 1;
      state = {
        ...state,
        announcement: {
          id: announcements,
          text: command.text,
          title: null,
          style: command.style ?? 'info',
          timeLeftMs: null,
        },
      };
    }
    if (command.type === 'clear-announcement') state = { ...state, announcement: null };
    for (const l of listeners) l();
    return { ok: true, id: command.id ?? null, state };
  };
  return {
    ran,
    state: () => state,
    options: {
      run,
      state: () => state,
      onStateChange: (l: () => void) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      health: () =>
        ({ healthy: true, version: '0.1.0' }) as unknown as ReturnType<FleetLinkOptions['health']>,
    },
  };
}

describe.each(BROKER_KINDS)('the fleet link on %s', (kind) => {
  let broker: TestBroker;
  let staff: TestClient;
  let dir: string;
  const links: FleetLink[] = [];

  beforeAll(async () => {
    broker = await startTestBroker(kind, { screens: [...DEFAULT_TEST_SCREENS, 'thumb-1'] });
    staff = await connectTestClient(broker.url, broker.staff);
    await staff.client.subscribeAsync('marquee/v1/screen/+/+', { qos: 1 });
    dir = mkdtempSync(join(tmpdir(), 'marquee-fleet-link-'));
  });
  afterEach(async () => {
    await Promise.all(links.splice(0).map((l) => l.stop()));
  });
  afterAll(async () => {
    await staff?.end();
    await broker?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const joinFleet = (screen: string, extra: Partial<FleetLinkOptions> = {}) => {
    const show = standInShow(screen);
    const passwordFile = `${dir}/${screen}.pw`;
    writeFileSync(passwordFile, `${broker.screen(screen).password}\n`, { mode: 0o600 });
    const link = startFleetLink({
      fleet: { url: broker.url, username: screen, passwordFile, ca: null },
      member: { screen, groups: ['doors'] },
      version: '0.1.0',
      proof: null,
      log: quiet,
      now: () => Date.now(),
      reconnectMs: 200,
      maxReconnectMs: 400,
      connectTimeoutMs: 1_000,
      keepaliveS: 2,
      ...show.options,
      ...extra,
    });
    links.push(link);
    return { link, show };
  };
  const statusOf = (screen: string, online: boolean) => (m: { topic: string; text: string }) =>
    m.topic === fleetTopics.status(screen) && ScreenStatus.parse(JSON.parse(m.text)).online === online;

  it('publishes its status retained, its will when the connection dies, and offline on a clean stop', async () => {
    let client: MqttClient | null = null;
    const { link } = joinFleet('lobby', {
      onClient: (c) => (client = c),
      reconnectMs: 5_000,
      maxReconnectMs: 5_000,
    });
    const online = await staff.waitFor(statusOf('lobby', true));
    expect(JSON.parse(online.text)).toMatchObject({
      screen: 'lobby',
      groups: ['doors'],
      slide: { id: 'keynote-1' },
      alert: null,
    });
    staff.received.length = 0;
    // Why: a destroyed socket is what the broker sees of a screen that was killed: no DISCONNECT, so the will.
    (client as unknown as MqttClient).stream.destroy();
    await staff.waitFor(statusOf('lobby', false));
    await link.stop();
    const late = await connectTestClient(broker.url, broker.staff);
    await late.client.subscribeAsync(fleetTopics.status('lobby'), { qos: 1 });
    const retained = await late.waitFor((m) => m.topic === fleetTopics.status('lobby'));
    await late.end();
    expect(retained.retain).toBe(true);
    expect(JSON.parse(retained.text)).toEqual({ screen: 'lobby', online: false });
  });

  it("publishes a part's new section of its status at once, not the health it read within the last second", async () => {
    // Why: a wall member says in its status which change it painted (health.wall.shown); a status built from
    // the health read a moment before the change carried the change before it, so a change went unreported.
    const wallAt = (shownAt: number) => ({
      name: 'lobby',
      columns: 3,
      rows: 1,
      column: 0,
      row: 0,
      fleetTime: { offsetMs: 0, errorMs: null, source: 'local', measuredAt: null },
      slideId: 's1',
      nextChangeAt: null,
      anchor: { kind: 'running', slideId: null, at: 0 },
      shown: { slideId: 's1', plannedAt: shownAt, shownAt, missedFrames: 0 },
      video: null,
    });
    let wall = wallAt(1_000);
    const { link } = joinFleet('lobby', {
      health: () =>
        ({ healthy: true, version: '0.1.0', wall }) as unknown as ReturnType<FleetLinkOptions['health']>,
    });
    await staff.waitFor(statusOf('lobby', true));
    wall = wallAt(2_000);
    link.bus.statusChanged();
    const next = await staff.waitFor(
      (m) =>
        statusOf('lobby', true)(m) && OnlineStatus.parse(JSON.parse(m.text)).wall?.shown?.plannedAt === 2_000,
      900,
    );
    expect(OnlineStatus.parse(JSON.parse(next.text)).wall?.shown).toMatchObject({ plannedAt: 2_000 });
  });

  it('publishes its retained thumbnail and says in its status what the pixel watchdog saw', async () => {
    const { display } = jpegDisplay(() => 3_000);
    const since = Date.now() - 30_000;
    const watch = {
      capture: 'devtools' as const,
      unavailable: null,
      displays: 1,
      periodMs: 5000,
      verdict: 'dark' as const,
      lastProblem: {
        kind: 'dark' as const,
        display: 1,
        since,
        at: since + 5_000,
        action: 'reload' as const,
        recoveredAt: null,
      },
      reloads: 1,
      restarts: 0,
      captureError: null,
    };
    joinFleet('thumb-1', {
      health: () =>
        ({ healthy: false, version: '0.1.0', screenWatch: watch }) as unknown as ReturnType<
          FleetLinkOptions['health']
        >,
      thumbnail: { capture: () => ({ kind: 'devtools', displays: () => [display] }) },
    });
    const thumb = await staff.waitFor((m) => m.topic === fleetTopics.thumbnail('thumb-1'), 15_000);
    expect(FleetThumbnail.parse(JSON.parse(thumb.text))).toMatchObject({
      screen: 'thumb-1',
      width: 320,
      height: 180,
    });
    const status = await staff.waitFor(
      (m) => m.topic === fleetTopics.status('thumb-1') && m.text.includes('"online":true'),
    );
    expect(OnlineStatus.parse(JSON.parse(status.text)).screenWatch).toEqual({
      capture: 'devtools',
      verdict: 'dark',
      lastProblem: watch.lastProblem,
    });
  });

  it('runs a command once however often it arrives, and drops an expired one with a reply', async () => {
    const { show } = joinFleet('booth-1');
    await staff.waitFor(statusOf('booth-1', true));
    staff.received.length = 0;
    const command = JSON.stringify({ type: 'blackout', on: true, id: 'c-1', expiresAt: Date.now() + 60_000 });
    await staff.client.publishAsync(fleetTopics.command({ kind: 'group', group: 'doors' }), command, {
      qos: 1,
    });
    await staff.client.publishAsync(fleetTopics.command({ kind: 'screen', screen: 'booth-1' }), command, {
      qos: 1,
    });
    const expired = JSON.stringify({ type: 'next', id: 'c-2', expiresAt: Date.now() - 5_000 });
    await staff.client.publishAsync(fleetTopics.command({ kind: 'all' }), expired, { qos: 1 });
    const reply = (id: string) => (m: { topic: string; text: string }) =>
      m.topic === fleetTopics.reply('booth-1') && JSON.parse(m.text).id === id;
    await staff.waitFor(reply('c-2'));
    await staff.waitFor((m) => staff.received.filter(reply('c-1')).length === 2 && reply('c-1')(m));
    expect(show.ran).toEqual([{ type: 'blackout', on: true, id: 'c-1', screen: 'booth-1' }]);
    const replies = staff.received.filter(reply('c-1')).map((m) => JSON.parse(m.text));
    expect(replies[0]).toEqual(replies[1]);
    expect(JSON.parse(staff.received.find(reply('c-2'))?.text ?? '{}')).toMatchObject({
      ok: false,
      error: { code: 'expired' },
    });
    await staff.waitFor((m) => statusOf('booth-1', true)(m) && JSON.parse(m.text).blackout === true);
  });

  it('shows a venue alert that was raised before it started, and clears it', async () => {
    const alert = {
      active: true,
      text: { zh: '请疏散', en: 'Please evacuate' },
      style: 'urgent',
      since: 1_000,
    };
    await staff.client.publishAsync(fleetTopics.alert(), JSON.stringify(alert), { qos: 1, retain: true });
    const { link, show } = joinFleet('booth-2');
    const status = await staff.waitFor(
      (m) => statusOf('booth-2', true)(m) && JSON.parse(m.text).alert !== null,
    );
    expect(JSON.parse(status.text).alert).toEqual({ text: alert.text, since: 1_000 });
    expect(show.state().announcement).toMatchObject({ text: alert.text, style: 'urgent', timeLeftMs: null });
    expect(link.alert()).toMatchObject({ active: true });
    staff.received.length = 0;
    await staff.client.publishAsync(fleetTopics.alert(), '{"active":false}', { qos: 1, retain: true });
    await staff.waitFor((m) => statusOf('booth-2', true)(m) && JSON.parse(m.text).alert === null);
    expect(show.state().announcement).toBeNull();
    await staff.client.publishAsync(fleetTopics.alert(), '', { qos: 1, retain: true });
  });

  it('sends proof of play from its log until acknowledged, across a broker restart and its own restart', async () => {
    const proofDir = join(dir, 'proof');
    mkdirSync(proofDir, { recursive: true });
    const lines = ['09:00', '09:01', '09:02'].map((t) =>
      record('2018-12-20', t, 'hall-a-door', 'wall', ['A'], 12),
    );
    writeFileSync(
      join(proofDir, impressionFileName('2018-12-20', 'hall-a-door')),
      lines.map((l) => `${JSON.stringify(l)}\n`).join(''),
    );
    const cursorFile = proofCursorFile(dir, 'hall-a-door');
    const outbox = () =>
      createProofOutbox({ dir: proofDir, screen: 'hall-a-door', cursorFile, log: quiet, now: Date.now });
    const proofTopic = fleetTopics.proof('hall-a-door');
    staff.received.length = 0;
    joinFleet('hall-a-door', { proof: await outbox(), proofRetryMs: 500 });
    const first = await staff.waitFor((m) => m.topic === proofTopic);
    expect(JSON.parse(first.text).impressions).toHaveLength(3);
    // The hub never acknowledged: the broker dies and comes back; the screen sends the batch again.
    await broker.kill();
    staff.received.length = 0;
    await broker.start();
    const again = await staff.waitFor((m) => m.topic === proofTopic);
    const batch = JSON.parse(again.text);
    expect(batch.impressions.map((i: { id: string }) => i.id)).toEqual(
      JSON.parse(first.text).impressions.map((i: { id: string }) => i.id),
    );
    const ack = { batch: batch.batch, ids: batch.impressions.map((i: { id: string }) => i.id) };
    await staff.client.publishAsync(fleetTopics.proofAck('hall-a-door'), JSON.stringify(ack), { qos: 1 });
    await expect.poll(() => readFileSync(cursorFile, 'utf8'), { timeout: 5_000 }).toContain(':3');
    expect(await (await outbox()).nextBatch()).toBeNull();
  });

  it('replaces a client whose reconnects stopped', async () => {
    let first = true;
    const { link } = joinFleet('lobby', {
      onClient: (c) => {
        // Why: stands in for MQTT.js reconnects getting stuck (zigbee2mqtt#33150): the first client never retries.
        if (first) (c as unknown as { _setupReconnect: () => void })._setupReconnect = () => undefined;
        first = false;
      },
    });
    await staff.waitFor(statusOf('lobby', true));
    await broker.kill();
    // Why: on a loaded machine the close can be seen only after the broker is back; then nothing was tested.
    await expect.poll(() => link.connected(), { timeout: 10_000, interval: 50 }).toBe(false);
    await broker.start();
    await expect.poll(() => link.connected(), { timeout: 20_000, interval: 100 }).toBe(true);
    expect(link.replacements()).toBeGreaterThanOrEqual(1);
  });

  it('stops within seconds when the broker froze (SIGSTOP) and never acknowledges the offline status', async () => {
    const { link } = joinFleet('lobby');
    await staff.waitFor(statusOf('lobby', true));
    broker.pause();
    try {
      const started = Date.now();
      await link.stop();
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      broker.resume();
    }
  });
});
