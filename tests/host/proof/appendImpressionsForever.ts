// A child process for impressionLog.kill.test.ts: records impressions in a tight loop until it is killed.
import { createImpressionSink } from '../../../src/host/proof/impressionLog';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: appendImpressionsForever.ts PROOF_DIR');
const sink = createImpressionSink({
  dir,
  screen: 'main',
  playlistLookup: () => ({
    version: 1,
    event: { name: 'Flink Forward China 2018', timezone: 'Asia/Shanghai', languages: ['zh', 'en'] },
    slides: [
      {
        type: 'sponsors',
        id: 'wall',
        tiers: [{ name: 'Gold', sponsors: [{ name: '阿里云' }, { name: 'B' }] }],
      },
    ],
  }),
});
const start = Date.parse('2018-12-20T09:00:00+08:00');
for (let i = 0; ; i++) {
  sink({
    slideId: 'wall',
    slideType: 'sponsors',
    presentedAt: start + i * 1000,
    endedAt: start + i * 1000 + 900,
    shownMs: 900,
    reason: 'time-up',
  });
  await sink.flush();
  if (i === 0) process.stdout.write('ready\n');
}
