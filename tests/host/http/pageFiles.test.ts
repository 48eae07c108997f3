import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPageFiles, pageAssetPaths } from '../../../src/host/http/pageFiles';

const PAGE = `<!doctype html><html><head>
<script type="module" crossorigin src="./assets/index-abc.js"></script>
<link rel="modulepreload" crossorigin href="./assets/styles-def.js">
<link rel="stylesheet" crossorigin href="./assets/styles-ghi.css">
<link rel="icon" href="data:,">
<script src="./assets/../../secret.txt"></script>
</head><body></body></html>`;

let base: string;
let server: Server;
let url: string;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'marquee-page-files-'));
  await mkdir(join(base, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(base, 'renderer', 'index.html'), PAGE);
  await writeFile(join(base, 'renderer', 'assets', 'index-abc.js'), 'import "./styles-def.js";');
  await writeFile(join(base, 'renderer', 'assets', 'styles-def.js'), 'export const x = 1;');
  await writeFile(join(base, 'renderer', 'assets', 'other.js'), 'not named by the page');
  await writeFile(join(base, 'secret.txt'), 'secret');
  const files = await loadPageFiles(join(base, 'renderer'));
  server = createServer((req, res) => {
    if (!files.serve(req, res, new URL(req.url ?? '/', 'http://x').pathname)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(base, { recursive: true, force: true });
});

describe('the kiosk page files held in memory', () => {
  it("names the page's own assets once each, not data: URLs or outside paths' targets", async () => {
    expect(pageAssetPaths(PAGE)).toEqual([
      '/assets/index-abc.js',
      '/assets/styles-def.js',
      '/assets/styles-ghi.css',
      '/assets/../../secret.txt',
    ]);
    expect((await loadPageFiles(join(base, 'renderer'))).paths()).toEqual([
      '/assets/index-abc.js',
      '/assets/styles-def.js',
    ]);
  });

  it('answers a held file with its type and validator, and 304 when the browser has it', async () => {
    const res = await fetch(`${url}/assets/index-abc.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('import "./styles-def.js";');
    const etag = res.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"/);
    const again = await fetch(`${url}/assets/index-abc.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('leaves files the page does not name, and anything outside the renderer, to others', async () => {
    expect((await fetch(`${url}/assets/other.js`)).status).toBe(404);
    expect((await fetch(`${url}/assets/styles-ghi.css`)).status).toBe(404);
    const outside = await fetch(`${url}/assets/../../secret.txt`);
    expect(await outside.text()).not.toBe('secret');
  });
});
