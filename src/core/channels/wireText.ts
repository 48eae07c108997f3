import * as z from 'zod/mini';
import { LANGUAGE_CODE, LANGUAGE_CODE_MESSAGE, TEXT_LIMITS } from '../playlist/textLimits';

const TextString = z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(TEXT_LIMITS.text));

/**
 * A playlist `Text` as the contracts carry it (the same rules as the playlist's `Text`: one non-empty string, or
 * one per language code, at least one), in zod/mini so the web remote that checks them stays small.
 */
export const WireText = z.union([
  TextString,
  z
    .record(z.string().check(z.regex(LANGUAGE_CODE, LANGUAGE_CODE_MESSAGE)), TextString)
    .check(z.refine((o) => Object.keys(o).length > 0, 'needs at least one language')),
]);
