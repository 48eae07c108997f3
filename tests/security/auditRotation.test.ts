import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../src/host/control/auditLog';
import { createControlGateway } from '../../src/host/control/controlGateway';
import { playerHostTarget } from '../../src/host/control/playerHostTarget';
import { machineHost } from '../host/control/machineHost';

// Issue 11 §2: a flood of keys grew control-audit.jsonl without end (about 58 GB a day if kept up),
// filling the disk that proof of play needs.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'marquee-sec-audit-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the control audit log', () => {
  it('rotates at 10 MB like the host log, keeping the newest lines, each file owner-only', async () => {
    const file = join(dir, 'control-audit.jsonl');
    const old = `${JSON.stringify({ time: '2026-12-01T00:00:00.000Z', transport: 'ws', client: 'x', command: null, result: 'bad-json' })}\n`;
    writeFileSync(file, old.repeat(Math.floor((10 * 1024 * 1024) / old.length)), { mode: 0o600 });
    const audit = createAuditLog(file);
    const gateway = createControlGateway(playerHostTarget([machineHost()]), audit);
    for (let i = 0; i < 200; i++)
      await gateway.handleText('{"type":"next"}', { kind: 'keyboard', client: 'main' });
    audit.close();

    expect(readdirSync(dir).sort()).toEqual(['control-audit.jsonl', 'control-audit.jsonl.1']);
    const current = readFileSync(file, 'utf8').trim().split('\n');
    expect(current).toHaveLength(200);
    expect(JSON.parse(current.at(-1) ?? '')).toMatchObject({ transport: 'keyboard', result: 'ok' });
    expect(statSync(`${file}.1`).size).toBeLessThanOrEqual(10 * 1024 * 1024);
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
  });
});
