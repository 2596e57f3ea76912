/**
 * Per-token marks reused from one document to the next. A typed array of more than 64 bytes is made off V8's heap
 * (a backing store, zeroed, counted as external memory): a few microseconds each, which the entity stage paid for
 * every article in each array it made per token. One buffer per use site, grown as needed and zeroed per use.
 * (Not for a use that may run inside another of the same site: the entity stage's are never nested.)
 */
export class ScratchMarks {
  private buf = new Uint8Array(0);
  /** How many leading bytes the last use may have set. */
  private used = 0;

  /**
   * A byte array whose indices below `n` are all 0 for this use, and every other index too (the array may be longer
   * than `n`: marks a longer document set earlier are cleared as well, so a read past `n` finds 0, not a stale mark).
   */
  zeroed(n: number): Uint8Array {
    if (this.buf.length < n) this.buf = new Uint8Array(Math.max(n, 2 * this.buf.length, 1024));
    else this.buf.fill(0, 0, Math.max(n, this.used));
    this.used = n;
    return this.buf;
  }
}
