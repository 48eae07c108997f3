// The browser-mode server listening before its show has started: the kiosk page's head and the renderer's files
// are answered at once, everything else waits for the show, and a show that fails to start ends what waited.
import { get, type IncomingMessage } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { FIRST_VIEW_ELEMENT_ID } from '../../../src/core/channels/firstView';
import { type ListeningServer, listenMarqueeServer } from '../../../src/host/http/server';
import { machineServedHost } from './machineServedHost';

const PAGE =
  '<!doctype html><html><head><script type="module" src="./assets/app.js"></script></head><body><div id="root"></div></body></html>';

let base: string;
let listening: ListeningServer;
const logger = pino({ level: 'silent' });

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'marquee-early-'));
  await mkdir(join(base, 'renderer', 'assets'), { recursive: true });
  await mkdir(join(base, 'show'));
  await writeFile(join(base, 'renderer', 'index.html'), PAGE);
  await writeFile(join(base, 'renderer', 'assets', 'app.js'), 'export {};');
  listening = await listenMarqueeServer({
    rendererRoot: join(base, 'renderer'),
    hostname: '127.0.0.1',
    port: 0,
    logger,
  });
});
afterEach(async () => {
  await listening.close();
  await rm(base, { recursive: true, force: true });
});

/** A GET whose response is read as it comes: the status, the chunks so far, and the whole body once it ends. */
function open(path: string): Promise<{ res: IncomingMessage; text: () => string; ended: Promise<string> }> {
  return new Promise((resolve, reject) => {
    get(`${listening.url}${path.slice(1)}`, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      const ended = new Promise<string>((done) => res.on('end', () => done(body)));
      resolve({ res, text: () => body, ended });
    }).on('error', reject);
  });
}

const settled = async <T>(p: Promise<T>, ms: number): Promise<T | 'pending'> =>
  Promise.race([p, new Promise<'pending'>((r) => setTimeout(() => r('pending'), ms))]);

describe('a server listening before its show has started', () => {
  it("answers the kiosk page's head at once and the rest, with the first slide, once the show is attached", async () => {
    const page = await open('/');
    expect(page.res.statusCode).toBe(200);
    expect(page.res.headers['content-type']).toContain('text/html');
    await expect.poll(() => page.text()).toContain('./assets/app.js');
    expect(await settled(page.ended, 150)).toBe('pending');
    expect(page.text()).not.toContain('</head>');

    listening.attach({ host: machineServedHost(join(base, 'show')), keyboard: false });
    const html = await page.ended;
    expect(html.startsWith(PAGE.slice(0, PAGE.indexOf('</head>')))).toBe(true);
    expect(html).toContain(`id="${FIRST_VIEW_ELEMENT_ID}"`);
    expect(html).toContain('"type":"show"');
    expect(html.endsWith('</html>')).toBe(true);
  });

  it("serves the renderer's own files before the show, and holds other requests until it is there", async () => {
    const script = await fetch(`${listening.url}assets/app.js`);
    expect(script.status).toBe(200);
    expect(await script.text()).toBe('export {};');

    const preview = fetch(`${listening.url}api/preview`);
    expect(await settled(preview, 150)).toBe('pending');
    listening.attach({ host: machineServedHost(join(base, 'show')), keyboard: false });
    const answer = await preview;
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { views: unknown[] }).views).toHaveLength(3);
  });

  it('holds a renderer socket until the show is attached, then sends it the show', async () => {
    const ws = new WebSocket(`${listening.url.replace('http', 'ws')}ws/renderer`);
    const first = new Promise<string>((resolve) => ws.once('message', (data) => resolve(String(data))));
    expect(await settled(first, 150)).toBe('pending');
    listening.attach({ host: machineServedHost(join(base, 'show')), keyboard: false });
    expect(JSON.parse(await first)).toMatchObject({ type: 'show' });
    ws.close();
  });

  it('ends a waiting kiosk page with the reason when the show does not start, and answers waiting requests 503', async () => {
    const page = await open('/');
    const preview = fetch(`${listening.url}api/preview`);
    listening.fail('the playlist <show.json> has problems');
    const html = await page.ended;
    expect(html).toContain('The show could not start');
    expect(html).toContain('演出未能开始');
    expect(html).toContain('<p lang="en">the playlist &lt;show.json&gt; has problems</p>');
    expect(html).not.toContain(FIRST_VIEW_ELEMENT_ID);
    const answer = await preview;
    expect(answer.status).toBe(503);
    expect(await answer.text()).toContain('has problems');
  });
});
