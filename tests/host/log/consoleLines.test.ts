import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLogLine } from '../../../src/host/log/consoleLines';
import { createHostLogger } from '../../../src/host/log/hostLogger';

describe('formatLogLine', () => {
  it('shows the time, the level, the message and the extra fields', () => {
    const time = new Date(2018, 11, 20, 9, 30, 5).getTime();
    const line = formatLogLine(
      JSON.stringify({ level: 40, time, pid: 1, msg: 'refused', file: 'p.json', n: 2 }),
    );
    expect(line).toBe('09:30:05 WARN  refused  file=p.json  n=2');
  });

  it('passes a line that is not JSON through', () => {
    expect(formatLogLine('plain text\n')).toBe('plain text');
  });
});

describe('createHostLogger', () => {
  it('writes JSON lines to marquee.log and readable lines to the console', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'marquee-log-'));
    try {
      const seen: string[] = [];
      const { logger, file } = createHostLogger({
        dir,
        level: 'info',
        console: { write: (t) => seen.push(t) },
      });
      logger.info({ slide: 'keynote-1' }, 'on screen');
      logger.debug('hidden at info');
      expect(file).toBe(join(dir, 'marquee.log'));
      const lines = (await readFile(join(dir, 'marquee.log'), 'utf8')).trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0] ?? '')).toMatchObject({ level: 30, msg: 'on screen', slide: 'keynote-1' });
      expect(seen.join('')).toMatch(/^\d\d:\d\d:\d\d INFO {2}on screen {2}slide=keynote-1\n$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
