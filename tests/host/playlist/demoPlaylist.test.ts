import { join } from 'node:path';
import { expect, it } from 'vitest';
import { formatProblem, loadPlaylistFile } from '../../../src/host/playlist/loadPlaylistFile';

it('validates the demo playlist with no problems, every local asset present', async () => {
  const file = join(import.meta.dirname, '../../../assets/demo/playlist.json');
  const loaded = await loadPlaylistFile(file);
  const problems = loaded.kind === 'invalid' ? loaded.problems.map((p) => formatProblem(file, p)) : [];
  expect(problems).toEqual([]);
  expect(loaded.kind).toBe('ok');
});
