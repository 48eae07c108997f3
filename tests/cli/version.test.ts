import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMarquee } from '../support/runMarquee';

const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
  version: string;
};

describe('marquee --version', () => {
  it('prints the version of package.json and exits 0', async () => {
    const { code, stdout } = await runMarquee(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(pkg.version);
  }, 120_000);
});
