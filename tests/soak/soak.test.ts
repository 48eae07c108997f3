import { describe, expect, it } from 'vitest';
import { formatSoak, runSoak } from './soakRun';

describe('soak (short): 300 slide changes through marquee serve in Chromium', () => {
  it('plays every slide type with no console error, acknowledged, without leaking renderer heap', async () => {
    const result = await runSoak({ changes: 300, speed: 5, timeoutMs: 280_000 });
    const table = formatSoak(result);
    expect(result.slideTypes).toEqual(
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
    expect(
      result.checks.filter((c) => !c.ok),
      table,
    ).toEqual([]);
  }, 330_000);
});
