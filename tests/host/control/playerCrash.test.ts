import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuditLog } from '../../../src/host/control/auditLog';
import { createControlGateway } from '../../../src/host/control/controlGateway';
import { type LanServer, startLanServer } from '../../../src/host/control/lanApi';
import { playerHostTarget } from '../../../src/host/control/playerHostTarget';
import { ManualClock } from '../../../src/host/clock';
import { PlayerHost } from '../../../src/host/PlayerHost';
import { demoPlaylist } from './machineHost';

// Why: a bug inside the pure player is simulated by a transition that throws on one command (pause).
vi.mock('../../../src/core/player/playerMachine', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/core/player/playerMachine')>();
  return {
    ...original,
    transition: (...args: Parameters<typeof original.transition>) => {
      if (args[1].type === 'pause') throw new TypeError("Cannot read properties of undefined (reading 'id')");
      return original.transition(...args);
    },
  };
});

const TOKEN = 'test-token-Zq8xW1vY3bN5';
let dir: string;
let host: PlayerHost;
let lan: LanServer;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-crash-'));
  await writeFile(join(dir, 'playlist.json'), JSON.stringify(demoPlaylist()));
  host = await PlayerHost.start({
    playlistFile: join(dir, 'playlist.json'),
    clock: new ManualClock(Date.parse('2018-12-20T09:00:00+08:00')),
    watch: false,
  });
  const gateway = createControlGateway(
    playerHostTarget([{ name: 'main', host }]),
    createAuditLog(join(dir, 'audit.jsonl'), () => [TOKEN]),
  );
  lan = await startLanServer({ host: '127.0.0.1', port: 0 }, { gateway, token: TOKEN, remoteDir: null });
});

afterEach(async () => {
  await lan.close();
  await host.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('a crash inside the player', () => {
  it('is reported as an internal error (HTTP 500), not as a refused command, and the show goes on', async () => {
    const res = await fetch(`${lan.url}/api/commands`, {
      method: 'POST',
      body: '{"type":"pause"}',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(500);
    const reply = (await res.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(reply.error.code).toBe('internal');
    expect(reply.error.message).toMatch(/internal error while applying "pause"/);
    expect(host.dispatch({ type: 'next' }, 'remote').ok).toBe(true);
  });
});
