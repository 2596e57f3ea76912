/**
 * Zeroed typed arrays for one document's tables, carved from one buffer. A typed array of more than 64 bytes gets a
 * backing store of its own, whose allocation (and release by the collector) costs microseconds each — more than
 * filling the array in most of the per-token scans of the quote and event stages. An arena is made for one document
 * by the code that owns its tables and dropped with them: nothing is shared from one document to the next. Every
 * array it hands out is a fresh range of the buffer, so it holds zeros, as a new typed array does; once the buffer is
 * used up, arrays are allocated on their own as before.
 *
 * @example
 * const arena = new Arena(5 * n);
 * const ids = arena.int32(n); // zeros
 * const flags = arena.uint8(n); // zeros, in the same buffer
 */
export class Arena {
  private readonly buffer: ArrayBuffer;
  /** Next free byte, and the end of the arena's range, in `buffer`. */
  private used: number;
  private readonly end: number;

  /**
   * An arena of `bytes` zeros: a buffer of its own, or (`buffer`, `offset`: 4-byte aligned) that range of a zeroed
   * buffer its owner allocated with other tables (one backing store fewer), which nothing else writes.
   */
  constructor(bytes: number, buffer?: ArrayBuffer, offset = 0) {
    this.buffer = buffer ?? new ArrayBuffer(bytes);
    this.used = buffer ? offset : 0;
    this.end = this.used + bytes;
  }

  /** n zeros as 32-bit integers. */
  int32(n: number): Int32Array {
    const at = (this.used + 3) & ~3;
    if (at + 4 * n > this.end) return new Int32Array(n);
    this.used = at + 4 * n;
    return new Int32Array(this.buffer, at, n);
  }

  /** n zeros as bytes. */
  uint8(n: number): Uint8Array {
    if (this.used + n > this.end) return new Uint8Array(n);
    const at = this.used;
    this.used += n;
    return new Uint8Array(this.buffer, at, n);
  }
}
