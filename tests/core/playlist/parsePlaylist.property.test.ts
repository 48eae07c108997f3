import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ParseResult, parsePlaylist } from '../../../src/core/playlist/parsePlaylist';

const validText = readFileSync(
  join(import.meta.dirname, '../../fixtures/playlists/valid/every-type.json'),
  'utf8',
);
const options = { fileName: 'playlist.json' };

/** Fails unless the result is ok, or has problems whose line and column lie inside the text. */
function expectWellFormed(text: string, result: ParseResult): void {
  if (result.ok) {
    expect(result.problems).toEqual([]);
    return;
  }
  expect(result.problems.length).toBeGreaterThanOrEqual(1);
  const lines = text.split(/\r\n|\r|\n/);
  for (const p of result.problems) {
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.column).toBeGreaterThanOrEqual(1);
    expect(p.line).toBeLessThanOrEqual(lines.length);
    expect(p.column).toBeLessThanOrEqual((lines[p.line - 1]?.length ?? 0) + 1);
    expect(p.message.length).toBeGreaterThan(0);
  }
}

const jsonish = fc.string({
  unit: fc.constantFrom(...'{}[]",:0123456789.-eE truefalsnul\n\\/\'#'.split('')),
});

const edit = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: jsonish }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: jsonish }),
);

type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of edits) {
    const at = e.at % (out.length + 1);
    if (e.kind === 'delete') out = out.slice(0, at) + out.slice(at + e.length);
    else if (e.kind === 'insert') out = out.slice(0, at) + e.text + out.slice(at);
    else out = out.slice(0, at) + e.text + out.slice(at + e.text.length);
  }
  return out;
}

/** Sets the value at a random place in the parsed JSON (chosen by a walk of `steps`) to `value`. */
function setSomewhere(data: unknown, steps: readonly number[], value: unknown): unknown {
  const copy: unknown = structuredClone(data);
  let node = copy;
  for (const step of steps) {
    if (node === null || typeof node !== 'object') break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[step % keys.length] as string;
    const child = (node as Record<string, unknown>)[key];
    if (child === null || typeof child !== 'object' || step % 5 === 0) {
      (node as Record<string, unknown>)[key] = value;
      return copy;
    }
    node = child;
  }
  return copy;
}

describe('parsePlaylist on arbitrary input', () => {
  it('never throws on random JSON-like text, and places every problem inside the text', () => {
    fc.assert(
      fc.property(jsonish, (text) => {
        expectWellFormed(text, parsePlaylist(text, options));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on random edits of a valid playlist, and places every problem inside the text', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const text = applyEdits(validText, edits);
        expectWellFormed(text, parsePlaylist(text, options));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws when any value of a valid playlist is replaced by any JSON value', () => {
    const data: unknown = JSON.parse(validText);
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), fc.jsonValue(), (steps, value) => {
        const text = JSON.stringify(setSomewhere(data, steps, value), null, 2);
        expectWellFormed(text, parsePlaylist(text, options));
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips a valid playlist: stringify, parse again, same data', () => {
    const first = parsePlaylist(validText, options);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.playlist).toEqual(JSON.parse(validText));
    for (const indent of [0, 2, '\t'] as const) {
      const again = parsePlaylist(JSON.stringify(first.playlist, null, indent), options);
      expect(again.ok && again.playlist).toEqual(first.playlist);
    }
  });
});
