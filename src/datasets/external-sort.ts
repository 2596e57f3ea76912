/**
 * Sorts more rows than should sit in memory: rows are collected up to
 * `maxInMemory`, then sorted and spilled to a temporary file as one JSON line
 * each (a run); `sorted()` merges the runs (and what is still in memory) one
 * row at a time. With fewer rows than the limit nothing touches the disk.
 * The sort is stable across runs: ties keep the order they were added in.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export class ExternalSorter<T> {
  private buffer: T[] = [];
  private runs: string[] = [];
  private dir: string | null = null;

  constructor(
    private readonly compare: (a: T, b: T) => number,
    readonly maxInMemory = 100_000,
  ) {}

  /** Adds a row; every `maxInMemory` rows, the buffer is sorted and written out (awaited here: back-pressure). */
  async add(row: T): Promise<void> {
    this.buffer.push(row);
    if (this.buffer.length >= this.maxInMemory) await this.spill();
  }

  /** Runs written to disk so far (for tests and reports). */
  get spilledRuns(): number {
    return this.runs.length;
  }

  private async spill(): Promise<void> {
    const rows = this.buffer.sort(this.compare); // Array.prototype.sort is stable
    this.buffer = [];
    this.dir ??= await mkdtemp(join(tmpdir(), 'ae-sort-'));
    const file = join(this.dir, `run-${this.runs.length}.jsonl`);
    this.runs.push(file);
    const out = createWriteStream(file, 'utf8');
    for (const r of rows) if (!out.write(`${JSON.stringify(r)}\n`)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
  }

  /** Every row added, in order; the temporary files are removed when the iteration ends. */
  async *sorted(): AsyncGenerator<T> {
    const memory = this.buffer.sort(this.compare);
    this.buffer = [];
    try {
      if (this.runs.length === 0) {
        yield* memory;
        return;
      }
      // One cursor per run plus the in-memory rest; ties go to the earlier run (stability).
      const cursors: { next: () => Promise<T | undefined>; head: T | undefined }[] = [];
      for (const file of this.runs) {
        const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })[Symbol.asyncIterator]();
        const next = async () => {
          const l = await lines.next();
          return l.done ? undefined : (JSON.parse(l.value) as T);
        };
        cursors.push({ next, head: await next() });
      }
      let i = 0;
      const rest = async () => memory[i++];
      cursors.push({ next: rest, head: await rest() });
      while (true) {
        let best = -1;
        for (let c = 0; c < cursors.length; c++) {
          const h = cursors[c]!.head;
          if (h !== undefined && (best < 0 || this.compare(h, cursors[best]!.head as T) < 0)) best = c;
        }
        if (best < 0) return;
        const cur = cursors[best]!;
        yield cur.head as T;
        cur.head = await cur.next();
      }
    } finally {
      if (this.dir) await rm(this.dir, { recursive: true, force: true });
      this.dir = null;
      this.runs = [];
    }
  }
}
