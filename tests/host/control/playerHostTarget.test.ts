import { describe, expect, it } from 'vitest';
import { playerHostTarget } from '../../../src/host/control/playerHostTarget';
import { machineHost } from './machineHost';

const via = { kind: 'socket', client: 'test' } as const;

describe('playerHostTarget with several screens', () => {
  it('sends a command without "screen" to every screen and reports them all', async () => {
    const a = machineHost('hall-a');
    const b = machineHost('hall-b');
    const target = playerHostTarget([a, b]);
    const reply = await target.execute({ type: 'goto', slide: 'lunch' }, via);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.screens?.map((s) => [s.screen, s.slide?.id])).toEqual([
      ['hall-a', 'lunch'],
      ['hall-b', 'lunch'],
    ]);
  });

  it('routes a command with "screen" to that screen only', async () => {
    const a = machineHost('hall-a');
    const b = machineHost('hall-b');
    const target = playerHostTarget([a, b]);
    const reply = await target.execute({ type: 'blackout', on: true, screen: 'hall-b' }, via);
    expect(reply).toMatchObject({ ok: true, state: { screen: 'hall-b', blackout: true } });
    expect(a.state().blackout).toBe(false);
    expect(b.state().blackout).toBe(true);
  });

  it('names the screens it drives when asked for an unknown one', async () => {
    const target = playerHostTarget([machineHost('hall-a'), machineHost('hall-b')]);
    const reply = await target.execute({ type: 'next', screen: 'lobby', id: 3 }, via);
    expect(reply).toMatchObject({ ok: false, id: 3, error: { code: 'unknown-screen' } });
    expect(reply.ok || reply.error.message).toContain('hall-a, hall-b');
  });

  it('reloads the playlist on every addressed screen and reports the state after', async () => {
    const a = machineHost('hall-a');
    const target = playerHostTarget([a]);
    expect(await target.execute({ type: 'reload' }, via)).toMatchObject({
      ok: true,
      state: { screen: 'hall-a' },
    });
    expect(a.reloads()).toBe(1);
  });

  it('pushes one state per change to subscribers', async () => {
    const a = machineHost('hall-a');
    const target = playerHostTarget([a]);
    const seen: string[] = [];
    const off = target.onStateChange((s) => seen.push(`${s.screen}:${s.slide?.id}`));
    await target.execute({ type: 'next' }, via);
    await Promise.resolve();
    off();
    await target.execute({ type: 'next' }, via);
    await Promise.resolve();
    expect(seen).toEqual(['hall-a:alibaba']);
  });
});
