import { getLocation, printParseErrorCode, visit } from 'jsonc-parser';
import { formatPath } from './jsonPath';
import type { Problem } from './problem';
import { createPositionFinder } from './textPosition';

const MAX_SYNTAX_PROBLEMS = 20;

type ErrorName = ReturnType<typeof printParseErrorCode>;

/** The JSON syntax errors in `text` (comments and trailing commas included), in plain words, at most 20. */
export function syntaxProblems(text: string): readonly Problem[] {
  const position = createPositionFinder(text);
  const seenLines = new Set<number>();
  const seenOffsets = new Set<number>();
  const problems: Problem[] = [];
  visit(
    text,
    {
      onError(error, offset) {
        const name = printParseErrorCode(error);
        const trailingComma = trailingCommaBefore(text, offset, name);
        const at = trailingComma ?? offset;
        const where = position(at);
        // Why: after one error the parser's recovery often trips again on the same line; only the first one is real.
        if (problems.length >= MAX_SYNTAX_PROBLEMS || seenOffsets.has(at)) return;
        seenOffsets.add(at);
        if (seenLines.has(where.line) && trailingComma === undefined) return;
        seenLines.add(where.line);
        const location = getLocation(text, at);
        const path = formatPath(location.path.filter((s) => s !== ''));
        problems.push({
          ...where,
          path,
          message: describe(
            name,
            text,
            offset,
            trailingComma !== undefined,
            location.isAtPropertyKey && /[{,]/.test(text[previousNonSpace(text, offset)] ?? ''),
          ),
        });
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return problems;
}

// Why: jsonc-parser reports a trailing comma as a missing value or name at the closing bracket; people know it as "the comma".
function trailingCommaBefore(text: string, offset: number, error: ErrorName): number | undefined {
  if (error !== 'ValueExpected' && error !== 'PropertyNameExpected') return undefined;
  const next = text[offset];
  if (next !== '}' && next !== ']') return undefined;
  const i = previousNonSpace(text, offset);
  return text[i] === ',' ? i : undefined;
}

function previousNonSpace(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i] ?? '')) i--;
  return i;
}

function describe(
  error: ErrorName,
  text: string,
  offset: number,
  trailingComma: boolean,
  atKey: boolean,
): string {
  if (trailingComma) {
    return `remove this comma: a playlist allows no comma after the last item (before "${text[offset]}")`;
  }
  const found = text[offset];
  switch (error) {
    case 'InvalidSymbol':
      if (atKey && found !== "'") return 'field names need double quotes, e.g. "duration": 10';
      return found === "'"
        ? 'strings need double quotes ("…"), not single quotes'
        : `unexpected ${shown(found)}; expected a value: "text", a number, true, false, null, {…} or […]`;
    case 'InvalidNumberFormat':
      return 'not a valid number (write numbers like 10 or 2.5, without leading zeros or a "+")';
    case 'PropertyNameExpected':
      return found === "'" || /[A-Za-z_$]/.test(found ?? '')
        ? 'field names need double quotes, e.g. "duration": 10'
        : `expected a field name in double quotes (found ${shown(found)})`;
    case 'ValueExpected':
      return `expected a value: "text", a number, true, false, null, {…} or […] (found ${shown(found)})`;
    case 'ColonExpected':
      return `expected a colon ":" after the field name (found ${shown(found)})`;
    case 'CommaExpected':
      return insideArray(text, offset)
        ? `expected a comma or "]" after the value (found ${shown(found)})`
        : `expected a comma or "}" after the value (found ${shown(found)})`;
    case 'CloseBraceExpected':
      return 'expected "}" to close the object';
    case 'CloseBracketExpected':
      return 'expected "]" to close the list';
    case 'EndOfFileExpected':
      return `unexpected ${shown(found)} after the end of the playlist; the file must hold one {…} object`;
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return 'comments are not allowed in a playlist; put notes for organisers in a "notes" field';
    case 'UnexpectedEndOfString':
      return 'this string is not closed: add the closing double quote (")';
    case 'UnexpectedEndOfNumber':
      return 'this number is cut short';
    case 'InvalidUnicode':
      return 'invalid \\u escape: write \\u followed by four hex digits, e.g. \\u00e9';
    case 'InvalidEscapeCharacter':
      return 'invalid escape in a string: use \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX';
    case 'InvalidCharacter':
      return 'a control character (such as a line break or tab) inside a string: write it as \\n or \\t';
    default:
      return 'not valid JSON here';
  }
}

function insideArray(text: string, offset: number): boolean {
  const path = getLocation(text, offset).path;
  return typeof path[path.length - 1] === 'number';
}

function shown(ch: string | undefined): string {
  if (ch === undefined || ch === '') return 'the end of the file';
  if (ch === '\n' || ch === '\r') return 'the end of the line';
  if (ch === '"') return 'a double quote';
  return JSON.stringify(ch);
}
