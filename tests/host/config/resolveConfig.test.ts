import { describe, expect, it } from 'vitest';
import { type ConfigInputs, resolveConfig } from '../../../src/host/config/resolveConfig';

const base: ConfigInputs = {
  flags: {},
  env: {},
  file: null,
  cwd: '/home/staff',
  bundledPlaylist: '/opt/marquee/resources/demo/playlist.json',
};
const file = (text: string) => ({ path: '/etc/marquee/config.json', text });

function resolved(inputs: Partial<ConfigInputs>) {
  const result = resolveConfig({ ...base, ...inputs });
  if (!result.ok) throw new Error(`expected a config, got problems:\n${result.problems.join('\n')}`);
  return result;
}

function problems(inputs: Partial<ConfigInputs>): readonly string[] {
  const result = resolveConfig({ ...base, ...inputs });
  if (result.ok) throw new Error('expected problems, got a config');
  return result.problems;
}

describe('resolveConfig', () => {
  it('plays the bundled demo on the primary display with everything else at its default', () => {
    const { config, origins } = resolved({});
    expect(config).toEqual({
      playlist: '/opt/marquee/resources/demo/playlist.json',
      display: { kind: 'primary' },
      displays: {},
      windowed: false,
      hardwareAcceleration: true,
      exitChord: 'Control+Alt+Shift+Q',
      keyboard: true,
      screen: 'main',
      logLevel: 'info',
      controlListen: null,
      controlToken: null,
      controlSocket: null,
      controlTls: null,
      maxPlaylistMb: 5,
      groups: [],
      fleet: null,
      allowedAssetNetworks: [],
      allowedHosts: [],
      wall: null,
      host: '127.0.0.1',
      port: 7770,
      maxRenderers: 32,
      screenshotsPerMinute: 60,
      configFile: null,
    });
    expect(origins.display).toBe('default');
  });

  it('takes flags over environment over the file over defaults, setting by setting', () => {
    const { config, origins } = resolved({
      file: file('{ "display": "all", "screen": "hall-a", "logLevel": "warn", "port": 8000 }'),
      env: { MARQUEE_DISPLAY: '2', MARQUEE_LOG_LEVEL: 'debug' },
      flags: { display: '3' },
    });
    expect(config.display).toEqual({ kind: 'number', n: 3 });
    expect(config.logLevel).toBe('debug');
    expect(config.screen).toBe('hall-a');
    expect(config.port).toBe(8000);
    expect(origins).toMatchObject({ display: 'flag', logLevel: 'env', screen: 'file', windowed: 'default' });
    expect(config.configFile).toBe('/etc/marquee/config.json');
  });

  it('resolves a playlist from the file against the file, and from flags or env against the working folder', () => {
    expect(resolved({ file: file('{"playlist": "shows/day1.json"}') }).config.playlist).toBe(
      '/etc/marquee/shows/day1.json',
    );
    expect(resolved({ env: { MARQUEE_PLAYLIST: 'day2.json' } }).config.playlist).toBe(
      '/home/staff/day2.json',
    );
    expect(resolved({ flags: { playlist: '/srv/p.json' } }).config.playlist).toBe('/srv/p.json');
  });

  it('reads booleans from the environment in the usual spellings', () => {
    expect(resolved({ env: { MARQUEE_WINDOWED: 'yes', MARQUEE_KEYBOARD: '0' } }).config).toMatchObject({
      windowed: true,
      keyboard: false,
    });
    expect(resolved({ env: { MARQUEE_HARDWARE_ACCELERATION: 'off' } }).config.hardwareAcceleration).toBe(
      false,
    );
  });

  it('lets a --no- flag override a file that turned the setting on', () => {
    const { config } = resolved({ file: file('{"keyboard": true}'), flags: { keyboard: false } });
    expect(config.keyboard).toBe(false);
  });

  it('parses the control settings for the remote', () => {
    const { config } = resolved({
      env: { MARQUEE_CONTROL_LISTEN: '0.0.0.0:7771', MARQUEE_CONTROL_TOKEN: 'abcdefghijklmnopqrstuvwxyz' },
      flags: { controlSocket: '/run/user/1000/marquee.sock' },
    });
    expect(config.controlListen).toEqual({ host: '0.0.0.0', port: 7771 });
    expect(config.controlToken).toBe('abcdefghijklmnopqrstuvwxyz');
    expect(config.controlSocket).toBe('/run/user/1000/marquee.sock');
    expect(resolved({ flags: { controlListen: '[::1]:9000' } }).config.controlListen).toEqual({
      host: '::1',
      port: 9000,
    });
  });

  it('reads which screen each display plays, and names the place and the fix of a bad entry', () => {
    const fromFile = resolved({
      file: file(
        '{ "display": "all", "displays": { "1": { "screen": "hall-a-schedule" }, "2": { "screen": "hall-a-sponsors", "groups": ["sponsors"] } } }',
      ),
    });
    expect(fromFile.config.displays).toEqual({
      '1': { screen: 'hall-a-schedule' },
      '2': { screen: 'hall-a-sponsors', groups: ['sponsors'] },
    });
    const fromEnv = resolved({ env: { MARQUEE_DISPLAYS: '{"2":{"screen":"tv"}}' } });
    expect(fromEnv.config.displays).toEqual({ '2': { screen: 'tv' } });
    expect(
      problems({
        file: file(
          '{\n  "displays": {\n    "left": { "screen": "a" },\n    "3": { "screen": "a" },\n    "4": { "screen": "a" }\n  }\n}',
        ),
      }),
    ).toEqual([
      expect.stringMatching(
        /config\.json:3:13 {2}displays\.left {2}"left" is not a display number: count the displays/,
      ),
      expect.stringMatching(
        /config\.json:5:22 {2}displays\.4\.screen {2}"a" is already the screen of display 3/,
      ),
    ]);
    expect(problems({ file: file('{ "displays": { "2": { "screen": "b c" } } }') })).toEqual([
      expect.stringMatching(/config\.json:1:34 {2}displays\.2\.screen {2}must be letters, digits/),
    ]);
    expect(
      problems({ flags: { screen: 'booth' }, env: { MARQUEE_DISPLAYS: '{"2":{"screen":"booth"}}' } }),
    ).toEqual([
      'displays."2".screen: "booth" is already this machine\'s screen (the "screen" setting), which displays without an entry play; give display 2 its own name, or remove the entry',
    ]);
  });

  it('reads a wall place from the file or as JSON in a variable, and names the fix for a bad one', () => {
    const fromFile = resolved({ file: file('{ "wall": { "name": "lobby", "columns": 3, "column": 2 } }') });
    expect(fromFile.config.wall).toEqual({
      name: 'lobby',
      columns: 3,
      rows: 1,
      column: 2,
      row: 0,
      bezel: { x: 0, y: 0 },
    });
    const fromEnv = resolved({
      env: { MARQUEE_WALL: '{"name":"lobby","columns":2,"column":0,"bezel":{"x":14}}' },
    });
    expect(fromEnv.config.wall?.bezel).toEqual({ x: 14, y: 0 });
    expect(
      problems({ file: file('{\n  "wall": { "name": "lobby", "columns": 3, "column": 3 }\n}') }),
    ).toEqual([
      expect.stringMatching(/config\.json:2:54 {2}wall\.column {2}must be less than columns \(3\)/),
    ]);
    expect(problems({ env: { MARQUEE_WALL: '{name:lobby}' } })).toEqual([
      expect.stringMatching(/MARQUEE_WALL=.*must be a JSON object/),
    ]);
  });

  it('reads the asset networks a venue opts into as a list, and names a bad entry', () => {
    const fromEnv = resolved({ env: { MARQUEE_ALLOWED_ASSET_NETWORKS: ' 10.20.0.5, 10.30.0.0/16 ,' } });
    expect(fromEnv.config.allowedAssetNetworks.map(([base, bits]) => `${base}/${bits}`)).toEqual([
      '10.20.0.5/32',
      '10.30.0.0/16',
    ]);
    const fromFile = resolved({ file: file('{ "allowedAssetNetworks": ["fd00::/8"] }') });
    expect(fromFile.config.allowedAssetNetworks).toHaveLength(1);
    expect(problems({ file: file('{\n  "allowedAssetNetworks": ["assets.lan"]\n}') })).toEqual([
      expect.stringMatching(
        /config\.json:2:27 {2}allowedAssetNetworks {2}"assets\.lan" is not an address or ADDRESS\/BITS network/,
      ),
    ]);
  });

  it('takes the TLS certificate and key together, relative to the config file, and refuses one alone', () => {
    const both = resolved({
      file: file('{ "controlTlsCert": "tls/cert.pem", "controlTlsKey": "/etc/ssl/key.pem" }'),
    });
    expect(both.config.controlTls).toEqual({ cert: '/etc/marquee/tls/cert.pem', key: '/etc/ssl/key.pem' });
    expect(problems({ env: { MARQUEE_CONTROL_TLS_CERT: '/etc/ssl/cert.pem' } })).toEqual([
      expect.stringContaining('controlTlsCert and controlTlsKey go together'),
    ]);
  });

  it('lets the environment turn off a LAN API the file turned on', () => {
    const { config } = resolved({
      file: file('{"controlListen": "0.0.0.0:7771"}'),
      env: { MARQUEE_CONTROL_LISTEN: 'off' },
    });
    expect(config.controlListen).toBeNull();
  });

  it('reads allowedHosts as a list from the file and comma-separated from flags and variables', () => {
    expect(
      resolved({ file: file('{"allowedHosts": ["Kiosk.Venue.Lan", ".venue.lan", "fd00::20"]}') }).config
        .allowedHosts,
    ).toEqual(['kiosk.venue.lan', '.venue.lan', 'fd00::20']);
    expect(
      resolved({ env: { MARQUEE_ALLOWED_HOSTS: 'a.venue.lan, 192.168.1.20' } }).config.allowedHosts,
    ).toEqual(['a.venue.lan', '192.168.1.20']);
    expect(
      resolved({ file: file('{"allowedHosts": ["a.venue.lan"]}'), flags: { allowedHosts: 'none' } }).config
        .allowedHosts,
    ).toEqual([]);
  });

  it('spells the exit chord canonically', () => {
    expect(resolved({ flags: { exitChord: 'ctrl+shift+f12' } }).config.exitChord).toBe('Control+Shift+F12');
  });

  it('accepts comments and trailing commas in the file', () => {
    const text = '{\n  // the hall screens\n  "display": "all",\n  "windowed": false,\n}\n';
    expect(resolved({ file: file(text) }).config.display).toEqual({ kind: 'all' });
  });
});

