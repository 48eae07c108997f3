import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createRendererInbox, type RendererInboxOptions } from '../../../src/host/show/rendererInbox';
import { machineServedHost } from '../http/machineServedHost';

function inboxOver(options: Partial<RendererInboxOptions> = {}) {
  const host = machineServedHost('/nonexistent');
  const lines: { msg: string; peer?: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const inbox = createRendererInbox({ host, logger, keyboard: true, ...options });
  return { host, inbox, lines };
}

describe('the renderer inbox (one handler for WebSocket and IPC)', () => {
  it('acknowledges a painted slide and skips a slide whose video failed, as the renderer', () => {
    const { host, inbox, lines } = inboxOver();
    const seq = host.getView().seq;
    inbox({ type: 'presented', seq }, 'display 7');
    inbox(
      { type: 'problem', kind: 'video-failed', ref: 'talk.mp4', seq, message: 'decode error' },
      'display 7',
    );
    expect(host.events).toEqual([
      { event: { type: 'presented', seq }, source: 'renderer' },
      { event: { type: 'slide-failed', seq, reason: 'talk.mp4: decode error' }, source: 'renderer' },
    ]);
    expect(lines.map((l) => [l.msg, l.peer])).toEqual([['renderer: decode error', 'display 7']]);
  });

  it('logs a failed image and asks nothing of the player (the renderer shows a placeholder)', () => {
    const { host, inbox, lines } = inboxOver();
    inbox({ type: 'problem', kind: 'image-failed', ref: 'logo.svg', seq: 1, message: 'not found' }, 'peer');
    expect(host.events).toEqual([]);
    expect(lines.map((l) => l.msg)).toEqual(['renderer: not found']);
  });

  it('steps and toggles on keys, and ignores them (saying so) while the kiosk keyboard is off', () => {
    const on = inboxOver();
    on.inbox({ type: 'key', action: 'next' }, 'peer');
    on.inbox({ type: 'key', action: 'toggle-pause' }, 'peer');
    on.inbox({ type: 'key', action: 'toggle-pause' }, 'peer');
    expect(on.host.events.map((e) => `${e.event.type} from ${e.source}`)).toEqual([
      'next from keyboard',
      'pause from keyboard',
      'resume from keyboard',
    ]);
    const off = inboxOver({ keyboard: false });
    off.inbox({ type: 'key', action: 'next' }, '10.0.0.5:4000');
    expect(off.host.events).toEqual([]);
    expect(off.lines.map((l) => [l.msg, l.peer])).toEqual([
      ['ignored a key: the kiosk keyboard is off', '10.0.0.5:4000'],
    ]);
  });

  it('sends keys through the control path when there is one, and survives a control path that throws', async () => {
    const keys: string[] = [];
    const { host, inbox, lines } = inboxOver({
      onKey: (action, screen) => {
        keys.push(`${action} on ${screen}`);
        throw new Error('audit log unwritable');
      },
    });
    inbox({ type: 'key', action: 'prev' }, 'peer');
    await new Promise((resolve) => setImmediate(resolve));
    expect(keys).toEqual(['prev on main']);
    expect(host.events).toEqual([]);
    expect(lines.map((l) => l.msg)).toEqual(['the key handler failed']);
  });
});
