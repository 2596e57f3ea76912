import { describe, expect, it } from 'vitest';
import { Arena } from '../../src/text/arena.js';

describe('Arena: zeroed typed arrays from one buffer', () => {
  it('hands out disjoint zeroed arrays of the lengths asked, aligned for 32-bit integers', () => {
    const arena = new Arena(64);
    const a = arena.uint8(3);
    const b = arena.int32(4);
    const c = arena.uint8(5);
    expect([a.length, b.length, c.length]).toEqual([3, 4, 5]);
    expect(b.byteOffset % 4).toBe(0);
    expect(a.buffer).toBe(b.buffer);
    a.fill(255);
    b.fill(-1);
    c.fill(7);
    expect([...a]).toEqual([255, 255, 255]);
    expect([...b]).toEqual([-1, -1, -1, -1]);
    expect([...c]).toEqual([7, 7, 7, 7, 7]);
    // A fill past the end of one array stops at its end (its neighbours keep their values).
    a.fill(1, 0, 100);
    expect([...b]).toEqual([-1, -1, -1, -1]);
  });

  it('allocates on its own once the buffer is used up', () => {
    const arena = new Arena(8);
    const a = arena.int32(2);
    const b = arena.int32(2);
    const c = arena.uint8(1);
    expect(b.buffer).not.toBe(a.buffer);
    expect(c.buffer).not.toBe(a.buffer);
    expect([...b, ...c]).toEqual([0, 0, 0]);
  });
});
