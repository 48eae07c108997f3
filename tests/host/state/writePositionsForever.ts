// A child process for positionStore.test.ts: saves positions in a tight loop until it is killed.
import pino from 'pino';
import { PositionStore } from '../../../src/host/state/positionStore';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: writePositionsForever.ts STATE_DIR');
const store = new PositionStore(dir, 'main', pino({ level: 'silent' }));
for (let i = 0; ; i++) {
  await store.save({
    version: 1,
    screen: 'main',
    playlistFile: '/p/playlist.json',
    slideId: `slide-${i}`,
    elapsedMs: i,
    paused: i % 2 === 0,
    blackout: false,
    savedAt: i,
  });
  if (i === 0) process.stdout.write('ready\n');
}
