import { describe, expect, it } from 'vitest';
import { readLanInbound, toRemoteReply } from '../../src/remote/lanInbox';

describe('readLanInbound', () => {
  it('keeps the command id of a reply that fails its schema, so its wait can end', () => {
    expect(readLanInbound({ ok: true, id: 7, state: { screen: 'main', count: -1 } })).toEqual({
      kind: 'unreadable-reply',
      id: 7,
      refusal: { kind: 'unreadable', detail: null },
    });
  });

  it('keeps the host’s code and text of an error reply with a code this remote does not know', () => {
    const reply = { ok: false, id: 4, error: { code: 'wall-busy', message: 'the wall is busy; try again' } };
    expect(readLanInbound(reply)).toEqual({
      kind: 'unreadable-reply',
      id: 4,
      refusal: { kind: 'refused', code: 'wall-busy', message: 'the wall is busy; try again' },
    });
  });

  it('reads a good error reply as a reply, and ignores what is neither a push nor a reply to a command', () => {
    const reply = { ok: false, id: 3, error: { code: 'unknown-slide', message: 'no slide "x"' } };
    expect(readLanInbound(reply)).toEqual({ kind: 'reply', reply });
    expect(readLanInbound({ type: 'state', state: null })).toBeNull();
    expect(readLanInbound({ ok: true, id: 'text-id' })).toBeNull();
    expect(readLanInbound(42)).toBeNull();
  });
});

describe('toRemoteReply', () => {
  it('hands on an error reply as the host’s refusal, its code and text', () => {
    expect(
      toRemoteReply({ ok: false, id: 3, error: { code: 'unknown-slide', message: 'no slide "x"' } }),
    ).toEqual({
      ok: false,
      id: 3,
      refusal: { kind: 'refused', code: 'unknown-slide', message: 'no slide "x"' },
    });
  });
});
