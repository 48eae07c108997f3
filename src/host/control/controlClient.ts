import { connect } from 'node:net';
import type { ControlCommand } from '../../core/control/commands';
import type { ControlReply } from '../../core/control/replies';

/** The reply, or why the host could not be reached (one sentence naming where it looked). */
export type ClientResult =
  | Readonly<{ kind: 'reply'; reply: ControlReply }>
  | Readonly<{ kind: 'unreachable'; message: string }>;

/** Sends one command over the local socket and waits for its reply line. */
export function sendOverSocket(
  path: string,
  command: ControlCommand,
  timeoutMs = 5000,
): Promise<ClientResult> {
  return new Promise((resolve) => {
    const socket = connect(path);
    let buf = '';
    let settled = false;
    const finish = (result: ClientResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        finish({
          kind: 'unreachable',
          message: `No reply from Marquee on the control socket ${path} within ${timeoutMs} ms.`,
        }),
      timeoutMs,
    );
    socket.on('connect', () => socket.write(`${JSON.stringify(command)}\n`));
    socket.on('data', (d) => {
      buf += d.toString('utf8');
      const i = buf.indexOf('\n');
      if (i === -1) return;
      try {
        finish({ kind: 'reply', reply: JSON.parse(buf.slice(0, i)) as ControlReply });
      } catch {
        finish({
          kind: 'unreachable',
          message: `The control socket ${path} answered with something that is not a Marquee reply.`,
        });
      }
    });
    socket.on('error', (err: NodeJS.ErrnoException) =>
      finish({
        kind: 'unreachable',
        message: `Marquee is not running here: nothing answers on the control socket ${path} (${err.code ?? err.message}); start it with \`marquee serve\`, or pass --socket PATH.`,
      }),
    );
    socket.on('end', () =>
      finish({ kind: 'unreachable', message: `The control socket ${path} closed without a reply.` }),
    );
  });
}

/** Sends one command to the LAN API (`POST <url>/api/commands` with the bearer token). */
export async function sendOverHttp(
  url: string,
  token: string,
  command: ControlCommand,
  timeoutMs = 5000,
): Promise<ClientResult> {
  const endpoint = `${url.replace(/\/+$/, '')}/api/commands`;
  let res: Response;
  try {
    res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(command),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err);
    return {
      kind: 'unreachable',
      message: `Marquee does not answer at ${endpoint} (${cause}); check --url and that it runs with --control-listen.`,
    };
  }
  try {
    const body = (await res.json()) as ControlReply;
    if (typeof body === 'object' && body !== null && 'ok' in body) return { kind: 'reply', reply: body };
  } catch {
    // Why: a non-JSON answer means something other than Marquee listens there.
  }
  return {
    kind: 'unreachable',
    message: `${endpoint} answered HTTP ${res.status}, which is not a Marquee reply; check --url.`,
  };
}
