import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describeFetchError, type FetchPolicy, fetchFollowingRedirects } from '../cache/fetchAsset';
import { guardedAgent } from '../cache/guardedAgent';

/** What the last good fetch of a feed said about its version, sent back to ask "changed since?". */
export type FeedValidators = Readonly<{ etag: string | null; lastModified: string | null }>;

/** A feed's text, that it has not changed since the validators, or why it could not be had. */
export type FeedFetch =
  | Readonly<{ kind: 'fresh'; text: string; validators: FeedValidators }>
  | Readonly<{ kind: 'not-modified' }>
  | Readonly<{ kind: 'failed'; reason: string }>;

/** Where a feed comes from: a URL, or a file (relative paths against `baseDir`, the playlist's folder). */
export type FeedLocation = Readonly<{ url: string }> | Readonly<{ file: string; baseDir: string }>;

const NO_VALIDATORS: FeedValidators = { etag: null, lastModified: null };

/**
 * Fetches a schedule feed. A URL goes through the asset cache's guarded path (https only, the address
 * guard at every hop, `policy` limits) with a conditional request (If-None-Match, If-Modified-Since);
 * a file is read when its modification time changed. Never throws.
 */
export async function fetchFeed(
  location: FeedLocation,
  policy: FetchPolicy,
  since: FeedValidators = NO_VALIDATORS,
  signal?: AbortSignal,
): Promise<FeedFetch> {
  return 'url' in location ? fetchUrl(location.url, policy, since, signal) : readFeedFile(location, since);
}

async function fetchUrl(
  url: string,
  policy: FetchPolicy,
  since: FeedValidators,
  signal: AbortSignal | undefined,
): Promise<FeedFetch> {
  const timeout = AbortSignal.timeout(policy.timeoutMs);
  const combined = signal === undefined ? timeout : AbortSignal.any([signal, timeout]);
  const agent = await guardedAgent(policy.resolve, policy.allowedNetworks);
  const headers: Record<string, string> = {
    accept: 'application/json, application/xml, text/xml, text/calendar;q=0.9, */*;q=0.5',
  };
  if (since.etag !== null) headers['if-none-match'] = since.etag;
  if (since.lastModified !== null) headers['if-modified-since'] = since.lastModified;
  try {
    const response = await fetchFollowingRedirects(url, policy, agent, combined, headers);
    if (response.status === 304) {
      await response.body?.cancel().catch(() => {});
      return { kind: 'not-modified' };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      return { kind: 'failed', reason: `the server answered HTTP ${response.status}` };
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(declared) && declared > policy.maxBytes) {
      await response.body?.cancel().catch(() => {});
      return { kind: 'failed', reason: `too large: ${declared} bytes (the limit is ${policy.maxBytes})` };
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body?.getReader();
    for (let chunk = await reader?.read(); chunk !== undefined && !chunk.done; chunk = await reader?.read()) {
      size += chunk.value.byteLength;
      if (size > policy.maxBytes) {
        await reader?.cancel().catch(() => {});
        return { kind: 'failed', reason: `too large: more than ${policy.maxBytes} bytes` };
      }
      chunks.push(chunk.value);
    }
    return {
      kind: 'fresh',
      text: new TextDecoder().decode(Buffer.concat(chunks)),
      validators: { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') },
    };
  } catch (error) {
    return { kind: 'failed', reason: describeFetchError(error, policy, timeout) };
  } finally {
    await agent.destroy().catch(() => {});
  }
}

async function readFeedFile(
  location: { file: string; baseDir: string },
  since: FeedValidators,
): Promise<FeedFetch> {
  const path = resolve(location.baseDir, location.file);
  try {
    const info = await stat(path);
    const modified = `${info.mtimeMs}:${info.size}`;
    if (since.lastModified === modified) return { kind: 'not-modified' };
    const text = await readFile(path, 'utf8');
    return { kind: 'fresh', text, validators: { etag: null, lastModified: modified } };
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    return {
      kind: 'failed',
      reason:
        code === 'ENOENT'
          ? `no file ${path}`
          : `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