describe('resolveConfig problems', () => {
  it('names the file, line and column of a wrong value, and the fix', () => {
    const text = '{\n  "screen": "hall-a",\n  "display": "left"\n}';
    expect(problems({ file: file(text) })).toEqual([
      '/etc/marquee/config.json:3:14  display  must be "primary", "all" or a display number from 1 (got "left"); fix the value or remove the key',
    ]);
  });

  it('refuses an allowedHosts entry with a port, a wildcard or a path, naming its place', () => {
    expect(problems({ file: file('{\n  "allowedHosts": ["ok.lan", "kiosk.lan:7770"]\n}') })).toEqual([
      '/etc/marquee/config.json:2:30  allowedHosts.1  must be a host name or address without port, e.g. "kiosk.venue.lan" or ".venue.lan" (got "kiosk.lan:7770"); fix the value or remove the key',
    ]);
    expect(problems({ flags: { allowedHosts: '*.venue.lan' } })[0]).toMatch(
      /^--allowed-hosts \*\.venue\.lan: must be/,
    );
    expect(problems({ env: { MARQUEE_ALLOWED_HOSTS: 'evil/path' } })[0]).toMatch(
      /^MARQUEE_ALLOWED_HOSTS="evil\/path": must be/,
    );
  });

  it('points at a JSON syntax error', () => {
    const found = problems({ file: file('{\n  "display": "all"\n  "windowed": true\n}') });
    expect(found[0]).toMatch(/^\/etc\/marquee\/config\.json:3:3 {2}comma expected; fix the JSON$/);
  });

  it('suggests the setting a misspelt key probably meant', () => {
    expect(problems({ file: file('{\n  "dispaly": "all"\n}') })[0]).toMatch(
      /^\/etc\/marquee\/config\.json:2:3 {2}"dispaly" is not a setting; did you mean "display"\?/,
    );
  });

  it('says what a wrongly typed value must be', () => {
    expect(problems({ file: file('{"windowed": "yes"}') })[0]).toContain('windowed  must be a boolean');
    expect(problems({ file: file('[]') })[0]).toContain('must be a JSON object');
    expect(problems({ file: file('') })[0]).toContain('the file is empty');
  });

  it('names the environment variable and the flag at fault', () => {
    expect(problems({ env: { MARQUEE_LOG_LEVEL: 'loud' } })[0]).toMatch(
      /^MARQUEE_LOG_LEVEL="loud": .*; fix or unset the variable$/,
    );
    expect(problems({ flags: { controlListen: '7771' } })[0]).toBe(
      '--control-listen 7771: must be HOST:PORT, e.g. 0.0.0.0:7771 (got "7771"); fix the flag',
    );
    expect(problems({ flags: { exitChord: 'Q' } })[0]).toContain(
      '--exit-chord Q: exit chord "Q" needs at least two modifiers',
    );
  });

  it('reports every mistake of every source at once', () => {
    const found = problems({
      file: file('{"port": 70000, "screen": "Hall A"}'),
      env: { MARQUEE_WINDOWED: 'maybe' },
      flags: { display: '0' },
    });
    expect(found).toHaveLength(4);
    expect(found.join('\n')).toMatch(/port.*screen.*MARQUEE_WINDOWED.*--display/s);
  });

  it('refuses a short control token', () => {
    expect(problems({ env: { MARQUEE_CONTROL_TOKEN: 'short' } })[0]).toContain('at least 16 characters');
  });
});

