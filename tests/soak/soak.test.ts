import { describe, expect, it } from 'vitest';
import { formatSoak, runSoak } from './soakRun';

describe('soak (short): 120 slide changes through marquee serve in Chromium', () => {
  it('acknowledges every change of every slide type with no console error, without leaking renderer heap', async () => {
    const result = await runSoak({ changes: 120, timeoutMs: 240_000 });
    const table = formatSoak(result);
    const acknowledged = Object.keys(result.acks).filter((type) => (result.acks[type]?.n ?? 0) > 0);
    expect(acknowledged, table).toEqual(
      expect.arrayContaining([
        'announcement',
        'countdown',
        'course',
        'image',
        'practice',
        'qr',
        'schedule',
        'speaker',
        'sponsors',
        'video',
      ]),
    );
    expect(result.samples.length, table).toBeGreaterThanOrEqual(4);
    expect(result.health.renderers.acknowledged, table).toBeGreaterThanOrEqual(120);
    expect(
      result.checks.filter((c) => !c.ok),
      table,
    ).toEqual([]);
  }, 300_000);
});
