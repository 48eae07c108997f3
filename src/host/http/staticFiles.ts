import { createReadStream, type Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { assertNever } from '../../core/assertNever';

/** What a `Range` request header asks for, against a file of a known size. */
export type RangeRequest =
  | Readonly<{ kind: 'full' }>
  | Readonly<{ kind: 'partial'; start: number; end: number }>
  | Readonly<{ kind: 'unsatisfiable' }>;

/** Content types by file extension (lower case, with the dot). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.webm': 'video/webm',
  '.ogv': 'video/ogg',
  '.mp3': 'audio/mpeg',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The content type for a file name; unknown extensions are served as opaque bytes. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path (e.g. `/images/logo%20zh.svg`) to an existing regular file inside `root`, or null.
 * Refuses malformed escapes, NUL, backslashes, `..` segments, absolute paths, and (after resolving
 * symlinks of both root and target) anything that lands outside the root. Free of HTTP types so that
 * the Electron `app://` handler can share it.
 */
export async function resolveContained(root: string, urlPath: string): Promise<string | null> {
  const relativePath = decodeUrlPath(urlPath);
  if (relativePath === null) return null;
  try {
    const realRoot = await realpath(root);
    const target = await realpath(join(realRoot, ...relativePath));
    if (!isInside(realRoot, target)) return null;
    return (await stat(target)).isFile() ? target : null;
  } catch {
    return null;
  }
}

/** Splits a URL path into decoded, safe segments; null when any part is unsafe or malformed. */
function decodeUrlPath(urlPath: string): string[] | null {
  const pathOnly = urlPath.split(/[?#]/, 1)[0] ?? '';
  const withoutLead = pathOnly.startsWith('/') ? pathOnly.slice(1) : pathOnly;
  const segments: string[] = [];
  for (const raw of withoutLead.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment.includes('\0') || segment.includes('/') || segment.includes('\\')) return null;
    if (segment === '..') return null;
    if (segment === '' || segment === '.') continue;
    segments.push(segment);
  }
  // Why: an empty first segment means the path was `//x` (absolute after the leading slash); a drive letter is absolute on Windows.
  if (withoutLead.startsWith('/') || /^[A-Za-z]:/.test(segments[0] ?? '')) return null;
  return segments;
}

/** True when `target` is `root` itself's descendant (both already real paths). */
function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/**
 * Parses a single-range `Range` header (`bytes=0-99`, `bytes=100-`, `bytes=-500`) against a file size.
 * Anything it does not support (other units, several ranges, bad syntax) means the whole file, as HTTP allows.
 */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (header === undefined) return { kind: 'full' };
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m) return { kind: 'full' };
  const [, first = '', last = ''] = m;
  if (first === '' && last === '') return { kind: 'full' };
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return { kind: 'full' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
}

/**
 * Serves `urlPath` from `root` for GET and HEAD: content type, ETag/Last-Modified with 304s, byte ranges
 * (206 / 416) and `Cache-Control: no-cache` on HTML. A path ending in `/` serves its `index.html`.
 * Returns false (and writes nothing) when there is no such file or the method is not GET/HEAD.
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  urlPath: string,
): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = urlPath.split(/[?#]/, 1)[0] ?? '';
  const file = await resolveContained(root, path === '' || path.endsWith('/') ? `${path}index.html` : path);
  if (file === null) return false;
  const info = await stat(file);
  const validators = validatorsOf(file, info);
  const { etag, lastModified } = validators;
  setFileHeaders(res, validators);
  res.setHeader('Accept-Ranges', 'bytes');

  if (isNotModified(req, validators)) {
    res.statusCode = 304;
    res.end();
    return true;
  }

  const ifRange = req.headers['if-range'];
  const range =
    ifRange === undefined || ifRange === etag || ifRange === lastModified
      ? parseRange(req.headers.range, info.size)
      : ({ kind: 'full' } as const);

  switch (range.kind) {
    case 'unsatisfiable':
      res.statusCode = 416;
      res.setHeader('Content-Range', `bytes */${info.size}`);
      res.end();
      return true;
    case 'partial':
      res.statusCode = 206;
      res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${info.size}`);
      res.setHeader('Content-Length', range.end - range.start + 1);
      sendBody(req, res, file, range.start, range.end);
      return true;
    case 'full':
      res.statusCode = 200;
      res.setHeader('Content-Length', info.size);
      sendBody(req, res, file, 0, info.size - 1);
      return true;
    default:
      return assertNever(range);
  }
}

/** What a file is sent with and revalidated by: its content type, weak ETag (size and mtime) and mtime. */
export type FileValidators = Readonly<{ type: string; etag: string; lastModified: string; mtime: Date }>;

/** The validators of `file`, from its `stat`. */
export function validatorsOf(file: string, info: Stats): FileValidators {
  return {
    type: contentTypeFor(file),
    etag: `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`,
    lastModified: info.mtime.toUTCString(),
    mtime: info.mtime,
  };
}

/** Content-Type, ETag, Last-Modified and Cache-Control of a file answer. */
export function setFileHeaders(res: ServerResponse, v: FileValidators): void {
  res.setHeader('Content-Type', v.type);
  res.setHeader('ETag', v.etag);
  res.setHeader('Last-Modified', v.lastModified);
  // Why: staff replace media under the same name, so everything revalidates (a cheap 304) instead of going stale.
  res.setHeader(
    'Cache-Control',
    v.type.startsWith('text/html') ? 'no-cache' : 'public, max-age=0, must-revalidate',
  );
}

/** Whether the conditional request headers say the client's copy (of a file with `v`) is current. */
export function isNotModified(req: IncomingMessage, v: Pick<FileValidators, 'etag' | 'mtime'>): boolean {
  const { etag, mtime } = v;
  const noneMatch = req.headers['if-none-match'];
  if (noneMatch !== undefined) {
    return noneMatch.split(',').some((tag) => {
      const t = tag.trim();
      return t === '*' || t === etag || `W/${t}` === etag;
    });
  }
  const since = req.headers['if-modified-since'];
  if (since === undefined) return false;
  const sinceMs = Date.parse(since);
  return Number.isFinite(sinceMs) && Math.floor(mtime.getTime() / 1000) * 1000 <= sinceMs;
}

/** Streams bytes `start..end` (inclusive) of `file`, or nothing for HEAD or an empty file. */
function sendBody(req: IncomingMessage, res: ServerResponse, file: string, start: number, end: number): void {
  if (req.method === 'HEAD' || end < start) {
    res.end();
    return;
  }
  const stream = createReadStream(file, { start, end });
  stream.on('error', (err) => res.destroy(err));
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}
