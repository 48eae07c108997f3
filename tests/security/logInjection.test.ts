import { describe, expect, it } from 'vitest';
import { createHostLogger } from '../../src/host/log/hostLogger';

// Issue 11 §4: a renderer's `problem` message went raw into the console log, which systemd sends to the
// journal: a newline forged a whole log line, an ANSI escape rewrote the operator's terminal.

describe('console log lines', () => {
  it('escape control characters from renderer-supplied text: one record stays one line', () => {
    let written = '';
    const { logger } = createHostLogger({
      dir: null,
      level: 'info',
      console: { write: (text: string) => (written += text) },
    });
    const forged =
      'video failed\n12:00:00 INFO  staff command: blackout off\u001b[2J\u001b]0;owned\u0007\u202e';
    logger.warn({ screen: 'main', problem: forged }, `renderer problem: ${forged}`);

    expect(written.split('\n').filter((l) => l !== '')).toHaveLength(1);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may be left.
    expect(written).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(written).toContain(
      'renderer problem: video failed\\n12:00:00 INFO  staff command: blackout off\\u001b[2J',
    );
    expect(written).toContain('problem=video failed\\n12:00:00');
  });
});
