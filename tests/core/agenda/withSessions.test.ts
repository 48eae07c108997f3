import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withSessions } from '../../../src/core/agenda/withSessions';
import type { Session } from '../../../src/core/playlist/types';

const session: Session = {
  id: 'a',
  title: 'Talk',
  room: 'Saal 1',
  starts: '2024-12-27T11:00',
  ends: '2024-12-27T12:00',
};

describe('withSessions', () => {
  it('replaces existing sessions in place, tabs and CRLF kept, the other lines untouched', () => {
    const text = '{\r\n\t"version": 1,\r\n\t"sessions": [],\r\n\t"slides": [ ]\r\n}\r\n';
    const out = withSessions(text, [session]);
    expect(out.startsWith('{\r\n\t"version": 1,\r\n\t"sessions": [\r\n\t\t{\r\n\t\t\t"id": "a",')).toBe(true);
    expect(out.endsWith('\r\n\t],\r\n\t"slides": [ ]\r\n}\r\n')).toBe(true);
    expect(out.includes('\n') && !/[^\r]\n/.test(out)).toBe(true);
  });

  it('keeps every other value and puts exactly the given sessions, whatever the file held', () => {
    const other = fc.dictionary(
      fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== 'sessions' && k !== '__proto__'),
      fc.jsonValue(),
      { maxKeys: 5 },
    );
    fc.assert(
      fc.property(other, fc.boolean(), fc.constantFrom(2, 4, '\t'), (data, hadSessions, space) => {
        const before = hadSessions ? { ...data, sessions: [1, 2] } : data;
        const text = JSON.stringify(before, null, space);
        const out = JSON.parse(withSessions(text, [session]));
        // Why: compared with what the file holds (JSON has no -0, which fc.jsonValue() makes).
        expect(out).toEqual({ ...JSON.parse(text), sessions: [session] });
      }),
      { numRuns: 200 },
    );
  });
});
