import type { Command } from 'commander';
import { COMMAND_TYPES } from '../../core/control/commands';
import { commandFromArgs, type CtlOptions } from '../../core/control/ctlArgs';
import { formatState } from '../../core/control/formatState';
import type { ControlReply } from '../../core/control/replies';
import { type ClientResult, sendOverHttp, sendOverSocket } from '../../host/control/controlClient';
import { defaultSocketPath } from '../../host/control/socketPath';

/** The flags of `marquee ctl`: the command's own (CtlOptions) and where and how to send it. */
type CtlFlags = CtlOptions & {
  socket?: string;
  url?: string;
  token?: string;
  json?: boolean;
  timeout?: string;
};

/** Registers `marquee ctl <command> [args]`: exit 0 on an ok reply, 1 on an error reply, 2 when the host is unreachable. */
export function registerCtl(program: Command): void {
  program
    .command('ctl')
    .description(
      'Control a running Marquee: next, prev, goto, pause, resume, blackout, announce, clear-announcement, reload, status.',
    )
    .argument('<command>', `one of: ${COMMAND_TYPES.join(', ')}`)
    .argument('[args...]', 'goto: slide id or 1-based position; blackout: on|off; announce: the text')
    .option('--socket <path>', `the local control socket (default ${defaultSocketPath()})`)
    .option('--url <url>', 'a Marquee LAN API instead of the socket, e.g. http://192.168.1.20:8090')
    .option('--token <token>', 'the LAN API token (default: env MARQUEE_CONTROL_TOKEN)')
    .option('--screen <name>', 'address one screen (default: all)')
    .option('--seconds <n>', 'announce: clear it after n seconds (1–86400)')
    .option('--style <style>', 'announce: info or urgent')
    .option('--title <text>', 'announce: a short heading')
    .option('--zh <text>', 'announce: the Chinese text')
    .option('--en <text>', 'announce: the English text')
    .option('--timeout <ms>', 'how long to wait for the reply', '5000')
    .option('--json', 'print the raw JSON reply')
    .addHelpText(
      'after',
      '\nExamples:\n  marquee ctl next\n  marquee ctl goto keynote-1\n  marquee ctl goto 3\n  marquee ctl announce "Lunch is served" --zh 午餐时间 --seconds 300 --style urgent\n  marquee ctl blackout on\n  marquee ctl status --json\n  marquee ctl next --url http://192.168.1.20:8090 --token …',
    )
    .action(async (name: string, args: string[], flags: CtlFlags) => {
      process.exitCode = await ctl(name, args, flags);
    });
}

async function ctl(name: string, args: readonly string[], flags: CtlFlags): Promise<number> {
  const built = commandFromArgs(name, args, {
    ...(flags.screen !== undefined ? { screen: flags.screen } : {}),
    ...(flags.seconds !== undefined ? { seconds: flags.seconds } : {}),
    ...(flags.style !== undefined ? { style: flags.style } : {}),
    ...(flags.title !== undefined ? { title: flags.title } : {}),
    ...(flags.zh !== undefined ? { zh: flags.zh } : {}),
    ...(flags.en !== undefined ? { en: flags.en } : {}),
  });
  if (!built.ok) {
    process.stderr.write(`marquee ctl: ${built.error.message}\n`);
    return 1;
  }
  const timeout = Number(flags.timeout ?? 5000) || 5000;
  let result: ClientResult;
  if (flags.url !== undefined) {
    const token = flags.token ?? process.env.MARQUEE_CONTROL_TOKEN;
    if (!token) {
      process.stderr.write(
        'marquee ctl: --url needs the API token: pass --token or set MARQUEE_CONTROL_TOKEN.\n',
      );
      return 1;
    }
    result = await sendOverHttp(flags.url, token, built.command, timeout);
  } else {
    result = await sendOverSocket(flags.socket ?? defaultSocketPath(), built.command, timeout);
  }
  if (result.kind === 'unreachable') {
    process.stderr.write(`${result.message}\n`);
    return 2;
  }
  print(result.reply, flags.json === true);
  return result.reply.ok ? 0 : 1;
}

function print(reply: ControlReply, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(reply, null, 2)}\n`);
    return;
  }
  if (!reply.ok) {
    process.stderr.write(`✖ ${reply.error.code}: ${reply.error.message}\n`);
    return;
  }
  const lang = (process.env.LANG ?? '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
  const states = reply.screens ?? [reply.state];
  process.stdout.write(`${states.map((s) => formatState(s, lang)).join('\n')}\n`);
}
