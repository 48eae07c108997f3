import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { FleetName } from '../../core/channels/fleetTopics';
import { appRoot } from '../../host/appRoot';
import { parseListen } from '../../host/http/httpJson';
import { resolveControlToken } from '../../host/control/tokenStore';
import {
  loadOrCreateBrokerCredentials,
  mosquittoPasswordLine,
  screenPassword,
} from '../../host/hub/brokerCredentials';
import type { BrokerListen } from '../../host/hub/embeddedBroker';
import { startHub } from '../../host/hub/startHub';
import { createHostLogger } from '../../host/log/hostLogger';
import { platformPaths } from '../../host/paths';

const HubFlags = z.strictObject({
  dir: z.string().min(1).optional(),
  listen: z.string(),
  mqttListen: z.string(),
  mqttsListen: z.string().optional(),
  tlsCert: z.string().optional(),
  tlsKey: z.string().optional(),
  broker: z
    .string()
    .regex(/^(mqtts?|wss?):\/\//, '--broker must be an mqtt://, mqtts://, ws:// or wss:// URL')
    .optional(),
  brokerUsername: z.string().optional(),
  brokerPasswordFile: z.string().optional(),
  brokerCa: z.string().optional(),
  token: z.string().optional(),
});

/** The hub folder when `--dir` is not given. */
export function defaultHubDir(): string {
  return join(platformPaths().state, 'hub');
}

/** Registers `marquee hub` (the fleet broker, controller and fleet remote) and `marquee hub credentials`. */
export function registerHub(program: Command): void {
  const hub = program
    .command('hub')
    .description(
      'Run the venue fleet: an MQTT broker (or --broker URL), presence, proof of play and the fleet remote at /fleet/.',
    )
    .option(
      '--dir <dir>',
      `hub folder: credentials, presence, alert, proof of play (default: ${defaultHubDir()})`,
    )
    .option(
      '--listen <host:port>',
      'HTTP API and fleet remote (MQTT over WebSocket at /mqtt)',
      '0.0.0.0:8095',
    )
    .option('--mqtt-listen <host:port>', 'embedded broker, plain MQTT', '0.0.0.0:1883')
    .option('--mqtts-listen <host:port>', 'embedded broker, MQTT over TLS (needs --tls-cert and --tls-key)')
    .option('--tls-cert <file>', 'certificate (PEM) for --mqtts-listen')
    .option('--tls-key <file>', 'private key (PEM) for --mqtts-listen')
    .option('--broker <url>', 'use this broker (e.g. the venue Mosquitto) instead of the embedded one')
    .option('--broker-username <name>', 'staff user name on --broker', 'marquee-hub')
    .option('--broker-password-file <file>', 'file holding the staff password on --broker')
    .option('--broker-ca <file>', 'CA (PEM) to trust for an mqtts:// or wss:// --broker')
    .option(
      '--token <token>',
      'bearer token of the fleet remote (default: generated, kept in the hub folder)',
    )
    .action(async (raw: unknown) => {
      process.exitCode = await runHub(raw);
    });
  hub
    .command('token')
    .description(
      'Print the fleet remote token (on this terminal; `marquee hub` prints it only to a terminal).',
    )
    .option('--dir <dir>', `hub folder (default: ${defaultHubDir()})`)
    .action((raw: { dir?: string }) => {
      const parentDir: unknown = hub.opts().dir;
      process.exitCode = tokenCommand(
        typeof parentDir === 'string' ? parentDir : (raw.dir ?? defaultHubDir()),
      );
    });
  hub
    .command('credentials')
    .description(
      "Print a screen's broker password, or write a Mosquitto password file for the hub and screens.",
    )
    .option('--dir <dir>', `hub folder (default: ${defaultHubDir()})`)
    .option('--screen <name...>', 'screen names')
    .option('--out <file>', "write the (first) screen's password to this file, mode 0600")
    .option('--mosquitto-passwd <file>', 'write a Mosquitto password file with the hub and every --screen')
    .action((raw: Record<string, unknown>) => {
      // Why: commander gives `--dir` to the parent `hub` when both declare it.
      const parentDir: unknown = hub.opts().dir;
      process.exitCode = credentialsCommand(parentDir === undefined ? raw : { ...raw, dir: parentDir });
    });
}

function tokenCommand(dir: string): number {
  try {
    const token = resolveControlToken(dir, undefined);
    process.stdout.write(
      `${token.token}\nopen http://<this machine>:8095/fleet/#token=${token.token} (the port of --listen)\n`,
    );
    return 0;
  } catch (err) {
    process.stderr.write(`marquee hub token: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

async function runHub(raw: unknown): Promise<number> {
  const parsed = HubFlags.safeParse(raw);
  if (!parsed.success) {
    process.stderr.write(`marquee hub: ${parsed.error.issues.map((i) => i.message).join('; ')}\n`);
    return 2;
  }
  const flags = parsed.data;
  const dir = flags.dir ?? defaultHubDir();
  try {
    const mqttListen: BrokerListen[] = [parseListen(flags.mqttListen)];
    if (flags.mqttsListen !== undefined) {
      if (flags.tlsCert === undefined || flags.tlsKey === undefined) {
        throw new Error('--mqtts-listen needs --tls-cert <file> and --tls-key <file>');
      }
      mqttListen.push({
        ...parseListen(flags.mqttsListen),
        tls: { cert: readFileSync(flags.tlsCert), key: readFileSync(flags.tlsKey) },
      });
    }
    const broker =
      flags.broker === undefined
        ? null
        : {
            url: flags.broker,
            username: flags.brokerUsername ?? 'marquee-hub',
            password: readPasswordFile(flags.brokerPasswordFile),
            ...(flags.brokerCa === undefined ? {} : { ca: readFileSync(flags.brokerCa, 'utf8') }),
          };
    const token = resolveControlToken(dir, flags.token);
    const { logger } = createHostLogger({ dir: join(dir, 'logs'), level: 'info' });
    const fleetRemoteDir = join(appRoot(), 'dist', 'fleet-remote');
    const hub = await startHub({
      dir,
      listen: parseListen(flags.listen),
      mqttListen,
      broker,
      token: token.token,
      fleetRemoteDir: existsSync(join(fleetRemoteDir, 'index.html')) ? fleetRemoteDir : null,
      log: logger,
    });
    process.stdout.write(
      [
        // Why: stdout of a service goes to the journal; the token is printed only to a terminal.
        process.stdout.isTTY
          ? `marquee hub: fleet remote ${hub.url}/fleet/#token=${token.token}`
          : `marquee hub: fleet remote ${hub.url}/fleet/ (its token: marquee hub token --dir ${dir})`,
        ...hub.brokerUrls.map((url) => `marquee hub: broker ${url}`),
        broker
          ? `marquee hub: joined ${broker.url} as ${broker.username}`
          : `marquee hub: screen passwords: marquee hub credentials --dir ${dir} --screen <name>`,
        `marquee hub: folder ${dir} (proof of play: marquee report --dir ${hub.link.proofDir})`,
        '',
      ].join('\n'),
    );
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        void hub.dispose().finally(resolve);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  } catch (err) {
    process.stderr.write(`marquee hub: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

function credentialsCommand(raw: unknown): number {
  const parsed = z
    .strictObject({
      dir: z.string().optional(),
      screen: z.array(FleetName).optional(),
      out: z.string().optional(),
      mosquittoPasswd: z.string().optional(),
    })
    .safeParse(raw);
  if (!parsed.success) {
    process.stderr.write(
      `marquee hub credentials: --screen ${parsed.error.issues[0]?.message ?? 'is wrong'}\n`,
    );
    return 2;
  }
  const { dir, screen = [], out, mosquittoPasswd } = parsed.data;
  const credentials = loadOrCreateBrokerCredentials(dir ?? defaultHubDir());
  if (mosquittoPasswd !== undefined) {
    const lines = [
      mosquittoPasswordLine(credentials.staff.username, credentials.staff.password),
      ...screen.map((s) => mosquittoPasswordLine(s, screenPassword(credentials, s))),
    ];
    writeFileSync(mosquittoPasswd, `${lines.join('\n')}\n`, { mode: 0o600 });
    process.stdout.write(
      `wrote ${mosquittoPasswd}: ${credentials.staff.username} and ${screen.length} screen(s)\n`,
    );
    return 0;
  }
  const first = screen[0];
  if (first === undefined) {
    process.stderr.write(
      'marquee hub credentials: name a screen with --screen <name> (or --mosquitto-passwd <file>)\n',
    );
    return 2;
  }
  if (out !== undefined) {
    writeFileSync(out, `${screenPassword(credentials, first)}\n`, { mode: 0o600 });
    process.stdout.write(
      `wrote the password of "${first}" to ${out}; use it as the screen's fleet passwordFile\n`,
    );
    return 0;
  }
  for (const s of screen) process.stdout.write(`${s}\t${screenPassword(credentials, s)}\n`);
  return 0;
}

function readPasswordFile(file: string | undefined): string {
  if (file === undefined)
    throw new Error('--broker needs --broker-password-file <file> (never a password on the command line)');
  return readFileSync(file, 'utf8').trim();
}
