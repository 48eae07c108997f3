import { describe, expect, it } from 'vitest';
import { ERROR_WORDS } from '../../src/remote-shared/errorWords';
import {
  httpRefusal,
  noAnswer,
  type OwnRefusalWords,
  type Refusal,
  sayRefusal,
} from '../../src/remote-shared/refusal';

/** An app's own words, each telling which it is. */
const own: OwnRefusalWords = {
  replyUnreadable: 'own: unreadable',
  noAnswer: 'own: no answer',
  hostStatus: (status) => `own: HTTP ${status}`,
  unknownRefusal: (code) => `own: refused (${code})`,
};

const notSeen = {
  ok: false,
  id: null,
  error: {
    code: 'screen-not-seen',
    message: 'no screenshot: the kiosk browser was not started by this host',
  },
};

describe('sayRefusal', () => {
  it('says a known code in the interface’s words, with the host’s text beneath', () => {
    const refusal: Refusal = { kind: 'refused', code: 'nothing-eligible', message: 'no slide can play now' };
    expect(sayRefusal(refusal, 'zh', own)).toEqual({
      headline: ERROR_WORDS.zh['nothing-eligible'],
      detail: 'no slide can play now',
    });
    expect(sayRefusal(refusal, 'en', own).headline).toBe(ERROR_WORDS.en['nothing-eligible']);
    expect(sayRefusal({ ...refusal, message: '  ' }, 'zh', own).detail).toBeNull();
  });

  it('says a code in the app’s own words where it has them, the shared words for the rest', () => {
    const mine = { ...own, codeWords: { 'nothing-eligible': 'own: nothing to play' } };
    const refusal: Refusal = { kind: 'refused', code: 'nothing-eligible', message: 'no slide can play now' };
    expect(sayRefusal(refusal, 'zh', mine)).toEqual({
      headline: 'own: nothing to play',
      detail: 'no slide can play now',
    });
    expect(sayRefusal({ ...refusal, code: 'expired' }, 'zh', mine).headline).toBe(ERROR_WORDS.zh.expired);
  });

  it('says a code it does not know in the host’s text, and never nothing', () => {
    expect(
      sayRefusal({ kind: 'refused', code: 'wall-busy', message: 'the wall is busy' }, 'zh', own),
    ).toEqual({
      headline: 'the wall is busy',
      detail: null,
    });
    const blank = sayRefusal({ kind: 'refused', code: 'wall-busy', message: '' }, 'zh', own).headline;
    expect(blank).toBe('own: refused (wall-busy)');
  });

  it('says a bare status, an unreadable answer and no answer in its own words, with what detail there is', () => {
    expect(sayRefusal({ kind: 'status', status: 502 }, 'zh', own).headline).toBe('own: HTTP 502');
    expect(sayRefusal({ kind: 'unreadable', detail: '/api/health: uptimeMs: bad' }, 'zh', own)).toEqual({
      headline: 'own: unreadable',
      detail: '/api/health: uptimeMs: bad',
    });
    expect(sayRefusal({ kind: 'no-answer', detail: null }, 'en', own)).toEqual({
      headline: 'own: no answer',
      detail: null,
    });
  });
});

describe('httpRefusal and noAnswer', () => {
  it('reads the host’s code and text from an error body, also for a code this remote does not know', () => {
    expect(httpRefusal(503, notSeen)).toEqual({ kind: 'refused', ...notSeen.error });
    const newer = { ok: false, id: null, error: { code: 'wall-busy', message: 'later' }, hint: 1 };
    expect(httpRefusal(503, newer)).toEqual({ kind: 'refused', code: 'wall-busy', message: 'later' });
  });

  it('keeps only the status of a body that is no error answer', () => {
    expect(httpRefusal(421, null)).toEqual({ kind: 'status', status: 421 });
    expect(httpRefusal(500, { ok: false, error: { code: '', message: 'x' } })).toEqual({
      kind: 'status',
      status: 500,
    });
    expect(httpRefusal(502, '<html>Bad gateway</html>')).toEqual({ kind: 'status', status: 502 });
  });

  it('keeps the browser’s reason for a failed request, but not that the remote gave up waiting', () => {
    expect(noAnswer(new TypeError('Failed to fetch'))).toEqual({
      kind: 'no-answer',
      detail: 'Failed to fetch',
    });
    expect(noAnswer(new DOMException('signal is aborted', 'AbortError'))).toEqual({
      kind: 'no-answer',
      detail: null,
    });
    expect(noAnswer('odd')).toEqual({ kind: 'no-answer', detail: null });
  });
});
