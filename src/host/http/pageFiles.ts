import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { contentTypeFor, resolveContainedSync } from './staticFiles';

/** One file the kiosk page loads, held in memory. */
type PageFile = Readonly<{ body: Buffer; type: string; etag: string; lastModified: string }>;

/** The files the kiosk page's index.html loads, answered from memory (see `loadPageFiles`). */
export type PageFiles = Readonly<{
  /** Answers a GET or HEAD of one of the files (200, or 304 to a matching If-None-Match); false: not one of them. */
  serve: (req: IncomingMessage, res: ServerResponse, path: string) => boolean;
  /** The URL paths held, e.g. `/assets/index-….js`. */
  paths: () => readonly string[];
}>;

/** The `./assets/…` files an index.html names in its `src` and `href` attributes. */
export function pageAssetPaths(html: string): readonly string[] {
  const names = [...html.matchAll(/(?:src|href)=["'](?:\.\/|\/)?(assets\/[^"'?#]+)["']/g)].map(
    (m) => `/${m[1]}`,
  );
  return [...new Set(names)];
}

/**
 * Reads the script, module preloads and style sheets that `rendererRoot`'s index.html loads into memory, so a
 * kiosk browser gets each in one write even while the host is busy starting its show (a file streamed from disk
 * takes a turn of the event loop per 64 KB read, and a starting host has few to spare). The renderer's build
 * names them by content hash, so they never change under the same name. Other files are left to `serveStatic`.
 */
export function loadPageFiles(rendererRoot: string): PageFiles {
  const files = new Map<string, PageFile>();
  let html = '';
  try {
    html = readFileSync(join(rendererRoot, 'index.html'), 'utf8');
  } catch {
    // Why: no page built; `marquee serve` says so before it listens, tests serve pages without assets.
  }
  for (const path of pageAssetPaths(html)) {
    const file = resolveContainedSync(rendererRoot, path);
    if (file === null) continue;
    const info = statSync(file);
    files.set(path, {
      body: readFileSync(file),
      type: contentTypeFor(file),
      etag: `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`,
      lastModified: info.mtime.toUTCString(),
    });
  }
  return {
    paths: () => [...files.keys()],
    serve: (req, res, path) => {
      const file = files.get(path);
      if (file === undefined || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
      res.setHeader('Content-Type', file.type);
      res.setHeader('ETag', file.etag);
      res.setHeader('Last-Modified', file.lastModified);
      res.setHeader('Cache-Control', 'public, max-age=0, must-revalidate');
      const tags = req.headers['if-none-match'];
      if (tags?.split(',').some((t) => t.trim() === file.etag || `W/${t.trim()}` === file.etag)) {
        res.statusCode = 304;
        res.end();
        return true;
      }
      res.statusCode = 200;
      res.setHeader('Content-Length', file.body.length);
      res.end(req.method === 'HEAD' ? undefined : file.body);
      return true;
    },
  };
}
