import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAYLIST_SCHEMA_ID, playlistJsonSchemaText } from '../../../src/core/playlist/jsonSchema';
import { SLIDE_TYPES } from '../../../src/core/playlist/schema';

const committed = join(import.meta.dirname, '../../../playlist.schema.json');

describe('playlist.schema.json', () => {
  it('is in sync with the zod schema', () => {
    const fresh = playlistJsonSchemaText();
    const onDisk = readFileSync(committed, 'utf8');
    expect(
      onDisk === fresh,
      'playlist.schema.json is out of date: run `npx marquee schema --out playlist.schema.json` and commit it',
    ).toBe(true);
  });

  it('is draft-07 with an $id, a title, the field descriptions, and closed objects', () => {
    const schema = JSON.parse(playlistJsonSchemaText()) as Record<string, unknown>;
    expect(schema).toMatchObject({
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: PLAYLIST_SCHEMA_ID,
      title: 'Marquee playlist',
      additionalProperties: false,
      required: ['version', 'event', 'slides'],
    });
    const text = JSON.stringify(schema);
    expect(text).toContain('IANA timezone of the venue');
    for (const type of SLIDE_TYPES) expect(text).toContain(`"const":"${type}"`);
  });
});
