import { describe, expect, it } from 'vitest';
import { readLanInbound } from '../../src/remote/lanInbox';

describe('readLanInbound', () => {
  it('keeps the command id of a reply that fails its schema, so its wait can end', () => {
    expect(readLanInbound({ ok: true, id: 7, state: { screen: 'main', count: -1 } })).toEqual({
      kind: 'unreadable-reply',
      id: 7,
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
