import { type Node, parseTree } from 'jsonc-parser';
import type { JsonPath } from './jsonPath';
import { createPositionFinder, type TextPosition } from './textPosition';

/** Finds where a path is written in the playlist text. */
export interface JsonLocator {
  /** The position of the value at `path` (or of its key, with `target: 'key'`); a missing path gives its nearest written ancestor. */
  at(path: JsonPath, target?: 'value' | 'key'): TextPosition;
}

/** A locator over `text`; the syntax tree is built on first use, so valid playlists never pay for it. */
export function createJsonLocator(text: string): JsonLocator {
  const position = createPositionFinder(text);
  let root: Node | undefined;
  let built = false;
  return {
    at(path, target = 'value') {
      if (!built) {
        root = parseTree(text, [], { disallowComments: false, allowTrailingComma: true });
        built = true;
      }
      const node = root === undefined ? undefined : nodeAt(root, path, target);
      return position(node?.offset ?? 0);
    },
  };
}

function nodeAt(root: Node, path: JsonPath, target: 'value' | 'key'): Node {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (node.type === 'array' && typeof segment === 'number') {
      const child = node.children?.[segment];
      if (child === undefined) return node;
      node = child;
    } else if (node.type === 'object' && typeof segment === 'string') {
      const property = findProperty(node, segment);
      const key = property?.children?.[0];
      const value = property?.children?.[1];
      if (last && target === 'key' && key !== undefined) return key;
      if (value === undefined) return key ?? node;
      node = value;
    } else {
      return node;
    }
  }
  return node;
}

function findProperty(object: Node, key: string): Node | undefined {
  const properties = object.children ?? [];
  // Why: with a key written twice JSON keeps the last one, so that is the one to point at.
  for (let i = properties.length - 1; i >= 0; i--) {
    const property = properties[i];
    if (property?.children?.[0]?.value === key) return property;
  }
  return undefined;
}
