import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fleetTopics, parseFleetTopic } from '../../../src/core/channels/fleetTopics';
import { mayPublish, maySubscribe, type Principal } from '../../../src/core/hub/topicAcl';

const name = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/);
const level = fc.oneof(
  name,
  fc.constantFrom(
    '+',
    '#',
    'screen',
    'group',
    'all',
    'command',
    'alert',
    'status',
    'proof',
    'ack',
    'thumbnail',
    'time',
    'reply',
    'wall',
    'cue',
    '',
  ),
);
const anyTopic = fc.oneof(
  fc.array(level, { minLength: 1, maxLength: 6 }).map((levels) => ['marquee', 'v1', ...levels].join('/')),
  fc.array(level, { minLength: 1, maxLength: 6 }).map((levels) => levels.join('/')),
  fc.string(),
);

describe('the fleet topic ACL', () => {
  it('never lets a screen publish outside its own status, reply, health, proof, thumbnail and time requests, or wall cues', () => {
    fc.assert(
      fc.property(name, anyTopic, (screen, topic) => {
        if (!mayPublish({ kind: 'screen', screen }, topic)) return;
        const parsed = parseFleetTopic(topic);
        expect(parsed).not.toBeNull();
        expect(['status', 'reply', 'health', 'proof', 'thumbnail', 'time', 'wall-cue']).toContain(
          parsed?.type,
        );
        if (parsed?.type !== 'wall-cue')
          expect(parsed && 'screen' in parsed ? parsed.screen : null).toBe(screen);
      }),
    );
  });

  it('never lets a screen subscribe with a wildcard or to another screen’s topics', () => {
    fc.assert(
      fc.property(name, anyTopic, (screen, filter) => {
        if (!maySubscribe({ kind: 'screen', screen }, filter)) return;
        expect(filter).not.toMatch(/[+#]/);
        const parsed = parseFleetTopic(filter);
        expect(parsed).not.toBeNull();
        if (parsed?.type === 'command' && parsed.target.kind === 'screen')
          expect(parsed.target.screen).toBe(screen);
        if (parsed?.type === 'proof-ack' || parsed?.type === 'time-reply') expect(parsed.screen).toBe(screen);
        expect(['status', 'reply', 'health', 'proof', 'thumbnail', 'time']).not.toContain(parsed?.type);
      }),
    );
  });

  it('keeps everyone, staff too, inside marquee/v1/', () => {
    const staff: Principal = { kind: 'staff' };
    fc.assert(
      fc.property(anyTopic, (topic) => {
        if (mayPublish(staff, topic) || maySubscribe(staff, topic))
          expect(topic.startsWith('marquee/v1/')).toBe(true);
      }),
    );
    expect(mayPublish(staff, '$SYS/broker/uptime')).toBe(false);
    expect(maySubscribe(staff, '#')).toBe(false);
  });

  it('lets a screen do what the contract asks of it and staff command and raise the alert', () => {
    const lobby: Principal = { kind: 'screen', screen: 'lobby' };
    for (const topic of [
      fleetTopics.status('lobby'),
      fleetTopics.reply('lobby'),
      fleetTopics.health('lobby'),
      fleetTopics.proof('lobby'),
      fleetTopics.thumbnail('lobby'),
      fleetTopics.time('lobby'),
      fleetTopics.wallCue('entrance'),
    ]) {
      expect(mayPublish(lobby, topic)).toBe(true);
    }
    expect(mayPublish(lobby, fleetTopics.thumbnail('booth-1'))).toBe(false);
    expect(mayPublish(lobby, fleetTopics.timeReply('lobby'))).toBe(false);
    expect(mayPublish(lobby, fleetTopics.time('door-2'))).toBe(false);
    expect(maySubscribe(lobby, fleetTopics.timeReply('door-2'))).toBe(false);
    for (const filter of [
      fleetTopics.command({ kind: 'screen', screen: 'lobby' }),
      fleetTopics.command({ kind: 'group', group: 'doors' }),
      fleetTopics.command({ kind: 'all' }),
      fleetTopics.alert(),
      fleetTopics.proofAck('lobby'),
      fleetTopics.timeReply('lobby'),
      fleetTopics.wallCue('entrance'),
    ]) {
      expect(maySubscribe(lobby, filter)).toBe(true);
    }
    expect(mayPublish(lobby, fleetTopics.alert())).toBe(false);
    expect(mayPublish(lobby, fleetTopics.command({ kind: 'all' }))).toBe(false);
    expect(mayPublish(lobby, fleetTopics.status('booth-1'))).toBe(false);
    expect(maySubscribe(lobby, fleetTopics.command({ kind: 'screen', screen: 'booth-1' }))).toBe(false);
    expect(mayPublish({ kind: 'staff' }, fleetTopics.alert())).toBe(true);
    expect(mayPublish({ kind: 'staff' }, fleetTopics.command({ kind: 'group', group: 'doors' }))).toBe(true);
    expect(maySubscribe({ kind: 'staff' }, 'marquee/v1/screen/+/status')).toBe(true);
  });
});
