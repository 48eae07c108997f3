import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_OPTIONS, settingId, textToValue } from '../../../src/host/config/configOptions';
import { ConfigFile } from '../../../src/host/config/configSchema';

const root = join(import.meta.dirname, '..', '..', '..');

describe('CONFIG_OPTIONS', () => {
  it('has one entry per config-file setting, with distinct flags and variables', () => {
    const keys = Object.keys(ConfigFile.shape).filter((k) => k !== '$schema');
    expect([...new Set(CONFIG_OPTIONS.map((o) => o.key))].sort()).toEqual(keys.sort());
    expect(new Set(CONFIG_OPTIONS.map(settingId)).size).toBe(CONFIG_OPTIONS.length);
    expect(new Set(CONFIG_OPTIONS.map((o) => o.env)).size).toBe(CONFIG_OPTIONS.length);
    expect(new Set(CONFIG_OPTIONS.map((o) => o.flag.split(' ')[0])).size).toBe(CONFIG_OPTIONS.length);
    for (const o of CONFIG_OPTIONS) expect(o.env).toMatch(/^MARQUEE_[A-Z_]+$/);
  });

  it('is documented in docs/kiosk.md: every key, flag and variable', () => {
    const doc = readFileSync(join(root, 'docs', 'kiosk.md'), 'utf8');
    for (const o of CONFIG_OPTIONS) {
      const cell = (text: string) => `\\|\\s*\`${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\`\\s*`;
      expect(doc, o.key).toMatch(new RegExp(`${cell(settingId(o))}${cell(o.flag)}${cell(o.env)}\\|`));
    }
  });
});

describe('textToValue', () => {
  it('reads booleans, integers and "off" the way people write them', () => {
    expect(textToValue('boolean', ' Yes ')).toBe(true);
    expect(textToValue('boolean', 'OFF')).toBe(false);
    expect(textToValue('boolean', 'maybe')).toBe('maybe');
    expect(textToValue('integer', '8080')).toBe(8080);
    expect(textToValue('integer', '80a')).toBe('80a');
    expect(textToValue('nullable-string', 'off')).toBeNull();
    expect(textToValue('nullable-string', '0.0.0.0:7771')).toBe('0.0.0.0:7771');
    expect(textToValue('string', '  hall-a ')).toBe('hall-a');
  });
});
