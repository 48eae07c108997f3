import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { Text } from '../playlist/fields';
import type { ControlError } from './replies';

/** Echoed back in the reply so a client can match replies to its commands. */
const CommandId = z.union([z.string().max(200), z.number().finite()]);

/** A screen (display) name; a command without one goes to every screen. */
const ScreenName = z.string().min(1).max(100);

const base = { id: CommandId.optional(), screen: ScreenName.optional() };

/** The command types of protocol v1, in the order the docs list them. */
export const COMMAND_TYPES = [
  'next',
  'prev',
  'goto',
  'pause',
  'resume',
  'blackout',
  'announce',
  'clear-announcement',
  'reload',
  'status',
] as const;

/** One command type name. */
export type CommandType = (typeof COMMAND_TYPES)[number];

const simple = <T extends CommandType>(type: T) => z.strictObject({ type: z.literal(type), ...base });

/** Where `goto` jumps: a slide id, or a 1-based position in the playlist. */
export const GotoSlide = z.union([
  z.string().min(1, 'must be a slide id such as "keynote-1"').max(64),
  z.number().int('must be a whole number').min(1, 'positions start at 1'),
]);

/** Every command of protocol v1, discriminated on `type`. */
export const ControlCommandSchema = z.discriminatedUnion('type', [
  simple('next'),
  simple('prev'),
  z.strictObject({ type: z.literal('goto'), ...base, slide: GotoSlide }),
  simple('pause'),
  simple('resume'),
  z.strictObject({ type: z.literal('blackout'), ...base, on: z.boolean({ error: 'must be true or false' }) }),
  z.strictObject({
    type: z.literal('announce'),
    ...base,
    text: Text,
    title: Text.optional(),
    seconds: z
      .number({ error: 'must be a number of seconds' })
      .min(1, 'must be between 1 and 86400 seconds')
      .max(86400, 'must be between 1 and 86400 seconds')
      .optional(),
    style: z.enum(['info', 'urgent'], { error: 'must be "info" or "urgent"' }).optional(),
  }),
  simple('clear-announcement'),
  simple('reload'),
  simple('status'),
]);

/** A command a client sends, after validation. */
export type ControlCommand = Readonly<z.infer<typeof ControlCommandSchema>>;

/** The command of one type. */
export type CommandOf<T extends CommandType> = Extract<ControlCommand, { type: T }>;

/** The id a command carries, echoed in its reply. */
export type CommandIdValue = string | number;

/** The result of `parseCommand`. */
export type ParseResult =
  | Readonly<{ ok: true; command: ControlCommand }>
  | Readonly<{ ok: false; id: CommandIdValue | null; error: ControlError }>;

/** Validates an already-decoded JSON value as a command; never throws. */
export function parseCommand(input: unknown): ParseResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail(
      null,
      'bad-command',
      `a command must be a JSON object such as {"type":"next"} (got ${kindOf(input)})`,
    );
  }
  const record = input as Record<string, unknown>;
  const idResult = CommandId.safeParse(record.id);
  const id = idResult.success ? idResult.data : null;
  const type = record.type;
  if (typeof type !== 'string') {
    return fail(id, 'bad-command', `a command needs "type", one of: ${COMMAND_TYPES.join(', ')}`);
  }
  if (!(COMMAND_TYPES as readonly string[]).includes(type)) {
    return fail(id, 'unknown-type', unknownTypeMessage(type));
  }
  const parsed = ControlCommandSchema.safeParse(input);
  if (parsed.success) return { ok: true, command: parsed.data };
  return fail(id, 'bad-argument', describeIssues(type as CommandType, parsed.error.issues));
}

/** Decodes one line of JSON text and validates it as a command; never throws. */
export function parseCommandText(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return fail(
      null,
      'bad-json',
      `the command is not valid JSON (${reason}); send one object a line, e.g. {"type":"next"}`,
    );
  }
  return parseCommand(value);
}

/** The id of a command line, the rest unchecked: for a reply sent before the command is read (a rate-limit refusal). */
export function commandIdOf(text: string): CommandIdValue | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const id = CommandId.safeParse((value as Record<string, unknown>).id);
  return id.success ? id.data : null;
}

/** What each command accepts, for error messages and help. */
export const COMMAND_USAGE: Readonly<Record<CommandType, string>> = {
  next: '{"type":"next"}',
  prev: '{"type":"prev"}',
  goto: '{"type":"goto","slide":"keynote-1"} or {"type":"goto","slide":3} (1-based position)',
  pause: '{"type":"pause"}',
  resume: '{"type":"resume"}',
  blackout: '{"type":"blackout","on":true}',
  announce:
    '{"type":"announce","text":"Lunch is served" or {"zh":"午餐时间","en":"Lunch is served"},"seconds":300 (1–86400, optional),"style":"info"|"urgent" (optional),"title":… (optional)}',
  'clear-announcement': '{"type":"clear-announcement"}',
  reload: '{"type":"reload"}',
  status: '{"type":"status"}',
};

function unknownTypeMessage(type: string): string {
  const guess = closest(type, [...COMMAND_TYPES]);
  const near = distance(type, guess) <= Math.max(2, Math.floor(type.length / 3));
  const hint = near ? ` Did you mean "${guess}"?` : '';
  return `unknown command type "${type.slice(0, 60)}".${hint} Known types: ${COMMAND_TYPES.join(', ')}`;
}

function describeIssues(type: CommandType, issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 3).map((issue) => {
    if (issue.code === 'unrecognized_keys')
      return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'command';
    return `${where} ${issue.message}`;
  });
  return `bad "${type}" command: ${parts.join('; ')}. Expected ${COMMAND_USAGE[type]}`;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function fail(id: CommandIdValue | null, code: ControlError['code'], message: string): ParseResult {
  return { ok: false, id, error: { code, message } };
}
