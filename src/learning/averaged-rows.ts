/**
 * The weight store of an averaged perceptron (Collins 2002) over hashed
 * features, shared by the entity recogniser's structured trainer and the event
 * stage's linear trainers: one row of `labels` weights per feature id, grown on
 * demand, with the running sums that give the averaged weights (w − u/c).
 */
export class AveragedRows {
  /** Feature id → its row. */
  private readonly rowOf = new Map<number, number>();
  /** Row → its feature id. */
  private readonly keys: number[] = [];
  private w = new Float32Array(1 << 20);
  private u = new Float64Array(1 << 20);

  constructor(readonly labels: number) {}

  /** Adds the current weights of features ids[from..to) to out[outOffset..outOffset+labels). */
  addScores(ids: Uint32Array, from: number, to: number, out: Float32Array, outOffset: number): void {
    const w = this.w;
    const n = this.labels;
    for (let k = from; k < to; k++) {
      const r = this.rowOf.get(ids[k]!);
      if (r === undefined) continue;
      const base = r * n;
      for (let l = 0; l < n; l++) out[outOffset + l] = out[outOffset + l]! + w[base + l]!;
    }
  }

  /** Adds `delta` to feature `id`'s weight for `label`, at averaging clock `clock` (id 0: a dropped feature). */
  update(id: number, label: number, delta: number, clock: number): void {
    if (id === 0) return;
    const i = this.row(id) * this.labels + label;
    this.w[i] = this.w[i]! + delta;
    this.u[i] = this.u[i]! + clock * delta;
  }

  /** The averaged weights per feature id after `clock` examples. */
  averaged(clock: number): Map<number, Float32Array> {
    const rows = new Map<number, Float32Array>();
    const n = this.labels;
    for (let r = 0; r < this.keys.length; r++) {
      const v = new Float32Array(n);
      for (let l = 0; l < n; l++) v[l] = this.w[r * n + l]! - this.u[r * n + l]! / clock;
      rows.set(this.keys[r]!, v);
    }
    return rows;
  }

  /** How many features have a row. */
  get size(): number {
    return this.keys.length;
  }

  private row(id: number): number {
    let r = this.rowOf.get(id);
    if (r === undefined) {
      r = this.keys.length;
      this.keys.push(id);
      this.rowOf.set(id, r);
      if ((r + 1) * this.labels > this.w.length) {
        const w2 = new Float32Array(this.w.length * 2);
        w2.set(this.w);
        this.w = w2;
        const u2 = new Float64Array(this.u.length * 2);
        u2.set(this.u);
        this.u = u2;
      }
    }
    return r;
  }
}

/** Mean of several models' weight rows: an ensemble of linear models in the cost of one. */
export function meanRows(models: readonly ReadonlyMap<number, Float32Array>[]): Map<number, Float32Array> {
  const rows = new Map<number, Float32Array>();
  for (const m of models) {
    for (const [k, v] of m) {
      let acc = rows.get(k);
      if (!acc) rows.set(k, (acc = new Float32Array(v.length)));
      for (let l = 0; l < v.length; l++) acc[l] = acc[l]! + v[l]! / models.length;
    }
  }
  return rows;
}
