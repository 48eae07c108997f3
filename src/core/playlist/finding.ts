import type { JsonPath } from './jsonPath';

/** A problem before it has a line and column: the path it is about and whether to point at the value or its key. */
export interface Finding {
  readonly path: JsonPath;
  readonly target: 'value' | 'key';
  /** The message, or (with `mentions`) a function of the line the mentioned path is on. */
  readonly message: string | ((mentionedLine: number) => string);
  /** Another place the message names by line, e.g. the first of two duplicate ids. */
  readonly mentions?: JsonPath;
}

/** The value at `path` inside parsed JSON, or `undefined` when some part of the path is not there. */
export function valueAt(data: unknown, path: JsonPath): unknown {
  let value = data;
  for (const segment of path) {
    if (typeof segment === 'number') value = Array.isArray(value) ? value[segment] : undefined;
    else value = isRecord(value) && Object.hasOwn(value, segment) ? value[segment] : undefined;
    if (value === undefined) return undefined;
  }
  return value;
}

/** Whether a parsed JSON value is an object (not an array, not null). */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short rendering of a value for "(got …)" in messages. */
export function shownValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
  if (isRecord(value)) return 'an object';
  const json = JSON.stringify(value);
  return json.length > 42 ? `${json.slice(0, 40)}…"` : json;
}
