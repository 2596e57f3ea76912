/**
 * One weight per hashed feature: the linear scorer behind the speaker
 * ranker. A score is the sum of the weights of an example's feature ids.
 *
 * Serialised form (little-endian): u32 count | f32 scale | u32 keys[count]
 * (ascending) | i16 weights[count] (weight = i16 · scale). Loaded into an
 * open-addressing table: one probe per feature on the hot path.
 */

export class LinearModel {
  private readonly mask: number;
  private constructor(
    private readonly slotKeys: Uint32Array,
    private readonly slotWeights: Float32Array,
    /** Rows as stored (ascending keys) and their quantised weights, kept for byte-identical re-serialisation. */
    readonly keys: Uint32Array,
    readonly quantised: Int16Array,
    readonly scale: number,
  ) {
    this.mask = slotKeys.length - 1;
  }

  /** Builds the table from ascending non-zero keys and int16 weights. */
  static fromRows(keys: Uint32Array, quantised: Int16Array, scale: number): LinearModel {
    let size = 1;
    while (size < keys.length * 1.5 + 1) size <<= 1;
    const mask = size - 1;
    const slotKeys = new Uint32Array(size);
    const slotWeights = new Float32Array(size);
    for (let r = 0; r < keys.length; r++) {
      let slot = keys[r]! & mask;
      while (slotKeys[slot] !== 0) slot = (slot + 1) & mask;
      slotKeys[slot] = keys[r]!;
      slotWeights[slot] = quantised[r]! * scale;
    }
    return new LinearModel(slotKeys, slotWeights, keys, quantised, scale);
  }

  /** Keeps the `maxRows` largest weights (ties by key) and quantises them to int16. */
  static fromWeights(weights: Map<number, number>, maxRows: number): LinearModel {
    const rows = [...weights].filter(([k, w]) => k !== 0 && w !== 0);
    rows.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0] - b[0]);
    const kept = rows.slice(0, maxRows).sort((a, b) => a[0] - b[0]);
    let max = 0;
    for (const [, w] of kept) max = Math.max(max, Math.abs(w));
    const scale = Math.fround(max > 0 ? max / 32767 : 1);
    const keys = Uint32Array.from(kept.map(([k]) => k));
    const q = Int16Array.from(kept.map(([, w]) => Math.round(w / scale)));
    return LinearModel.fromRows(keys, q, scale);
  }

  get size(): number {
    return this.keys.length;
  }

  /** The weight of a feature id, given unsigned (`mix`) or as the same 32 bits signed (`mixS`). */
  weight(id: number): number {
    id >>>= 0;
    const keys = this.slotKeys;
    let slot = id & this.mask;
    let key: number;
    while ((key = keys[slot]!) !== 0) {
      if (key === id) return this.slotWeights[slot]!;
      slot = (slot + 1) & this.mask;
    }
    return 0;
  }

  /** Sum of the weights of ids[from..to). */
  score(ids: ArrayLike<number>, from = 0, to = ids.length): number {
    let s = 0;
    for (let k = from; k < to; k++) s += this.weight(ids[k]!);
    return s;
  }

  byteLength(): number {
    return 8 + 6 * this.keys.length;
  }

  write(view: DataView, offset: number): number {
    const n = this.keys.length;
    view.setUint32(offset, n, true);
    view.setFloat32(offset + 4, this.scale, true);
    let o = offset + 8;
    for (let i = 0; i < n; i++, o += 4) view.setUint32(o, this.keys[i]!, true);
    for (let i = 0; i < n; i++, o += 2) view.setInt16(o, this.quantised[i]!, true);
    return o;
  }

  static read(view: DataView, offset: number): { model: LinearModel; next: number } {
    const n = view.getUint32(offset, true);
    const scale = view.getFloat32(offset + 4, true);
    let o = offset + 8;
    const keys = new Uint32Array(n);
    const q = new Int16Array(n);
    for (let i = 0; i < n; i++, o += 4) keys[i] = view.getUint32(o, true);
    for (let i = 0; i < n; i++, o += 2) q[i] = view.getInt16(o, true);
    return { model: LinearModel.fromRows(keys, q, scale), next: o };
  }
}

/** Platt scaling: p = σ(a·x + b), fitted by Newton's method on (score, correct) pairs. */
export interface Platt {
  a: number;
  b: number;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function applyPlatt(p: Platt, x: number): number {
  return sigmoid(p.a * x + p.b);
}

/**
 * Fits Platt's sigmoid with his smoothed targets ((n₊+1)/(n₊+2), 1/(n₋+2)) by
 * Newton–Raphson with backtracking (Lin, Lin & Weng 2007), on scores scaled to
 * unit variance: deterministic and stable for perceptron scores in the hundreds.
 */
export function fitPlatt(xs: readonly number[], ys: readonly boolean[]): Platt {
  const n = xs.length;
  if (!n) return { a: 1, b: 0 };
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / n) || 1;
  const z = xs.map((x) => (x - mean) / sd);
  const pos = ys.filter(Boolean).length;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (n - pos + 2);
  const t = ys.map((y) => (y ? hi : lo));
  const loss = (a: number, b: number) => {
    let l = 0;
    for (let i = 0; i < n; i++) {
      const f = a * z[i]! + b;
      // −[t log p + (1−t) log(1−p)], written to avoid overflow.
      l += f >= 0 ? Math.log1p(Math.exp(-f)) + (1 - t[i]!) * f : Math.log1p(Math.exp(f)) - t[i]! * f;
    }
    return l;
  };
  let a = 0;
  let b = Math.log((pos + 1) / (n - pos + 1));
  let cur = loss(a, b);
  for (let it = 0; it < 100; it++) {
    let g1 = 0, g2 = 0, h11 = 1e-9, h22 = 1e-9, h12 = 0;
    for (let i = 0; i < n; i++) {
      const p = sigmoid(a * z[i]! + b);
      const d = p - t[i]!;
      const w = p * (1 - p);
      g1 += d * z[i]!;
      g2 += d;
      h11 += w * z[i]! * z[i]!;
      h22 += w;
      h12 += w * z[i]!;
    }
    if (Math.abs(g1) < 1e-7 && Math.abs(g2) < 1e-7) break;
    const det = h11 * h22 - h12 * h12;
    const da = (h22 * g1 - h12 * g2) / det;
    const db = (h11 * g2 - h12 * g1) / det;
    let step = 1;
    while (step > 1e-8) {
      const next = loss(a - step * da, b - step * db);
      if (next < cur + 1e-12) {
        a -= step * da;
        b -= step * db;
        cur = next;
        break;
      }
      step /= 2;
    }
    if (step <= 1e-8) break;
  }
  // Back to the unscaled score: a·(x − mean)/sd + b.
  return { a: Math.fround(a / sd), b: Math.fround(b - (a * mean) / sd) };
}
