import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { freePort, type ServeProcess, startServe } from '../e2e/serveProcess';
import { ensureRendererBuilt } from '../support/rendererBuild';
import { noticePlaylist, numberedNotices } from '../support/noticePlaylist';

// Issue 11 §1: the organisers' `notes` never leave the host; /api/preview and the renderer's views carried them.

const SECRET = 'ORGANISERS-ONLY: the keynote speaker arrives late';
let home: string;
let serve: ServeProcess;

beforeAll(async () => {
  ensureRendererBuilt();
  home = await mkdtemp(join(tmpdir(), 'marquee-notes-'));
  const playlist = noticePlaylist(numberedNotices(3), { duration: 60 });
  const withNotes = {
    ...playlist,
    slides: playlist.slides.map((s) => ({ ...s, notes: `${SECRET} (${s.id})` })),
  };
  const file = join(home, 'playlist.json');
  await writeFile(file, JSON.stringify(withNotes));
  serve = await startServe(['--playlist', file, '--port', String(await freePort())], home);
}, 90_000);
afterAll(async () => {
  await serve?.stop();
  await rm(home, { recursive: true, force: true });
});

describe('notes stay on the host', () => {
  it('leaves them out of /api/preview, which still has every slide', async () => {
    const text = await (await fetch(`${serve.url}api/preview`)).text();
    expect(JSON.parse(text).views.map((v: { slide: { id: string } }) => v.slide.id)).toEqual([
      's0',
      's1',
      's2',
    ]);
    expect(text).not.toContain('ORGANISERS-ONLY');
  });

  it('leaves them out of the views pushed to a renderer (the slide on screen and the one up next)', async () => {
    const ws = new WebSocket(`${serve.url.replace('http', 'ws')}ws/renderer`);
    const first = await new Promise<string>((resolve, reject) => {
      ws.once('message', (data) => resolve(data.toString()));
      ws.once('error', reject);
    });
    ws.close();
    const view = JSON.parse(first).view;
    expect([view.slide.id, view.upcoming.id]).toEqual(['s0', 's1']);
    expect(first).not.toContain('ORGANISERS-ONLY');
  });

  it('does not serve the playlist file itself under /media/', async () => {
    expect((await fetch(`${serve.url}media/playlist.json`)).status).toBe(404);
  });
});
