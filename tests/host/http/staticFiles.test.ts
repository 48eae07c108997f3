import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRange, resolveContained, serveStatic } from '../../../src/host/http/staticFiles';

let base: string;
let root: string;
let server: Server;
let origin: string;
const body = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

beforeAll(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'marquee-static-')));
  root = join(base, 'root');
  await mkdir(join(root, 'images', 'sub dir'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(join(root, 'images', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(root, 'images', 'sub dir', '标志.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(root, 'clip.webm'), body);
  await writeFile(join(base, 'secret.txt'), 'outside the root');
  await symlink(join(base, 'secret.txt'), join(root, 'escape.txt'));
  await symlink(base, join(root, 'escape-dir'));
  await symlink(join(root, 'images', 'logo.svg'), join(root, 'inside-link.svg'));
  server = createServer((req, res) => {
    void serveStatic(req, res, root, req.url ?? '/').then((served) => {
      if (!served) {
        res.statusCode = 404;
        res.end('not found');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(base, { recursive: true, force: true });
});

describe('resolveContained', () => {
  it('finds files inside the root, decoding escapes and non-ASCII names', async () => {
    expect(await resolveContained(root, '/images/logo.svg')).toBe(join(root, 'images', 'logo.svg'));
    expect(await resolveContained(root, `/images/sub%20dir/${encodeURIComponent('标志')}.svg`)).toBe(
      join(root, 'images', 'sub dir', '标志.svg'),
    );
    expect(await resolveContained(root, 'images/logo.svg?v=2')).toBe(join(root, 'images', 'logo.svg'));
  });

  it('follows a symlink that stays inside the root', async () => {
    expect(await resolveContained(root, '/inside-link.svg')).toBe(join(root, 'images', 'logo.svg'));
  });

  it.each([
    ['plain traversal', '/../secret.txt'],
    ['traversal in the middle', '/images/../../secret.txt'],
    ['encoded traversal', '/%2e%2e/secret.txt'],
    ['encoded slash traversal', '/images%2f..%2f..%2fsecret.txt'],
    ['encoded backslash', '/..%5csecret.txt'],
    ['NUL byte', '/images/logo.svg%00.txt'],
    ['raw NUL byte', '/images/logo.svg\0'],
    ['absolute path', `/${base}/secret.txt`],
    ['double-slash absolute', '//etc/passwd'],
    ['malformed escape', '/images/%E0%A4%A'],
    ['symlink to a file outside', '/escape.txt'],
    ['symlink to a folder outside', '/escape-dir/secret.txt'],
    ['missing file', '/nope.svg'],
    ['a directory', '/images'],
  ])('refuses %s', async (_name, urlPath) => {
    expect(await resolveContained(root, urlPath)).toBeNull();
  });
});

describe('parseRange', () => {
  it.each([
    [undefined, 1000, { kind: 'full' }],
    ['bytes=0-99', 1000, { kind: 'partial', start: 0, end: 99 }],
    ['bytes=100-', 1000, { kind: 'partial', start: 100, end: 999 }],
    ['bytes=-500', 1000, { kind: 'partial', start: 500, end: 999 }],
    ['bytes=-5000', 1000, { kind: 'partial', start: 0, end: 999 }],
    ['bytes=900-5000', 1000, { kind: 'partial', start: 900, end: 999 }],
    ['bytes=1000-', 1000, { kind: 'unsatisfiable' }],
    ['bytes=-0', 1000, { kind: 'unsatisfiable' }],
    ['bytes=0-', 0, { kind: 'unsatisfiable' }],
    ['bytes=5-2', 1000, { kind: 'full' }],
    ['bytes=0-1,5-6', 1000, { kind: 'full' }],
    ['items=0-1', 1000, { kind: 'full' }],
    ['bytes=-', 1000, { kind: 'full' }],
  ] as const)('reads %s of %d bytes', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});

describe('serveStatic over HTTP', () => {
  it('serves index.html for / with no-cache and an HTML content type', async () => {
    const res = await fetch(`${origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('<title>x</title>');
  });

  it('serves SVG and WebM with their content types', async () => {
    expect((await fetch(`${origin}/images/logo.svg`)).headers.get('content-type')).toBe('image/svg+xml');
    expect((await fetch(`${origin}/clip.webm`)).headers.get('content-type')).toBe('video/webm');
  });

  it('answers a byte range with 206 and Content-Range', async () => {
    const res = await fetch(`${origin}/clip.webm`, { headers: { Range: 'bytes=10-19' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 10-19/1000');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(body.subarray(10, 20));
  });

  it('answers a suffix range with the last bytes', async () => {
    const res = await fetch(`${origin}/clip.webm`, { headers: { Range: 'bytes=-3' } });
    expect(res.status).toBe(206);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(body.subarray(997));
  });

  it('answers a range past the end with 416', async () => {
    const res = await fetch(`${origin}/clip.webm`, { headers: { Range: 'bytes=2000-' } });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe('bytes */1000');
  });

  it('answers a matching ETag with 304', async () => {
    const first = await fetch(`${origin}/images/logo.svg`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/".+"$/);
    const second = await fetch(`${origin}/images/logo.svg`, { headers: { 'If-None-Match': etag ?? '' } });
    expect(second.status).toBe(304);
  });

  it('sends headers but no body for HEAD', async () => {
    const res = await fetch(`${origin}/clip.webm`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('1000');
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('does not serve traversal or symlink escapes', async () => {
    for (const path of [
      '/%2e%2e/secret.txt',
      '/escape.txt',
      '/escape-dir/secret.txt',
      '/images/logo.svg%00',
    ]) {
      const res = await fetch(`${origin}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('outside the root');
    }
  });

  it('leaves other methods to the caller', async () => {
    expect((await fetch(`${origin}/index.html`, { method: 'POST' })).status).toBe(404);
  });
});
