import { z } from 'zod';
import { Playlist } from './schema';

/** The `$id` of the playlist JSON Schema. */
export const PLAYLIST_SCHEMA_ID = 'urn:marquee:playlist-schema:v1';

/** The JSON Schema (draft-07, which every editor understands) of a playlist file, generated from the zod schema. */
export function playlistJsonSchema(): Readonly<Record<string, unknown>> {
  const { $schema, ...rest } = z.toJSONSchema(Playlist, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
  });
  return {
    $schema,
    $id: PLAYLIST_SCHEMA_ID,
    title: 'Marquee playlist',
    description:
      'A Marquee playlist, version 1: the event, its look, its agenda and the slides to play. See docs/playlist.md.',
    ...rest,
  };
}

/** The JSON Schema as the text of `playlist.schema.json` (two-space indent, final newline). */
export function playlistJsonSchemaText(): string {
  return `${JSON.stringify(playlistJsonSchema(), null, 2)}\n`;
}
