import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldReferenceMarkdown } from '../../src/core/playlist/fieldReference';
import { playlistJsonSchemaText } from '../../src/core/playlist/jsonSchema';

const root = join(import.meta.dirname, '../..');
const fixtures = 'tests/fixtures/playlists';

function marquee(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['bin/marquee.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

// Why: each run starts a Node process; on a busy machine that can take seconds.
describe('marquee validate', { timeout: 180_000 }, () => {
  it('exits 0 and prints a summary for a valid playlist', () => {
    const run = marquee('validate', `${fixtures}/valid/every-type.json`);
    expect(run.stdout).toBe(`✔ ${fixtures}/valid/every-type.json is valid: 11 slides, 2 languages\n`);
    expect(run.status).toBe(0);
  });

  it('exits 1 and prints one problem a line, then the count', () => {
    const file = `${fixtures}/invalid/duplicate-ids.json`;
    const run = marquee('validate', file);
    expect(run.stdout.split('\n')).toEqual([
      `${file}:6:13  sessions[1].id  duplicate session id "s1"; the first is on line 5 (sessions[0].id)`,
      `${file}:11:37  slides[2].id  duplicate slide id "hello"; the first is on line 9 (slides[0].id)`,
      `✖ 2 problems in ${file}`,
      '',
    ]);
    expect(run.status).toBe(1);
  });

  it('prints the problems as a JSON array with --json, and an empty array when valid', () => {
    const bad = marquee('validate', `${fixtures}/invalid/empty-slides.json`, '--json');
    expect(JSON.parse(bad.stdout)).toEqual([
      { line: 4, column: 13, path: 'slides', message: 'add at least one slide' },
    ]);
    expect(bad.status).toBe(1);
    const good = marquee('validate', '--json', `${fixtures}/valid/minimal.json`);
    expect(JSON.parse(good.stdout)).toEqual([]);
    expect(good.status).toBe(0);
  });

  it('exits 2 when the file cannot be read or the arguments are wrong', () => {
    const missing = marquee('validate', 'no/such/playlist.json');
    expect(missing.stderr).toBe('cannot read no/such/playlist.json: no such file (check the path)\n');
    expect(missing.status).toBe(2);
    const noArgument = marquee('validate');
    expect(noArgument.stderr).toContain("missing required argument 'playlist.json'");
    expect(noArgument.status).toBe(2);
  });
});

describe('marquee schema', { timeout: 180_000 }, () => {
  it('prints the field reference tables of docs/playlist.md with --markdown', () => {
    const printed = marquee('schema', '--markdown');
    expect(printed.stdout).toBe(`${fieldReferenceMarkdown()}\n`);
    expect(printed.status).toBe(0);
  });

  it('prints the JSON Schema and writes it with --out', async () => {
    const printed = marquee('schema');
    expect(printed.stdout).toBe(playlistJsonSchemaText());
    expect(printed.status).toBe(0);
    const dir = await mkdtemp(join(tmpdir(), 'marquee-schema-'));
    try {
      const out = join(dir, 'playlist.schema.json');
      expect(marquee('schema', '--out', out).status).toBe(0);
      expect(await readFile(out, 'utf8')).toBe(playlistJsonSchemaText());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
