import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlaylist } from '../../../src/core/playlist/parsePlaylist';

const root = join(import.meta.dirname, '../../fixtures/playlists');

function parseFixture(kind: 'valid' | 'invalid', name: string) {
  const dir = join(root, kind);
  const text = readFileSync(join(dir, name), 'utf8');
  const assetExists = (ref: string) => existsSync(join(dir, ref)) && statSync(join(dir, ref)).isFile();
  return parsePlaylist(text, { fileName: name, assetExists });
}

type Expected = readonly [line: number, column: number, path: string, message: string];

const INVALID: Readonly<Record<string, readonly Expected[]>> = {
  'syntax-missing-comma.json': [[6, 5, 'slides[0]', 'expected a comma or "]" after the value']],
  'syntax-comment-and-trailing-comma.json': [
    [4, 3, '', 'comments are not allowed in a playlist'],
    [
      6,
      57,
      'slides[0].text',
      'remove this comma: a playlist allows no comma after the last item (before "}")',
    ],
    [6, 60, 'slides[0]', 'remove this comma: a playlist allows no comma after the last item (before "]")'],
  ],
  'syntax-single-quotes.json': [[4, 24, 'slides[0].type', 'strings need double quotes']],
  'unknown-field.json': [
    [
      5,
      59,
      'slides[0].duraton',
      'unknown field "duraton"; did you mean "duration"? Allowed here: type, id, duration,',
    ],
    [
      6,
      59,
      'slides[1].colour',
      'unknown field "colour"; allowed here: type, id, duration, transition, enabled, when',
    ],
  ],
  'unknown-slide-type.json': [
    [
      5,
      15,
      'slides[0].type',
      'unknown slide type "spekaer"; did you mean "speaker"? Types: speaker, practice, course,',
    ],
    [6, 5, 'slides[1]', 'missing "type"; it must be one of: speaker, practice'],
  ],
  'wrong-types-and-ranges.json': [
    [5, 71, 'slides[0].duration', 'must be a number of seconds (got "10")'],
    [5, 88, 'slides[0].enabled', 'must be true or false (got "yes")'],
    [6, 71, 'slides[1].duration', 'must be between 1 and 3600 seconds (got 0)'],
    [
      6,
      88,
      'slides[1].transition',
      'must be one of: "fade", "slide", "zoom", "cut" (got "fdae"); did you mean "fade"?',
    ],
    [7, 87, 'slides[2].points', 'must have at least 2 items (got 1)'],
    [8, 56, 'slides[3].url', 'must be an http:// or https:// URL (got "ftp://example.com")'],
    [9, 53, 'slides[4].name.zh', 'must not be empty'],
    [10, 45, 'slides[5].name', 'must be text: "…" or one string per language'],
    [11, 85, 'slides[6].starts', 'is not a real calendar date (got "2018-12-32T09:00")'],
  ],
  'missing-required.json': [
    [2, 14, 'version', 'must be 1, the only playlist version so far (got 2)'],
    [3, 12, 'event.name', 'missing required field "name": Event name'],
    [5, 5, 'slides[0].name', 'missing required field "name": Speaker name'],
    [6, 42, 'slides[1].src', 'must not be empty'],
  ],
  'duplicate-ids.json': [
    [6, 13, 'sessions[1].id', 'duplicate session id "s1"; the first is on line 5 (sessions[0].id)'],
    [11, 37, 'slides[2].id', 'duplicate slide id "hello"; the first is on line 9 (slides[0].id)'],
  ],
  'times-out-of-order.json': [
    [5, 93, 'sessions[0].ends', 'ends at 2018-12-20T09:00, which is not after it starts (2018-12-20T10:00)'],
    [8, 96, 'slides[0].when[0].to', 'end before start'],
    [9, 71, 'slides[1].when', 'an empty list of windows never plays'],
    [10, 113, 'slides[2].ends', 'ends at 2018-12-21T12:00, which is not after it starts'],
  ],
  'unknown-timezone-and-languages.json': [
    [3, 62, 'event.timezone', 'unknown timezone "Asia/Shangai"; did you mean "Asia/Shanghai"?'],
    [
      3,
      104,
      'event.languages[2]',
      'language "zh" is listed twice; the first is on line 3 (event.languages[0])',
    ],
  ],
  'unknown-session.json': [
    [8, 75, 'slides[0].session', 'no session with id "keynot" in "sessions"; did you mean "keynote"?'],
    [9, 50, 'slides[1].session', 'no session with id "workshop" in "sessions"'],
  ],
  'countdown-target.json': [
    [8, 5, 'slides[0]', 'a countdown needs "to" (e.g. "2018-12-20T09:00") or "session"'],
    [9, 68, 'slides[1].session', 'give either "to" or "session", not both'],
  ],
  'empty-slides.json': [[4, 13, 'slides', 'add at least one slide']],
  'slide-on.json': [
    [5, 61, 'slides[0].on', 'must be a list [ … ] (got "hall-a")'],
    [6, 61, 'slides[1].on', 'name at least one screen, group or wall (or leave "on" out to play everywhere)'],
    [
      7,
      62,
      'slides[2].on[0]',
      'must be letters, digits, "-" or "_" (up to 64), starting with a letter or digit',
    ],
    [7, 81, 'slides[2].on[2]', '"doors" is listed twice in "on"; the first is on line 7 (slides[2].on[1])'],
    [8, 62, 'slides[3].on[0]', 'must be a string in double quotes (got 3)'],
  ],
  'missing-assets.json': [
    [4, 39, 'theme.background.image', "file not found: images/bg.svg (looked in the playlist's folder)"],
    [4, 66, 'theme.logo', 'file not found: images/logo.svg'],
    [6, 73, 'slides[0].photo', 'file not found: images/x.svg'],
    [7, 62, 'slides[1].logo', 'file not found: logos/c.svg'],
    [9, 42, 'slides[3].src', 'file not found: video/teaser.mp4'],
    [10, 102, 'slides[4].tiers[0].sponsors[0].logo', 'file not found: logos/s.svg'],
    [11, 42, 'slides[5].src', `"../outside.svg" points outside the playlist's folder`],
    [12, 71, 'slides[6].poster', 'file not found: images/poster.jpg'],
  ],
};

describe('valid fixtures', () => {
  for (const name of readdirSync(join(root, 'valid')).filter((f) => f.endsWith('.json'))) {
    it(`accepts ${name} with no problems`, () => {
      const result = parseFixture('valid', name);
      expect(result.problems).toEqual([]);
      expect(result.ok).toBe(true);
    });
  }
});

describe('invalid fixtures', () => {
  it('has an expectation for every invalid fixture file', () => {
    const files = readdirSync(join(root, 'invalid')).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(Object.keys(INVALID).sort());
  });

  for (const [name, expected] of Object.entries(INVALID)) {
    it(`reports exactly the expected problems in ${name}`, () => {
      const result = parseFixture('invalid', name);
      expect(result.ok).toBe(false);
      const got = result.problems.map((p) => [p.line, p.column, p.path, p.message] as const);
      expect(got.map(([line, column, path]) => [line, column, path])).toEqual(
        expected.map(([line, column, path]) => [line, column, path]),
      );
      got.forEach(([, , , message], i) => {
        expect(message).toContain(expected[i]?.[3]);
      });
    });
  }
});
