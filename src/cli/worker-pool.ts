/**
 * Runs a task module over many inputs on a pool of worker threads (tinypool) and
 * hands the results back **in input order**, so whatever the caller writes is
 * byte for byte what one thread would have written.
 *
 * The module's default export takes a batch of inputs and returns their results
 * in the same order (`(inputs: I[]) => O[] | Promise<O[]>`): inputs travel in
 * batches because each message between threads has a fixed cost (tinypool also
 * reads the thread's memory use after every task, ~1-4 ms here), which one
 * article's ~1 ms of work would not repay.
 *
 * At most `ahead` batches are in flight beyond the one awaited: every thread stays
 * busy while the caller writes, and memory stays bounded however many inputs
 * there are. With `jobs: 1` no thread is started: the module runs on this one
 * (the same function, so the same results, without a worker's start-up and copying).
 *
 * @example
 * for await (const r of mapInOrder<Task, Result>(new URL('./extract-worker.js', import.meta.url), tasks, { jobs: 4 })) write(r);
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

export interface PoolOptions {
  /** Worker threads; 1 runs every task on the calling thread. */
  jobs: number;
  /** Inputs per message to a thread (default 8). */
  batch?: number;
  /** Batches submitted ahead of the one awaited (default 3 per thread). */
  ahead?: number;
}

/** The default for `--jobs`: every core this process may use. */
export const defaultJobs = (): number => availableParallelism();

/** What a task module exports as default. */
export type BatchTask<I, O> = (inputs: I[]) => O[] | Promise<O[]>;

interface Runner<I, O> {
  run(inputs: I[]): Promise<O[]>;
  close(): Promise<void>;
}

async function startRunner<I, O>(module: URL, jobs: number): Promise<Runner<I, O>> {
  if (jobs <= 1) {
    const task = (await import(module.href)).default as BatchTask<I, O>;
    return { run: async (inputs) => task(inputs), close: async () => {} };
  }
  const { Tinypool } = await import('tinypool');
  // Running from the TypeScript (development, tests), a thread must register tsx before it can load a .ts module.
  const fromSource = fileURLToPath(module).endsWith('.ts');
  const pool = new Tinypool({
    filename: fromSource ? new URL('./worker-from-source.mjs', import.meta.url).href : module.href,
    minThreads: jobs,
    maxThreads: jobs,
  });
  return {
    run: (inputs) => (fromSource ? pool.run({ module: module.href, inputs }) : pool.run(inputs)) as Promise<O[]>,
    close: () => pool.destroy(),
  };
}

export async function* mapInOrder<I, O>(module: URL, inputs: Iterable<I> | AsyncIterable<I>, opts: PoolOptions): AsyncGenerator<O> {
  const batchSize = Math.max(1, opts.batch ?? 8);
  const ahead = Math.max(1, opts.ahead ?? 3 * opts.jobs);
  const runner = await startRunner<I, O>(module, opts.jobs);
  const pending: Promise<O[]>[] = [];
  const submit = (batch: I[]) => {
    const p = runner.run(batch);
    p.catch(() => {}); // awaited in order below; this only keeps a rejection that waits its turn from counting as unhandled
    pending.push(p);
  };
  const it = (Symbol.asyncIterator in inputs ? inputs[Symbol.asyncIterator]() : inputs[Symbol.iterator]()) as AsyncIterator<I> | Iterator<I>;
  try {
    let done = false;
    while (true) {
      while (!done && pending.length <= ahead) {
        const batch: I[] = [];
        while (batch.length < batchSize) {
          const next = await it.next();
          if (next.done) {
            done = true;
            break;
          }
          batch.push(next.value);
        }
        if (batch.length > 0) submit(batch);
      }
      const head = pending.shift();
      if (!head) return;
      yield* await head;
    }
  } finally {
    await runner.close();
  }
}
