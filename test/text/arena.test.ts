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

  it('over a range of a given buffer, hands out arrays inside that range only, then allocates on its own', () => {
    const buffer = new ArrayBuffer(32);
    const arena = new Arena(12, buffer, 16);
    const a = arena.int32(2);
    const b = arena.uint8(4);
    expect([a.buffer, a.byteOffset, b.buffer, b.byteOffset]).toEqual([buffer, 16, buffer, 24]);
    const c = arena.uint8(1); // the range [16, 28) is used up
    expect(c.buffer).not.toBe(buffer);
    a.fill(-1);
    b.fill(9);
    expect([...new Uint8Array(buffer, 0, 16)].every((x) => x === 0)).toBe(true); // before the range: untouched
    expect([...new Uint8Array(buffer, 28, 4)]).toEqual([0, 0, 0, 0]); // after it: untouched
  });
});
