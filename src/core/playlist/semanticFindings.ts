import { assetRefsIn } from './collectAssetRefs';
import { type Finding, isRecord } from './finding';
import { formatPath, type JsonPath } from './jsonPath';
import { closest, withHint } from './suggest';

/** What the checks zod cannot do need from the caller. */
export interface SemanticContext {
  /** Whether a relative asset path names an existing file; omit to skip the check. */
  readonly assetExists?: ((ref: string) => boolean) | undefined;
}

/** The checks across fields: unique ids, windows and sessions that end after they start, known timezone and sessions, assets that exist. */
export function semanticFindings(data: unknown, context: SemanticContext): readonly Finding[] {
  if (!isRecord(data)) return [];
  const out: Finding[] = [];
  checkEvent(data.event, out);
  const sessionIds = checkSessions(data.sessions, out);
  // Why: with a live agenda a slide may name a session of the feed, which only the host sees.
  checkSlides(data.slides, data.sessionsFrom === undefined ? sessionIds : null, out);
  checkAssets(data, out, context);
  return out;
}

function checkEvent(event: unknown, out: Finding[]): void {
  if (!isRecord(event)) return;
  const timezone = event.timezone;
  if (typeof timezone === 'string' && timezone !== '' && !isKnownTimezone(timezone)) {
    const near = closest(timezone, knownTimezones());
    out.push({
      path: ['event', 'timezone'],
      target: 'value',
      message: withHint(
        `unknown timezone "${timezone}"`,
        near === undefined ? '' : `; did you mean "${near}"?`,
        'use an IANA name such as "Asia/Shanghai" or "Europe/Berlin"',
      ),
    });
  }
  if (Array.isArray(event.languages)) {
    duplicates(
      event.languages,
      (i) => ['event', 'languages', i],
      out,
      (v) => `language ${v} is listed twice`,
    );
  }
}

function checkSessions(sessions: unknown, out: Finding[]): ReadonlySet<string> {
  if (!Array.isArray(sessions)) return new Set();
  const ids = sessions.map((s: unknown) => (isRecord(s) ? s.id : undefined));
  duplicates(
    ids,
    (i) => ['sessions', i, 'id'],
    out,
    (v) => `duplicate session id ${v}`,
  );
  sessions.forEach((session: unknown, i) => {
    endsAfterStarts(session, ['sessions', i], out);
  });
  return new Set(ids.filter((id): id is string => typeof id === 'string'));
}

function checkSlides(slides: unknown, sessionIds: ReadonlySet<string> | null, out: Finding[]): void {
  if (!Array.isArray(slides)) return;
  if (slides.length === 0) {
    out.push({ path: ['slides'], target: 'value', message: 'add at least one slide' });
    return;
  }
  const ids = slides.map((s: unknown) => (isRecord(s) ? s.id : undefined));
  duplicates(
    ids,
    (i) => ['slides', i, 'id'],
    out,
    (v) => `duplicate slide id ${v}`,
  );
  slides.forEach((slide: unknown, i) => {
    if (!isRecord(slide)) return;
    const at: JsonPath = ['slides', i];
    checkWindows(slide.when, [...at, 'when'], out);
    if (Array.isArray(slide.on)) {
      duplicates(
        slide.on,
        (j) => [...at, 'on', j],
        out,
        (v) => `${v} is listed twice in "on"`,
      );
    }
    if (slide.type === 'course') endsAfterStarts(slide, at, out);
    if (sessionIds !== null && typeof slide.session === 'string' && !sessionIds.has(slide.session)) {
      const near = closest(slide.session, [...sessionIds]);
      const hint =
        sessionIds.size === 0
          ? '; the playlist has no "sessions"'
          : near === undefined
            ? ''
            : `; did you mean "${near}"?`;
      out.push({
        path: [...at, 'session'],
        target: 'value',
        message: `no session with id "${slide.session}" in "sessions"${hint}`,
      });
    }
    if (slide.type === 'countdown') {
      const hasTo = slide.to !== undefined;
      const hasSession = slide.session !== undefined;
      if (hasTo && hasSession) {
        out.push({
          path: [...at, 'session'],
          target: 'key',
          message: 'give either "to" or "session", not both',
        });
      } else if (!hasTo && !hasSession) {
        out.push({
          path: at,
          target: 'value',
          message: 'a countdown needs "to" (e.g. "2018-12-20T09:00") or "session" (the id of a session)',
        });
      }
    }
  });
}

