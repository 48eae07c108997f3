import { type ParseResult, parseCommand } from './commands';

/** Options of `marquee ctl` that become command fields. */
export type CtlOptions = Readonly<{
  screen?: string;
  seconds?: string;
  style?: string;
  title?: string;
  zh?: string;
  en?: string;
}>;

/** Builds a protocol command from `marquee ctl` words (`goto 3`, `blackout on`, `announce "…"`); pure. */
export function commandFromArgs(name: string, args: readonly string[], options: CtlOptions): ParseResult {
  const raw: Record<string, unknown> = { type: name };
  if (options.screen !== undefined) raw.screen = options.screen;
  const first = args[0];
  switch (name) {
    case 'goto':
      if (first === undefined)
        return usage(
          'goto needs a slide id or a 1-based position, e.g. `marquee ctl goto keynote-1` or `marquee ctl goto 3`',
        );
      raw.slide = /^\d+$/.test(first) ? Number(first) : first;
      break;
    case 'blackout': {
      const word = (first ?? '').toLowerCase();
      if (!['on', 'off', 'true', 'false'].includes(word))
        return usage('blackout needs on or off, e.g. `marquee ctl blackout on`');
      raw.on = word === 'on' || word === 'true';
      break;
    }
    case 'announce': {
      const text = args.join(' ').trim();
      if (options.zh !== undefined || options.en !== undefined) {
        const lang: Record<string, string> = {};
        if (options.zh !== undefined) lang.zh = options.zh;
        if (options.en !== undefined) lang.en = options.en;
        if (text) lang.en ??= text;
        raw.text = lang;
      } else if (text) {
        raw.text = text;
      } else {
        return usage(
          'announce needs the text, e.g. `marquee ctl announce "Lunch is served" --seconds 300`, or --zh/--en',
        );
      }
      if (options.seconds !== undefined) raw.seconds = Number(options.seconds);
      if (options.style !== undefined) raw.style = options.style;
      if (options.title !== undefined) raw.title = options.title;
      break;
    }
    default:
      if (args.length > 0) return usage(`${name} takes no arguments (got "${args.join(' ')}")`);
  }
  return parseCommand(raw);
}

function usage(message: string): ParseResult {
  return { ok: false, id: null, error: { code: 'bad-argument', message } };
}
