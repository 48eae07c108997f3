import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import type { KeyAction } from '../../core/control/keyCommand';
import type { ControlReply } from '../../core/control/replies';
import { createAuditLog } from './auditLog';
import { type ControlGateway, createControlGateway } from './controlGateway';
import { createKeyHandler } from './keyboardControl';
import { type LanServer, startLanServer } from './lanApi';
import { type NamedHost, playerHostTarget } from './playerHostTarget';
import type { BucketConfig } from './rateLimiter';
import { remoteUrl } from './remoteUrl';
import { defaultSocketPath } from './socketPath';
import { type SocketServer, startSocketServer } from './socketServer';
import { resolveControlToken } from './tokenStore';

/** Options of `startControl`, taken from the resolved config. */
export type StartControlOptions = Readonly<{
  screens: readonly NamedHost[];
  /** The local socket; null: the platform default. */
  socketPath: string | null;
  /** Where the LAN API listens; null: off (the default). */
  listen: Readonly<{ host: string; port: number }> | null;
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
  rateLimit?: BucketConfig;
  /** What `GET /api/health` answers (see src/host/health); default: the name and the screens. */
  health?: () => object;
  /** Host names the LAN API answers besides loopback and its listen address (the `allowedHosts` setting). */
  allowedHosts?: readonly string[];
}>;

/** The running control channels. */
export type ControlService = Readonly<{
  gateway: ControlGateway;
  /** Pass as `onKey` to the renderer socket / Electron IPC: keys take the audited command path. */
  onKey: (action: KeyAction, screen: string) => Promise<ControlReply>;
  socketPath: string;
  /** The LAN API, when `listen` was given. */
  lan: (LanServer & { remoteUrl: string }) | null;
  /** The audit log file. */
  auditFile: string;
  close(): Promise<void>;
}>;

/** Starts the local socket, the audit log and (when asked) the LAN API + web remote over the given screens. */
export async function startControl(options: StartControlOptions): Promise<ControlService> {
  const out = options.out ?? process.stdout;
  const env = process.env;
  const lanToken = options.listen
    ? resolveControlToken(options.configDir, options.token ?? undefined, env)
    : null;
  const auditFile = join(options.logDir, 'control-audit.jsonl');
  const audit = createAuditLog(auditFile, () => (lanToken ? [lanToken.token] : []));
  const gateway = createControlGateway(playerHostTarget(options.screens), audit);
  const socketPath = options.socketPath ?? defaultSocketPath();
  const socket: SocketServer = await startSocketServer(socketPath, gateway);
  let lan: ControlService['lan'] = null;
  if (options.listen && lanToken) {
    try {
      const server = await startLanServer(options.listen, {
        gateway,
        token: lanToken.token,
        remoteDir: options.remoteDir,
        ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
        ...(options.health ? { health: options.health } : {}),
        ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
      });
      const url = remoteUrl(
        { host: options.listen.host, port: Number(new URL(server.url).port) },
        lanToken.token,
        networkInterfaces(),
      );
      lan = { ...server, remoteUrl: url };
      const qr = await QRCode.toString(url, { type: 'terminal', small: true, errorCorrectionLevel: 'L' });
      const where = lanToken.file ? ` (stored in ${lanToken.file})` : '';
      out.write(
        `\nRemote control is on: open ${url} on a phone, or scan:\n${qr}\nAPI token${where}: ${lanToken.token}\n` +
          `  curl -H "Authorization: Bearer <token>" ${server.url}/api/state\n\n`,
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
      await lan?.close();
      await socket.close();
      audit.close();
    },
  };
}