describe('resolveConfig: the fleet', () => {
  const inFile = (json: object) => ({
    file: { path: '/etc/marquee/config.json', text: JSON.stringify(json) },
  });

  it('joins no fleet by default and connects anonymously without a username', () => {
    expect(resolved({}).config.fleet).toBeNull();
    const { config } = resolved(
      inFile({ fleet: { url: 'mqtt://hub.local:1883' }, groups: ['hall-a', 'doors'] }),
    );
    expect(config.fleet).toEqual({
      url: 'mqtt://hub.local:1883',
      username: null,
      passwordFile: null,
      ca: null,
    });
    expect(config.groups).toEqual(['hall-a', 'doors']);
  });

  it('merges the fleet field by field, flags over variables over the file, with file paths relative to it', () => {
    const { config, origins } = resolved({
      ...inFile({
        fleet: { url: 'mqtt://a:1883', username: 'door-3', passwordFile: 'door-3.pw', ca: 'ca.pem' },
      }),
      env: { MARQUEE_FLEET_USERNAME: 'door-4', MARQUEE_GROUPS: 'hall-a, doors' },
      flags: { 'fleet.url': 'mqtts://hub.venue.lan:8883' },
    });
    expect(config.fleet).toEqual({
      url: 'mqtts://hub.venue.lan:8883',
      username: 'door-4',
      passwordFile: '/etc/marquee/door-3.pw',
      ca: '/etc/marquee/ca.pem',
    });
    expect(config.groups).toEqual(['hall-a', 'doors']);
    expect(origins.fleet).toBe('flag');
    expect(
      resolved({ ...inFile({ fleet: { url: 'mqtt://a' } }), flags: { 'fleet.url': 'off' } }).config.fleet,
    ).toBeNull();
  });

  it('names the place and the fix for a bad URL, a group name and credentials without a URL', () => {
    expect(problems({ env: { MARQUEE_FLEET_URL: 'http://hub' } })).toEqual([
      expect.stringMatching(
        /^MARQUEE_FLEET_URL="http:\/\/hub": must be a broker URL .*; fix or unset the variable$/,
      ),
    ]);
    expect(problems(inFile({ groups: ['hall a'] }))[0]).toMatch(
      /config\.json:1:\d+ {2}groups\.0 {2}must be letters/,
    );
    expect(problems({ flags: { 'fleet.username': 'door-3' } })[0]).toMatch(/no broker URL; add "fleet"/);
    expect(problems(inFile({ fleet: { url: 'mqtt://a', passwordFile: 'x.pw' } }))[0]).toMatch(/no username/);
  });
});
