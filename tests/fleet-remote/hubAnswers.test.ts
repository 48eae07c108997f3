import { describe, expect, it } from 'vitest';
import { errorReply } from '../../src/core/control/replies';
import { readAlertAnswer, readSendAnswer, readSnapshot } from '../../src/fleet-remote/hubAnswers';

const done = (id: string) => ({ ok: true, id, state: { screen: 'x' } });
const refused = (code: string, message: string) => ({ ok: false, id: 'c-1', error: { code, message } });

/** The hub's answer to a command: who was addressed and who replied what. */
function sent(expected: readonly string[], replies: ReadonlyArray<readonly [string, unknown]>) {
  return {
    status: 200,
    body: {
      ok: true,
      id: 'c-1',
      expiresAt: 1,
      expected,
      replies: replies.map(([screen, reply]) => ({ screen, reply })),
    },
  };
}

describe('readSendAnswer', () => {
  it('counts the replies and groups the screens that refused for the same reason', () => {
    const nothing = refused('nothing-eligible', 'no slide can play now');
    const outcome = readSendAnswer(
      sent(
        ['lobby', 'hall-a-door', 'booth-1', 'booth-2'],
        [
          ['lobby', nothing],
          ['hall-a-door', done('c-1')],
          ['booth-1', nothing],
        ],
      ),
    );
    expect(outcome).toEqual({
      kind: 'sent',
      replied: 3,
      expected: 4,
      refusals: [
        {
          screens: ['lobby', 'booth-1'],
          refusal: { kind: 'refused', code: 'nothing-eligible', message: 'no slide can play now' },
        },
      ],
    });
  });

  it('keeps a reply whose code this page does not know, with the screen’s text', () => {
    const outcome = readSendAnswer(sent(['lobby'], [['lobby', refused('wall-busy', 'the wall is moving')]]));
    expect(outcome.kind === 'sent' ? outcome.refusals : null).toEqual([
      { screens: ['lobby'], refusal: { kind: 'refused', code: 'wall-busy', message: 'the wall is moving' } },
    ]);
  });

  it('says what the hub refused, with its code and text', () => {
    const body = errorReply(null, 'bad-argument', 'command: "text" may be at most 2000 characters');
    expect(readSendAnswer({ status: 400, body })).toEqual({
      kind: 'failed',
      refusal: {
        kind: 'refused',
        code: 'bad-argument',
        message: 'command: "text" may be at most 2000 characters',
      },
    });
    expect(readSendAnswer({ status: 502, body: null })).toEqual({
      kind: 'failed',
      refusal: { kind: 'status', status: 502 },
    });
  });

  it('calls an answer that is no send result unreadable, saying where', () => {
    expect(readSendAnswer({ status: 200, body: { ok: true, expected: 'lobby', replies: [] } })).toEqual({
      kind: 'failed',
      refusal: { kind: 'unreadable', detail: expect.stringMatching(/^expected: /) },
    });
  });
});

describe('readSnapshot and readAlertAnswer', () => {
  it('hands on a snapshot, and says why there is none', () => {
    const snapshot = { ok: true, screens: [], groups: [], alert: { active: false }, now: 5 };
    expect(readSnapshot({ status: 200, body: snapshot })).toEqual({ ok: true, snapshot });
    expect(readSnapshot({ status: 429, body: errorReply(null, 'rate-limited', 'try again in 2 s') })).toEqual(
      {
        ok: false,
        refusal: { kind: 'refused', code: 'rate-limited', message: 'try again in 2 s' },
      },
    );
    const odd = readSnapshot({ status: 200, body: { ...snapshot, now: -1 } });
    expect(odd.ok ? null : odd.refusal.kind).toBe('unreadable');
  });

  it('says nothing of an alert the hub took, and why it did not take one', () => {
    expect(
      readAlertAnswer({ status: 200, body: { ok: true, alert: { active: false, since: 3 } } }),
    ).toBeNull();
    expect(
      readAlertAnswer({ status: 503, body: errorReply(null, 'unavailable', 'the broker is silent') }),
    ).toEqual({
      kind: 'refused',
      code: 'unavailable',
      message: 'the broker is silent',
    });
    expect(readAlertAnswer({ status: 200, body: { ok: true } })?.kind).toBe('unreadable');
  });
});
