import { describe, expect, it } from 'vitest';
import { BoundedWrites } from '../../src/storage/bounded-writes.js';

const tick = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('BoundedWrites', () => {
  it('runs writes concurrently, never more than the limit at once, and flush waits for all', async () => {
    const writes = new BoundedWrites(3);
    let running = 0;
    let most = 0;
    const finished: number[] = [];
    for (let i = 0; i < 20; i++) {
      await writes.add(async () => {
        running++;
        most = Math.max(most, running);
        await tick(5 + (i % 4));
        running--;
        finished.push(i);
      });
    }
    await writes.flush();
    expect(most).toBe(3);
    expect(finished.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('reports a failed write at the next add or at flush, and never swallows it', async () => {
    const writes = new BoundedWrites(2);
    await writes.add(async () => {
      throw new Error('disk full');
    });
    await tick(1);
    await expect(writes.add(async () => {})).rejects.toThrow('disk full');
    const other = new BoundedWrites(2);
    await other.add(async () => {
      await tick(2);
      throw new Error('EACCES');
    });
    await expect(other.flush()).rejects.toThrow('EACCES');
  });
});
