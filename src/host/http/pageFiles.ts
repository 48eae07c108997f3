import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import {
  type FileValidators,
  isNotModified,
  resolveContained,
  setFileHeaders,
  validatorsOf,
} from './staticFiles';

/** One file the kiosk page loads, held in memory. */
type PageFile = Readonly<{ body: Buffer; validators: FileValidators }>;

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
export async function loadPageFiles(rendererRoot: string): Promise<PageFiles> {
  const files = new Map<string, PageFile>();
  // Why: no page built: `marquee serve` says so before it listens, tests serve pages without assets.
  const html = await readFile(join(rendererRoot, 'index.html'), 'utf8').catch(() => '');
  for (const path of pageAssetPaths(html)) {
    const file = await resolveContained(rendererRoot, path);
    if (file === null) continue;
    files.set(path, { body: await readFile(file), validators: validatorsOf(file, await stat(file)) });
  }
  return {
    paths: () => [...files.keys()],
    serve: (req, res, path) => {
      const file = files.get(path);
      if (file === undefined || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
      setFileHeaders(res, file.validators);
      if (isNotModified(req, file.validators)) {
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
