import { describe, expect, it } from 'vitest';
import { ScratchMarks } from '../../src/entities/scratch.js';

describe('ScratchMarks', () => {
  it('gives marks that are all zero at each use, reusing one buffer', () => {
    const marks = new ScratchMarks();
    const a = marks.zeroed(10);
    a.fill(1, 0, 10);
    const b = marks.zeroed(5);
    expect(b).toBe(a); // the same buffer, reused
    expect([...b.subarray(0, 10)]).toEqual(new Array(10).fill(0)); // the longer earlier use is cleared too
  });

  it('grows for a longer document and keeps no stale mark past the length asked', () => {
    const marks = new ScratchMarks();
    marks.zeroed(2000).fill(1, 0, 2000);
    const b = marks.zeroed(3000);
    expect(b.length).toBeGreaterThanOrEqual(3000);
    b.fill(1, 0, 3000);
    const c = marks.zeroed(100);
    expect(c.some((x) => x !== 0)).toBe(false);
  });
});
