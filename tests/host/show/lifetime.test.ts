import { describe, expect, it } from 'vitest';
import { Lifetime } from '../../../src/host/show/lifetime';

function recordingLifetime(): { lifetime: Lifetime; failures: string[] } {
  const failures: string[] = [];
  return { lifetime: new Lifetime((obj, msg) => failures.push(`${msg}: ${obj.part}: ${obj.err}`)), failures };
}

describe('Lifetime', () => {
  it('closes the parts in reverse order of creation, each finished before the next begins', async () => {
    const { lifetime } = recordingLifetime();
    const log: string[] = [];
    for (const name of ['proof', 'player', 'server']) {
      lifetime.add(name, async () => {
        log.push(`${name} closing`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        log.push(`${name} closed`);
      });
    }
    await lifetime.dispose();
    expect(log).toEqual([
      'server closing',
      'server closed',
      'player closing',
      'player closed',
      'proof closing',
      'proof closed',
    ]);
  });

  it('reports a part that fails to close and still closes the parts before it', async () => {
    const { lifetime, failures } = recordingLifetime();
    const closed: string[] = [];
    lifetime.add('player', () => closed.push('player'));
    lifetime.add('control', () => {
      throw new Error('socket busy');
    });
    lifetime.add('cache', () => Promise.reject(new Error('disk gone')));
    await lifetime.dispose();
    expect(closed).toEqual(['player']);
    expect(failures).toEqual([
      'a part failed to close: cache: Error: disk gone',
      'a part failed to close: control: Error: socket busy',
    ]);
  });

  it('closes each part once, however often it is disposed, and closes a part added afterwards at once', async () => {
    const { lifetime } = recordingLifetime();
    let closes = 0;
    lifetime.add('player', () => closes++);
    const first = lifetime.dispose();
    expect(lifetime.dispose()).toBe(first);
    await first;
    await lifetime.dispose();
    expect(closes).toBe(1);
    expect(lifetime.disposed).toBe(true);
    let late = false;
    lifetime.add('late part', () => {
      late = true;
    });
    expect(late).toBe(true);
  });
});
