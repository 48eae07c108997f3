import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CommandTarget,
  FleetAlert,
  FleetReply,
  OnlineStatus,
  ProofBatch,
  ScreenStatus,
  commandReaches,
  fleetTopics,
  impressionId,
  isExpired,
  offlineStatus,
  parseFleetAlert,
  parseFleetCommand,
  parseFleetPayload,
  parseFleetTopic,
  playsOn,
  screenSubscriptions,
  topicMatches,
} from '../../../src/core/channels/fleetContract';

const name = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,20}$/);
const target: fc.Arbitrary<CommandTarget> = fc.oneof(
  name.map((screen) => ({ kind: 'screen', screen }) as const),
  name.map((group) => ({ kind: 'group', group }) as const),
  fc.constant({ kind: 'all' } as const),
);

describe('fleet topics', () => {
  it('parses every topic it builds back to what built it', () => {
    fc.assert(
      fc.property(name, target, (screen, t) => {
        expect(parseFleetTopic(fleetTopics.status(screen))).toEqual({ type: 'status', screen });
        expect(parseFleetTopic(fleetTopics.reply(screen))).toEqual({ type: 'reply', screen });
        expect(parseFleetTopic(fleetTopics.health(screen))).toEqual({ type: 'health', screen });
        expect(parseFleetTopic(fleetTopics.proof(screen))).toEqual({ type: 'proof', screen });
        expect(parseFleetTopic(fleetTopics.proofAck(screen))).toEqual({ type: 'proof-ack', screen });
        expect(parseFleetTopic(fleetTopics.thumbnail(screen))).toEqual({ type: 'thumbnail', screen });
        expect(parseFleetTopic(fleetTopics.command(t))).toEqual({ type: 'command', target: t });
        expect(parseFleetTopic(fleetTopics.time(screen))).toEqual({ type: 'time', screen });
        expect(parseFleetTopic(fleetTopics.timeReply(screen))).toEqual({ type: 'time-reply', screen });
        expect(parseFleetTopic(fleetTopics.wallCue(screen))).toEqual({ type: 'wall-cue', wall: screen });
      }),
    );
    expect(parseFleetTopic('marquee/v1/alert')).toEqual({ type: 'alert' });
  });

  it('refuses topics outside the contract, other versions and names with wildcards', () => {
    for (const topic of [
      'marquee/v2/alert',
      'marquee/v1/alert/x',
      'marquee/v1/screen/+/status',
      'marquee/v1/screen/a/status/x',
      'marquee/v1/screen//command',
      'marquee/v1/group/g/status',
      'marquee/v1/all/command/x',
      'other/v1/alert',
      'marquee/v1/screen/a/proof/nack',
    ]) {
      expect(parseFleetTopic(topic), topic).toBeNull();
    }
  });

  it('matches filters with + and # as MQTT 3.1.1 does', () => {
    expect(topicMatches('marquee/v1/screen/+/status', 'marquee/v1/screen/a/status')).toBe(true);
    expect(topicMatches('marquee/v1/screen/+/status', 'marquee/v1/screen/a/b/status')).toBe(false);
    expect(topicMatches('marquee/v1/#', 'marquee/v1/alert')).toBe(true);
    expect(topicMatches('marquee/v1/#', 'marquee/v1')).toBe(true);
    expect(topicMatches('marquee/v1/+', 'marquee/v1')).toBe(false);
    expect(topicMatches('#', '$SYS/broker/uptime')).toBe(false);
    expect(topicMatches('marquee/v1/alert', 'marquee/v1/alert/x')).toBe(false);
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 5 }), (levels) => {
        const topic = levels.join('/');
        expect(topicMatches(topic, topic)).toBe(true);
        expect(topicMatches('#', topic)).toBe(true);
        expect(topicMatches(levels.map(() => '+').join('/'), topic)).toBe(true);
      }),
    );
  });

  it('subscribes a screen to exactly the commands that reach it, the alert and its acks', () => {
    fc.assert(
      fc.property(name, fc.array(name, { maxLength: 4 }), target, (screen, groups, t) => {
        const filters = screenSubscriptions({ screen, groups });
        const topic = fleetTopics.command(t);
        expect(filters.some((f) => topicMatches(f, topic))).toBe(commandReaches(t, { screen, groups }));
        expect(filters).toContain(fleetTopics.alert());
        expect(filters).toContain(fleetTopics.proofAck(screen));
      }),
    );
  });
});

describe('playsOn', () => {
  it('plays everywhere without "on", and where a name or a group matches with it', () => {
    fc.assert(
      fc.property(
        name,
        fc.array(name, { maxLength: 4 }),
        fc.option(fc.array(name, { maxLength: 4 }), { nil: undefined }),
        (screen, groups, on) => {
          const expected = on === undefined || on.includes(screen) || on.some((n) => groups.includes(n));
          expect(playsOn(on, { screen, groups })).toBe(expected);
        },
      ),
    );
    expect(playsOn([], { screen: 'a', groups: ['b'] })).toBe(false);
    expect(playsOn(['hall-a', 'lobby'], { screen: 'door-3', groups: ['hall-a'] })).toBe(true);
  });
});

