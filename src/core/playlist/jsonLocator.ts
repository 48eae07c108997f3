import { visit } from 'jsonc-parser';
import type { JsonPath } from './jsonPath';
import type { TextPosition } from './textPosition';

/** Where a path is written: the value, or the key of the property holding it. */
export type LocateTarget = 'value' | 'key';

/** Looks up where a requested path is written; a path that is not in the text gives its nearest written ancestor. */
export type Locate = (path: JsonPath, target: LocateTarget) => TextPosition;

interface TrieNode {
  readonly children: Map<string | number, TrieNode>;
  value?: TextPosition;
  key?: TextPosition;
}

const START: TextPosition = { line: 1, column: 1 };

/**
 * Finds the positions of `paths` in one pass over `text`, recording only the nodes on those paths.
 * Why: jsonc-parser's parseTree builds a node per value, which costs several times more on large playlists.
 */
export function locatePaths(text: string, paths: readonly JsonPath[]): Locate {
  const root: TrieNode = { children: new Map() };
  for (const path of paths) {
    let node = root;
    for (const segment of path) {
      let child = node.children.get(segment);
      if (child === undefined) {
        child = { children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
  }
  const record = (path: JsonPath, kind: LocateTarget, line: number, character: number): void => {
    let node: TrieNode | undefined = root;
    for (const segment of path) {
      node = node.children.get(segment);
      if (node === undefined) return;
    }
    // Why: with a key written twice JSON keeps the last one, so the last one seen wins.
    node[kind] = { line: line + 1, column: character + 1 };
  };
  const onValue = (
    _offset: number,
    _length: number,
    line: number,
    character: number,
    path: () => JsonPath,
  ) => {
    record(path(), 'value', line, character);
  };
  visit(
    text,
    {
      onObjectBegin: onValue,
      onArrayBegin: onValue,
      onLiteralValue: (_value, offset, length, line, character, path) =>
        onValue(offset, length, line, character, path),
      onObjectProperty: (key: string, _offset, _length, line, character, path) => {
        record([...path(), key], 'key', line, character);
      },
    },
    { disallowComments: false, allowTrailingComma: true },
  );
  return (path, target) => {
    let node: TrieNode | undefined = root;
    let nearest = root.value ?? START;
    for (const segment of path) {
      node = node.children.get(segment);
      if (node === undefined) return nearest;
      nearest = node.value ?? nearest;
    }
    return (target === 'key' ? node.key : undefined) ?? node.value ?? node.key ?? nearest;
  };
}
