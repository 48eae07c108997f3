import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addConfigFlags, parseKioskArgs, typedFlags } from '../../../src/host/config/configFlags';

describe('parseKioskArgs', () => {
  it('reads the shell flags and ignores Electron paths and Chromium switches', () => {
    const parsed = parseKioskArgs([
      'dist/electron/main.cjs',
      '--no-sandbox',
      '--windowed',
      '--display',
      'all',
      '--no-keyboard',
      '--config',
      '/etc/marquee.json',
    ]);
    expect(parsed).toEqual({
      flags: { windowed: true, display: 'all', keyboard: false },
      configFlag: '/etc/marquee.json',
    });
  });

  it('leaves out settings that were not typed, so the environment and file still apply', () => {
    expect(parseKioskArgs([])).toEqual({ flags: {}, configFlag: undefined });
  });

  it('turns off hardware acceleration with --no-hardware-acceleration', () => {
    expect(parseKioskArgs(['--no-hardware-acceleration']).flags).toEqual({ hardwareAcceleration: false });
  });
});

describe('addConfigFlags', () => {
  it('gives `marquee serve` the server flags and not the kiosk-only ones', () => {
    const command = addConfigFlags(new Command('serve'), 'serve').exitOverride();
    command.parse(['--port', '8080', '--host', '0.0.0.0', '--screen', 'lobby'], { from: 'user' });
    expect(typedFlags(command).flags).toEqual({ port: '8080', host: '0.0.0.0', screen: 'lobby' });
    expect(() => command.parse(['--windowed'], { from: 'user' })).toThrow(/unknown option/);
  });
});
