import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt } from '../support/rendererBuild';
import { freePort, runServeToExit } from './serveProcess';

let home: string;

beforeAll(async () => {
  ensureRendererBuilt();
  home = await mkdtemp(join(tmpdir(), 'marquee-e2e-refuse-'));
});
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('marquee serve refuses clearly', () => {
  it('does not start on a broken playlist and names file, line and column', async () => {
    const file = join(home, 'broken.json');
    await writeFile(file, '{\n  "version": 1,\n  "event": {\n    "name": "x",\n  }\n}\n');
    const run = await runServeToExit(['--playlist', file, '--port', String(await freePort())], home);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+`));
    expect(run.stderr).toContain('marquee validate');
    expect(run.stdout).not.toContain('show:');
  }, 90_000);

  it('says the port is taken and how to choose another', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const address = busy.address();
    const port = address !== null && typeof address === 'object' ? address.port : 0;
    try {
      const run = await runServeToExit(['--port', String(port)], home);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`Port ${port}`);
      expect(run.stderr).toContain('--port');
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  }, 90_000);

  it('rejects a port that is not a number before starting anything', async () => {
    const run = await runServeToExit(['--port', 'eighty'], home);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/port/i);
  }, 90_000);
});
