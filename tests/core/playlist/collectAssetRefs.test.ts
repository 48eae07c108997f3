import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { collectAssetRefs } from '../../../src/core/playlist/collectAssetRefs';
import { parsePlaylist } from '../../../src/core/playlist/parsePlaylist';

it('lists every asset of every kind with its path, https ones included', () => {
  const text = readFileSync(
    join(import.meta.dirname, '../../fixtures/playlists/valid/every-type.json'),
    'utf8',
  );
  const result = parsePlaylist(text, { fileName: 'every-type.json' });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  expect(collectAssetRefs(result.playlist)).toEqual([
    { path: 'theme.background.image', ref: 'images/bg.svg' },
    { path: 'theme.logo', ref: 'images/logo.svg' },
    { path: 'slides[0].photo', ref: 'images/speaker.svg' },
    { path: 'slides[1].logo', ref: 'images/company.svg' },
    { path: 'slides[3].tiers[0].sponsors[0].logo', ref: 'images/sponsor.svg' },
    { path: 'slides[3].tiers[1].sponsors[1].logo', ref: 'https://example.com/c.svg' },
    { path: 'slides[5].src', ref: 'images/hall.svg' },
    { path: 'slides[6].src', ref: 'https://example.com/teaser.mp4' },
    { path: 'slides[6].poster', ref: 'images/poster.svg' },
  ]);
});
