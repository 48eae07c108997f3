import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startXvfb, type Xvfb } from './xvfb';

const started: Xvfb[] = [];
afterEach(() => {
  for (const x of started.splice(0)) x.stop();
});

/** The X socket paths (`/tmp/.X11-unix/X<N>`, also abstract) that process `pid` holds open: the displays it serves. */
function displaysServedBy(pid: number): Set<string> {
  const inodes = new Set(
    readdirSync(`/proc/${pid}/fd`)
      .map((fd) => /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1])
      .filter((inode) => inode !== undefined),
  );
  const displays = new Set<string>();
  for (const line of readFileSync('/proc/net/unix', 'utf8').split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    const display = /\/tmp\/\.X11-unix\/X(\d+)$/.exec(cols[7] ?? '')?.[1];
    if (display !== undefined && inodes.has(cols[6] ?? '')) displays.add(`:${display}`);
  }
  return displays;
}

describe('startXvfb', () => {
  it('gives servers started together displays of their own, each served by the server it started', async () => {
    const servers = await Promise.all([startXvfb(), startXvfb(), startXvfb()]);
    started.push(...servers);
    expect(new Set(servers.map((s) => s.display)).size).toBe(3);
    for (const s of servers)
      expect([...displaysServedBy(s.process.pid ?? -1)], s.display).toContain(s.display);
  });
});
