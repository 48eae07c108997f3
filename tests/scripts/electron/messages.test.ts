import { describe, expect, it } from 'vitest';
import { cannotStartMessage, fetchFailedMessage, nodeTooOld } from '../../../scripts/electron/messages.mjs';

describe('nodeTooOld', () => {
  it('accepts Node 20.19 and newer, where Electron’s installer can require() its ES modules', () => {
    for (const ok of ['20.19.0', '20.20.2', '22.12.0', '24.1.0']) expect(nodeTooOld(ok)).toBeNull();
  });

  it('names the version needed and the one running for older Node', () => {
    for (const old of ['20.18.3', '18.20.0', '16.0.0'])
      expect(nodeTooOld(old)).toMatch(
        new RegExp(`^Marquee needs Node\\.js 20\\.19 or newer \\(this is ${old.replaceAll('.', '\\.')}\\)`),
      );
  });
});

describe('fetchFailedMessage', () => {
  it('is one paragraph naming what failed and the three ways on, with the China mirror as Electron documents it', () => {
    const said = fetchFailedMessage({
      version: '45.5.0',
      url: 'https://github.com/electron/electron/releases/download/v45.5.0/electron-v45.5.0-linux-x64.zip',
      what: 'Error: getaddrinfo ENOTFOUND github.com.',
    });
    expect(said).not.toContain('\n');
    expect(said).toMatch(
      /^Electron 45\.5\.0 could not be downloaded from https:\/\/github\.com\/\S+\.zip: getaddrinfo ENOTFOUND github\.com\. Three ways on: \(1\) set ELECTRON_MIRROR/,
    );
    expect(said).toContain(
      'ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ ELECTRON_CUSTOM_DIR="{{ version }}" npm start',
    );
    expect(said).toContain('(2) install it yourself with npx install-electron, then npm start');
    expect(said).toMatch(/\(3\) run the same show in a browser with: npx marquee serve --open$/);
  });

  it('leaves out the URL when the installer failed before asking for anything', () => {
    expect(fetchFailedMessage({ version: '45.5.0', url: null, what: 'disk full' })).toMatch(
      /^Electron 45\.5\.0 could not be downloaded: disk full\. /,
    );
  });
});

describe('cannotStartMessage', () => {
  it('says why and how to run the show in a browser instead', () => {
    expect(cannotStartMessage('spawn EACCES')).toBe(
      'Electron could not be started here (spawn EACCES); run the same show in a browser with: npx marquee serve --open',
    );
  });
});
