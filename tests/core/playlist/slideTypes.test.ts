import { describe, expect, it } from 'vitest';
import { SLIDE_SCHEMAS } from '../../../src/core/playlist/schema';
import { SLIDE_TYPES } from '../../../src/core/playlist/slideTypes';

describe('SLIDE_TYPES', () => {
  it('names the slide schemas in their order', () => {
    expect(SLIDE_SCHEMAS.map((s) => s.shape.type.value)).toEqual([...SLIDE_TYPES]);
  });
});
