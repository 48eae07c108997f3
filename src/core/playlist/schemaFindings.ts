import { z } from 'zod';
import { type Finding, shownValue, valueAt } from './finding';
import type { JsonPath } from './jsonPath';
import { Playlist, SLIDE_TYPES } from './schema';
import { schemaAt } from './schemaAt';
import { didYouMean, withHint } from './suggest';
import type { Playlist as PlaylistData } from './types';
import { assertNever } from '../assertNever';

/** The outcome of checking parsed JSON against the playlist schema. */
export type SchemaCheck =
  | { readonly ok: true; readonly playlist: PlaylistData }
  | { readonly ok: false; readonly findings: readonly Finding[] };

/** Checks parsed JSON against the playlist schema and turns every zod issue into a plain-words finding. */
export function checkSchema(data: unknown): SchemaCheck {
  const result = Playlist.safeParse(data, { error: plainMessage });
  if (result.success) return { ok: true, playlist: result.data };
  const findings: Finding[] = [];
  for (const issue of result.error.issues) addIssue(issue, [], data, findings);
  return { ok: false, findings };
}

function addIssue(issue: z.core.$ZodIssue, base: JsonPath, data: unknown, out: Finding[]): void {
  const path = [...base, ...issue.path.filter((s) => typeof s !== 'symbol')];
  const value = valueAt(data, path);
  if (
    value === undefined &&
    (issue.code === 'invalid_type' || (issue.code === 'invalid_union' && !issue.discriminator))
  ) {
    out.push({ path, target: 'value', message: missingField(path, data) });
    return;
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const object = schemaAt(Playlist, path, data);
      const allowed = object instanceof z.ZodObject ? Object.keys(object.shape) : [];
      for (const key of issue.keys) {
        out.push({
          path: [...path, key],
          target: 'key',
          message: withHint(
            `unknown field "${key}"`,
            didYouMean(key, allowed),
            key === 'span' && !allowed.includes('span')
              ? 'only image and video slides can span a wall ("span": true)'
              : allowed.length > 0
                ? `allowed here: ${allowed.join(', ')}`
                : '',
          ),
        });
      }
      return;
    }
    case 'invalid_union':
      addUnionIssue(issue, path, value, data, out);
      return;
    case 'invalid_key': {
      const inner = issue.issues[0]?.message ?? 'is not allowed here';
      out.push({ path, target: 'key', message: `key "${String(path[path.length - 1])}" ${inner}` });
      return;
    }
    case 'invalid_type':
      out.push({ path, target: 'value', message: `${issue.message} (got ${shownValue(value)})` });
      return;
    case 'invalid_value': {
      const hint =
        typeof value === 'string'
          ? didYouMean(
              value,
              issue.values.filter((v): v is string => typeof v === 'string'),
            )
          : '';
      out.push({ path, target: 'value', message: `${issue.message} (got ${shownValue(value)})${hint}` });
      return;
    }
    case 'too_small':
    case 'too_big':
      out.push({
        path,
        target: 'value',
        message:
          issue.origin === 'string'
            ? issue.message
            : `${issue.message} (got ${Array.isArray(value) ? value.length : shownValue(value)})`,
      });
      return;
    case 'invalid_format':
    case 'custom':
    case 'not_multiple_of':
    case 'invalid_element':
      out.push({ path, target: 'value', message: `${issue.message} (got ${shownValue(value)})` });
      return;
    default:
      assertNever(issue);
  }
}

function addUnionIssue(
  issue: z.core.$ZodIssueInvalidUnion,
  path: JsonPath,
  value: unknown,
  data: unknown,
  out: Finding[],
): void {
  if (issue.discriminator !== undefined) {
    const types = SLIDE_TYPES.join(', ');
    if (value === undefined) {
      out.push({
        path: path.slice(0, -1),
        target: 'value',
        message: `missing "type"; it must be one of: ${types}`,
      });
    } else if (typeof value === 'string') {
      out.push({
        path,
        target: 'value',
        message: withHint(
          `unknown slide type ${JSON.stringify(value)}`,
          didYouMean(value, SLIDE_TYPES),
          `types: ${types}`,
        ),
      });
    } else {
      out.push({ path, target: 'value', message: `must be one of: ${types} (got ${shownValue(value)})` });
    }
    return;
  }
  // Why: a member that failed only because the value has another kind (a string where it wants an object) says nothing useful.
  const relevant = issue.errors.filter((branch) => !(branch.length === 1 && isKindMismatch(branch[0])));
  const best = relevant.reduce<readonly z.core.$ZodIssue[] | undefined>(
    (a, b) => (a === undefined || b.length < a.length ? b : a),
    undefined,
  );
  if (best !== undefined) {
    for (const inner of best) addIssue(inner, path, data, out);
    return;
  }
  out.push({
    path,
    target: 'value',
    message: `${unionWording(schemaAt(Playlist, path, data))} (got ${shownValue(value)})`,
  });
}

function missingField(path: JsonPath, data: unknown): string {
  const name = String(path[path.length - 1]);
  const description = schemaAt(Playlist, path, data)?.description;
  return `missing required field "${name}"${description === undefined ? '' : `: ${description.replace(/\.$/, '')}`}`;
}

function isKindMismatch(issue: z.core.$ZodIssue | undefined): boolean {
  return (
    issue !== undefined &&
    issue.path.length === 0 &&
    (issue.code === 'invalid_type' || issue.code === 'invalid_value')
  );
}

// Why: `.describe()` makes a new schema object, so the two unions are told apart by their members, not by identity.
function unionWording(schema: z.ZodType | undefined): string {
  const options = schema instanceof z.ZodUnion ? (schema.options as readonly z.ZodType[]) : [];
  if (options.some((o) => o instanceof z.ZodRecord)) {
    return 'must be text: "…" or one string per language, e.g. {"zh": "…", "en": "…"}';
  }
  if (options.some((o) => o instanceof z.ZodObject && Object.hasOwn(o.shape, 'gradient'))) {
    return 'must be a colour such as "#0b1f3a", {"gradient": ["#0b1f3a", "#1e6bff"]} or {"image": "images/bg.svg"}';
  }
  return 'does not have any of the allowed forms';
}

const KIND_WORDS: Readonly<Record<string, string>> = {
  string: 'must be a string in double quotes',
  number: 'must be a number',
  boolean: 'must be true or false',
  array: 'must be a list [ … ]',
  object: 'must be an object { … }',
  record: 'must be an object { … }',
};

// Why: zod's own wording ("Invalid input: expected number, received string") is for programmers; schema-level messages still win.
function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return KIND_WORDS[issue.expected] ?? `must be ${issue.expected}`;
    case 'too_small':
      if (issue.origin === 'array') return `must have at least ${count(issue.minimum, 'item')}`;
      if (issue.origin === 'string')
        return issue.minimum === 1
          ? 'must not be empty'
          : `must be at least ${count(issue.minimum, 'character')}`;
      return issue.inclusive === false
        ? `must be more than ${issue.minimum}`
        : `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `must have at most ${count(issue.maximum, 'item')}`;
      if (issue.origin === 'string') return `must be at most ${count(issue.maximum, 'character')}`;
      return issue.inclusive === false
        ? `must be less than ${issue.maximum}`
        : `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return `must be a valid ${issue.format}`;
    default:
      return undefined;
  }
}

function count(n: number | bigint, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