describe('parseFleetCommand', () => {
  it('takes a protocol v1 command with its id and expiry', () => {
    const r = parseFleetCommand('{"type":"goto","slide":3,"id":"c-1","expiresAt":1000}');
    expect(r).toEqual({
      ok: true,
      value: { id: 'c-1', expiresAt: 1000, command: { type: 'goto', slide: 3, id: 'c-1' } },
    });
    if (!r.ok) return;
    expect(isExpired(r.value, 1000)).toBe(false);
    expect(isExpired(r.value, 1001)).toBe(true);
  });

  it('refuses a command without id, with a screen field, or with a bad expiry, naming the fix', () => {
    const noId = parseFleetCommand('{"type":"next"}');
    expect(noId.ok === false && noId.error.message).toMatch(/needs an "id"/);
    const screen = parseFleetCommand('{"type":"next","id":1,"screen":"a"}');
    expect(screen.ok === false && screen.error.message).toMatch(/leave out "screen"/);
    const expiry = parseFleetCommand('{"type":"next","id":2,"expiresAt":"soon"}');
    expect(expiry.ok === false && expiry.id).toBe(2);
    expect(expiry.ok === false && expiry.error.code).toBe('bad-argument');
    const json = parseFleetCommand('{"type":');
    expect(json.ok === false && json.error.code).toBe('bad-json');
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const r = parseFleetCommand(text);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });
});

describe('payloads', () => {
  it('tells an online status from the last will', () => {
    const online = {
      screen: 'door-3',
      groups: ['hall-a', 'doors'],
      online: true,
      slide: { id: 'keynote-1', title: { zh: '主题演讲', en: 'Keynote' } },
      paused: false,
      blackout: false,
      announcement: null,
      alert: null,
      healthy: true,
      version: '0.1.0',
      at: 1545271800000,
    };
    expect(OnlineStatus.parse(online)).toEqual(online);
    expect(ScreenStatus.parse(offlineStatus('door-3'))).toEqual({ screen: 'door-3', online: false });
    expect(ScreenStatus.safeParse({ ...online, screen: 'a/b' }).success).toBe(false);
  });

  it('reads the alert, and an empty retained message as no alert', () => {
    expect(parseFleetAlert('')).toEqual({ ok: true, value: { active: false } });
    const raised = parseFleetAlert('{"active":true,"text":{"zh":"请疏散","en":"Please evacuate"},"since":5}');
    expect(raised).toEqual({
      ok: true,
      value: { active: true, text: { zh: '请疏散', en: 'Please evacuate' }, style: 'urgent', since: 5 },
    });
    const bad = parseFleetAlert('{"active":true}');
    expect(bad.ok === false && bad.message).toMatch(/^marquee\/v1\/alert: text/);
    expect(FleetAlert.safeParse({ active: false }).success).toBe(true);
  });

  it('checks proof batches and names the topic when one is wrong', () => {
    const record = {
      v: 1,
      day: '2018-12-20',
      tz: 'Asia/Shanghai',
      screen: 'door-3',
      slideId: 'sponsors',
      slideType: 'sponsors',
      sponsors: ['A'],
      start: '2018-12-20T01:00:00.000Z',
      end: '2018-12-20T01:00:12.000Z',
      seconds: 12,
      cutShort: false,
      reason: 'time-up',
    } as const;
    const batch = { screen: 'door-3', batch: 'b1', impressions: [{ ...record, id: impressionId(record) }] };
    expect(ProofBatch.parse(batch)).toEqual(batch);
    const topic = fleetTopics.proof('door-3');
    const r = parseFleetPayload(ProofBatch, topic, JSON.stringify({ ...batch, impressions: [] }));
    expect(r.ok === false && r.message).toMatch(/^marquee\/v1\/screen\/door-3\/proof: impressions/);
    expect(impressionId(record)).not.toBe(impressionId({ ...record, start: record.end }));
  });
});

describe('FleetReply', () => {
  // Why: written out, not read from the code: the v1 reply contract is what hubs and screens of other versions
  // check, so a code joins it only with a new contract version.
  const V1_CODES = [
    'bad-json',
    'bad-command',
    'unknown-type',
    'bad-argument',
    'unknown-slide',
    'bad-position',
    'empty-playlist',
    'nothing-eligible',
    'not-for-screen',
    'unknown-screen',
    'keyboard-disabled',
    'too-large',
    'unauthorized',
    'rate-limited',
    'unavailable',
    'expired',
    'internal',
  ];
  const refusal = (code: string) => ({ ok: false, id: 'c1', error: { code, message: 'why' } });

  it('carries the v1 error codes and no other (the screenshot route’s codes are not command replies)', () => {
    for (const code of V1_CODES) expect(FleetReply.safeParse(refusal(code)).success, code).toBe(true);
    for (const code of ['screen-not-seen', 'screen-starting', 'capture-failed', 'wall-busy'])
      expect(FleetReply.safeParse(refusal(code)).success, code).toBe(false);
  });
});
