import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FIELD_REFERENCE_BEGIN,
  FIELD_REFERENCE_END,
  fieldReferenceMarkdown,
} from '../../../src/core/playlist/fieldReference';
import { SLIDE_SCHEMAS } from '../../../src/core/playlist/schema';

// Why: a Markdown formatter may pad table cells and lengthen separator rows; that changes no content.
function normalised(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line.startsWith('|')
        ? line
            .split(/(?<!\\)\|/)
            .map((cell) => cell.trim().replace(/^:?-{3,}:?$/, '---'))
            .join('|')
        : line.trimEnd(),
    )
    .join('\n');
}

const docs = normalised(readFileSync(join(import.meta.dirname, '../../../docs/playlist.md'), 'utf8'));

describe('docs/playlist.md', () => {
  it('contains the field reference exactly as the schema generates it', () => {
    const begin = docs.indexOf(FIELD_REFERENCE_BEGIN);
    const end = docs.indexOf(FIELD_REFERENCE_END);
    expect(begin, 'the field reference markers are missing from docs/playlist.md').toBeGreaterThanOrEqual(0);
    expect(
      docs.slice(begin, end + FIELD_REFERENCE_END.length) === normalised(fieldReferenceMarkdown()),
      'the field reference in docs/playlist.md is out of date: replace it with the output of `npx marquee schema --markdown`',
    ).toBe(true);
  });

  for (const slide of SLIDE_SCHEMAS) {
    const type = slide.shape.type.value;
    it(`mentions every field of the ${type} slide and shows an example of it`, () => {
      const start = docs.indexOf(`### Slide \`"${type}"\``);
      expect(start, `docs/playlist.md has no section for the ${type} slide`).toBeGreaterThanOrEqual(0);
      const next = docs.indexOf('\n### ', start + 1);
      const section = docs.slice(start, next < 0 ? undefined : next);
      for (const field of Object.keys(slide.shape)) expect(section).toContain(`|\`${field}\`|`);
      expect(docs).toContain(`"type": "${type}"`);
    });
  }
});
