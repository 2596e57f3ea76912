// rangeTest: "inside quoted speech" must hold for any overlap of ranges, not only the
// nearest few (the test it replaced looked at the four preceding ranges only).
import { describe, expect, it } from 'vitest';
import { rangeTest } from '../../src/events/clauses.js';

describe('rangeTest', () => {
  it('agrees with a linear scan on random overlapping ranges', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 200; round++) {
      const ranges = Array.from({ length: rnd(12) }, () => {
        const a = rnd(100);
        return [a, a + 1 + rnd(40)] as [number, number];
      }).sort((x, y) => x[0] - y[0]);
      const inside = rangeTest(ranges);
      for (let pos = -1; pos < 150; pos++) expect(inside(pos)).toBe(ranges.some(([a, b]) => a <= pos && pos < b));
    }
  });

  it('sees a long range that starts before many short ones', () => {
    const ranges: [number, number][] = [[0, 1000], [10, 11], [20, 21], [30, 31], [40, 41], [50, 51]];
    expect(rangeTest(ranges)(500)).toBe(true);
    expect(rangeTest(ranges)(1000)).toBe(false);
    expect(rangeTest([])(0)).toBe(false);
  });
});