function checkWindows(when: unknown, at: JsonPath, out: Finding[]): void {
  if (!Array.isArray(when)) return;
  if (when.length === 0) {
    out.push({
      path: at,
      target: 'value',
      message: 'an empty list of windows never plays; remove "when" to play all the time',
    });
    return;
  }
  when.forEach((window: unknown, i) => {
    if (!isRecord(window)) return;
    const from = typeof window.from === 'string' ? window.from : '00:00';
    const to = typeof window.to === 'string' ? window.to : '24:00';
    if (to <= from) {
      out.push({
        path: [...at, i, window.to === undefined ? 'from' : 'to'],
        target: 'value',
        message: `end before start: "to" ${to} is not after "from" ${from}; to cross midnight use two windows (from ${from} to 24:00, and from 00:00 to ${to})`,
      });
    }
  });
}

function endsAfterStarts(item: unknown, at: JsonPath, out: Finding[]): void {
  if (!isRecord(item) || typeof item.starts !== 'string' || typeof item.ends !== 'string') return;
  if (item.ends <= item.starts) {
    out.push({
      path: [...at, 'ends'],
      target: 'value',
      message: `ends at ${item.ends}, which is not after it starts (${item.starts})`,
    });
  }
}

function checkAssets(data: unknown, out: Finding[], context: SemanticContext): void {
  const { assetExists } = context;
  for (const { path, ref } of assetRefsIn(data)) {
    // Why: URLs and malformed refs are the schema's business; only plain paths name a file here.
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) continue;
    if (leavesFolder(ref)) {
      out.push({
        path,
        target: 'value',
        message: `"${ref}" points outside the playlist's folder; put the file in the folder (e.g. images/) and write a relative path`,
      });
    } else if (assetExists !== undefined && !assetExists(ref)) {
      out.push({
        path,
        target: 'value',
        message: `file not found: ${ref} (looked in the playlist's folder)`,
      });
    }
  }
}

/** Whether a relative path is absolute or climbs above its folder with "..". */
function leavesFolder(ref: string): boolean {
  if (/^[\\/]/.test(ref)) return true;
  let depth = 0;
  for (const part of ref.split(/[\\/]/)) {
    if (part === '..') depth--;
    else if (part !== '.' && part !== '') depth++;
    if (depth < 0) return true;
  }
  return false;
}

function duplicates(
  values: readonly unknown[],
  pathOf: (i: number) => JsonPath,
  out: Finding[],
  what: (shown: string) => string,
): void {
  const first = new Map<string, number>();
  values.forEach((value, i) => {
    if (typeof value !== 'string') return;
    const earlier = first.get(value);
    if (earlier === undefined) {
      first.set(value, i);
      return;
    }
    const earlierPath = pathOf(earlier);
    out.push({
      path: pathOf(i),
      target: 'value',
      mentions: earlierPath,
      message: (line) =>
        `${what(JSON.stringify(value))}; the first is on line ${line} (${formatPath(earlierPath)})`,
    });
  });
}

const checkedTimezones = new Map<string, boolean>();

function isKnownTimezone(timeZone: string): boolean {
  let known = checkedTimezones.get(timeZone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
      known = true;
    } catch {
      known = false;
    }
    checkedTimezones.set(timeZone, known);
  }
  return known;
}

let zoneNames: readonly string[] | undefined;

function knownTimezones(): readonly string[] {
  zoneNames ??= Intl.supportedValuesOf('timeZone');
  return zoneNames;
}
