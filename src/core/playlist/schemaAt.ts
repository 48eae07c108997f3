import { z } from 'zod';
import { isRecord, valueAt } from './finding';
import type { JsonPath } from './jsonPath';

/** The schema that applies at `path` of `data` under `root`, choosing union members by what the data holds. */
export function schemaAt(root: z.ZodType, path: JsonPath, data: unknown): z.ZodType | undefined {
  let schema: z.ZodType | undefined = root;
  for (let i = 0; i < path.length && schema !== undefined; i++) {
    const current = pickMember(unwrap(schema), valueAt(data, path.slice(0, i)));
    const segment = path[i];
    if (current instanceof z.ZodObject && typeof segment === 'string')
      schema = current.shape[segment] as z.ZodType | undefined;
    else if (current instanceof z.ZodArray && typeof segment === 'number')
      schema = current.element as z.ZodType;
    else if (current instanceof z.ZodRecord && typeof segment === 'string')
      schema = current.valueType as unknown as z.ZodType;
    else schema = undefined;
  }
  return schema === undefined ? undefined : pickMember(unwrap(schema), valueAt(data, path));
}

/** The schema without its optional wrapper. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable)
    current = current.unwrap() as z.ZodType;
  return current;
}

function pickMember(schema: z.ZodType, value: unknown): z.ZodType {
  if (!(schema instanceof z.ZodUnion)) return schema;
  const options = schema.options as readonly z.ZodType[];
  if (!isRecord(value)) return schema;
  if (schema instanceof z.ZodDiscriminatedUnion) {
    const key = schema.def.discriminator;
    const match = options.find((o) => o instanceof z.ZodObject && matchesLiteral(o.shape[key], value[key]));
    return match ?? schema;
  }
  // Why: among object members, the one sharing the most keys with what was written is the one the author meant.
  let best: z.ZodType = schema;
  let bestOverlap = -1;
  for (const option of options) {
    if (!(option instanceof z.ZodObject)) continue;
    const overlap = Object.keys(value).filter((k) => Object.hasOwn(option.shape, k)).length;
    if (overlap > bestOverlap) {
      best = option;
      bestOverlap = overlap;
    }
  }
  return best;
}

function matchesLiteral(schema: unknown, value: unknown): boolean {
  return schema instanceof z.ZodLiteral && schema.values.has(value as never);
}
