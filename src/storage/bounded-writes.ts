/**
 * Output writes that run concurrently, at most `limit` at a time: the caller
 * awaits `add()`, which returns as soon as a slot is free (back-pressure), so a
 * fast producer never queues thousands of file bodies in memory and a slow disk
 * or store never sees more than `limit` requests at once. A failed write is
 * reported by the next `add()` or by `flush()`.
 *
 * @example
 * const writes = new BoundedWrites(16);
 * for (const doc of docs) await writes.add(() => store.put(key(doc), body(doc)));
 * await writes.flush();
 */
export class BoundedWrites {
  private readonly inFlight = new Set<Promise<void>>();
  private failure: { error: unknown } | null = null;

  constructor(readonly limit = 16) {
    if (!(limit >= 1)) throw new Error(`BoundedWrites needs a limit of at least 1, got ${limit}`);
  }

  async add(write: () => Promise<void>): Promise<void> {
    this.rethrow();
    while (this.inFlight.size >= this.limit) await Promise.race(this.inFlight);
    this.rethrow();
    const p: Promise<void> = write()
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  /** Waits for every write started; throws the first failure. */
  async flush(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
    this.rethrow();
  }

  private rethrow(): void {
    if (this.failure) throw this.failure.error;
  }
}
