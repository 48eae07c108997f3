import { readFileSync } from 'node:fs';
import type { Health } from '../../core/channels/healthContract';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { KeyAction } from '../../core/control/keyCommand';
import type { ControlReply } from '../../core/control/replies';
import { createAuditLog } from './auditLog';
import { type ControlGateway, createControlGateway } from './controlGateway';
import { createKeyHandler } from './keyboardControl';
import { type LanServer, type LanTls, startLanServer } from './lanApi';
import { type NamedHost, playerHostTarget } from './playerHostTarget';
import type { BucketConfig } from './rateLimiter';
import { screenshotRoute } from './screenshotRoute';
import type { ScreenCapture } from '../screen/screenCapture';
import { createScreenshots } from '../screen/screenshots';
import { remoteUrl } from './remoteUrl';
import { defaultSocketPath } from './socketPath';
import { type SocketServer, startSocketServer } from './socketServer';
import { type FileWatch, watchFile } from '../watch/watchFile';
import { type ControlToken, readStoredToken, resolveControlToken } from './tokenStore';

/** Options of `startControl`, taken from the resolved config. */
export type StartControlOptions = Readonly<{
  screens: readonly NamedHost[];
  /** The local socket; null: the platform default. */
  socketPath: string | null;
  /** Where the LAN API listens; null: off (the default). */
  listen: Readonly<{ host: string; port: number }> | null;
  /** Certificate and key files: the LAN API speaks HTTPS/WSS. Default null: plain HTTP. */
  tls?: Readonly<{ cert: string; key: string }> | null;
  /** `--control-token`; null: MARQUEE_CONTROL_TOKEN, else stored/generated in `configDir`. */
  token: string | null;
  configDir: string;
  /** Folder of `control-audit.jsonl`. */
  logDir: string;
  /** The built web remote (dist/remote); null: not served. */
  remoteDir: string | null;
  /** Whether kiosk keys may drive the screens. */
  keyboard: boolean;
  /** Where the remote's URL, token and QR code are printed once at start. Default stdout. */
  out?: { write(text: string): unknown };
  /**
   * Whether `out` is a person's terminal, so the token and its QR code may be printed there; otherwise
   * (a systemd journal, a log file) only where the token is and how to show it. Default: stdout is a TTY.
   */
  interactive?: boolean;
  rateLimit?: BucketConfig;
  /** What `GET /api/health` answers (see src/host/health); default: the name and the screens. */
  health?: () => Health;
  /** Host names the LAN API answers besides loopback and its listen address (the `allowedHosts` setting). */
  allowedHosts?: readonly string[];
  /** How the host sees its screens, for `GET /api/screenshot`; default: it cannot. */
  capture?: () => ScreenCapture;
  /** Screenshots one client may ask for a minute (the `screenshotsPerMinute` setting). */
  screenshotsPerMinute?: number;
}>;

/** The running control channels. */
export type ControlService = Readonly<{
  gateway: ControlGateway;
  /** Pass as `onKey` to the renderer socket / Electron IPC: keys take the audited command path. */
  onKey: (action: KeyAction, screen: string, peer?: string) => Promise<ControlReply>;
  socketPath: string;
  /** The LAN API, when `listen` was given. */
  lan: (LanServer & { remoteUrl: string }) | null;
  /** The audit log file. */
  auditFile: string;
  close(): Promise<void>;
}>;

