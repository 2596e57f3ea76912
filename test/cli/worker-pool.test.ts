import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { mapInOrder } from '../../src/cli/worker-pool.js';

const WORKER = new URL('./fixtures/pool-worker.mjs', import.meta.url);
type Out = { n: number; square: number; threadId: number };

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('mapInOrder', () => {
  it('runs on several threads and delivers the results in input order', async () => {
    const inputs = Array.from({ length: 40 }, (_, i) => i);
    const out = await collect(mapInOrder<number, Out>(WORKER, inputs, { jobs: 3, batch: 3 }));
    expect(out.map((o) => o.n)).toEqual(inputs);
    expect(out.map((o) => o.square)).toEqual(inputs.map((n) => n * n));
    const threads = new Set(out.map((o) => o.threadId));
    expect(threads.size).toBeGreaterThan(1);
    expect(threads.has(threadId)).toBe(false);
  });

  it('with one job runs on the calling thread, with the same results', async () => {
    const inputs = Array.from({ length: 10 }, (_, i) => i);
    const one = await collect(mapInOrder<number, Out>(WORKER, inputs, { jobs: 1 }));
    expect(one.every((o) => o.threadId === threadId)).toBe(true);
    const many = await collect(mapInOrder<number, Out>(WORKER, inputs, { jobs: 2 }));
    expect(many.map(({ n, square }) => [n, square])).toEqual(one.map(({ n, square }) => [n, square]));
  });

  it('reads the inputs lazily, never more than `ahead` batches past the one awaited', async () => {
    let read = 0;
    function* inputs() {
      for (let i = 0; i < 100; i++) {
        read++;
        yield i;
      }
    }
    const seen: number[] = [];
    for await (const o of mapInOrder<number, Out>(WORKER, inputs(), { jobs: 2, batch: 2, ahead: 5 })) {
      seen.push(read - o.n);
      if (o.n === 50) break; // stopping early closes the pool
    }
    expect(Math.max(...seen)).toBeLessThanOrEqual(2 * 7); // the batch awaited and 5 more, of 2 each
    expect(read).toBeLessThanOrEqual(50 + 2 * 7);
  });

  it('loads a TypeScript task module in its threads (the CLI running from source)', async () => {
    const ts = new URL('./fixtures/pool-worker-ts.ts', import.meta.url);
    const out = await collect(mapInOrder<number, { n: number; threadId: number }>(ts, [1, 2, 3, 4, 5], { jobs: 2 }));
    expect(out.map((o) => o.n)).toEqual([2, 4, 6, 8, 10]);
    expect(out.some((o) => o.threadId === threadId)).toBe(false);
  });

  it('passes a failed task on as its error, in its place', async () => {
    const got: (number | string)[] = [];
    await expect(async () => {
      for await (const o of mapInOrder<number | string, Out>(WORKER, [1, 2, 'fail', 4], { jobs: 2, batch: 1 })) got.push(o.n);
    }).rejects.toThrow(/task failed on purpose/);
    expect(got).toEqual([1, 2]);
  });
});
