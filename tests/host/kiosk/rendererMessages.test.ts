import { describe, expect, it } from 'vitest';
import { IPC } from '../../../src/host/kiosk/ipcChannels';
import { acceptRendererMessage, rendererMessageToEvent } from '../../../src/host/kiosk/rendererMessages';

const page = 'app://renderer/index.html';
const calm = { paused: false, blackout: false };

describe('acceptRendererMessage', () => {
  it('accepts a valid message on its own channel from the kiosk page', () => {
    expect(acceptRendererMessage(IPC.presented, { type: 'presented', seq: 4 }, page)).toEqual({
      ok: true,
      message: { type: 'presented', seq: 4 },
    });
    expect(acceptRendererMessage(IPC.key, { type: 'key', action: 'next' }, page).ok).toBe(true);
  });

  it('drops messages from any other frame', () => {
    const verdict = acceptRendererMessage(IPC.key, { type: 'key', action: 'next' }, 'https://evil.example/');
    expect(verdict).toEqual({
      ok: false,
      reason: expect.stringContaining('untrusted frame (https://evil.example/)'),
    });
    expect(acceptRendererMessage(IPC.key, { type: 'key', action: 'next' }, undefined).ok).toBe(false);
  });

  it('drops a message sent on the wrong channel, with extra fields or bad values, naming the field', () => {
    expect(acceptRendererMessage(IPC.presented, { type: 'key', action: 'next' }, page).ok).toBe(false);
    expect(acceptRendererMessage(IPC.presented, { type: 'presented', seq: 1, evil: true }, page).ok).toBe(
      false,
    );
    const verdict = acceptRendererMessage(IPC.presented, { type: 'presented', seq: -1 }, page);
    expect(verdict).toEqual({ ok: false, reason: expect.stringContaining('seq') });
    expect(acceptRendererMessage(IPC.problem, 'not an object', page).ok).toBe(false);
  });
});

describe('rendererMessageToEvent', () => {
  it('passes the acknowledgement and a video length on', () => {
    expect(rendererMessageToEvent({ type: 'presented', seq: 3 }, calm, true)).toEqual({
      type: 'presented',
      seq: 3,
    });
    expect(rendererMessageToEvent({ type: 'presented', seq: 3, mediaDurationMs: 8000 }, calm, true)).toEqual({
      type: 'presented',
      seq: 3,
      mediaDurationMs: 8000,
    });
  });

  it("passes a spanned video's media time on, and refuses an impossible one on its channel", () => {
    const report = {
      type: 'video-time',
      seq: 5,
      mediaS: 2.5,
      at: 1_700_000_000_000,
      playbackRate: 1.02,
    } as const;
    const verdict = acceptRendererMessage(IPC.videoTime, report, page);
    expect(verdict).toEqual({ ok: true, message: report });
    expect(rendererMessageToEvent(report, calm, false)).toEqual(report);
    const fast = acceptRendererMessage(IPC.videoTime, { ...report, playbackRate: 0 }, page);
    expect(fast).toEqual({ ok: false, reason: expect.stringContaining('playbackRate') });
  });

  it('skips a slide whose video failed and ignores a failed image', () => {
    const problem = { type: 'problem', seq: 2, ref: 'clip.mp4', message: 'decode error' } as const;
    expect(rendererMessageToEvent({ ...problem, kind: 'video-failed' }, calm, true)).toEqual({
      type: 'slide-failed',
      seq: 2,
      reason: 'clip.mp4: decode error',
    });
    expect(rendererMessageToEvent({ ...problem, kind: 'image-failed' }, calm, true)).toBeNull();
  });

  it('maps keys to steps and toggles against the current state', () => {
    expect(rendererMessageToEvent({ type: 'key', action: 'next' }, calm, true)).toEqual({ type: 'next' });
    expect(rendererMessageToEvent({ type: 'key', action: 'prev' }, calm, true)).toEqual({ type: 'prev' });
    expect(rendererMessageToEvent({ type: 'key', action: 'toggle-pause' }, calm, true)).toEqual({
      type: 'pause',
    });
    expect(
      rendererMessageToEvent(
        { type: 'key', action: 'toggle-pause' },
        { paused: true, blackout: false },
        true,
      ),
    ).toEqual({ type: 'resume' });
    expect(
      rendererMessageToEvent(
        { type: 'key', action: 'toggle-blackout' },
        { paused: false, blackout: true },
        true,
      ),
    ).toEqual({ type: 'blackout', on: false });
  });

  it('ignores keys when the kiosk keyboard is disabled', () => {
    expect(rendererMessageToEvent({ type: 'key', action: 'next' }, calm, false)).toBeNull();
  });
});
