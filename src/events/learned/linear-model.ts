/**
 * A trained linear classifier over hashed features, any number of labels: the
 * run-time form of the event stage's averaged perceptrons (mention detector,
 * factuality, date anchoring).
 *
 * File format (little-endian), an open-addressing table in slot order:
 *   magic (4 ASCII bytes) | u32 labels | u32 slots | u32 rows
 *   u32 keys[slots] (0 = empty) | f32 scales[slots] | i8 weights[slots·labels]
 * Each row is one feature's weights quantised to int8 with its own scale.
 */
export class LinearModel {
  private readonly mask: number;
  /** Each slot's weights times its scale, as floats (built on first use): one array read per hit at run time. */
  private scaled: Float32Array | null = null;

  constructor(
    readonly magic: string,
    readonly labels: number,
    private readonly slotKeys: Uint32Array,
    private readonly slotScales: Float32Array,
    private readonly slotWeights: Int8Array,
    readonly rows: number,
  ) {
    this.mask = slotKeys.length - 1;
  }

  /** Builds the table from quantised rows (keys non-zero and distinct, as `quantiseRows` gives them). */
  static fromRows(magic: string, labels: number, keys: Uint32Array, scales: Float32Array, weights: Int8Array): LinearModel {
    let size = 1;
    while (size < keys.length * 1.25) size <<= 1;
    const mask = size - 1;
    const slotKeys = new Uint32Array(size);
    const slotScales = new Float32Array(size);
    const slotWeights = new Int8Array(size * labels);
    for (let r = 0; r < keys.length; r++) {
      let slot = keys[r]! & mask;
      while (slotKeys[slot] !== 0) slot = (slot + 1) & mask;
      slotKeys[slot] = keys[r]!;
      slotScales[slot] = scales[r]!;
      slotWeights.set(weights.subarray(r * labels, (r + 1) * labels), slot * labels);
    }
    return new LinearModel(magic, labels, slotKeys, slotScales, slotWeights, keys.length);
  }

  private scaledRows(): Float32Array {
    if (!this.scaled) {
      const n = this.labels;
      const rows = new Float32Array(this.slotKeys.length * n);
      for (let slot = 0; slot < this.slotKeys.length; slot++) {
        const s = this.slotScales[slot]!;
        for (let l = 0; l < n; l++) rows[slot * n + l] = this.slotWeights[slot * n + l]! * s;
      }
      this.scaled = rows;
    }
    return this.scaled;
  }

  /** Adds the weights of features ids[from..to) to out[0..labels). */
  addScores(ids: ArrayLike<number>, from: number, to: number, out: Float32Array): void {
    // Fields in locals: in this hot loop a property read per weight costs more than the arithmetic.
    const keys = this.slotKeys;
    const rows = this.scaled ?? this.scaledRows();
    const bits = this.filterBits ?? this.filter();
    const mask = this.mask;
    const n = this.labels;
    for (let k = from; k < to; k++) {
      const id = ids[k]! >>> 0;
      if ((bits[(id >>> 13) & 0x1fff]! & (1 << (id & 31))) === 0) continue;
      let slot = id & mask;
      let key: number;
      while ((key = keys[slot]!) !== 0) {
        if (key === id) {
          const b = slot * n;
          for (let l = 0; l < n; l++) out[l] = out[l]! + rows[b + l]!;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }

  /**
   * One bit per 2^18 hash buckets, set for the buckets of the model's keys: most ids looked up one by one
   * (word pairs) are in no model, and this 32 KB filter stays in cache where the table does not.
   */
  private filterBits: Int32Array | null = null;

  private filter(): Int32Array {
    if (!this.filterBits) {
      const bits = new Int32Array(1 << 13);
      for (const key of this.slotKeys) if (key !== 0) bits[(key >>> 13) & 0x1fff] = bits[(key >>> 13) & 0x1fff]! | (1 << (key & 31));
      this.filterBits = bits;
    }
    return this.filterBits;
  }

  /** Adds the weights of one feature id to out[at..at+labels). */
  addOne(id: number, out: Float32Array, at: number): void {
    id >>>= 0;
    const bits = this.filterBits ?? this.filter();
    if ((bits[(id >>> 13) & 0x1fff]! & (1 << (id & 31))) === 0) return;
    const keys = this.slotKeys;
    const mask = this.mask;
    let slot = id & mask;
    let key: number;
    while ((key = keys[slot]!) !== 0) {
      if (key === id) {
        const rows = this.scaled ?? this.scaledRows();
        const n = this.labels;
        const b = slot * n;
        for (let l = 0; l < n; l++) out[at + l] = out[at + l]! + rows[b + l]!;
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Scores of one example's features, one per label. */
  scores(ids: ArrayLike<number>, from = 0, to = ids.length): Float32Array {
    const out = new Float32Array(this.labels);
    this.addScores(ids, from, to, out);
    return out;
  }

  toBuffer(): Buffer {
    const slots = this.slotKeys.length;
    const buf = Buffer.alloc(16 + slots * 8 + slots * this.labels);
    buf.write(this.magic, 0, 4, 'latin1');
    buf.writeUInt32LE(this.labels, 4);
    buf.writeUInt32LE(slots, 8);
    buf.writeUInt32LE(this.rows, 12);
    Buffer.from(this.slotKeys.buffer, this.slotKeys.byteOffset, slots * 4).copy(buf, 16);
    Buffer.from(this.slotScales.buffer, this.slotScales.byteOffset, slots * 4).copy(buf, 16 + slots * 4);
    Buffer.from(this.slotWeights.buffer, this.slotWeights.byteOffset, slots * this.labels).copy(buf, 16 + slots * 8);
    return buf;
  }

  /** Loads a file written by toBuffer; `magic` must match (a mention model is no factuality model). */
  static fromBuffer(buf: Buffer, magic: string): LinearModel {
    const found = buf.toString('latin1', 0, 4);
    if (found !== magic) throw new Error(`not a ${magic} model file (found "${found}")`);
    const labels = buf.readUInt32LE(4);
    const slots = buf.readUInt32LE(8);
    const rows = buf.readUInt32LE(12);
    if (buf.length !== 16 + slots * 8 + slots * labels) throw new Error(`${magic} model file truncated`);
    // Copy into aligned memory: a Buffer from readFileSync may sit at any byte offset.
    const body = new Uint8Array(buf.subarray(16));
    return new LinearModel(
      magic,
      labels,
      new Uint32Array(body.buffer, 0, slots),
      new Float32Array(body.buffer, slots * 4, slots),
      new Int8Array(body.buffer, slots * 8, slots * labels),
      rows,
    );
  }
}
