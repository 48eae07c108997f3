import { createHash, randomBytes } from 'node:crypto';
import { open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dispatcher, Response } from 'undici';
import type { AllowedNetworks } from './addressPolicy';
import {
  guardedAgent,
  RefusedAddressError,
  type Resolve,
  refuseLiteralHost,
  systemResolve,
} from './guardedAgent';

/** How assets may be fetched: limits per file and which URLs are allowed. */
export type FetchPolicy = Readonly<{
  /** Time for one whole file (headers and body), ms. */
  timeoutMs: number;
  /** Largest file accepted, bytes. */
  maxBytes: number;
  /** Redirect hops followed; each must stay on https. */
  maxRedirects: number;
  /** Also allow `http://` to 127.0.0.1, ::1 and localhost (tests, and a schedule service on this machine); the address guard still refuses loopback unless `allowedNetworks` lists it. */
  allowHttpLoopback: boolean;
  /**
   * Internal networks the venue opts into (its own asset server); every other loopback, private,
   * link-local, CGNAT, unique-local or multicast address is refused after DNS, at every hop.
   */
  allowedNetworks: AllowedNetworks;
  /** The resolver used at connect time; the system's by default (tests fake DNS answers with it). */
  resolve: Resolve;
  /** Tests only: where a request really goes (`prefetch --test-fetch-from`); the URL itself by default. */
  route: (url: URL) => URL;
}>;

/** The policy used when the caller changes nothing: 60 s and 200 MB a file, 5 redirects, https only, public addresses only. */
export const DEFAULT_FETCH_POLICY: FetchPolicy = {
  timeoutMs: 60_000,
  maxBytes: 200 * 1024 * 1024,
  maxRedirects: 5,
  allowHttpLoopback: false,
  allowedNetworks: [],
  resolve: systemResolve,
  route: (url) => url,
};

/** A file downloaded into a temporary path, with what the cache needs to know about it. */
export type Downloaded = Readonly<{ tempFile: string; sha256: string; size: number; contentType: string }>;

/** The result of one download: the file, or why there is none (a sentence a person reads). */
export type DownloadResult =
  | Readonly<{ ok: true; file: Downloaded }>
  | Readonly<{ ok: false; reason: string }>;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** Why `url` may not be fetched under `policy`, or null when it may. */
export function refuseUrl(url: string, policy: Pick<FetchPolicy, 'allowHttpLoopback'>): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `not a valid URL: ${url}`;
  }
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && policy.allowHttpLoopback && LOOPBACK_HOSTS.has(parsed.hostname))
    return null;
  return `only https:// URLs are fetched (got ${parsed.protocol}//${parsed.host})`;
}

/**
 * Downloads `url` into a new file in `tmpDir`, hashing it on the way; follows redirects only to allowed
 * URLs, stops at `policy.maxBytes` and after `policy.timeoutMs`. Never throws: failures come back as reasons.
 */
export async function downloadAsset(
  url: string,
  tmpDir: string,
  policy: FetchPolicy,
  signal?: AbortSignal,
): Promise<DownloadResult> {
  const timeout = AbortSignal.timeout(policy.timeoutMs);
  const combined = signal === undefined ? timeout : AbortSignal.any([signal, timeout]);
  const tempFile = join(tmpDir, `${randomBytes(8).toString('hex')}.part`);
  const agent = await guardedAgent(policy.resolve, policy.allowedNetworks);
  try {
    const response = await fetchFollowingRedirects(url, policy, agent, combined);
    if (!response.ok) return fail(response, `the server answered HTTP ${response.status}`);
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(declared) && declared > policy.maxBytes) {
      return fail(response, `too large: ${declared} bytes (the limit is ${policy.maxBytes})`);
    }
    const contentType =
      (response.headers.get('content-type') ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
    const hash = createHash('sha256');
    let size = 0;
    const handle = await open(tempFile, 'wx');
    try {
      // Why: a reader loop, not `for await`, types the same under Node's and the DOM's ReadableStream.
      const reader = response.body?.getReader();
      for (
        let chunk = await reader?.read();
        chunk !== undefined && !chunk.done;
        chunk = await reader?.read()
      ) {
        size += chunk.value.byteLength;
        if (size > policy.maxBytes) {
          await reader?.cancel().catch(() => {});
          await handle.close();
          await unlink(tempFile).catch(() => {});
          return { ok: false, reason: `too large: more than ${policy.maxBytes} bytes` };
        }
        hash.update(chunk.value);
        await handle.write(chunk.value);
      }
      await handle.sync();
    } finally {
      await handle.close().catch(() => {});
    }
    return {
      ok: true,
      file: {
        tempFile,
        sha256: hash.digest('hex'),
        size,
        contentType: contentType || 'application/octet-stream',
      },
    };
  } catch (error) {
    await unlink(tempFile).catch(() => {});
    return { ok: false, reason: describeFetchError(error, policy, timeout) };
  } finally {
    await agent.destroy().catch(() => {});
  }
}

/** GET `url` under `policy` through `dispatcher` (the address guard), following allowed redirects; throws on a refusal. */
export async function fetchFollowingRedirects(
  url: string,
  policy: FetchPolicy,
  dispatcher: Dispatcher,
  signal: AbortSignal,
  headers: Readonly<Record<string, string>> = {},
): Promise<Response> {
  const { fetch } = await import('./undici');
  let current = url;
  for (let hop = 0; ; hop++) {
    const target = policy.route(new URL(current));
    const refused = refuseUrl(current, policy) ?? refuseLiteralHost(target, policy.allowedNetworks);
    if (refused !== null)
      throw new RefusedError(hop === 0 ? refused : `redirected to a refused URL: ${refused}`);
    const response = await fetch(target, { redirect: 'manual', signal, dispatcher, headers });
    if (response.status < 300 || response.status >= 400 || response.status === 304) return response;
    const location = response.headers.get('location');
    await response.body?.cancel().catch(() => {});
    if (location === null)
      throw new RefusedError(`HTTP ${response.status} redirect without a Location header`);
    if (hop >= policy.maxRedirects) throw new RefusedError(`more than ${policy.maxRedirects} redirects`);
    current = new URL(location, current).toString();
  }
}

class RefusedError extends Error {}

async function fail(response: Response, reason: string): Promise<DownloadResult> {
  await response.body?.cancel().catch(() => {});
  return { ok: false, reason };
}

/** A failed fetch as a sentence a person reads (refused, timed out, stopped, or the network's error and code). */
export function describeFetchError(error: unknown, policy: FetchPolicy, timeout: AbortSignal): string {
  if (error instanceof RefusedError) return error.message;
  if (error instanceof Error && error.cause instanceof RefusedAddressError) return error.cause.message;
  if (timeout.aborted) return `timed out after ${policy.timeoutMs / 1000} s`;
  if (error instanceof Error && error.name === 'AbortError') return 'stopped';
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : null;
  const code = cause !== null && 'code' in cause ? String(cause.code) : null;
  const message = error instanceof Error ? error.message : String(error);
  return code === null ? message : `${message} (${code})`;
}
