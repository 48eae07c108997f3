import { applyEdits, findNodeAtLocation, modify, parseTree } from 'jsonc-parser';
import type { Session } from '../playlist/types';

/**
 * `playlistText` with its `sessions` replaced by `sessions` (added at the end when missing), everything
 * else byte for byte as it was; the new value is indented as the file is (tabs or N spaces) with its
 * line endings. Why not jsonc-parser's formatter: adding a property makes it reformat the one before.
 */
export function withSessions(playlistText: string, sessions: readonly Session[]): string {
  const indent = /^[ \t]+(?=")/m.exec(playlistText)?.[0] ?? '  ';
  const eol = playlistText.includes('\r\n') ? '\r\n' : '\n';
  const json = (depth: string): string =>
    JSON.stringify(sessions, null, indent).replaceAll('\n', `${eol}${depth}`);
  const existing = findNodeAtLocation(parseTree(playlistText) ?? emptyObject, ['sessions']);
  if (existing !== undefined) {
    const lineStart = playlistText.lastIndexOf('\n', existing.offset) + 1;
    const depth = /^[ \t]*/.exec(playlistText.slice(lineStart))?.[0] ?? '';
    return applyEdits(playlistText, [
      { offset: existing.offset, length: existing.length, content: json(depth) },
    ]);
  }
  const [insert] = modify(playlistText, ['sessions'], [], {});
  if (insert === undefined) return playlistText;
  const comma = insert.content.startsWith(',') ? ',' : '';
  return applyEdits(playlistText, [
    { ...insert, content: `${comma}${eol}${indent}"sessions": ${json(indent)}${comma === '' ? eol : ''}` },
  ]);
}

const emptyObject = parseTree('{}') as NonNullable<ReturnType<typeof parseTree>>;