/** Reads the certificate and key files, or says which one cannot be read and which setting names it. */
function readTls(files: Readonly<{ cert: string; key: string }>): LanTls {
  const read = (file: string, setting: string): Buffer => {
    try {
      return readFileSync(file);
    } catch (err) {
      throw new Error(
        `cannot read ${file} (${setting}): ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  };
  return { cert: read(files.cert, 'controlTlsCert'), key: read(files.key, 'controlTlsKey') };
}

/** The token now in `file`, or null (with the reason written to `out`) when it is missing or invalid: the old one stays. */
function rereadToken(file: string, out: { write(text: string): unknown }): string | null {
  try {
    const stored = readStoredToken(file);
    for (const note of stored?.notes ?? []) out.write(`${note}\n`);
    return stored?.token ?? null;
  } catch (err) {
    out.write(
      `The control token file changed but cannot be used, the old token stays: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return null;
  }
}

/** The remote's URL, its QR code and the token, for a person at a terminal (`marquee token show` prints it too). */
export async function tokenBanner(url: string, token: ControlToken, apiUrl: string): Promise<string> {
  // Why: loaded only to print the banner on a terminal; a kiosk started by a service never needs it.
  const { default: QRCode } = await import('qrcode');
  const qr = await QRCode.toString(url, { type: 'terminal', small: true, errorCorrectionLevel: 'L' });
  const where = token.file ? ` (stored in ${token.file})` : '';
  return (
    `\nRemote control is on: open ${url} on a phone, or scan:\n${qr}\nAPI token${where}: ${token.token}\n` +
    `  curl -H "Authorization: Bearer <token>" ${apiUrl}/api/state\n\n`
  );
}

/** Where the token is and how to show it, without the token: what goes to a journal or a log file. */
function tokenWhereabouts(url: string, token: ControlToken): string {
  const bare = url.replace(/#.*$/, '');
  const where =
    token.file !== null
      ? `the token is in ${token.file}`
      : `the token is the one given by ${token.source === 'env' ? 'MARQUEE_CONTROL_TOKEN' : '--control-token'}`;
  return `Remote control is on at ${bare} (${where}). Show the token and its QR code on a terminal with: marquee token show\n`;
}

/** Starts the local socket, the audit log and (when asked) the LAN API + web remote over the given screens. */
export async function startControl(options: StartControlOptions): Promise<ControlService> {
  const out = options.out ?? process.stdout;
  const env = process.env;
  const lanToken = options.listen
    ? resolveControlToken(options.configDir, options.token ?? undefined, env)
    : null;
  const auditFile = join(options.logDir, 'control-audit.jsonl');
  // Why: after a rotation both tokens are secrets; the old one may still be pasted somewhere.
  const secrets = lanToken ? [lanToken.token] : [];
  const audit = createAuditLog(auditFile, () => secrets);
  const gateway = createControlGateway(playerHostTarget(options.screens), audit);
  const socketPath = options.socketPath ?? defaultSocketPath();
  const socket: SocketServer = await startSocketServer(socketPath, gateway);
  let lan: ControlService['lan'] = null;
  let tokenWatch: FileWatch | null = null;
  if (options.listen && lanToken) {
    try {
      const tls = options.tls ? readTls(options.tls) : null;
      const server = await startLanServer(
        options.listen,
        {
          gateway,
          token: lanToken.token,
          remoteDir: options.remoteDir,
          ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
          ...(options.health ? { health: options.health } : {}),
          ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
          ...(options.capture
            ? {
                screenshot: screenshotRoute(
                  createScreenshots({ capture: options.capture, now: Date.now }),
                  options.screenshotsPerMinute,
                ),
              }
            : {}),
        },
        tls,
      );
      const url = remoteUrl(
        { host: options.listen.host, port: Number(new URL(server.url).port) },
        lanToken.token,
        networkInterfaces(),
        tls !== null,
      );
      lan = { ...server, remoteUrl: url };
      if (lanToken.file !== null) {
        const file = lanToken.file;
        tokenWatch = watchFile(file, () => {
          const next = rereadToken(file, out);
          if (next === null || secrets.includes(next)) return;
          secrets.push(next);
          server.setToken(next);
          out.write(
            `The control token in ${file} changed: old remote sessions are closed; scan the new QR code (marquee token show)\n`,
          );
        });
        await tokenWatch.ready;
      }
      for (const note of lanToken.notes) out.write(`${note}\n`);
      out.write(
        (options.interactive ?? process.stdout.isTTY === true)
          ? await tokenBanner(url, lanToken, server.url)
          : tokenWhereabouts(url, lanToken),
      );
    } catch (err) {
      await socket.close();
      audit.close();
      throw err;
    }
  }
  return {
    gateway,
    onKey: createKeyHandler(gateway, { enabled: options.keyboard }),
    socketPath,
    lan,
    auditFile,
    async close() {
      await tokenWatch?.close();
      await lan?.close();
      await socket.close();
      audit.close();
    },
  };
}
