import { describe, expect, it } from 'vitest';
import { parsePlaylist } from '../../../src/core/playlist/parsePlaylist';
import { generatePlaylistText } from './generatePlaylist';

const options = { fileName: 'playlist.json' };

function playlistWith(slides: string): string {
  return `{\n  "version": 1,\n  "event": { "name": "E", "timezone": "Asia/Shanghai", "languages": ["en"] },\n  "slides": ${slides}\n}\n`;
}

describe('parsePlaylist', () => {
  it('returns the typed playlist for a valid file', () => {
    const result = parsePlaylist(
      playlistWith('[{ "type": "qr", "id": "q", "title": "Scan", "url": "https://x.org" }]'),
      options,
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.playlist.slides[0]).toMatchObject({ type: 'qr', url: 'https://x.org' });
  });

  it('reports schema and cross-field problems together, sorted by position', () => {
    const text = playlistWith(`[
    { "type": "announcement", "id": "a", "text": "x", "duration": 0 },
    { "type": "announcement", "id": "a", "text": "y", "stlye": "info" }
  ]`);
    const result = parsePlaylist(text, options);
    expect(result.problems.map((p) => [p.line, p.path])).toEqual([
      [5, 'slides[0].duration'],
      [6, 'slides[1].id'],
      [6, 'slides[1].stlye'],
    ]);
    expect(result.problems[2]?.message).toContain('did you mean "style"?');
  });

  it('points an unknown field at its key and a wrong value at the value', () => {
    const text = playlistWith('[{ "type": "announcement", "id": "a", "text": "x", "enabeld": "no" }]');
    const [problem] = parsePlaylist(text, options).problems;
    const line = text.split('\n')[(problem?.line ?? 0) - 1] ?? '';
    expect(line.slice((problem?.column ?? 0) - 1)).toMatch(/^"enabeld"/);
  });

  it('accepts "span": true on image and video slides', () => {
    const result = parsePlaylist(
      playlistWith(`[
    { "type": "image", "id": "i", "src": "a.png", "span": true },
    { "type": "video", "id": "v", "src": "a.webm", "duration": 8, "span": true }
  ]`),
      options,
    );
    expect(result.problems).toEqual([]);
    if (result.ok) expect(result.playlist.slides.map((s) => 'span' in s && s.span)).toEqual([true, true]);
  });

  it('says at its line and column that only image and video slides can span a wall', () => {
    const text = playlistWith('[\n    { "type": "announcement", "id": "a", "text": "x", "span": true }\n  ]');
    const result = parsePlaylist(text, options);
    expect(result.problems).toHaveLength(1);
    const [problem] = result.problems;
    expect(problem?.path).toBe('slides[0].span');
    expect(problem?.message).toContain('only image and video slides can span a wall');
    const line = text.split('\n')[(problem?.line ?? 0) - 1] ?? '';
    expect(line.slice((problem?.column ?? 0) - 1)).toMatch(/^"span"/);
  });

  it('refuses a span that is not true or false', () => {
    const text = playlistWith('[{ "type": "image", "id": "i", "src": "a.png", "span": "yes" }]');
    const [problem] = parsePlaylist(text, options).problems;
    expect(problem?.message).toBe('must be true or false (got "yes")');
  });

  it('accepts a file that starts with a UTF-8 byte-order mark and keeps columns right', () => {
    const text = `\uFEFF${playlistWith('[{ "type": "announcement", "id": "a", "text": "x", "duration": 0 }]')}`;
    const result = parsePlaylist(text, options);
    expect(result.problems).toHaveLength(1);
    const line = text.split('\n')[(result.problems[0]?.line ?? 0) - 1] ?? '';
    expect(line.slice((result.problems[0]?.column ?? 0) - 1)).toMatch(/^0 }/);
  });

  it('checks local assets only when told how, and never https:// ones', () => {
    const text = playlistWith(
      '[{ "type": "image", "id": "a", "src": "images/a.svg" }, { "type": "image", "id": "b", "src": "https://x.org/b.svg" }]',
    );
    expect(parsePlaylist(text, options).ok).toBe(true);
    const asked: string[] = [];
    const result = parsePlaylist(text, {
      ...options,
      assetExists: (ref) => {
        asked.push(ref);
        return false;
      },
    });
    expect(asked).toEqual(['images/a.svg']);
    expect(result.problems.map((p) => p.message)).toEqual([
      "file not found: images/a.svg (looked in the playlist's folder)",
    ]);
  });

  it('says which JSON syntax rule is broken, in plain words', () => {
    const result = parsePlaylist('{\n  "version": 1\n  "event": {}\n}', options);
    expect(result.problems).toEqual([
      {
        line: 3,
        column: 3,
        path: 'event',
        message: 'expected a comma or "}" after the value (found a double quote)',
      },
    ]);
  });

  it('reports an empty file', () => {
    const result = parsePlaylist('', options);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ line: 1, column: 1 });
  });

  it('reports lists nested thousands deep instead of overflowing the stack', () => {
    const deep = `{"version": 1, "notes": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    for (const text of [deep, '['.repeat(100_000)]) {
      const result = parsePlaylist(text, options);
      expect(result.ok).toBe(false);
      expect(result.problems.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('reports a top-level value that is not an object', () => {
    const result = parsePlaylist('[1, 2]', options);
    expect(result.problems[0]).toMatchObject({
      line: 1,
      column: 1,
      message: 'must be an object { … } (got a list of 2)',
    });
  });

  it('treats a window without "to" as ending at midnight, and "to": "00:00" alone as an empty window', () => {
    const ok = parsePlaylist(
      playlistWith('[{ "type": "announcement", "id": "a", "text": "x", "when": [{ "from": "18:00" }] }]'),
      options,
    );
    expect(ok.ok).toBe(true);
    const empty = parsePlaylist(
      playlistWith('[{ "type": "announcement", "id": "a", "text": "x", "when": [{ "to": "00:00" }] }]'),
      options,
    );
    expect(empty.problems.map((p) => p.path)).toEqual(['slides[0].when[0].to']);
  });

  // Why: CPU time, not wall time, and two retries, so that other work on a busy machine cannot fail the test.
  it('parses and validates 10,000 slides in under 150 ms of CPU time (median of 5 after warm-up)', {
    retry: 2,
  }, () => {
    const text = generatePlaylistText(10_000);
    for (let i = 0; i < 3; i++) expect(parsePlaylist(text, options).ok).toBe(true);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = process.cpuUsage();
      parsePlaylist(text, options);
      const used = process.cpuUsage(start);
      times.push((used.user + used.system) / 1000);
    }
    times.sort((a, b) => a - b);
    expect(times[2], `CPU ms per run: ${times.map((t) => t.toFixed(0)).join(', ')}`).toBeLessThan(150);
  });
});
